package tcpflowlab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own entry points for a newcomer with only a JDK: {@code ./mvnw} (the Maven
 * Wrapper, Maven 3.9.x pinned) and {@code ./tcpflowlab} (the CLI, built on first use), run with
 * no Maven on the PATH, as on a teacher's machine.
 */
@DisabledOnOs(OS.WINDOWS)
class RepoScriptsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    @TempDir
    static Path tmp;
    private static Path noMavenBin;

    /** A PATH of the machine's tools without {@code mvn}: links to everything in /usr/bin and /bin but it. */
    @BeforeAll
    static void pathWithoutMaven() throws IOException {
        noMavenBin = Files.createDirectories(tmp.resolve("bin"));
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> tools = Files.list(d)) {
                for (Path t : (Iterable<Path>) tools::iterator) {
                    Path link = noMavenBin.resolve(t.getFileName().toString());
                    if (!t.getFileName().toString().equals("mvn") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, t);
                    }
                }
            }
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", noMavenBin.toString());
        env.remove("M2_HOME");
        env.remove("MAVEN_HOME");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) { // a hang guard only
            p.destroyForcibly();
            throw new AssertionError("no answer from " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void theWrapperRunsThePinnedMavenWithoutMavenOnThePath() throws Exception {
        assertThat(run(List.of("sh", "-c", "command -v mvn || echo none")).out().strip()).isEqualTo("none");
        String pinned = Files.readAllLines(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")).stream()
                .filter(l -> l.startsWith("distributionUrl=")).findFirst().orElseThrow();
        assertThat(pinned).matches("distributionUrl=https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/"
                + "apache-maven/3\\.9\\.\\d+/apache-maven-3\\.9\\.\\d+-bin\\.zip");
        String version = pinned.replaceAll(".*/apache-maven/([^/]+)/.*", "$1");
        Result r = run(List.of("./mvnw", "-v"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Apache Maven " + version);
    }

    @Test
    void theCliScriptBuildsOnceThenRunsCommandsWithTheirExitCodes() throws Exception {
        Result presets = run(List.of("./tcpflowlab", "presets"));
        assertThat(presets.exit()).as(presets.out()).isZero();
        assertThat(presets.out()).contains("seed-buggy", "spill-and-replay");

        Path bad = Files.writeString(tmp.resolve("bad scenario.json"), "{\"client\": {\"readSize\": -1}}");
        Result invalid = run(List.of("./tcpflowlab", "validate", bad.toString()));
        assertThat(invalid.exit()).as(invalid.out()).isEqualTo(2);
        assertThat(invalid.out()).contains("client.readSize").doesNotContain("building");

        Result runIt = run(List.of("./tcpflowlab", "run", "-p", "seed-buggy", "-d", "2", "-q"));
        assertThat(runIt.exit()).as(runIt.out()).isZero();
        assertThat(runIt.out()).contains("outcome");
    }
}
