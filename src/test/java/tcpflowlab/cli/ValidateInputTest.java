package tcpflowlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `validate` on hostile input: one line per problem, exit 2, never a hang or a stack trace. */
class ValidateInputTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aDuplicatedKeyExitsTwoNamingIt(@TempDir Path dir) throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.json"),
                "{\"client\": {\"readSize\": 4096, \"readSize\": 0, \"redSize\": 1}}");
        assertEquals(Main.EXIT_BAD_INPUT, run("validate", dup.toString()));
        String e = err.toString();
        assertTrue(e.contains(dup + ": duplicate key 'client.readSize'"), e);
        assertTrue(e.contains(dup + ": unknown field 'client.redSize'"), e);
        assertTrue(e.contains(dup + ": client.readSize = 0 is not allowed"), e);
        assertEquals(3, e.lines().count(), "one line per problem: " + e);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceIsRefusedInOneLine() {
        assertEquals(Main.EXIT_BAD_INPUT, run("validate", "/dev/zero"));
        assertEquals("error: /dev/zero: not a regular file (a character device); a scenario must be a regular file\n",
                err.toString());
        assertFalse(err.toString().contains("Exception"));
    }
}
