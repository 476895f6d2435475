package tcpflowlab.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.export.CsvTelemetryWriter;
import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.sim.app.KernelQueues;
import tcpflowlab.telemetry.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages dropped (DROP) and lost on reset (written, never read) as a series in every sample,
 * agreeing with the run's summary, and as columns of samples.csv.
 */
class LossSeriesTest {
    private static RecordingSink run(String preset, RunSummary[] summary, String... overrides) {
        RecordingSink sink = new RecordingSink();
        ModelEngine engine = new ModelEngine(Scenarios.preset(preset, overrides), List.of(sink), Scenarios.CODEC);
        engine.runToEnd();
        summary[0] = engine.summary();
        return sink;
    }

    private static void assertNeverFalls(List<Sample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).messagesDropped() >= samples.get(i - 1).messagesDropped(), "dropped at " + i);
            assertTrue(samples.get(i).messagesLost() >= samples.get(i - 1).messagesLost(), "lost at " + i);
        }
    }

    @Test
    void theDropPresetsDroppedMessagesRiseInTheSamplesToTheSummarysCount() {
        RunSummary[] summary = new RunSummary[1];
        RecordingSink sink = run("drop", summary, "run.durationS=15");
        Sample last = sink.samples.get(sink.samples.size() - 1);
        assertTrue(summary[0].messagesDropped() > 1000, "the drop preset drops: " + summary[0].messagesDropped());
        assertEquals(summary[0].messagesDropped(), last.messagesDropped());
        assertEquals(0, last.messagesLost(), "DROP loses by dropping, never on a reset");
        assertEquals(0, sink.samples.get(0).messagesDropped());
        assertNeverFalls(sink.samples);
    }

    @Test
    void theStorysMessagesLostOnResetStepUpAtEachResetToTheSummarysCount() {
        RunSummary[] summary = new RunSummary[1];
        RecordingSink sink = run("seed-buggy", summary, "run.durationS=10");
        Sample last = sink.samples.get(sink.samples.size() - 1);
        assertTrue(summary[0].messagesLost() > 0);
        assertEquals(summary[0].messagesLost(), last.messagesLost());
        assertEquals(0, last.messagesDropped(), "CLOSE drops nothing");
        assertNeverFalls(sink.samples);
        long firstRst = sink.events(tcpflowlab.telemetry.EventKind.RST_SENT).get(0).timeNanos();
        Sample before = sink.samples.stream().filter(s -> s.timeNanos() < firstRst).reduce((a, b) -> b).orElseThrow();
        assertEquals(0, before.messagesLost(), "nothing is lost before the first reset");
        long steps = 0;
        for (int i = 1; i < sink.samples.size() - 1; i++) {
            if (sink.samples.get(i).messagesLost() > sink.samples.get(i - 1).messagesLost()) {
                steps++;
            }
        }
        // the last sample adds what a dead connection still held unread when the run ended
        assertEquals(sink.events(tcpflowlab.telemetry.EventKind.RST_SENT).size(), steps, "one step per reset");
    }

    @Test
    void aSamplerWithoutTheStreamOffsetsSaysLostIsUnknown() {
        Sample s = new ConnectionSampler(null, null, ConnectionSampler.NO_SPILL).sample(5, new KernelQueues(0, 0, 0, 0, 0, 0));
        assertEquals(Sample.UNKNOWN, s.messagesLost());
    }

    @Test
    void samplesCsvHasTheLossColumnsEmptyWhereUnknown(@TempDir Path dir) throws IOException {
        try (CsvTelemetryWriter w = new CsvTelemetryWriter(dir, "losses")) {
            w.onSample(new Sample(1_000_000, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 41_967, 12));
            w.onSample(new Sample(2_000_000, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 41_968, Sample.UNKNOWN));
        }
        List<String> lines = Files.readAllLines(dir.resolve(CsvTelemetryWriter.SAMPLES));
        assertTrue(lines.get(1).endsWith(",messages_dropped,messages_lost_on_reset,flow_limit"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",41967,12,"), lines.get(2));
        assertTrue(lines.get(3).endsWith(",41968,,"), lines.get(3));
        assertEquals(lines.get(1).split(",", -1).length, lines.get(2).split(",", -1).length);
    }
}
