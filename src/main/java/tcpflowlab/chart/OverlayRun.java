package tcpflowlab.chart;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

/**
 * One run drawn on an {@link OverlayChart}: its name (in the legend and on its marker labels),
 * its samples and events in time order, and how it is drawn.
 */
public record OverlayRun(String name, List<Sample> samples, List<TcpEvent> events, Look look) {
    /** How a run is drawn beside the others. */
    public enum Look {
        /** Full colour, solid lines: the run in front. */
        SOLID,
        /** Lighter colour, dashed lines, paler shading: a run to compare against. */
        FADED;

        /** How far a faded colour goes towards white. */
        private static final float FADE = 0.55f;

        /** {@code c} as this look draws it. */
        public Color paint(Color c) {
            return this == SOLID ? c : new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
        }

        /** A series line in this look. */
        public Stroke line(ChartStyle style) {
            return this == SOLID ? style.solid() : style.dashed();
        }

        /** An event marker's line in this look. */
        public Stroke marker(ChartStyle style) {
            return this == SOLID ? style.marker() : style.dashed();
        }

        /** The fill of a zero-window period in this look. */
        public Color zeroWindowShade() {
            Color c = ChartStyle.ZERO_WINDOW_SHADE;
            return this == SOLID ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 20);
        }

        private static int mix(int channel) {
            return Math.round(channel + (255 - channel) * FADE);
        }
    }

    /**
     * Whether an overlay needs events of this kind: the marked ones, and those that open or close
     * a zero-window period. A recording for an overlay can leave out the rest.
     */
    public static boolean drawsFrom(EventKind kind) {
        return EventMarkers.isMarked(kind) || ZeroWindowPeriods.concerns(kind);
    }

    /**
     * This run with every time moved by {@code nanos} (negative: earlier), to line its first
     * connection up with another run's; the same run when {@code nanos} is 0.
     */
    public OverlayRun shifted(long nanos) {
        if (nanos == 0) {
            return this;
        }
        return new OverlayRun(name, samples.stream().map(s -> s.at(s.timeNanos() + nanos)).toList(),
                events.stream().map(e -> e.at(e.timeNanos() + nanos)).toList(), look);
    }

    public OverlayRun {
        samples = List.copyOf(samples);
        events = List.copyOf(events);
    }
}
