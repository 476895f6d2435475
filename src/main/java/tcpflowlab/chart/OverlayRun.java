package tcpflowlab.chart;

import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

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
        FADED
    }

    public OverlayRun {
        samples = List.copyOf(samples);
        events = List.copyOf(events);
    }
}
