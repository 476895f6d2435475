package tcpflowlab.dist;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistRequestTest {
    private static DistRequest version(String v) {
        return new DistRequest(Path.of("classes"), List.of(), v, Path.of("dist"), false);
    }

    @Test
    void installersGetTheNumericPartOfTheVersion() {
        assertEquals("0.1.0", version("0.1.0-SNAPSHOT").numericVersion());
        assertEquals("1.2", version("1.2").numericVersion());
        assertEquals("2.0.1", version("2.0.1.Final").numericVersion());
    }

    @Test
    void aVersionInstallersCannotTakeIsRefusedByName() {
        DistException e = assertThrows(DistException.class, () -> version("SNAPSHOT").numericVersion());
        assertTrue(e.getMessage().contains("SNAPSHOT"), e.getMessage());
        assertThrows(DistException.class, () -> version("1.2.3.4").numericVersion());
    }

    @Test
    void theWindowsLauncherIsAConsoleProgramSoTheCommandLinePrints() {
        assertTrue(DistBuilder.Platform.WINDOWS.imageOptions().contains("--win-console"));
        assertEquals(List.of(), DistBuilder.Platform.LINUX.imageOptions());
    }

    @Test
    void zipsAreNamedByOsAndCpu() {
        String tag = DistBuilder.Platform.current().tag();
        assertTrue(tag.matches("(linux|windows|mac)-\\w+"), tag);
        assertTrue(!tag.endsWith("-amd64") && !tag.endsWith("-x86_64"), "x64, as installers name it: " + tag);
    }
}
