package tcpflowlab.dist;

import java.nio.file.Path;
import java.util.Optional;

/** What was built: the app image folder, its zip, and the native installer if one was made. */
public record DistResult(Path image, Path launcher, Path zip, Optional<Path> installer) {
}
