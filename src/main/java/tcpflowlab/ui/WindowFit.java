package tcpflowlab.ui;

/**
 * The main window's size on a given screen: its preferred 1440 x 900 where that fits, else the
 * screen's usable area, so on a 1280 x 720 projector nothing lies off-screen (the window's own
 * minimum shrinks with it, as the layout stays usable down to the projector's size).
 *
 * @param width the window's width to start with
 * @param height its height
 * @param minWidth the narrowest the user may make it
 * @param minHeight the lowest
 */
record WindowFit(double width, double height, double minWidth, double minHeight) {
    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    /** The fit for a screen whose usable area (without task bars) is {@code screenWidth} x {@code screenHeight}. */
    static WindowFit on(double screenWidth, double screenHeight) {
        double w = Math.min(PREFERRED_WIDTH, screenWidth);
        double h = Math.min(PREFERRED_HEIGHT, screenHeight);
        return new WindowFit(w, h, Math.min(MIN_WIDTH, w), Math.min(MIN_HEIGHT, h));
    }

    /** True when the preferred size had to shrink: the window then starts at the screen's corner. */
    boolean shrunk() {
        return width < PREFERRED_WIDTH || height < PREFERRED_HEIGHT;
    }
}
