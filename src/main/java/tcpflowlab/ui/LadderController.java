package tcpflowlab.ui;

import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Pane;
import org.jfree.fx.FXGraphics2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import tcpflowlab.chart.LadderRenderer;
import tcpflowlab.telemetry.SegmentRecord;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The ladder (sequence) diagram of the last {@value FrameData#LADDER_SEGMENTS} segments, drawn by
 * {@link LadderRenderer} through FXGraphics2D: the newest that fit the pane, the mouse wheel
 * scrolls back through the older ones (the view holds still meanwhile); a click on an arrow shows
 * the segment's fields and why it was sent. The SVG export draws all of them.
 */
public final class LadderController {
    @FXML
    private Pane canvasHost;
    @FXML
    private TextArea details;
    @FXML
    private Label countLabel;

    private static final int EXPORT_FONT_SIZE = 12;
    /** Arrows left below a highlighted one, so the class sees what followed it. */
    private static final int ARROWS_AFTER_HIGHLIGHT = 3;

    private final Canvas canvas = new Canvas();
    private FrameData data;
    private AppModel model;
    private List<SegmentRecord> shown = List.of();
    private List<LadderRenderer.Hit> hits = List.of();
    private int selected = -1;
    private long drawnAt = -1;
    /** Segments hidden at the newest end because the user scrolled back; 0 follows the newest. */
    private int scrolledBack;
    private int drawn;
    private java.util.function.Supplier<String> whyNoCapture = () -> null;

    /** {@code whyNoCapture}: why the run's segments cannot be seen (a Live run without a capture), or null. */
    void init(FrameData data, AppModel model, java.util.function.Supplier<String> whyNoCapture) {
        this.data = data;
        this.model = model;
        this.whyNoCapture = whyNoCapture;
        canvasHost.getChildren().add(canvas);
        canvas.widthProperty().bind(canvasHost.widthProperty());
        canvas.heightProperty().bind(canvasHost.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> redraw());
        canvas.heightProperty().addListener((o, a, b) -> redraw());
        canvas.setOnMouseClicked(e -> select(LadderRenderer.hitTest(hits, e.getX(), e.getY())));
        canvas.setOnScroll(e -> scrollBy(e.getDeltaY() > 0 ? 3 : e.getDeltaY() < 0 ? -3 : 0));
        details.setText("Click an arrow to see the segment's fields and why it was sent.");
    }

    /** Per frame, while the tab is visible: redraw when segments arrived. */
    void onFrame() {
        if (data.segmentsSeen() != drawnAt && scrolledBack == 0) {
            // Taken here, never in redraw(): a resize redraws what is shown, and marking the
            // segments drawn there left a Live ladder empty once its connection went quiet.
            shown = data.recentSegments();
            drawnAt = data.segmentsSeen();
            selected = -1;
            redraw();
        }
        showCount();
    }

    private void showCount() {
        String why = data.segmentsSeen() == 0 ? whyNoCapture.get() : null;
        String text = why != null ? "no segments: this Live run has no capture; kernel events " + why
                : String.format(Locale.ROOT, "%,d segments so far; %s", data.segmentsSeen(), shownText());
        if (!text.equals(countLabel.getText())) {
            countLabel.setText(text);
        }
    }

    /** Which of the held segments the pane shows, and how to see the others. */
    private String shownText() {
        if (shown.isEmpty()) {
            return "the ladder holds the last " + FrameData.LADDER_SEGMENTS;
        }
        int newest = shown.size() - scrolledBack;
        String range = String.format(Locale.ROOT, "showing %d .. %d of the last %d held", newest - drawn + 1, newest,
                shown.size());
        return scrolledBack > 0 ? range + " (scrolled back, held still: scroll down to follow)"
                : drawn < shown.size() ? range + " (scroll up for older; Export draws all)" : range;
    }

    /** Scrolls {@code rows} older (positive) or newer (negative). */
    void scrollBy(int rows) {
        int before = scrolledBack;
        scrolledBack = Math.max(0, Math.min(Math.max(0, shown.size() - 1), scrolledBack + rows));
        if (scrolledBack != before) {
            selected = -1;
            redraw();
            if (scrolledBack == 0) {
                onFrame(); // catch up with what arrived meanwhile
            }
        }
    }

    private void redraw() {
        if (canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            return;
        }
        draw();
        showCount();
    }

    private void draw() {
        FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
        hits = LadderRenderer.draw(g, new Rectangle2D.Double(0, 0, canvas.getWidth(), canvas.getHeight()),
                shown.subList(0, shown.size() - scrolledBack), selected, fontSize());
        drawn = hits.size();
    }

    private int fontSize() {
        return model.presentationModeProperty().get() ? 18 : 12;
    }

    void select(int index) {
        if (index < 0 || index >= shown.size()) {
            return;
        }
        selected = index;
        SegmentRecord s = shown.get(index);
        details.setText(String.format(Locale.ROOT, "%s at %.6f s, connection %d%n%s -> %s, port %d -> %d%n"
                        + "seq %d  ack %d  window %d B  length %d B%n%n%s", s.flagNames(), s.timeNanos() / 1e9, s.connection(),
                s.from().lower(), s.from().peer().lower(), s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.window(),
                s.payloadLength(), LadderRenderer.explain(s)));
        draw();
    }

    /**
     * Scrolls to the segment nearest {@code nanos} and highlights it, a few arrows above the
     * bottom so the ones after it show too; false when the ladder holds no segment.
     */
    boolean showTime(long nanos) {
        shown = data.recentSegments();
        drawnAt = data.segmentsSeen();
        if (shown.isEmpty()) {
            return false;
        }
        int nearest = 0;
        for (int i = 1; i < shown.size(); i++) {
            if (Math.abs(shown.get(i).timeNanos() - nanos) < Math.abs(shown.get(nearest).timeNanos() - nanos)) {
                nearest = i;
            }
        }
        scrolledBack = Math.max(0, shown.size() - 1 - nearest - ARROWS_AFTER_HIGHLIGHT);
        select(nearest);
        showCount();
        return true;
    }

    /** Back to following the newest segments (a lesson moving on from a highlighted arrow). */
    void follow() {
        scrolledBack = 0;
        selected = -1;
        drawnAt = -1;
    }

    /** The highlighted arrow's index in {@link #shown()}, or -1. */
    int selected() {
        return selected;
    }

    /** Writes the diagram of every segment the ladder holds as SVG. */
    void exportSvg(Path file, int width, boolean overwrite) throws IOException {
        writeSvg(data.recentSegments(), file, width, overwrite);
    }

    /**
     * Writes the segments as an SVG ladder tall enough for every arrow to keep its own labelled
     * row (a fixed page height left room for only the newest 91 of 300).
     */
    static void writeSvg(List<SegmentRecord> segments, Path file, int width, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        int height = Math.max(400, LadderRenderer.heightFor(segments.size(), EXPORT_FONT_SIZE));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        LadderRenderer.draw(g, new Rectangle2D.Double(0, 0, width, height), segments, -1, EXPORT_FONT_SIZE);
        SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
    }

    List<LadderRenderer.Hit> hits() {
        return hits;
    }

    TextArea details() {
        return details;
    }

    javafx.scene.control.Label countLabel() {
        return countLabel;
    }

    /** How many arrows the pane draws now. */
    int drawn() {
        return drawn;
    }

    List<SegmentRecord> shown() {
        return shown;
    }
}
