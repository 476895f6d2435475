package tcpflowlab.chart;

import tcpflowlab.engine.Outcome;

import java.awt.Color;

/**
 * How a sweep map draws each outcome class: an Okabe-Ito colour (warm for the classes that
 * lose data, cool for the ones that do not; told apart with every common colour-vision
 * deficiency, and by lightness in a grey printout) and the class's initial, printed on blocks
 * large enough to hold it.
 */
public enum OutcomeStyle {
    RESET(Outcome.RESET, 0xD55E00),
    LOSSY(Outcome.LOSSY, 0xF0E442),
    STALLED(Outcome.STALLED, 0x56B4E9),
    CLEAN(Outcome.CLEAN, 0x009E73);

    /** A cell whose metric never happened (or cannot be told): neutral, outside every colour scale. */
    public static final Color NEVER = new Color(0x9A9A9A);
    /** A cell not run yet, while a sweep fills its map in. */
    public static final Color NOT_RUN = new Color(0xF2F2F2);

    private final Outcome outcome;
    private final Color color;

    OutcomeStyle(Outcome outcome, int rgb) {
        this.outcome = outcome;
        this.color = new Color(rgb);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Color color() {
        return color;
    }

    /** "R", "L", "S" or "C". */
    public String initial() {
        return outcome.name().substring(0, 1);
    }

    public static OutcomeStyle of(Outcome outcome) {
        for (OutcomeStyle s : values()) {
            if (s.outcome == outcome) {
                return s;
            }
        }
        throw new IllegalArgumentException("no map style for outcome " + outcome);
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luma = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luma > 110 ? Color.BLACK : Color.WHITE;
    }
}
