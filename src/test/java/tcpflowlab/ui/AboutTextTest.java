package tcpflowlab.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AboutTextTest {
    @Test
    void theAboutBoxNamesThePomsVersion() {
        String version = System.getProperty("tcpflowlab.pom.version");
        assertTrue(HelpDialogs.aboutText().startsWith("TCP Flow Lab " + version + ":"), HelpDialogs.aboutText());
    }
}
