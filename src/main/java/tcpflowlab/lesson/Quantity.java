package tcpflowlab.lesson;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;

import java.util.Objects;

/**
 * What a question's answer is computed from: one of a fixed list of quantities the run itself
 * reports, so the answer can never be typed wrongly into a lesson file. Each names where the
 * evidence lies (the event that settles it) and how far Reveal must run to see it.
 */
public sealed interface Quantity {
    /** Whether the answer is a number (a text otherwise: an errno name, an outcome class). */
    boolean numeric();

    /** The answer's unit ("s", "B", "probes"), empty for none. */
    String unit();

    /** In words, for the panel and the summary: "the client's first errno after the stop". */
    String describe();

    /** The first errno the application on {@code side} sees (EAGAIN, ECONNRESET, EPIPE ...), by name. */
    record FirstErrno(Side side, Scope from) implements Quantity {
        public FirstErrno {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public boolean numeric() {
            return false;
        }

        @Override
        public String unit() {
            return "";
        }

        @Override
        public String describe() {
            return "the first errno the " + side.lower() + " sees" + since(from);
        }
    }

    /**
     * How many events of {@code kind} (on {@code side}, or either side when null) happen before
     * the first event of {@code beforeKind} (on {@code beforeSide}); with no {@code beforeKind},
     * up to the step's stop.
     */
    record EventCount(EventKind kind, Side side, EventKind beforeKind, Side beforeSide, Scope from)
            implements Quantity {
        public EventCount {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            if (beforeKind == null && beforeSide != null) {
                throw new IllegalArgumentException("a side for 'before' needs its event");
            }
            if (beforeKind == null && from == Scope.STOP) {
                throw new IllegalArgumentException("a count up to the stop must count from the start");
            }
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public String unit() {
            return "";
        }

        @Override
        public String describe() {
            String until = beforeKind == null ? " up to the stop" : " before the first " + named(beforeKind, beforeSide);
            return "the number of " + named(kind, side) + " events" + since(from) + until;
        }
    }

    /** The run time, in seconds, of the first event of {@code kind} (on {@code side}, or either side when null). */
    record EventTime(EventKind kind, Side side, Scope from) implements Quantity {
        public EventTime {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public String unit() {
            return "s";
        }

        @Override
        public String describe() {
            return "the run time of the first " + named(kind, side) + since(from);
        }
    }

    /** A queue or counter at the step's stop, exact to that instant. */
    record ValueAtStop(Gauge gauge) implements Quantity {
        public ValueAtStop {
            Objects.requireNonNull(gauge, "gauge");
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public String unit() {
            return gauge.unit();
        }

        @Override
        public String describe() {
            return gauge.label() + " at the stop";
        }
    }

    /** The run's outcome class at its end: RESET, LOSSY, STALLED or CLEAN. */
    record RunOutcome() implements Quantity {
        @Override
        public boolean numeric() {
            return false;
        }

        @Override
        public String unit() {
            return "";
        }

        @Override
        public String describe() {
            return "the run's outcome at its end";
        }
    }

    private static String since(Scope from) {
        return from == Scope.STOP ? " after the stop" : " since the run started";
    }

    private static String named(EventKind kind, Side side) {
        return kind + (side == null ? "" : " (" + side.lower() + ")");
    }
}
