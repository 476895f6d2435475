package tcpflowlab.dist;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The JDK modules the trimmed runtime needs: what jdeps finds the app and its jars use, following
 * references from the app's classes through the class path (JavaFX and JFreeChart stay on the
 * class path: JFreeChart and OrsonPDF are not proper modules).
 */
final class RuntimeModules {
    private RuntimeModules() {
    }

    static List<String> of(Path appJar, List<Path> jars) {
        String classPath = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
        String out = JdkTool.require("jdeps").run(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", "--recursive",
                "--class-path", classPath, appJar.toString()));
        // no service-only modules are added: no TLS (jdk.crypto.ec), and the app speaks English (jdk.localedata)
        TreeSet<String> modules = new TreeSet<>();
        String[] lines = out.strip().split("\\R");
        modules.addAll(Arrays.asList(lines[lines.length - 1].strip().split(",")));
        return new ArrayList<>(modules);
    }
}
