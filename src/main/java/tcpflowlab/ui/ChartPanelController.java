package tcpflowlab.ui;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import org.jfree.data.Range;
import tcpflowlab.chart.ChartStyle;
import tcpflowlab.chart.FlowChart;
import tcpflowlab.chart.SampleColumn;
import tcpflowlab.chart.SampleHistory;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Locale;

/**
 * The stacked charts, drawn off the FX thread ({@link ChartImageView}), with a follow-latest toggle and a time-window selector.
 * Zooming or panning with the mouse stops following; hovering shows the exact values at the
 * pointer's time.
 */
public final class ChartPanelController {
    @FXML
    private ToggleButton followLatestToggle;
    @FXML
    private ComboBox<AppModel.TimeWindow> windowBox;
    @FXML
    private StackPane chartHost;
    @FXML
    private Label hoverLabel;
    @FXML
    private Label resolutionLabel;

    private FlowChart flowChart;
    private ChartImageView viewer;
    private AppModel model;
    private FrameData data;
    private boolean updatingRange;
    private ChartRange range;
    /** The time range the frame loop last showed; any other range on the axis came from the user. */
    private Range shownRange;

    void init(AppModel model, FrameData data) {
        this.model = model;
        this.data = data;
        flowChart = new FlowChart(data.history());
        range = new ChartRange(flowChart, data);
        viewer = new ChartImageView(flowChart.chart(), flowChart.timeAxis());
        viewer.setAccessibleText("Charts: queues, window, throughput, spill queue over time");
        chartHost.getChildren().add(viewer);
        followLatestToggle.selectedProperty().bindBidirectional(model.followLatestProperty());
        windowBox.getItems().setAll(AppModel.TimeWindow.values());
        windowBox.valueProperty().bindBidirectional(model.timeWindowProperty());
        windowBox.valueProperty().addListener((obs, old, w) -> model.followLatestProperty().set(true));
        shownRange = flowChart.timeAxis().getRange();
        // A zoom or pan by the user stops following; a restyle (presentation mode's larger
        // fonts) also notifies the axis, but leaves its range alone and must not stop it.
        flowChart.timeAxis().addChangeListener(e -> {
            if (!updatingRange && !flowChart.timeAxis().getRange().equals(shownRange)) {
                model.followLatestProperty().set(false);
            }
        });
        viewer.setOnHover(this::hover);
        viewer.setOnZoomOut(() -> model.followLatestProperty().set(true));
        model.presentationModeProperty().addListener((obs, old, on) -> restyle());
        model.presentationFontSizeProperty().addListener((obs, old, size) -> restyle());
        model.scenarioProperty().addListener((obs, old, s) -> showRowsFor(s));
        showRowsFor(model.scenario());
    }

    private void restyle() {
        viewer.renderer().awaitIdle();
        flowChart.applyStyle(model.presentationModeProperty().get()
                ? ChartStyle.presentation(model.presentationFontSizeProperty().get()) : ChartStyle.NORMAL);
        onFrame();
    }

    /** Per frame: choose the window, point the datasets at it, redraw once. */
    void onFrame() {
        viewer.renderer().awaitIdle();
        SampleHistory h = data.history();
        flowChart.beginFrame();
        try {
            if (h.isEmpty()) {
                return;
            }
            if (h.valueAt(SampleColumn.MESSAGES_LOST, h.lastTime()) > 0) {
                flowChart.setLossShown(true); // whatever the policy, a loss is never hidden
            }
            double from;
            double to;
            if (model.followLatestProperty().get()) {
                double w = model.timeWindowProperty().get().seconds();
                if (Double.isInfinite(w)) {
                    from = h.firstTime();
                    to = Math.max(h.lastTime(), from + 1e-3);
                } else {
                    to = Math.max(h.lastTime(), h.firstTime() + w);
                    from = to - w;
                }
            } else {
                Range r = flowChart.timeAxis().getRange();
                from = r.getLowerBound();
                to = r.getUpperBound();
            }
            showWindow(from, to);
        } finally {
            flowChart.endFrame();
        }
    }

    /**
     * The spill row only for a run with a spill queue; the loss row only for policies that can
     * lose messages (CLOSE resets, DROP drops), so the rows that matter keep their height on a
     * projector. A loss under another policy shows the row anyway (see the frame update).
     */
    private void showRowsFor(Scenario s) {
        viewer.renderer().awaitIdle();
        OverflowPolicy policy = s == null ? null : s.server().overflowPolicy();
        flowChart.setSpillShown(policy == OverflowPolicy.SPILL);
        flowChart.setLossShown(policy == null || policy == OverflowPolicy.CLOSE || policy == OverflowPolicy.DROP);
    }

    private void showWindow(double from, double to) {
        updatingRange = true;
        try {
            range.show(from, to, Math.max(200, (int) Math.ceil(viewer.getWidth())));
            shownRange = flowChart.timeAxis().getRange();
        } finally {
            updatingRange = false;
        }
        var d = flowChart.datasets().get(0);
        resolutionLabel.setText(d.isFullResolution() ? "every sample drawn"
                : d.isFromHistory() ? "min/max per bucket of the whole-run history" : "min/max per pixel column");
    }

