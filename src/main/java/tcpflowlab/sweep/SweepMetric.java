package tcpflowlab.sweep;

import tcpflowlab.telemetry.FlowLimit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The numbers measured in every sweep cell, in sweep.csv's column order (after the varied
 * values and the outcome). A value that never happened (no zero window, say) is NaN and
 * written as an empty CSV field.
 */
public enum SweepMetric {
    FIRST_ZERO_WINDOW("first_zero_window_s", "first zero window", "s", true),
    FIRST_EAGAIN("first_eagain_s", "first EAGAIN", "s", true),
    FIRST_RST("first_rst_s", "first RST", "s", true),
    RESETS_PER_MINUTE("resets_per_min", "resets per minute", "1/min", false),
    ZERO_WINDOW_SHARE("zero_window_share", "share of time at zero window", "", false),
    GOODPUT("goodput_Bps", "goodput read by the client app", "B/s", false),
    MESSAGES_DROPPED("messages_dropped", "messages dropped", "", false),
    MESSAGES_LOST("messages_lost", "messages lost on reset", "", false),
    PEAK_SEND_QUEUE("peak_send_queue_B", "peak send queue", "B", false),
    PEAK_RECEIVE_QUEUE("peak_receive_queue_B", "peak receive queue", "B", false),
    PROBES("probes", "zero-window probes sent", "", false),
    PEAK_SPILL_DEPTH("peak_spill_B", "peak spill depth", "B", false),
    LIMIT_RECEIVE_WINDOW("limit_rwnd_share", "share of time limited by the receiver's window", "", false),
    LIMIT_SEND_BUFFER("limit_sndbuf_share", "share of time limited by the send buffer", "", false),
    LIMIT_LINK("limit_link_share", "share of time limited by the link", "", false),
    LIMIT_APP("limit_app_share", "share of time limited by the server app", "", false);

    private final String column;
    private final String label;
    private final String unit;
    private final boolean mayBeNever;

    SweepMetric(String column, String label, String unit, boolean mayBeNever) {
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.mayBeNever = mayBeNever;
    }

    /** The CSV column name, also the name {@code --plot} takes. */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The unit ("" for counts and shares). */
    public String unit() {
        return unit;
    }

    /** True for the "first ..." times, which are empty when the thing never happened. */
    public boolean mayBeNever() {
        return mayBeNever;
    }

    /** The flow-limit cause this share counts, for the four limit metrics. */
    public Optional<FlowLimit> flowLimit() {
        return switch (this) {
            case LIMIT_RECEIVE_WINDOW -> Optional.of(FlowLimit.RECEIVE_WINDOW);
            case LIMIT_SEND_BUFFER -> Optional.of(FlowLimit.SEND_BUFFER);
            case LIMIT_LINK -> Optional.of(FlowLimit.LINK);
            case LIMIT_APP -> Optional.of(FlowLimit.APP);
            default -> Optional.empty();
        };
    }

    /** By column name or enum name, case-insensitive. */
    public static Optional<SweepMetric> byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.column.toLowerCase(Locale.ROOT).equals(n) || m.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }
}
