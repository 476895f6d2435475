package tcpflowlab.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FsyncWindowTest {
    @Test
    void theMeanFollowsTheLastTenthOfASecondNotTheWholeRun() {
        FsyncWindow w = new FsyncWindow();
        long ms = 1_000_000L;
        w.update(0, 0, 0);
        w.update(100 * ms, 1000, 1000 * 200_000L); // 1000 fsyncs of 0.2 ms
        assertEquals(200_000L, w.mean());
        w.update(150 * ms, 1010, 1000 * 200_000L + 10 * 5 * ms); // within the span: not yet
        assertEquals(200_000L, w.mean());
        w.update(200 * ms, 1010, 1000 * 200_000L + 10 * 5 * ms); // 10 slow fsyncs of 5 ms
        assertEquals(5 * ms, w.mean(), "a spike shows; a mean since the start would say 0.25 ms");
        w.update(300 * ms, 1010, 1000 * 200_000L + 10 * 5 * ms); // no fsync in this span
        assertEquals(5 * ms, w.mean(), "the last known figure stays");
    }
}
