package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import tcpflowlab.engine.RunState;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.run.ModelRun;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** runUntil(condition) on the Model: exact stop times, and a stepped run is the same run. */
class RunUntilTest {
    private static List<String> segmentLines(RecordingSink rec) {
        return rec.segments.stream().map(s -> s.timeNanos() + "," + s.connection() + "," + s.from() + "," + s.seq()
                + "," + s.ack() + "," + s.window() + "," + s.flagNames() + "," + s.payloadLength() + "," + s.note())
                .toList();
    }

    /** The distinct run times at which the class sees something, in order. */
    private static List<Long> visibleTimes(RecordingSink rec) {
        TreeSet<Long> times = new TreeSet<>();
        rec.events.forEach(e -> times.add(e.timeNanos()));
        rec.segments.forEach(s -> times.add(s.timeNanos()));
        return new ArrayList<>(times);
    }

    private static void assertSameRun(RecordingSink whole, RecordingSink stepped) {
        assertEquals(whole.eventLines(), stepped.eventLines(), "stepping changes no event");
        assertEquals(segmentLines(whole), segmentLines(stepped), "stepping changes no segment");
        assertEquals(whole.samples, stepped.samples, "stepping changes no sample");
    }

    private void nextEventStopsAtEachVisibleInstant(Scenario scenario) {
        RecordingSink whole = Scenarios.run(scenario);
        List<Long> expected = visibleTimes(whole);

        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(scenario, List.of(rec));
        List<Long> stops = new ArrayList<>();
        assertTrue(expected.size() > 100, expected.size() + " instants");
        while (engine.runUntil(StopCondition.nextEventOrSegment())) {
            stops.add(engine.now());
            long last = Stream.concat(rec.events.stream().map(TcpEvent::timeNanos),
                    rec.segments.stream().map(SegmentRecord::timeNanos)).mapToLong(Long::longValue).max().orElseThrow();
            assertEquals(last, engine.now(), "the clock stops at the newest thing seen, step " + stops.size());
            assertTrue(stops.size() <= expected.size(), "no more stops than instants");
        }
        assertEquals(expected, stops, "one stop per instant, at its time");
        assertTrue(engine.isFinished());
        engine.runToEnd();
        assertSameRun(whole, rec);
    }

    @Test
    void nextEventStopsAtEachInstantTheClassCanSeeInTheStory() {
        nextEventStopsAtEachVisibleInstant(Scenarios.preset("seed-buggy", "run.durationS=3"));
    }

    @Test
    void nextEventStopsInsideTheServersInlineSendLoopAndTheDropSkipAhead() {
        nextEventStopsAtEachVisibleInstant(Scenarios.preset("drop", "run.durationS=3"));
        nextEventStopsAtEachVisibleInstant(Scenarios.preset("backpressure", "run.durationS=3"));
    }

