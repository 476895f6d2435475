package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.engine.KnobChangeAt;
import tcpflowlab.engine.Moment;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.EventKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knob history a Model run records, and its replay at the same socket calls. */
class RewindTest {
    @Test
    void eachAppliedChangeIsRecordedAtItsInstantAndCall() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=2");
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(s, List.of(rec), Scenarios.CODEC);
        engine.runUntil(StopCondition.at(500_000_000L));
        engine.knobs().setReadSize(4096);
        engine.knobs().setProcessingDelayMs(0);
        engine.runToEnd();

        List<KnobChangeAt> history = engine.knobHistory(Long.MAX_VALUE);
        List<Long> knobEventTimes = rec.events(EventKind.KNOB_CHANGED).stream().map(e -> e.timeNanos()).toList();
        assertEquals(2, history.size());
        assertEquals(knobEventTimes, history.stream().map(KnobChangeAt::atNanos).toList(), "at the events' instants");
        assertTrue(history.get(0).atNanos() > 500_000_000L, "after the pause, at the next socket call");
        assertEquals(ScenarioField.CLIENT_READ_SIZE, history.get(0).field());
        assertEquals(4096, history.get(0).value());
        assertEquals(history.get(0).callAtInstant(), history.get(1).callAtInstant(), "both at one call");
        assertEquals(List.of(), engine.knobHistory(500_000_000L), "nothing took effect by the pause");
        assertEquals(s, engine.initialScenario());
    }

    /**
     * DROP counts the sends it skips at once up to the next event; paused in such a stretch, a
     * change takes effect at the first send after the pause. A replay must not skip past it.
     */
    @Test
    void aChangeMadeInsideTheDropSkipAheadIsReplayedAtTheSameSend() {
        Scenario s = Scenarios.preset("drop", "run.durationS=10", "run.samplePeriodMs=1000");
        for (long pause = 2_000_000_123L; pause < 6_000_000_000L; pause += 777_777_777L) {
            RecordingSink original = new RecordingSink();
            ModelEngine engine = new ModelEngine(s, List.of(original), Scenarios.CODEC);
            engine.runUntil(StopCondition.at(pause));
            engine.knobs().set(ScenarioField.SERVER_SEND_GAP, 700.0);
            engine.runToEnd();
            assertTrue(original.events(EventKind.DROP).size() >= 2, "the server drops, and counts what it dropped");

            RecordingSink replay = new RecordingSink();
            Rewind.to(Rewind.momentOf(engine, engine.endTime()), List.of(replay), Scenarios.CODEC);
            assertEquals(original.eventLines(), replay.eventLines(), "paused at " + pause);
            assertEquals(original.samples, replay.samples, "paused at " + pause);
        }
    }

    @Test
    void theReplayEndsAtTheBranchPointAndTheUsersChangesGovernFromThere() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=3");
        ModelEngine original = new ModelEngine(s, List.of(), Scenarios.CODEC);
        original.runUntil(StopCondition.at(1_000_000_000L));
        original.knobs().setReadSize(2048);
        original.runUntil(StopCondition.at(2_000_000_000L));
        original.knobs().setReadSize(100);
        original.runToEnd();

        ModelEngine branch = Rewind.to(Rewind.momentOf(original, 1_500_000_000L), List.of(), Scenarios.CODEC);
        assertEquals(2048, branch.currentScenario().client().readSize(), "the change before t is replayed");
        branch.knobs().setReadSize(7);
        branch.runToEnd();
        List<KnobChangeAt> own = branch.knobHistory(Long.MAX_VALUE);
        assertEquals(List.of(2048, 7), own.stream().map(KnobChangeAt::value).toList(),
                "the replayed change, then the user's; not the original's change after t");
        assertEquals(original.knobHistory(1_500_000_000L).get(0), own.get(0));

        // a branch of the branch replays both
        ModelEngine again = Rewind.to(Rewind.momentOf(branch, branch.endTime()), List.of(), Scenarios.CODEC);
        assertEquals(own, again.knobHistory(Long.MAX_VALUE));
        assertEquals(branch.summary().bytesRead(), again.summary().bytesRead());
    }

    /** The server accepts and makes its first send() at one instant: two socket calls, told apart. */
    @Test
    void aChangeIsReplayedAtItsOwnCallOfTheInstant() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=1");
        long accepted = Scenarios.run(s).segments.stream()
                .filter(g -> g.from() == tcpflowlab.telemetry.Side.SERVER && g.payloadLength() > 0)
                .findFirst().orElseThrow().timeNanos();
        ModelEngine second = new ModelEngine(s, List.of(), Scenarios.CODEC,
                List.of(new KnobChangeAt(accepted, 1, ScenarioField.SERVER_MESSAGE_SIZE, 700)));
        second.runToEnd();
        assertEquals(List.of(new KnobChangeAt(accepted, 1, ScenarioField.SERVER_MESSAGE_SIZE, 700)),
                second.knobHistory(Long.MAX_VALUE), "at the send() call, not at accept()");

        // a call the recomputed run does not reach at that instant: the change waits for the next call
        ModelEngine missed = new ModelEngine(s, List.of(), Scenarios.CODEC,
                List.of(new KnobChangeAt(accepted, 9, ScenarioField.SERVER_MESSAGE_SIZE, 700)));
        missed.runToEnd();
        KnobChangeAt applied = missed.knobHistory(Long.MAX_VALUE).get(0);
        assertTrue(applied.atNanos() > accepted, "applied at " + applied);
    }

    @Test
    void aMomentOutsideTheRunOrAChangeAfterItIsRefusedNamingTheTimes() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=3");
        InvalidScenarioException late = assertThrows(InvalidScenarioException.class,
                () -> new Moment(s, List.of(), 4_000_000_000L));
        assertTrue(late.getMessage().contains("0 to 3.0 s"), late.getMessage());
        assertThrows(InvalidScenarioException.class, () -> new Moment(s, List.of(), -1));
        InvalidScenarioException after = assertThrows(InvalidScenarioException.class, () -> new Moment(s,
                List.of(new KnobChangeAt(2_000_000_000L, 0, ScenarioField.CLIENT_READ_SIZE, 5)), 1_000_000_000L));
        assertTrue(after.getMessage().contains("client.readSize"), after.getMessage());
    }
}
