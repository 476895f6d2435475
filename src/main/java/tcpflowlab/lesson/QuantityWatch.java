package tcpflowlab.lesson;

import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Computes one question's answer from the run's events as they come. A quantity counted from
 * the start sees every event of the run; one counted from the stop starts at the event that
 * made the step stop (the rest of that instant included). Only the few events the answer needs
 * are kept, so an hour-long run costs nothing. One subclass per way of answering.
 */
abstract class QuantityWatch {
    private boolean watching;
    long stopNanos = -1;
    Sample atStop;

    QuantityWatch(boolean fromStart) {
        this.watching = fromStart;
    }

    static QuantityWatch of(Quantity quantity) {
        if (quantity instanceof Quantity.FirstErrno q) {
            return new FirstEvent(q, q.from(), e -> e.errno() != null && e.side() == q.side(),
                    StopCondition.nextErrno(q.side()));
        }
        if (quantity instanceof Quantity.EventTime q) {
            return new FirstEvent(q, q.from(), e -> on(e, q.kind(), q.side()), next(q.kind(), q.side()));
        }
        if (quantity instanceof Quantity.EventCount q) {
            return new Count(q);
        }
        if (quantity instanceof Quantity.ValueAtStop q) {
            return new AtStop(q);
        }
        return new AtEnd();
    }

    final synchronized void onEvent(TcpEvent e) {
        if (watching) {
            see(e);
        }
    }

    /**
     * The step's stop: a quantity counted from the stop starts with {@code sameInstant}, the
     * events of the stop's instant that came after the one that made the run stop.
     */
    final synchronized void stopped(long nanos, Sample snapshot, List<TcpEvent> sameInstant) {
        stopNanos = nanos;
        atStop = snapshot;
        if (!watching && countsEvents()) {
            watching = true;
            sameInstant.forEach(this::see);
        } else if (watching) {
            seenAfterStop(sameInstant);
        }
    }

    /** Events of the stop's instant that came after the stop but were seen before it was known. */
    void seenAfterStop(List<TcpEvent> sameInstant) {
    }

    /** Where Reveal must run to for the answer, or empty when it is known. */
    final synchronized Optional<StopCondition> revealAt(long endNanos) {
        return known(false) ? Optional.empty() : Optional.of(reveal(endNanos));
    }

    /** The answer, once the run has shown it; otherwise why not ("the run ended before ..."). */
    final synchronized Result answer(LessonRun run) {
        if (!known(run.ended())) {
            return new Result(null, "the run ended at t = " + seconds(run.timeNanos()) + " s before "
                    + quantity().describe() + " was seen");
        }
        return new Result(answerFrom(run), null);
    }

    abstract Quantity quantity();

    boolean countsEvents() {
        return true;
    }

    abstract void see(TcpEvent e);

    abstract boolean known(boolean ended);

    abstract StopCondition reveal(long endNanos);

    abstract Answer answerFrom(LessonRun run);

    /** An answer, or the reason there is none. */
    record Result(Answer answer, String problem) {
    }

    static boolean on(TcpEvent e, tcpflowlab.telemetry.EventKind kind, tcpflowlab.telemetry.Side side) {
        return e.kind() == kind && (side == null || e.side() == side);
    }

    static StopCondition next(tcpflowlab.telemetry.EventKind kind, tcpflowlab.telemetry.Side side) {
        return side == null ? StopCondition.nextEventOf(kind) : StopCondition.nextEventOf(kind, side);
    }

    static String seconds(long nanos) {
        return Question.format(nanos / 1e9);
    }

    static String named(TcpEvent e) {
        return e.kind() + " (" + e.side().lower() + ")";
    }

    /** The first errno on a side, the time of the first event of a kind: the first event that matches. */
    static final class FirstEvent extends QuantityWatch {
        private final Quantity quantity;
        private final Predicate<TcpEvent> matches;
        private final StopCondition reveal;
        private final boolean watchedFromStart;
        private TcpEvent first;

        FirstEvent(Quantity quantity, Scope from, Predicate<TcpEvent> matches, StopCondition reveal) {
            super(from == Scope.START);
            this.watchedFromStart = from == Scope.START;
            this.quantity = quantity;
            this.matches = matches;
            this.reveal = reveal;
        }

        @Override
        Quantity quantity() {
            return quantity;
        }

        @Override
        void see(TcpEvent e) {
            if (first == null && matches.test(e)) {
                first = e;
            }
        }

        @Override
        boolean known(boolean ended) {
            return first != null;
        }

