package tcpflowlab.chart;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A lesson's evidence on the charts: on every visible row, kept across the event markers' redraw, labelled where there is room. */
class EvidenceMarkerTest {
    private final FlowChart chart = new FlowChart(new SampleHistory());

    private static List<Marker> of(XYPlot p, Layer layer) {
        Collection<?> c = p.getDomainMarkers(layer);
        return c == null ? List.of() : c.stream().map(Marker.class::cast).toList();
    }

    @Test
    void aBandAndALineOnEveryVisibleRowAndOnlyWhileInView() {
        chart.evidence().set(2.5, "answer: ECONNRESET");
        chart.markers().show(List.of(), List.of(), 0, 10, 10); // the frame's event markers clear the plots first
        chart.evidence().show(0, 10);
        for (XYPlot row : chart.visibleRows()) {
            assertThat(of(row, Layer.BACKGROUND)).anySatisfy(m -> {
                assertThat(m).isInstanceOf(IntervalMarker.class);
                assertThat(((IntervalMarker) m).getStartValue()).isLessThan(2.5);
                assertThat(((IntervalMarker) m).getEndValue()).isGreaterThan(2.5);
            });
            assertThat(of(row, Layer.FOREGROUND)).anySatisfy(m -> assertThat(((ValueMarker) m).getValue()).isEqualTo(2.5));
        }
        assertThat(of(chart.visibleRows().get(0), Layer.FOREGROUND)).anySatisfy(m ->
                assertThat(m.getLabel()).isEqualTo("answer: ECONNRESET"));
        // the second show replaces, never adds
        int drawn = chart.evidence().drawn().size();
        chart.evidence().show(0, 10);
        assertThat(chart.evidence().drawn()).hasSize(drawn);
        assertThat(drawn).isEqualTo(2 * chart.visibleRows().size());

        chart.evidence().show(5, 15);
        assertThat(chart.evidence().drawn()).isEmpty();
        for (XYPlot row : chart.visibleRows()) {
            assertThat(of(row, Layer.FOREGROUND)).noneMatch(m -> m instanceof ValueMarker v && v.getValue() == 2.5);
        }
        chart.evidence().show(0, 10);
        chart.evidence().clear();
        chart.evidence().show(0, 10);
        assertThat(chart.evidence().drawn()).isEmpty();
    }

    @Test
    void theLabelGoesToTheSideWithRoom() {
        chart.evidence().set(0.2, "answer: 13026");
        chart.evidence().show(0, 10);
        assertThat(label().getLabelTextAnchor()).isEqualTo(TextAnchor.BOTTOM_LEFT); // right of the line
        chart.evidence().set(9.8, "answer: 13026");
        chart.evidence().show(0, 10);
        assertThat(label().getLabelTextAnchor()).isEqualTo(TextAnchor.BOTTOM_RIGHT);
    }

    private Marker label() {
        return chart.evidence().drawn().stream().filter(m -> m.getLabel() != null).findFirst().orElseThrow();
    }
}
