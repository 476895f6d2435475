package tcpflowlab.spill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The real disk, call for call: test storages extend it and override only what they inject or record. */
class ForwardingStorage implements Storage {
    @Override
    public SegmentFile open(Path file, boolean create) throws IOException {
        return Storage.DISK.open(file, create);
    }

    @Override
    public SegmentFile openAppender(Path file, boolean create, AlignedBuffers buffers) throws IOException {
        return Storage.DISK.openAppender(file, create, buffers); // the direct segments of GROUP
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        Storage.DISK.move(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        Storage.DISK.delete(file);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        Storage.DISK.forceDirectory(dir);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return Storage.DISK.list(dir);
    }
}
