package tcpflowlab.dist;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * A JDK tool (jdeps, jlink, jpackage) run in this JVM through {@link ToolProvider}, so the build
 * needs no particular {@code PATH}: only a full JDK, which says so when it is missing.
 */
record JdkTool(String name, ToolProvider tool) {
    /** The tool, or empty on a runtime without it (a JRE, or a JDK built without jpackage). */
    static Optional<JdkTool> find(String name) {
        return ToolProvider.findFirst(name).map(t -> new JdkTool(name, t));
    }

    static JdkTool require(String name) {
        return find(name).orElseThrow(() -> new DistException("the Java runtime running the build ("
                + System.getProperty("java.home") + ") has no " + name + ": build the app image with a full JDK 17 or newer"));
    }

    /** Runs the tool and returns what it printed; a non-zero exit is an error naming the command. */
    String run(List<String> args) {
        StringWriter out = new StringWriter();
        int exit;
        try (PrintWriter w = new PrintWriter(out)) {
            exit = tool.run(w, w, args.toArray(String[]::new));
        }
        if (exit != 0) {
            throw new DistException(name + " failed (exit " + exit + "): " + String.join(" ", args) + "\n" + out);
        }
        return out.toString();
    }
}
