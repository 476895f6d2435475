package tcpflowlab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * Colours, strokes and fonts of the flow charts, in two sizes: normal, and presentation
 * (thicker lines and larger text for a projector at the back of a classroom).
 */
public record ChartStyle(float lineWidth, int fontSize) {
    public static final ChartStyle NORMAL = new ChartStyle(2f, 13);
    public static final ChartStyle PRESENTATION = new ChartStyle(4f, 20);

    public static final Color SEND = SeriesStyle.SEND_QUEUE.color();
    public static final Color RECEIVE = SeriesStyle.RECEIVE_QUEUE.color();
    public static final Color WINDOW = SeriesStyle.WINDOW.color();
    public static final Color SPILL = SeriesStyle.SPILL_DEPTH.color();
    public static final Color ZERO_WINDOW_SHADE = new Color(255, 80, 80, 45);
    public static final Color ERROR = new Color(0xd62728);
    public static final Color PROBE = new Color(0xff9900);
    public static final Color UPDATE = new Color(0x2ca02c);
    public static final Color KNOB = new Color(0x3366cc);

    /** Presentation mode's style for text of {@code fontSize} pixels, lines thickening with it. */
    public static ChartStyle presentation(int fontSize) {
        return new ChartStyle(PRESENTATION.lineWidth() * fontSize / PRESENTATION.fontSize(), fontSize);
    }

    public Stroke solid() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public Stroke dashed() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f * lineWidth, 4f * lineWidth}, 0f);
    }

    public Stroke marker() {
        return new BasicStroke(Math.max(1f, lineWidth / 1.5f));
    }

    public Font font() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
    }

    public Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, fontSize + 4);
    }
}
