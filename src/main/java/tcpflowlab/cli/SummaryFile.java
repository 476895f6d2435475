package tcpflowlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tcpflowlab.export.AtomicOutputFile;
import tcpflowlab.engine.RunSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** summary.json: the run's summary, and whether a signal cut the run short ("interrupted": "SIGTERM" or null). */
final class SummaryFile {
    static final String NAME = "summary.json";

    private SummaryFile() {
    }

    static void write(Path dir, RunSummary summary, Optional<StopSignals.Kind> interrupted) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = json.valueToTree(summary);
        node.put("outcome", summary.outcome().name());
        node.put("interrupted", interrupted.map(StopSignals.Kind::label).orElse(null));
        byte[] bytes = json.writeValueAsBytes(node);
        AtomicOutputFile.write(dir.resolve(NAME), bytes);
    }
}
