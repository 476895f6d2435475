package tcpflowlab.sim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tcpflowlab.engine.KnobChangeAt;
import tcpflowlab.engine.Moment;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Sample;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rewind and branch: a run recomputed to t with the original's knob changes is the original,
 * event for event, segment for segment, sample for sample; also when the changes arrived in the
 * middle of an instant, as they do from the app's thread while the engine runs.
 */
class RewindPropertiesTest {
    /** A knob change the user makes: while paused at a time, or while running (at the n-th segment). */
    record UserChange(long atNanos, int atSegment, ScenarioField field, Object value) {
        boolean whilePaused() {
            return atSegment < 0;
        }
    }

    record Case(Scenario scenario, List<UserChange> changes, long branchAt) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Scenario> scenario = Combinators.combine(
                Arbitraries.of("seed-buggy", "backpressure", "drop", "seed-fixed", "small-buffers-classroom",
                        "spill-and-replay"),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.of("0.5", "1", "2")
        ).as((preset, seed, duration) -> Scenarios.preset(preset, "run.seed=" + seed, "run.durationS=" + duration,
                "run.samplePeriodMs=1"));
        Arbitrary<UserChange> change = Combinators.combine(
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(-1, 400),
                Arbitraries.integers().between(0, KNOBS.size() - 1)
        ).as((when, segment, knob) -> new UserChange(Math.round(when * 1e9), segment < 200 ? -1 : segment,
                KNOBS.get(knob).field(), KNOBS.get(knob).value()));
        return Combinators.combine(scenario, change.list().ofMaxSize(6), Arbitraries.doubles().between(0, 1))
                .as((s, changes, t) -> new Case(s, changes.stream()
                        .map(c -> new UserChange(Math.round(c.atNanos() / 1e9 * Moment.endNanos(s)), c.atSegment(),
                                c.field(), c.value())).toList(),
                        Math.round(t * Moment.endNanos(s))));
    }

    private record Knob(ScenarioField field, Object value) {
    }

    private static final List<Knob> KNOBS = List.of(
            new Knob(ScenarioField.CLIENT_READ_SIZE, 10), new Knob(ScenarioField.CLIENT_READ_SIZE, 65_536),
            new Knob(ScenarioField.CLIENT_PROCESSING_DELAY, 0.0), new Knob(ScenarioField.CLIENT_PROCESSING_DELAY, 5.0),
            new Knob(ScenarioField.SERVER_SEND_GAP, 0.0), new Knob(ScenarioField.SERVER_SEND_GAP, 300.0),
            new Knob(ScenarioField.SERVER_MESSAGE_SIZE, 700), new Knob(ScenarioField.CLIENT_CALL_COST, 1L),
            new Knob(ScenarioField.CLIENT_STRATEGY, tcpflowlab.scenario.ReadStrategy.DRAIN),
            new Knob(ScenarioField.SOCKETS_CLIENT_RCVBUF, 4096), new Knob(ScenarioField.LINK_DELAY, 2000.0));

    /** Everything a run reports, as text, payloads included. */
    static final class Tape implements TelemetrySink {
        final List<String> events = new ArrayList<>();
        final List<String> segments = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();
        final List<Long> eventTimes = new ArrayList<>();
        final List<Long> segmentTimes = new ArrayList<>();

        @Override
        public void onEvent(TcpEvent e) {
            events.add(e.toString());
            eventTimes.add(e.timeNanos());
        }

        @Override
        public void onSegment(SegmentRecord s) {
            segments.add(s.toString() + Arrays.toString(s.payload()));
            segmentTimes.add(s.timeNanos());
        }

        @Override
        public void onSample(Sample s) {
            samples.add(s);
        }

        Tape upTo(long t) {
            Tape out = new Tape();
            for (int i = 0; i < events.size(); i++) {
                if (eventTimes.get(i) <= t) {
                    out.events.add(events.get(i));
                }
            }
            for (int i = 0; i < segments.size(); i++) {
                if (segmentTimes.get(i) <= t) {
                    out.segments.add(segments.get(i));
                }
            }
            samples.stream().filter(s -> s.timeNanos() <= t).forEach(out.samples::add);
            return out;
        }

        void assertSame(Tape other, String what) {
            assertEquals(events, other.events, what + ": events");
            assertEquals(segments, other.segments, what + ": segments");
            assertEquals(samples, other.samples, what + ": samples");
        }
    }

    /** Sets a knob from inside the run, as the app's thread does while the engine runs. */
    static final class ChangeOnSegment implements TelemetrySink {
        private final List<UserChange> changes;
        private ModelEngine engine;
        private int segments;

        ChangeOnSegment(List<UserChange> changes) {
            this.changes = changes.stream().filter(c -> !c.whilePaused()).toList();
        }

        @Override
        public void onSegment(SegmentRecord s) {
            segments++;
            for (UserChange c : changes) {
                if (c.atSegment() == segments) {
                    setQuietly(engine, c);
                }
            }
        }
    }

    private static void setQuietly(ModelEngine engine, UserChange c) {
        try {
            engine.knobs().set(c.field(), c.value());
        } catch (RuntimeException refused) {
            // a value the scenario refuses (a cross-field rule) is no change: the test goes on without it
        }
    }

    /** The original: runs with the user's changes, stopping at t to look; what it saw at t. */
    record Original(Tape tape, ModelEngine engine, Sample snapshotAtT, RunSummary summaryAtT) {
    }

    private static Original original(Case c) {
        Tape tape = new Tape();
        ChangeOnSegment concurrent = new ChangeOnSegment(c.changes());
        ModelEngine engine = new ModelEngine(c.scenario(), List.of(tape, concurrent), Scenarios.CODEC);
        concurrent.engine = engine;
        List<UserChange> paused = c.changes().stream().filter(UserChange::whilePaused)
                .sorted(Comparator.comparingLong(UserChange::atNanos)).toList();
        Sample snapshot = null;
        RunSummary summary = null;
        int next = 0;
        while (snapshot == null || next < paused.size()) {
            long stopAt = next < paused.size() ? paused.get(next).atNanos() : Long.MAX_VALUE;
            if (snapshot == null && c.branchAt() <= stopAt) {
                engine.runUntil(StopCondition.at(c.branchAt()));
                snapshot = engine.snapshot();
                summary = engine.summary();
                continue;
            }
            engine.runUntil(StopCondition.at(stopAt));
            setQuietly(engine, paused.get(next++));
        }
        engine.runToEnd();
        return new Original(tape, engine, snapshot, summary);
    }

    /** The engine's own count of events processed depends on how often the run was stopped; nothing else does. */
    private static RunSummary withoutEngineEvents(RunSummary s) {
        return new RunSummary(s.scenario(), s.engine(), s.seed(), s.durationNanos(), s.firstZeroWindowNanos(),
                s.firstEagainNanos(), s.firstRstNanos(), s.firstClientErrorNanos(), s.serverErrnos(), s.clientErrnos(),
                s.bytesWritten(), s.bytesRead(), s.messagesSent(), s.messagesDropped(), s.connections(),
                s.zeroWindowEvents(), s.zeroWindowSegments(), s.zeroWindowProbes(), s.resets(), s.segments(),
                s.events(), 0, s.peakServerSendQueue(), s.peakClientReceiveQueue(), s.bytesLost(), s.messagesLost());
    }

    @Property(tries = 40)
    void aBranchWithNoNewChangeIsTheOriginalRun(@ForAll("cases") Case c) {
        Original o = original(c);
        long t = c.branchAt();
        Moment moment = Rewind.momentOf(o.engine(), t);

        Tape branch = new Tape();
        ModelEngine b = Rewind.to(moment, List.of(branch), Scenarios.CODEC);
        assertEquals(t, b.now(), "the branch stops exactly at t");
        assertEquals(o.snapshotAtT(), b.snapshot(), "the queues at t");
        assertEquals(withoutEngineEvents(o.summaryAtT()), withoutEngineEvents(b.summary()), "the summary at t");
        o.tape().upTo(t).assertSame(branch, "up to t");

        b.runToEnd();
        o.tape().upTo(t).assertSame(branch.upTo(t), "after running on, up to t");
        List<KnobChangeAt> all = o.engine().knobHistory(Long.MAX_VALUE);
        if (all.stream().allMatch(k -> k.atNanos() <= t)) {
            o.tape().assertSame(branch, "no change after t: the whole run");
        }

        // Rewound to the original's last change (or its end), run on: the whole original, always.
        long last = all.stream().mapToLong(KnobChangeAt::atNanos).max().orElse(0);
        Tape whole = new Tape();
        Rewind.to(Rewind.momentOf(o.engine(), last), List.of(whole), Scenarios.CODEC).runToEnd();
        o.tape().assertSame(whole, "rewound to the last change at " + last + " ns");
        assertEquals(o.engine().knobHistory(t), b.knobHistory(Long.MAX_VALUE), "the branch records the replayed changes as its own");
        assertTrue(o.tape().events.stream().filter(e -> e.contains(EventKind.KNOB_CHANGED.name())).count()
                == all.size(), "every applied change is in the history");
    }
}
