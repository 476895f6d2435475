package tcpflowlab.engine;

import org.junit.jupiter.api.Test;
import tcpflowlab.engine.RunDifference.Quantity;
import tcpflowlab.engine.RunDifference.Row;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDifferenceTest {
    /** A summary of a 10 s run with the given first zero window and EAGAIN (-1: never), resets, bytes read and losses. */
    private static RunSummary summary(long zeroWindow, long eagain, long resets, long bytesRead, long dropped, long lost) {
        return new RunSummary("s", "model", 1, 10_000_000_000L, zeroWindow, eagain, -1, -1, List.of(), List.of(),
                0, bytesRead, 0, dropped, 1, 0, 0, 0, resets, 0, 0, 0, 131_072, 8_192, lost < 0 ? -1 : lost * 13, lost);
    }

    private static Row row(List<Row> rows, Quantity q) {
        return rows.stream().filter(r -> r.quantity() == q).findFirst().orElseThrow();
    }

    @Test
    void aTimeThatNeverCameIsNeverSubtracted() {
        RunSummary story = summary(170_000_000L, 1_400_000_000L, 2, 20_000, 0, 300);
        RunSummary cure = summary(-1, -1, 0, 40_000, 0, 0);
        Row zero = row(RunDifference.of(story, cure), Quantity.FIRST_ZERO_WINDOW);
        assertEquals("0.170 s", zero.a());
        assertEquals("never", zero.b());
        assertEquals("never in B", zero.difference());
        assertTrue(Double.isNaN(zero.differenceValue()));
        assertEquals("never in reference",
                row(RunDifference.of(cure, story, "reference", "this run", ClockAlignment.RUN_STARTS), Quantity.FIRST_EAGAIN).difference());
        assertEquals("same (never)", row(RunDifference.of(cure, cure), Quantity.FIRST_EAGAIN).difference());
    }

    @Test
    void numbersAreBMinusAWithTheirSignAndUnit() {
        RunSummary a = summary(170_000_000L, 1_400_000_000L, 2, 20_000, 0, 300);
        RunSummary b = summary(500_000_000L, 1_000_000_000L, 0, 40_000, 7, 0);
        List<Row> rows = RunDifference.of(a, b);
        assertEquals("+0.330 s", row(rows, Quantity.FIRST_ZERO_WINDOW).difference());
        assertEquals("-0.400 s", row(rows, Quantity.FIRST_EAGAIN).difference());
        assertEquals("-2", row(rows, Quantity.RESETS).difference());
        assertEquals("2,000 B/s", row(rows, Quantity.GOODPUT).a(), "bytes read over the run's 10 s");
        assertEquals("+2,000 B/s", row(rows, Quantity.GOODPUT).difference());
        assertEquals(2000, row(rows, Quantity.GOODPUT).differenceValue(), 1e-9);
        assertEquals("+7", row(rows, Quantity.DROPPED).difference());
        assertEquals("-300", row(rows, Quantity.LOST).difference());
        assertEquals("0 B", row(rows, Quantity.PEAK_SEND_QUEUE).difference());
        assertEquals(Quantity.values().length, rows.size());
    }

    /** A Live-like run connects 0.4 s after its clock starts, a Model run at its start: the same story. */
    @Test
    void runsAreComparedFromTheirFirstConnections() {
        RunSummary model = summary(170_000_000L, 1_400_000_000L, 2, 20_000, 0, 300);
        RunSummary live = summary(570_000_000L, 1_800_000_000L, 2, 19_200, 0, -1);
        ClockAlignment clocks = new ClockAlignment(new TimeOrigin(0), new TimeOrigin(400_000_000L));
        List<Row> rows = RunDifference.of(model, live, "A", "B", clocks);
        assertEquals("0.170 s", row(rows, Quantity.FIRST_ZERO_WINDOW).b(), "0.570 s of the Live clock, 0.4 s after its connect");
        assertEquals("0.000 s", row(rows, Quantity.FIRST_ZERO_WINDOW).difference());
        assertEquals(0, row(rows, Quantity.FIRST_EAGAIN).differenceValue(), 1e-12);
        // 19,200 B over the 9.6 s from the connect to the end, as 20,000 B over 10 s
        assertEquals(2000, row(rows, Quantity.GOODPUT).bValue(), 1e-9);
        assertEquals("same", row(rows, Quantity.OUTCOME).difference());
        // from the runs' starts the Live clock's head start would look like TCP behaviour
        assertEquals("+0.400 s", row(RunDifference.of(model, live), Quantity.FIRST_ZERO_WINDOW).difference());

        assertEquals(400_000_000L, clocks.offsetNanos());
        assertEquals("Times from each run's first connection, which came 0.000 s after A's start and 0.400 s after B's "
                + "(B's clock starts 0.400 s earlier).", clocks.note("A", "B"));
        assertTrue(new ClockAlignment(new TimeOrigin(2_000_000L), new TimeOrigin(2_100_000L)).note("A", "B")
                .endsWith("(the same to the millisecond)."));
    }

    @Test
    void aRunThatNeverConnectedCountsFromItsStartAndSaysSo() {
        RunSummary never = summary(170_000_000L, -1, 0, 0, 0, 0);
        ClockAlignment clocks = new ClockAlignment(new TimeOrigin(300_000_000L), TimeOrigin.RUN_START);
        Row zero = row(RunDifference.of(never, never, "A", "B", clocks), Quantity.FIRST_ZERO_WINDOW);
        assertEquals("0.000 s", zero.a(), "a time before the connection counts as the connection's instant");
        assertEquals("0.170 s", zero.b(), "from the start of B, which never connected");
        assertEquals(-300_000_000L, clocks.offsetNanos());
        assertEquals("Times from each run's first connection; B has not connected, so its times are from its start "
                + "(A connected 0.300 s after its start).", clocks.note("A", "B"));
        assertEquals("Neither run has connected: times are from each run's start.",
                ClockAlignment.RUN_STARTS.note("A", "B"));
        assertEquals(-1, new TimeOrigin(-5).since(-1), "never stays never");
    }

    @Test
    void theOutcomeIsComparedByClassAndAnUnknownCountIsNotKnown() {
        RunSummary reset = summary(170_000_000L, 1_400_000_000L, 2, 20_000, 0, 300);
        RunSummary live = summary(-1, -1, 0, 40_000, 0, -1);
        assertEquals("RESET -> CLEAN", row(RunDifference.of(reset, live), Quantity.OUTCOME).difference());
        assertEquals("same", row(RunDifference.of(reset, reset), Quantity.OUTCOME).difference());
        Row lost = row(RunDifference.of(reset, live), Quantity.LOST);
        assertEquals("not known", lost.b());
        assertEquals("not known in B", lost.difference());
    }

    @Test
    void theTableIsAlignedColumnByColumn() {
        String table = RunDifference.table(RunDifference.of(summary(-1, -1, 0, 1, 0, 0),
                summary(170_000_000L, 1_400_000_000L, 12, 123_456_789, 0, 300)), "a (model)", "b (live)");
        List<String> lines = table.lines().toList();
        assertEquals(Quantity.values().length + 1, lines.size());
        assertTrue(lines.get(0).startsWith("quantity") && lines.get(0).contains("A: a (model)")
                && lines.get(0).contains("B: b (live)") && lines.get(0).endsWith("B - A"), lines.get(0));
        int bar = lines.get(0).indexOf('|');
        for (String line : lines) {
            assertEquals(bar, line.indexOf('|'), "the first column has one width: " + line);
            assertEquals(3, line.chars().filter(c -> c == '|').count(), line);
        }
    }

    @Test
    void valuesOfARunAloneLeaveTheSecondColumnEmpty() {
        List<Row> rows = RunDifference.of(summary(170_000_000L, -1, 2, 0, 0, 0), TimeOrigin.RUN_START);
        assertEquals("0.170 s", row(rows, Quantity.FIRST_ZERO_WINDOW).a());
        assertEquals("never", row(rows, Quantity.FIRST_EAGAIN).a());
        assertTrue(rows.stream().allMatch(r -> r.b().isEmpty() && r.difference().isEmpty()));
    }
}
