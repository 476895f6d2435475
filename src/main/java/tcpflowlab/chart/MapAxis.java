package tcpflowlab.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import tcpflowlab.sweep.SweepAxis;
import tcpflowlab.sweep.SweepScale;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where one swept field's values sit on a map: each value's centre and the edges of its block.
 * Listed values (enums, booleans, any list) are categories at 0, 1, 2 ...; a linear range puts
 * block edges halfway between neighbours; a log range puts them at the geometric midpoints, so
 * on a log axis every block of an evenly spaced range is equally wide.
 */
final class MapAxis {
    private final SweepAxis axis;
    private final double[] centres;
    private final double[] edges;

    private MapAxis(SweepAxis axis, double[] centres, double[] edges) {
        this.axis = axis;
        this.centres = centres;
        this.edges = edges;
    }

    static MapAxis of(SweepAxis axis) {
        int n = axis.size();
        double[] centres = new double[n];
        for (int i = 0; i < n; i++) {
            centres[i] = axis.scale() == SweepScale.LIST ? i : ((Number) axis.values().get(i)).doubleValue();
        }
        return new MapAxis(axis, centres, axis.scale() == SweepScale.LOG ? geometricEdges(centres) : linearEdges(centres));
    }

    private static double[] linearEdges(double[] c) {
        int n = c.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            double half = Math.max(0.5, Math.abs(c[0]) * 0.1);
            e[0] = c[0] - half;
            e[1] = c[0] + half;
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = (c[i - 1] + c[i]) / 2;
        }
        e[0] = c[0] - (e[1] - c[0]);
        e[n] = c[n - 1] + (c[n - 1] - e[n - 1]);
        return e;
    }

    private static double[] geometricEdges(double[] c) {
        int n = c.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = c[0] / Math.sqrt(2);
            e[1] = c[0] * Math.sqrt(2);
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = Math.sqrt(c[i - 1] * c[i]);
        }
        e[0] = c[0] * c[0] / e[1];
        e[n] = c[n - 1] * c[n - 1] / e[n - 1];
        return e;
    }

    SweepAxis sweepAxis() {
        return axis;
    }

    int size() {
        return centres.length;
    }

    double centre(int i) {
        return centres[i];
    }

    double lower(int i) {
        return edges[i];
    }

    double upper(int i) {
        return edges[i + 1];
    }

    /** The value's position whose block holds {@code value}, or -1 outside every block. */
    int positionAt(double value) {
        if (!(value >= edges[0] && value <= edges[edges.length - 1])) {
            return -1;
        }
        for (int i = 0; i < centres.length; i++) {
            if (value <= edges[i + 1]) {
                return i;
            }
        }
        return centres.length - 1;
    }

    /** The most ticks a linear axis gets when they are put on the values. */
    private static final int MAX_VALUE_TICKS = 12;

    /**
     * A tick unit that puts the ticks on the values (every value, or every k-th when there are
     * many), where the values are evenly spaced by a round step from a multiple of it (0..50:11); otherwise
     * JFreeChart's own round ticks, which then fall between values.
     */
    private Optional<NumberTickUnit> centredTickUnit() {
        int n = centres.length;
        if (n < 2) {
            return Optional.empty();
        }
        double step = (centres[n - 1] - centres[0]) / (n - 1);
        if (Math.abs(step * 1000 - Math.rint(step * 1000)) > 1e-6) {
            return Optional.empty(); // 0..50:20 steps by 2.632: ticks at 0, 10, 20 read better than at 5.263
        }
        for (int i = 1; i < n; i++) {
            if (Math.abs(centres[i] - centres[i - 1] - step) > step * 1e-9) {
                return Optional.empty();
            }
        }
        double unit = step * Math.ceil((double) n / MAX_VALUE_TICKS);
        double offset = centres[0] / unit;
        if (Math.abs(offset - Math.rint(offset)) > 1e-9) {
            return Optional.empty();
        }
        return Optional.of(new NumberTickUnit(unit, new DecimalFormat("#,##0.###")));
    }

    /** "read size (B)": the field's label and unit, as the axis is titled. */
    String label() {
        String unit = axis.field().unit();
        return axis.field().label() + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    /** A fresh axis spanning every block: categories, linear or logarithmic as the sweep spread the values. */
    ValueAxis valueAxis(ChartStyle style) {
        ValueAxis a = switch (axis.scale()) {
            case LIST -> {
                List<String> texts = axis.valueTexts();
                SymbolAxis s = new SymbolAxis(label(), texts.toArray(new String[0]));
                s.setGridBandsVisible(false);
                yield s;
            }
            case LOG -> {
                LogAxis log = new LogAxis(label());
                log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
                // a tick per decade: half-decade ticks (31.623) read as noise
                log.setTickUnit(new NumberTickUnit(1));
                log.setMinorTickCount(9);
                yield log;
            }
            case LINEAR -> {
                NumberAxis lin = new NumberAxis(label());
                lin.setAutoRangeIncludesZero(false);
                centredTickUnit().ifPresent(lin::setTickUnit);
                yield lin;
            }
        };
        a.setAutoRange(false);
        a.setRange(edges[0], edges[edges.length - 1]);
        a.setLabelFont(style.font());
        a.setTickLabelFont(style.font());
        return a;
    }
}
