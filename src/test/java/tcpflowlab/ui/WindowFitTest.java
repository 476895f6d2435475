package tcpflowlab.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowFitTest {
    @Test
    void aLargeScreenGetsThePreferredSize() {
        WindowFit fit = WindowFit.on(1920, 1040);
        assertEquals(new WindowFit(1440, 900, 900, 600), fit);
        assertFalse(fit.shrunk());
    }

    @Test
    void aProjectorGetsAWindowThatFitsOnIt() {
        // 1280 x 720 with a 28 px panel: the window fit 1440 x 900 before and lay partly off-screen
        WindowFit fit = WindowFit.on(1280, 692);
        assertEquals(1280, fit.width());
        assertEquals(692, fit.height());
        assertEquals(900, fit.minWidth());
        assertEquals(600, fit.minHeight());
        assertTrue(fit.shrunk());
    }

    @Test
    void aScreenBelowTheMinimumShrinksTheMinimumToo() {
        WindowFit fit = WindowFit.on(800, 560);
        assertEquals(new WindowFit(800, 560, 800, 560), fit);
    }
}