    /**
     * A new or reset run: empty charts from t = 0, following live, with no markers, crosshair or
     * hover read-out left from the run before.
     */
    void clear() {
        viewer.renderer().awaitIdle();
        model.followLatestProperty().set(true);
        double w = model.timeWindowProperty().get().seconds();
        flowChart.beginFrame();
        try {
            showWindow(0, Double.isInfinite(w) ? 1 : w);
            flowChart.hideCrosshair();
        } finally {
            flowChart.endFrame();
        }
        hoverLabel.setText("");
    }

    /** Puts the crosshair at {@code seconds} (where a step stopped), following live so it is in view. */
    void markTime(double seconds) {
        viewer.renderer().awaitIdle();
        model.followLatestProperty().set(true);
        flowChart.beginFrame();
        try {
            flowChart.setCrosshair(seconds);
        } finally {
            flowChart.endFrame();
        }
        onFrame();
    }

    /** Moves the crosshair to an event, and the view to it if it is off screen. */
    void showEvent(TcpEvent e) {
        showTime(e.timeNanos() / 1e9);
    }

    /** Moves the crosshair to {@code t} seconds, and the view to it if it is off screen. */
    void showTime(double t) {
        viewer.renderer().awaitIdle();
        Range r = flowChart.timeAxis().getRange();
        flowChart.beginFrame();
        try {
            if (t < r.getLowerBound() || t > r.getUpperBound()) {
                model.followLatestProperty().set(false);
                double half = r.getLength() / 2;
                showWindow(t - half, t + half);
            }
            flowChart.setCrosshair(t);
        } finally {
            flowChart.endFrame();
        }
    }

    private void hover(double x) {
        double t = viewer.timeAt(x);
        if (Double.isNaN(t)) {
            return;
        }
        hoverLabel.setText(hoverText(data.history(), t));
    }

    static String hoverText(SampleHistory h, double t) {
        if (h.isEmpty() || Double.isNaN(h.valueAt(SampleColumn.SEND_QUEUE, t))) {
            return String.format(Locale.ROOT, "t = %.6f s: no full-resolution data here (zoom in on recent time)", t);
        }
        return String.format(Locale.ROOT, "t = %.6f s | send queue %s of %s | receive queue %s of %s | window %s | "
                        + "written %s/s | read %s/s%s",
                t, ScenarioFieldText.bytes(h.valueAt(SampleColumn.SEND_QUEUE, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.SEND_CAPACITY, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.RECEIVE_QUEUE, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.RECEIVE_CAPACITY, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.WINDOW, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.WRITE_RATE, t)),
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.READ_RATE, t)), spillText(h, t)) + lossText(h, t)
                + limitText(h, t);
    }

    /** What held the sender back at {@code t}, as the strip under the charts colours it. */
    private static String limitText(SampleHistory h, double t) {
        tcpflowlab.telemetry.FlowLimit f = h.flowLimits().at(t);
        return f == null ? "" : " | limited by: " + (f == tcpflowlab.telemetry.FlowLimit.UNKNOWN
                ? "not known (the kernel does not report this)" : f.label());
    }

    /** The losses' part of the read-out; empty while nothing is lost. */
    private static String lossText(SampleHistory h, double t) {
        double dropped = h.valueAt(SampleColumn.MESSAGES_DROPPED, t);
        double lost = h.valueAt(SampleColumn.MESSAGES_LOST, t);
        if (!(dropped > 0) && !(lost > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, " | dropped %,.0f, lost on reset %s messages", dropped,
                Double.isNaN(lost) ? "not known" : String.format(Locale.ROOT, "%,.0f", lost));
    }

    /** The spill queue's part of the read-out; empty when the run has no queue at that time. */
    private static String spillText(SampleHistory h, double t) {
        double messages = h.valueAt(SampleColumn.SPILL_MESSAGES, t);
        double fsync = h.valueAt(SampleColumn.SPILL_FSYNC_MILLIS, t);
        if (!(messages > 0) && !(fsync > 0)) {
            return "";
        }
        String text = String.format(Locale.ROOT, " | spill queue %,.0f messages (%s)", messages,
                ScenarioFieldText.bytes(h.valueAt(SampleColumn.SPILL_DEPTH, t)));
        return fsync > 0 ? text + String.format(Locale.ROOT, ", fsync mean %.2f ms", fsync) : text;
    }

    /** A view over the charts (the first-run hint), centred. */
    void addOverlay(javafx.scene.Node overlay) {
        chartHost.getChildren().add(overlay);
    }

    /** What draws a time range with its markers, for exports. */
    ChartRange range() {
        return range;
    }

    FlowChart flowChart() {
        return flowChart;
    }

    ChartImageView viewer() {
        return viewer;
    }

    Label hoverLabel() {
        return hoverLabel;
    }
}
