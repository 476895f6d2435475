package tcpflowlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpflowlab.telemetry.FlowLimit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What limited the flow in a run's outputs: a samples.csv column, shares in summary.json and the printed summary. */
class FlowLimitOutputTest {
    @Test
    void aModelRunWritesTheCausePerSampleAndSharesThatAddToOne(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path o = dir.resolve("out");
        assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", "--preset", "seed-buggy", "--duration", "5", "--out", o.toString()), err.toString());

        List<String> lines = Files.readAllLines(o.resolve("samples.csv"));
        List<String> header = Arrays.asList(lines.get(1).split(","));
        int column = header.indexOf("flow_limit");
        assertEquals(header.size() - 1, column, lines.get(1));
        Set<String> names = lines.stream().skip(2).map(l -> l.split(",", -1)[column]).collect(Collectors.toSet());
        Set<String> allowed = Arrays.stream(FlowLimit.values()).map(FlowLimit::csvName).collect(Collectors.toSet());
        assertTrue(allowed.containsAll(names), names::toString);
        assertTrue(names.contains("rwnd") && names.contains("app"), names::toString);

        JsonNode limit = new ObjectMapper().readTree(o.resolve("summary.json").toFile()).get("flowLimit");
        double sum = 0;
        for (String cause : List.of("rwnd", "sndbuf", "link", "app")) {
            sum += limit.get(cause).asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(limit.get("rwnd").asDouble() > 0.1, limit::toString);
        assertTrue(out.toString().contains("flow limited by          receiver's window "), out::toString);
    }
}
