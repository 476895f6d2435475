package tcpflowlab.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the installable app image once, as {@code mvn -Pdist package} does, and uses it like a
 * teacher would: the launcher runs the command line and opens the window with no Java and no
 * Maven on the PATH; the zip unpacks to a launcher that still runs; the .deb holds the launcher.
 */
class AppImageTest {
    @TempDir
    static Path dir;
    static DistResult dist;
    static ImageProcess noJava;

    @BeforeAll
    static void buildImage() throws Exception {
        for (String tool : List.of("jdeps", "jlink", "jpackage")) {
            assumeTrue(JdkTool.find(tool).isPresent(), "skipped: this JDK (" + System.getProperty("java.home")
                    + ") has no " + tool + ", so no app image can be built here");
        }
        Path classPathFile = Path.of("target", "runtime-classpath.txt");
        assumeTrue(Files.isRegularFile(classPathFile), "skipped: no " + classPathFile + " (run through Maven)");
        DistRequest request = new DistRequest(Path.of("target", "classes"), ClassPathFile.read(classPathFile),
                System.getProperty("tcpflowlab.pom.version"), dir.resolve("dist"), true);
        dist = new DistBuilder(line -> { }).build(request);
        noJava = ImageProcess.withTools(dir.resolve("nojava"), List.of());
    }

    @Test
    void theImageHasItsOwnTrimmedRuntime() throws Exception {
        Path runtime = dist.image().resolve("lib").resolve("runtime");
        String modules = Files.readString(runtime.resolve("release"));
        assertTrue(modules.contains("java.desktop"), modules);
        // trimmed: the compiler and the packaging tools stay in the JDK
        assertTrue(!modules.contains("jdk.compiler") && !modules.contains("jdk.jpackage"), modules);
    }

    @Test
    void theLauncherRunsTheCommandLineWithoutJavaOrMavenOnThePath() throws Exception {
        var run = noJava.run(120, List.of(dist.launcher().toString(), "run", "-p", "seed-buggy", "-d", "5"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Scenario seed-buggy (model engine"), run.output());
        assertTrue(run.output().matches("(?s).*\\R  outcome +RESET .*"), run.output());
    }

    @Test
    void versionNamesTheBuildAndTheImagesOwnRuntime() throws Exception {
        var version = noJava.run(60, List.of(dist.launcher().toString(), "--version"));
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().startsWith("TCP Flow Lab " + System.getProperty("tcpflowlab.pom.version")),
                version.output());
        assertTrue(version.output().contains(" from " + dist.image().resolve("lib").resolve("runtime")), version.output());
        assertTrue(version.output().contains("JavaFX 2"), version.output());
    }

    @Test
    void badInputExitsWithTheCommandLinesCode() throws Exception {
        var validate = noJava.run(60, List.of(dist.launcher().toString(), "validate", "/etc/passwd"));
        assertEquals(2, validate.exit(), validate.output());
        assertTrue(validate.output().contains("/etc/passwd"), validate.output());
    }

    @Test
    void theWindowAppearsAndTheAppExitsCleanly() throws Exception {
        Path xvfbRun = ImageProcess.onPath("xvfb-run").orElse(null);
        assumeTrue(xvfbRun != null && ImageProcess.onPath("Xvfb").isPresent(),
                "skipped: no xvfb-run/Xvfb for a virtual display (apt-get install xvfb)");
        // xvfb-run is a shell script: give it its own tools, still no java and no mvn
        ImageProcess display = ImageProcess.withTools(dir.resolve("display"), List.of("sh", "xvfb-run", "Xvfb",
                "xauth", "mcookie", "getopt", "mktemp", "rm", "cat", "find", "stty", "awk", "fmt", "sleep", "touch",
                "kill", "sed", "grep", "tr", "ls", "head", "env", "dirname", "basename", "md5sum", "hexdump"));
        var app = display.run(180, List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x720x24",
                dist.launcher().toString(), "--preset", "seed-buggy", "--exit-after-first-frame"));
        assertEquals(0, app.exit(), app.output());
        assertTrue(app.output().matches("(?s).*first frame after \\d+ ms.*"), app.output());
    }

    @Test
    void theZipUnpacksToALauncherThatRuns() throws Exception {
        Path unzip = ImageProcess.onPath("unzip").orElse(null);
        assumeTrue(unzip != null, "skipped: no unzip command to unpack the zip as a user would");
        Path into = Files.createDirectories(dir.resolve("unzipped"));
        ImageProcess tools = ImageProcess.withTools(dir.resolve("unzip"), List.of());
        var unpack = tools.run(120, List.of(unzip.toString(), "-q", dist.zip().toString(), "-d", into.toString()));
        assertEquals(0, unpack.exit(), unpack.output());
        Path launcher = into.resolve(DistBuilder.NAME).resolve("bin").resolve(DistBuilder.NAME);
        assertTrue(Files.isExecutable(launcher), launcher + " lost its executable bit");
        var version = noJava.run(60, List.of(launcher.toString(), "--version"));
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().contains(" from " + into.resolve(DistBuilder.NAME)), version.output());
    }

    @Test
    void theDebInstallsALauncherUnderOptThatRuns() throws Exception {
        assumeTrue(DistBuilder.Platform.current() == DistBuilder.Platform.LINUX, "skipped: .deb is Linux only");
        assumeTrue(DistBuilder.Platform.LINUX.missingInstallerTools().isEmpty(),
                "skipped: " + DistBuilder.Platform.LINUX.missingInstallerTools().orElse(""));
        Path deb = dist.installer().orElseThrow();
        assertTrue(deb.getFileName().toString().endsWith(".deb"), deb.toString());
        Path dpkgDeb = ImageProcess.onPath("dpkg-deb").orElseThrow();
        ImageProcess dpkg = ImageProcess.withTools(dir.resolve("dpkg"), List.of("tar", "xz", "gzip", "zstd"));
        // unpack as dpkg -i would, into a folder instead of /
        Path root = Files.createDirectories(dir.resolve("debroot"));
        var unpack = dpkg.run(120, List.of(dpkgDeb.toString(), "-x", deb.toString(), root.toString()));
        assertEquals(0, unpack.exit(), unpack.output());
        Path launcher = root.resolve("opt").resolve(DistBuilder.NAME).resolve("bin").resolve(DistBuilder.NAME);
        assertTrue(Files.isExecutable(launcher), launcher + " missing or not executable");
        var run = noJava.run(120, List.of(launcher.toString(), "run", "-p", "seed-buggy", "-d", "5"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("outcome"), run.output());
    }
}
