package tcpflowlab.dist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The app image as a zip whose top folder is the image's name. The zip file system stores each
 * file's Unix permissions (java.util.zip cannot), so the unzipped {@code bin/tcpflowlab} and the
 * runtime's own executables stay executable.
 */
final class ImageZip {
    private ImageZip() {
    }

    static void write(Path image, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
        Path top = image.getFileName();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(image)) {
            paths = walk.sorted().toList();
        }
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (Path source : paths) {
                Path target = fs.getPath(top.toString(), image.relativize(source).toString()
                        .replace(source.getFileSystem().getSeparator(), "/"));
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    // a symbolic link in the image is stored as the file it points to
                    Files.copy(source, target);
                }
                permissions(source).ifPresent(p -> setPermissions(target, p));
            }
        }
    }

    private static java.util.Optional<Set<PosixFilePermission>> permissions(Path source) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(source, PosixFileAttributeView.class);
        return view == null ? java.util.Optional.empty()
                : java.util.Optional.of(Files.getPosixFilePermissions(source, new LinkOption[0]));
    }

    private static void setPermissions(Path target, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(target, permissions);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
