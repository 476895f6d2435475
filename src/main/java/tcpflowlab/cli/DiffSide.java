package tcpflowlab.cli;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What one side of a {@code diff} names: a scenario file when a file (or anything else) stands
 * at that path, a preset otherwise. A name that looks like a path (a separator, or ".json")
 * but names nothing is a missing file, not an unknown preset.
 */
final class DiffSide {
    private DiffSide() {
    }

    static Scenario load(String side, String text, ScenarioCodec codec) {
        Path path = Path.of(text);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) || looksLikePath(text)) {
            try {
                return codec.read(path);
            } catch (InvalidScenarioException e) {
                throw new InvalidScenarioException(side + ": " + String.join("; ", e.problems()));
            }
        }
        Presets presets = new Presets(codec);
        if (!presets.names().contains(text)) {
            throw new InvalidScenarioException(side + ": '" + text + "' is neither a scenario file nor a preset; presets: "
                    + String.join(", ", presets.names()));
        }
        return presets.load(text);
    }

    private static boolean looksLikePath(String text) {
        return text.contains("/") || text.contains(java.io.File.separator) || text.endsWith(".json");
    }
}
