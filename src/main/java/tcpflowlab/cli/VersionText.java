package tcpflowlab.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code --version} prints: the project version stamped in by the build, the Java runtime in
 * use (the app image's own, or the system's) and the JavaFX version, read from the JavaFX jar's
 * own properties so the toolkit need not start (a terminal without a display still gets an answer).
 */
public final class VersionText implements CommandLine.IVersionProvider {
    static final String VERSION_RESOURCE = "/tcpflowlab/version.properties";
    static final String JAVAFX_RESOURCE = "javafx.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
                "TCP Flow Lab " + projectVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ") from " + System.getProperty("java.home"),
                "JavaFX " + javafxVersion()};
    }

    /** The pom's version, e.g. 0.1.0-SNAPSHOT. */
    public static String projectVersion() {
        Properties p = load(VersionText.class.getResourceAsStream(VERSION_RESOURCE));
        return p == null ? "unknown (built without " + VERSION_RESOURCE + ")" : p.getProperty("version", "unknown");
    }

    static String javafxVersion() {
        ClassLoader loader = VersionText.class.getClassLoader();
        Properties p = load(loader == null ? null : loader.getResourceAsStream(JAVAFX_RESOURCE));
        return p == null ? "not found on the class path" : p.getProperty("javafx.runtime.version",
                p.getProperty("javafx.version", "unknown"));
    }

    private static Properties load(InputStream in) {
        if (in == null) {
            return null;
        }
        try (in) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
