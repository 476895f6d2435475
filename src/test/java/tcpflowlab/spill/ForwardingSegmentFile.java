package tcpflowlab.spill;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A segment file that hands every call to another: test storages override only the calls they change. */
class ForwardingSegmentFile implements SegmentFile {
    protected final SegmentFile real;

    ForwardingSegmentFile(SegmentFile real) {
        this.real = real;
    }

    @Override
    public void append(ByteBuffer src) throws IOException {
        real.append(src);
    }

    @Override
    public void writeAt(ByteBuffer src, long position) throws IOException {
        real.writeAt(src, position);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public void flush() throws IOException {
        real.flush();
    }

    @Override
    public void force() throws IOException {
        real.force();
    }

    @Override
    public void truncate(long size) throws IOException {
        real.truncate(size);
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public void close() throws IOException {
        real.close();
    }

    @Override
    public void abandon() throws IOException {
        real.abandon();
    }
}
