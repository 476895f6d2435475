package tcpflowlab.sim.app;

import java.nio.charset.StandardCharsets;

/** The bytes the story's programs send, cut or repeated to the configured size. */
final class MessagePattern {
    /** Server A's message: "Hello World!" and the NUL its C string ends with (13 bytes). */
    static final byte[] HELLO = "Hello World!\0".getBytes(StandardCharsets.US_ASCII);
    /** Server B's reply (17 bytes). */
    static final byte[] REPLY = "Hi i got the data".getBytes(StandardCharsets.US_ASCII);

    private MessagePattern() {
    }

    static byte[] sized(byte[] pattern, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = pattern[i % pattern.length];
        }
        return b;
    }
}
