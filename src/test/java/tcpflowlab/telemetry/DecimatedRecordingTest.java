package tcpflowlab.telemetry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatedRecordingTest {
    private static Sample at(long i) {
        return new Sample(i * 1_000_000L, i, 131_072, 0, 8_192, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aLongRunKeepsAtMostTheBudgetSpreadOverTheWholeRun() {
        DecimatedRecording r = new DecimatedRecording(k -> true);
        long n = 2_000_003; // over half an hour of 1 ms samples
        for (long i = 0; i < n; i++) {
            r.onSample(at(i));
        }
        List<Sample> kept = r.samples();
        assertTrue(kept.size() <= DecimatedRecording.SAMPLE_BUDGET, "kept " + kept.size());
        assertTrue(kept.size() >= DecimatedRecording.SAMPLE_BUDGET / 4, "thinned too far: " + kept.size());
        assertEquals(0, kept.get(0).serverSendQueue(), "the first sample");
        assertEquals(n - 1, kept.get(kept.size() - 1).serverSendQueue(), "the last sample");
        assertEquals(n, r.samplesSeen());
        // evenly thinned: one stride between all kept samples but the last
        long stride = kept.get(1).serverSendQueue() - kept.get(0).serverSendQueue();
        for (int i = 1; i < kept.size() - 1; i++) {
            assertEquals(stride, kept.get(i).serverSendQueue() - kept.get(i - 1).serverSendQueue());
        }
    }

    @Test
    void aShortRunIsKeptWhole() {
        DecimatedRecording r = new DecimatedRecording(k -> true);
        for (long i = 0; i < 1000; i++) {
            r.onSample(at(i));
        }
        assertEquals(1000, r.samples().size());
        r.clear();
        assertTrue(r.samples().isEmpty());
    }

    @Test
    void eventsAreFilteredAndCapped() {
        DecimatedRecording r = new DecimatedRecording(100, 3, k -> k == EventKind.ZERO_WINDOW_PROBE);
        for (int i = 0; i < 10; i++) {
            r.onEvent(new TcpEvent(i, Side.SERVER, EventKind.ZERO_WINDOW_PROBE, null, 0, 1, ""));
            r.onEvent(new TcpEvent(i, Side.SERVER, EventKind.PERSIST_TIMER, null, 0, 1, ""));
        }
        assertEquals(3, r.events().size());
        assertEquals(7, r.eventsLeftOut());
    }

    @Test
    void theClientsFirstConnectIsKeptWhateverTheFilter() {
        DecimatedRecording r = new DecimatedRecording(k -> false);
        assertEquals(FirstConnect.NEVER, r.firstConnectNanos());
        r.onEvent(new TcpEvent(100, Side.SERVER, EventKind.CONNECT, null, 0, 1, "accepted"));
        assertEquals(FirstConnect.NEVER, r.firstConnectNanos(), "the server's accept is not the client's connect");
        r.onEvent(new TcpEvent(400_000_000L, Side.CLIENT, EventKind.CONNECT, null, 0, 1, ""));
        r.onEvent(new TcpEvent(2_400_000_000L, Side.CLIENT, EventKind.CONNECT, null, 0, 2, "reconnected"));
        assertEquals(400_000_000L, r.firstConnectNanos());
        assertTrue(r.events().isEmpty(), "the filter still decides what is kept");
        r.clear();
        assertEquals(FirstConnect.NEVER, r.firstConnectNanos());
    }
}
