package tcpflowlab.live;

import java.util.Locale;

/**
 * Socket buffer sizes as the kernel holds them. Linux doubles a requested SO_SNDBUF/SO_RCVBUF
 * (and caps it at wmem_max/rmem_max first); the JDK halves what getsockopt() returns on Linux
 * so that Java programs read back what they asked for. The charts and logs want the kernel's
 * number, so on Linux it is doubled back.
 */
public final class KernelBuffers {
    public static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    public static final String NOTE = LINUX ? "Linux doubles the request; Java reports half of it" : "as reported";

    private KernelBuffers() {
    }

    public static long kernelBytes(int javaReported) {
        return LINUX ? 2L * javaReported : javaReported;
    }
}
