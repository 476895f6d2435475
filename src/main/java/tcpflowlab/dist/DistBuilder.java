package tcpflowlab.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds what a teacher installs: {@code DEST/tcpflowlab/} (jpackage's app image: a Java runtime
 * trimmed by jlink to the modules the app uses, the app and its jars on the class path, and the
 * launcher {@code bin/tcpflowlab}), its zip, and where the OS's tools allow, the native installer.
 * {@code mvn -B -Pdist package} runs it; the app-image test calls {@link #build} directly.
 */
public final class DistBuilder {
    /** The launcher's name: bin/tcpflowlab, the zip's top folder, the installed package. */
    public static final String NAME = "tcpflowlab";
    static final String MAIN_CLASS = "tcpflowlab.Start";
    /**
     * The parallel collector finishes sweeps on few cores sooner than G1 (it spends no threads
     * collecting concurrently); the window's pauses stay far below a frame at this heap size.
     */
    static final List<String> JAVA_OPTIONS = List.of("-XX:+UseParallelGC");

    private final Consumer<String> log;

    public DistBuilder(Consumer<String> log) {
        this.log = log;
    }

    public DistResult build(DistRequest request) throws IOException {
        Path dest = request.dest();
        Path work = dest.resolve("work");
        deleteTree(work);
        Path image = dest.resolve(NAME);
        deleteTree(image);
        Path input = Files.createDirectories(work.resolve("input"));
        Path appJar = input.resolve(NAME + "-" + request.version() + ".jar");
        AppJar.write(request.classes(), MAIN_CLASS, appJar);
        for (Path jar : request.jars()) {
            Files.copy(jar, input.resolve(jar.getFileName()));
        }

        List<String> modules = RuntimeModules.of(appJar, request.jars());
        log.accept("runtime modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        JdkTool.require("jlink").run(List.of("--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2",
                "--output", runtime.toString()));

        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", NAME,
                "--app-version", request.numericVersion(), "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", appJar.getFileName().toString(),
                "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString()));
        for (String option : JAVA_OPTIONS) {
            args.addAll(List.of("--java-options", option));
        }
        args.addAll(Platform.current().imageOptions());
        JdkTool.require("jpackage").run(args);
        Path launcher = image.resolve(Platform.current().launcher(NAME));
        log.accept("app image: " + image);

        Path zip = dest.resolve(NAME + "-" + request.version() + "-" + Platform.current().tag() + ".zip");
        ImageZip.write(image, zip);
        log.accept("zip: " + zip + " (" + Files.size(zip) / (1024 * 1024) + " MB)");

        Optional<Path> installer = request.installer() ? installer(request, image) : Optional.empty();
        deleteTree(work);
        return new DistResult(image, launcher, zip, installer);
    }

    private Optional<Path> installer(DistRequest request, Path image) throws IOException {
        Platform platform = Platform.current();
        Optional<String> missing = platform.missingInstallerTools();
        if (missing.isPresent()) {
            log.accept("no " + platform.installerType() + " installer: " + missing.get());
            return Optional.empty();
        }
        Path dest = request.dest();
        List<String> args = new ArrayList<>(List.of("--type", platform.installerType(), "--app-image", image.toString(),
                "--name", NAME, "--app-version", request.numericVersion(), "--dest", dest.toString(),
                "--description", "Interactive TCP flow-control simulator", "--vendor", "TCP Flow Lab"));
        args.addAll(platform.installerOptions());
        JdkTool.require("jpackage").run(args);
        try (Stream<Path> files = Files.list(dest)) {
            Optional<Path> made = files.filter(f -> f.getFileName().toString().endsWith("." + platform.installerType()))
                    .max(Comparator.comparing(DistBuilder::modified));
            made.ifPresent(p -> log.accept("installer: " + p));
            return made;
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * {@code DistBuilder CLASSES CLASSPATH_FILE VERSION DEST [--installer]}: CLASSPATH_FILE holds
     * the runtime class path as maven-dependency-plugin's build-classpath writes it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new DistException("usage: DistBuilder CLASSES CLASSPATH_FILE VERSION DEST [--installer]");
        }
        DistRequest request = new DistRequest(Path.of(args[0]), ClassPathFile.read(Path.of(args[1])), args[2],
                Path.of(args[3]), List.of(args).contains("--installer"));
        new DistBuilder(System.out::println).build(request);
    }

    /** The OS the image is built on and for (jpackage cannot cross-build). */
    enum Platform {
        LINUX("deb"), WINDOWS("msi"), MAC("dmg");

        private final String installerType;

        Platform(String installerType) {
            this.installerType = installerType;
        }

        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        }

        String installerType() {
            return installerType;
        }

        String launcher(String name) {
            return switch (this) {
                case LINUX -> "bin/" + name;
                case WINDOWS -> name + ".exe";
                case MAC -> "Contents/MacOS/" + name;
            };
        }

        /** e.g. linux-x64, windows-x64, mac-aarch64. */
        String tag() {
            String arch = System.getProperty("os.arch");
            String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
            return name().toLowerCase(Locale.ROOT) + "-" + cpu;
        }

        /**
         * The one launcher is the command line too: on Windows it must be a console program, or
         * {@code tcpflowlab run} would print nowhere (the window then opens beside a console).
         */
        List<String> imageOptions() {
            return this == WINDOWS ? List.of("--win-console") : List.of();
        }

        List<String> installerOptions() {
            return switch (this) {
                case LINUX -> List.of("--linux-shortcut", "--linux-menu-group", "Education",
                        "--linux-app-category", "education");
                case WINDOWS -> List.of("--win-menu", "--win-shortcut", "--win-dir-chooser");
                case MAC -> List.of();
            };
        }

        /** jpackage makes a .deb with dpkg-deb and fakeroot, an .msi with the WiX toolset. */
        Optional<String> missingInstallerTools() {
            List<String> tools = switch (this) {
                case LINUX -> List.of("dpkg-deb", "fakeroot");
                case WINDOWS -> List.of("candle.exe", "light.exe");
                case MAC -> List.of("hdiutil");
            };
            List<String> missing = tools.stream().filter(t -> !onPath(t)).toList();
            return missing.isEmpty() ? Optional.empty()
                    : Optional.of(String.join(" and ", missing) + " not found on the PATH");
        }

        private static boolean onPath(String tool) {
            String path = System.getenv().getOrDefault("PATH", "");
            return Stream.of(path.split(java.io.File.pathSeparator))
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
        }
    }
}
