package tcpflowlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.FlowLimitShares;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** summary.json: the run's summary, and whether a signal cut the run short ("interrupted": "SIGTERM" or null). */
final class SummaryFile {
    static final String NAME = "summary.json";

    private SummaryFile() {
    }

    static void write(Path dir, RunSummary summary, Optional<StopSignals.Kind> interrupted) throws IOException {
        write(dir, summary, interrupted, null);
    }

    /**
     * {@code limits}: what held the sender back, written as "flowLimit": the share of time per
     * cause (named as in samples.csv, adding to 1), null where the engine could not tell.
     */
    static void write(Path dir, RunSummary summary, Optional<StopSignals.Kind> interrupted, FlowLimitShares limits)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = json.valueToTree(summary);
        node.put("outcome", summary.outcome().name());
        node.put("interrupted", interrupted.map(StopSignals.Kind::label).orElse(null));
        if (limits != null) {
            Map<FlowLimit, Double> shares = limits.shares();
            if (shares.isEmpty()) {
                node.putNull("flowLimit");
            } else {
                ObjectNode limit = node.putObject("flowLimit");
                shares.forEach((cause, share) -> limit.put(cause.csvName(), share));
            }
        }
        byte[] bytes = json.writeValueAsBytes(node);
        AtomicOutputFile.write(dir.resolve(NAME), bytes);
    }
}
