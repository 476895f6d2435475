package tcpflowlab.engine;

import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.Objects;

/**
 * Where {@link Run#runUntil} stops: at something the class can see (an event in the log, a
 * segment on the wire) or after a stretch of run time. Values, so a lesson can keep one and
 * use it again; a relative condition ({@link #after}) counts from the moment it is used.
 */
public sealed interface StopCondition {
    /**
     * The next row of the event log: a connection made or lost, a window closing or opening, a
     * probe, an application call's result (EAGAIN, an errno, end of stream), a knob changed.
     */
    static StopCondition nextEvent() {
        return new NextEvent();
    }

    /** The next event or segment, whichever comes first: the smallest step a class can see. */
    static StopCondition nextEventOrSegment() {
        return new NextEventOrSegment();
    }

    /** The next segment either side sends (data, ACK, window update, probe, SYN, FIN, RST). */
    static StopCondition nextSegment() {
        return new NextSegment();
    }

    /** {@code nanos} of run time after the call that uses it. */
    static StopCondition after(long nanos) {
        return new After(nanos);
    }

    /** Run time {@code nanos} since the start of the run. */
    static StopCondition at(long nanos) {
        return new At(nanos);
    }

    /** The next event of {@code kind} on either side. */
    static StopCondition nextEventOf(EventKind kind) {
        return new NextEventOf(kind, null);
    }

    /** The next event of {@code kind} on {@code side}. */
    static StopCondition nextEventOf(EventKind kind, Side side) {
        return new NextEventOf(kind, Objects.requireNonNull(side, "side"));
    }

    /** The next event on {@code side} that carries an errno (EAGAIN, ECONNRESET, EPIPE ...). */
    static StopCondition nextErrno(Side side) {
        return new NextErrno(Objects.requireNonNull(side, "side"));
    }

    /** Whether this event meets the condition. */
    default boolean matches(TcpEvent event) {
        return false;
    }

    /** Whether this segment meets the condition. */
    default boolean matches(SegmentRecord segment) {
        return false;
    }

    /** The run time at which the condition holds whatever happens; {@link Long#MAX_VALUE} for none. */
    default long deadline() {
        return Long.MAX_VALUE;
    }

    /** The condition with its relative time fixed, counted from {@code nowNanos}; engines call this first. */
    default StopCondition anchoredAt(long nowNanos) {
        return this;
    }

    /** In words, for a status line: "the next segment", "1 ms later". */
    String describe();

    record NextEvent() implements StopCondition {
        @Override
        public boolean matches(TcpEvent event) {
            return true;
        }

        @Override
        public String describe() {
            return "the next event";
        }
    }

    record NextEventOrSegment() implements StopCondition {
        @Override
        public boolean matches(TcpEvent event) {
            return true;
        }

        @Override
        public boolean matches(SegmentRecord segment) {
            return true;
        }

        @Override
        public String describe() {
            return "the next event or segment";
        }
    }

    record NextSegment() implements StopCondition {
        @Override
        public boolean matches(SegmentRecord segment) {
            return true;
        }

        @Override
        public String describe() {
            return "the next segment";
        }
    }

    /** @param nanos run time to let pass, at least 1 ns */
    record After(long nanos) implements StopCondition {
        public After {
            if (nanos <= 0) {
                throw new IllegalArgumentException("a step of run time must be at least 1 ns, got " + nanos + " ns");
            }
        }

        @Override
        public StopCondition anchoredAt(long nowNanos) {
            long t = nowNanos + nanos;
            return new At(t < nowNanos ? Long.MAX_VALUE : t);
        }

        @Override
        public String describe() {
            return duration(nanos) + " later";
        }
    }

    /** @param nanos run time since the start, 0 or more */
    record At(long nanos) implements StopCondition {
        public At {
            if (nanos < 0) {
                throw new IllegalArgumentException("a run time must be 0 or more, got " + nanos + " ns");
            }
        }

        @Override
        public long deadline() {
            return nanos;
        }

        @Override
        public String describe() {
            return "t = " + duration(nanos);
        }
    }

    /** @param side the side the event must be on, or null for either */
    record NextEventOf(EventKind kind, Side side) implements StopCondition {
        public NextEventOf {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public boolean matches(TcpEvent event) {
            return event.kind() == kind && (side == null || event.side() == side);
        }

        @Override
        public String describe() {
            return "the next " + kind + (side == null ? "" : " (" + side.lower() + ")");
        }
    }

    /** @param side the side whose application sees the errno */
    record NextErrno(Side side) implements StopCondition {
        public NextErrno {
            Objects.requireNonNull(side, "side");
        }

        @Override
        public boolean matches(TcpEvent event) {
            return event.errno() != null && event.side() == side;
        }

        @Override
        public String describe() {
            return "the next errno (" + side.lower() + ")";
        }
    }

    /** "1 ms", "2.5 s", "250 us": the shortest plain form. */
    private static String duration(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return plain(nanos / 1e9) + " s";
        }
        if (nanos >= 1_000_000L) {
            return plain(nanos / 1e6) + " ms";
        }
        return plain(nanos / 1e3) + " us";
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v, new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }
}
