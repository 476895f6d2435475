package tcpflowlab.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTextTest {
    private static String pomVersion() {
        String v = System.getProperty("tcpflowlab.pom.version");
        assertNotNull(v, "surefire passes the pom's version as tcpflowlab.pom.version");
        return v;
    }

    @Test
    void theProjectVersionIsThePoms() {
        assertEquals(pomVersion(), VersionText.projectVersion());
    }

    @Test
    void versionAndVFlagPrintProjectJavaAndJavafxVersions() {
        for (String flag : new String[] {"--version", "-V"}) {
            StringWriter out = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), flag));
            String text = out.toString();
            assertTrue(text.startsWith("TCP Flow Lab " + pomVersion() + System.lineSeparator()), text);
            assertTrue(text.contains("Java " + System.getProperty("java.version") + " ("), text);
            // the test class path holds javafx-base, whose properties name its version
            assertTrue(text.matches("(?s).*JavaFX \\d+[.\\d]*\\+?\\d*\\R?$"), text);
            assertFalse(text.contains("${"), "unfiltered resource: " + text);
        }
    }
}
