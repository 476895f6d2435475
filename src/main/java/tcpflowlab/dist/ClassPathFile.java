package tcpflowlab.dist;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The runtime class path the build wrote (target/runtime-classpath.txt): jars joined by the OS's separator. */
public final class ClassPathFile {
    private ClassPathFile() {
    }

    public static List<Path> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DistException("no class path file " + file + ": run mvn compile first (it writes it)");
        }
        List<Path> jars = Stream.of(Files.readString(file).strip().split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new DistException("class path file " + file + " names " + jar + ", which does not exist");
            }
        }
        return jars;
    }
}