        @Override
        StopCondition reveal(long endNanos) {
            return reveal;
        }

        @Override
        Answer answerFrom(LessonRun run) {
            long t = first.timeNanos();
            if (quantity instanceof Quantity.FirstErrno) {
                return new Answer(first.errno().name(), Double.NaN, t, first, "at t = " + seconds(t) + " s the "
                        + first.side().lower() + " saw " + first.errno().label() + " (" + first.kind() + ": "
                        + first.detail() + ")");
            }
            // counted from the stop, the event found is the next one, not the run's first: the
            // question is often "when does the second probe go?", asked at the first
            String which = watchedFromStart ? "the first " + named(first)
                    : "the next " + named(first) + " after the stop (t = " + seconds(stopNanos) + " s)";
            return new Answer(seconds(t), t / 1e9, t, first, which + " happened at t = " + seconds(t) + " s");
        }
    }

    /** Events of a kind before the first event of another kind (or up to the stop). */
    static final class Count extends QuantityWatch {
        private final Quantity.EventCount quantity;
        private long count;
        private TcpEvent before;

        Count(Quantity.EventCount quantity) {
            super(quantity.from() == Scope.START);
            this.quantity = quantity;
        }

        @Override
        Quantity quantity() {
            return quantity;
        }

        @Override
        void see(TcpEvent e) {
            if (before != null) {
                return;
            }
            if (quantity.beforeKind() != null && on(e, quantity.beforeKind(), quantity.beforeSide())) {
                before = e;
            } else if (on(e, quantity.kind(), quantity.side()) && (quantity.beforeKind() != null || stopNanos < 0)) {
                count++;
            }
        }

        @Override
        void seenAfterStop(List<TcpEvent> sameInstant) {
            if (quantity.beforeKind() == null) {
                count -= sameInstant.stream().filter(e -> on(e, quantity.kind(), quantity.side())).count();
            }
        }

        @Override
        boolean known(boolean ended) {
            return quantity.beforeKind() == null ? stopNanos >= 0 : before != null;
        }

        @Override
        StopCondition reveal(long endNanos) {
            return next(quantity.beforeKind(), quantity.beforeSide());
        }

        @Override
        Answer answerFrom(LessonRun run) {
            long at = before != null ? before.timeNanos() : stopNanos;
            String until = before != null ? "before the first " + named(before) + " at t = " + seconds(at) + " s"
                    : "up to the stop at t = " + seconds(at) + " s";
            String what = quantity.kind() + (quantity.side() == null ? "" : " (" + quantity.side().lower() + ")");
            return new Answer(Long.toString(count), count, at, before,
                    count + " " + what + (count == 1 ? " event " : " events ") + until);
        }
    }

    /** A queue or counter at the stop. */
    static final class AtStop extends QuantityWatch {
        private final Quantity.ValueAtStop quantity;

        AtStop(Quantity.ValueAtStop quantity) {
            super(false);
            this.quantity = quantity;
        }

        @Override
        Quantity quantity() {
            return quantity;
        }

        @Override
        boolean countsEvents() {
            return false;
        }

        @Override
        void see(TcpEvent e) {
        }

        @Override
        boolean known(boolean ended) {
            return atStop != null;
        }

        @Override
        StopCondition reveal(long endNanos) {
            throw new IllegalStateException("a value at the stop is known at the stop");
        }

        @Override
        Answer answerFrom(LessonRun run) {
            long v = quantity.gauge().of(atStop);
            return new Answer(Long.toString(v), v, stopNanos, null, quantity.gauge().label() + " at the stop (t = "
                    + seconds(stopNanos) + " s) was " + v + " " + quantity.gauge().unit());
        }
    }

    /** The outcome class, known at the run's end. */
    static final class AtEnd extends QuantityWatch {
        AtEnd() {
            super(false);
        }

        @Override
        Quantity quantity() {
            return new Quantity.RunOutcome();
        }

        @Override
        boolean countsEvents() {
            return false;
        }

        @Override
        void see(TcpEvent e) {
        }

        @Override
        boolean known(boolean ended) {
            return ended;
        }

        @Override
        StopCondition reveal(long endNanos) {
            return StopCondition.at(endNanos);
        }

        @Override
        Answer answerFrom(LessonRun run) {
            tcpflowlab.engine.Outcome o = run.summary().outcome();
            return new Answer(o.name(), Double.NaN, run.timeNanos(), null,
                    "the run ended " + o.name() + ": " + o.meaning());
        }
    }
}
