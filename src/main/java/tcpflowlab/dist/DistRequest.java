package tcpflowlab.dist;

import java.nio.file.Path;
import java.util.List;

/**
 * What to package: the compiled classes and resources, the runtime dependency jars (JavaFX among
 * them), the project version, where the image, zip and installer go, and whether to make the OS's
 * native installer too.
 */
public record DistRequest(Path classes, List<Path> jars, String version, Path dest, boolean installer) {
    public DistRequest {
        jars = List.copyOf(jars);
        if (version.isBlank()) {
            throw new IllegalArgumentException("version is empty");
        }
    }

    /**
     * jpackage takes only 1 to 3 dot-separated numbers: 0.1.0-SNAPSHOT becomes 0.1.0.
     */
    public String numericVersion() {
        String numeric = version.replaceFirst("[^0-9.].*$", "").replaceAll("\\.+$", "");
        if (!numeric.matches("\\d+(\\.\\d+){0,2}")) {
            throw new DistException("version " + version + " does not start with 1 to 3 numbers (like 0.1.0),"
                    + " which the installers need");
        }
        return numeric;
    }
}
