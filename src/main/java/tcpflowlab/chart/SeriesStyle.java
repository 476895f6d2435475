package tcpflowlab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * How each series of the flow charts is drawn: its own colour from the Okabe-Ito palette
 * (told apart with every common colour-vision deficiency) and its own dash, so the lines stay
 * distinct on a washed-out projector and in a grey printout. Dashes are in line widths, so
 * they keep their look when presentation mode thickens the lines.
 */
public enum SeriesStyle {
    SEND_QUEUE(SampleColumn.SEND_QUEUE, "send queue", 0x0072B2, null),
    SEND_CAPACITY(SampleColumn.SEND_CAPACITY, "send buffer", 0x56B4E9, new float[] {6, 4}),
    RECEIVE_QUEUE(SampleColumn.RECEIVE_QUEUE, "receive queue", 0xD55E00, new float[] {4, 1.5f}),
    RECEIVE_CAPACITY(SampleColumn.RECEIVE_CAPACITY, "receive buffer", 0xE69F00, new float[] {6, 3, 1, 3}),
    WINDOW(SampleColumn.WINDOW, "window", 0x009E73, null),
    WRITE_RATE(SampleColumn.WRITE_RATE, "written/s", 0xCC79A7, null),
    READ_RATE(SampleColumn.READ_RATE, "read/s", 0x000000, new float[] {1, 2}),
    SPILL_DEPTH(SampleColumn.SPILL_DEPTH, "spill queue", 0xB8A800, new float[] {3, 2, 3, 2, 1, 2}),
    // Okabe-Ito has eight colours and the eight series above use them; the loss row's two take a
    // neutral grey and Paul Tol's colour-blind-safe wine, with dashes of their own.
    MESSAGES_DROPPED(SampleColumn.MESSAGES_DROPPED, "dropped (DROP)", 0x555555, new float[] {8, 2}),
    MESSAGES_LOST(SampleColumn.MESSAGES_LOST, "lost on reset", 0x882255, new float[] {2, 2});

    private final SampleColumn column;
    private final String label;
    private final Color color;
    private final float[] dash;

    SeriesStyle(SampleColumn column, String label, int rgb, float[] dash) {
        this.column = column;
        this.label = label;
        this.color = new Color(rgb);
        this.dash = dash;
    }

    public SampleColumn column() {
        return column;
    }

    /** The short name in the legend (the hover read-out gives the long one). */
    public String label() {
        return label;
    }

    public Color color() {
        return color;
    }

    public boolean dashed() {
        return dash != null;
    }

    public Stroke stroke(float lineWidth) {
        if (dash == null) {
            return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[dash.length];
        for (int i = 0; i < dash.length; i++) {
            scaled[i] = dash[i] * lineWidth;
        }
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /** The style of a column, or null for one the charts do not draw. */
    public static SeriesStyle of(SampleColumn column) {
        for (SeriesStyle s : values()) {
            if (s.column == column) {
                return s;
            }
        }
        return null;
    }
}