    @Test
    void nextEventStopsAtEachRowOfTheLog() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=20");
        List<Long> eventTimes = new ArrayList<>(new TreeSet<>(Scenarios.run(s).events.stream()
                .map(TcpEvent::timeNanos).toList()));
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(s, List.of(rec));
        List<Long> stops = new ArrayList<>();
        while (engine.runUntil(StopCondition.nextEvent())) {
            stops.add(engine.now());
            assertEquals(engine.now(), rec.events.get(rec.events.size() - 1).timeNanos(), "stopped at the newest row");
        }
        assertEquals(eventTimes, stops, "one stop per instant with a row in the log, at its time");
    }

    @Test
    void nextSegmentStopsAtEachSegmentsTime() {
        Scenario s = Scenarios.preset("backpressure", "run.durationS=3");
        List<Long> segmentTimes = new ArrayList<>(new TreeSet<>(Scenarios.run(s).segments.stream()
                .map(SegmentRecord::timeNanos).toList()));
        ModelEngine engine = new ModelEngine(s, List.of());
        for (int i = 0; i < 200; i++) {
            assertTrue(engine.runUntil(StopCondition.nextSegment()));
            assertEquals(segmentTimes.get(i), engine.now(), "segment " + i);
        }
    }

    @Test
    void timeStepsStopToTheNanosecondAndChangeNothing() {
        Scenario s = Scenarios.preset("drop", "run.durationS=2");
        RecordingSink whole = Scenarios.run(s);
        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(s, List.of(rec));
        long t = 0;
        for (int i = 0; i < 150; i++) {
            long step = i % 3 == 0 ? 10_000_000 : i % 3 == 1 ? 1_000_000 : 1_234;
            assertTrue(engine.runUntil(StopCondition.after(step)));
            t += step;
            assertEquals(t, engine.now());
            long seen = t;
            assertTrue(rec.events.stream().allMatch(e -> e.timeNanos() <= seen), "nothing from after the stop");
            assertTrue(rec.segments.stream().allMatch(x -> x.timeNanos() <= seen));
        }
        assertTrue(engine.runUntil(StopCondition.at(1_500_000_000L)));
        assertEquals(1_500_000_000L, engine.now());
        assertFalse(engine.runUntil(StopCondition.after(1_000_000_000L)), "the run ends first");
        assertTrue(engine.isFinished());
        assertEquals(2_000_000_000L, engine.now());
        assertSameRun(whole, rec);
        assertFalse(engine.runUntil(StopCondition.nextEvent()), "nothing after the end");
    }

    @Test
    void nextEventOfAKindStopsAtTheFirstOneOnTheChosenSide() {
        Scenario s = Scenarios.preset("seed-buggy", "run.durationS=20");
        RecordingSink whole = Scenarios.run(s);
        TcpEvent firstZeroWindow = whole.events(EventKind.ZERO_WINDOW).get(0);
        TcpEvent firstReset = whole.events(EventKind.RST_SENT).get(0);

        RecordingSink rec = new RecordingSink();
        ModelEngine engine = new ModelEngine(s, List.of(rec));
        assertTrue(engine.runUntil(StopCondition.nextEventOf(EventKind.ZERO_WINDOW, firstZeroWindow.side())));
        assertEquals(firstZeroWindow.timeNanos(), engine.now());
        assertEquals(1, rec.events(EventKind.ZERO_WINDOW).size());
        assertTrue(engine.runUntil(StopCondition.nextEventOf(EventKind.RST_SENT)));
        assertEquals(firstReset.timeNanos(), engine.now());
        assertFalse(engine.runUntil(StopCondition.nextEventOf(EventKind.ZERO_WINDOW, firstZeroWindow.side().peer())),
                "the other side never advertises a zero window: the run ends first");
        assertTrue(engine.isFinished());
        assertSameRun(whole, rec);
    }

    @Test
    void modelRunStepsOnlyWhilePausedAndFinishesAtTheEnd() throws Exception {
        ModelEngine engine = new ModelEngine(Scenarios.preset("seed-buggy", "run.durationS=1"), List.of());
        AtomicLong wall = new AtomicLong();
        ModelRun run = new ModelRun(engine, wall::get, wall::addAndGet);
        assertTrue(run.runUntil(StopCondition.after(250_000_000L)), "a ready run starts paused and steps");
        assertEquals(RunState.PAUSED, run.state());
        assertEquals(250_000_000L, run.timeNanos());
        assertTrue(run.step());
        assertTrue(run.timeNanos() > 250_000_000L);
        assertFalse(run.runUntil(StopCondition.after(5_000_000_000L)), "the run ends first");
        assertEquals(RunState.FINISHED, run.state());
        assertEquals(1_000_000_000L, run.timeNanos());
        assertFalse(run.step());
    }

    @Test
    void conditionsDescribeThemselvesAndRefuseEmptySteps() {
        assertEquals("1 ms later", StopCondition.after(1_000_000).describe());
        assertEquals("250 us later", StopCondition.after(250_000).describe());
        assertEquals("t = 2.5 s", StopCondition.at(2_500_000_000L).describe());
        assertEquals("the next ZERO_WINDOW (client)", StopCondition.nextEventOf(EventKind.ZERO_WINDOW, Side.CLIENT).describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StopCondition.after(0));
        assertTrue(e.getMessage().contains("at least 1 ns, got 0 ns"), e.getMessage());
        assertEquals(Long.MAX_VALUE, StopCondition.after(5).anchoredAt(Long.MAX_VALUE - 1).deadline(), "no overflow");
    }
}
