package tcpflowlab.lesson;

import tcpflowlab.telemetry.TcpEvent;

import java.util.Objects;

/**
 * A question's answer as the run gave it.
 *
 * @param text     the answer as a choice or a number is written ("ECONNRESET", "3", "0.17")
 * @param number   the value for a numeric quantity, NaN otherwise
 * @param atNanos  the run time of the evidence: where the charts, the log and the ladder should point
 * @param evidence the event that settled the answer, or null (a value read at the stop, the run's end)
 * @param because  one sentence on where the answer comes from, for the class
 */
public record Answer(String text, double number, long atNanos, TcpEvent evidence, String because) {
    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(because, "because");
    }
}
