package tcpflowlab.ui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import tcpflowlab.lesson.Answer;
import tcpflowlab.telemetry.TcpEvent;

import java.util.List;
import java.util.Objects;

/**
 * Points every view at a revealed answer's evidence: the violet marker on the charts at its
 * time, the event that settled it selected in the event log, and on the ladder the arrow
 * nearest that time. An answer no event settled (a value at the stop, the run's outcome) is
 * pointed at by its time alone.
 */
final class LessonEvidence {
    private final ChartPanelController charts;
    private final EventLogController log;
    private final LadderController ladder;
    private final TabPane tabs;
    private final Tab ladderTab;
    private final FrameData data;
    private Answer answer;

    LessonEvidence(ChartPanelController charts, EventLogController log, LadderController ladder, TabPane tabs,
                   Tab ladderTab, FrameData data) {
        this.charts = charts;
        this.log = log;
        this.ladder = ladder;
        this.tabs = tabs;
        this.ladderTab = ladderTab;
        this.data = data;
    }

    /** Marks {@code a} on the charts, selects its row in the log (shown) and readies the ladder. */
    void show(Answer a) {
        answer = a;
        charts.viewer().renderer().awaitIdle();
        charts.flowChart().evidence().set(a.atNanos() / 1e9, "answer: " + a.text());
        ladder.showTime(a.atNanos());
        showInLog();
        charts.showTime(a.atNanos() / 1e9);
        charts.onFrame();
    }

    /** No answer shown: a new step or a new run. */
    void clear() {
        answer = null;
        charts.viewer().renderer().awaitIdle();
        charts.flowChart().evidence().clear();
        ladder.follow();
    }

    /** The event log's tab, with the evidence's row selected and in view (or the time explained). */
    void showInLog() {
        if (answer == null) {
            return;
        }
        tabs.getSelectionModel().select(0);
        TcpEvent e = answer.evidence();
        String where = "The lesson's answer " + answer.text() + ": " + answer.because() + ".";
        if (e == null) {
            log.explain(where + "\n\nNo single event settles it: the charts mark t = "
                    + ScenarioFieldText.seconds(answer.atNanos()) + " s.");
            return;
        }
        TcpEvent row = inLog(e);
        if (row == null) {
            log.explain(where + "\n\nThe event is older than the events the log holds (see the data export).");
            return;
        }
        // the rows the reveal added reach the table's cells at its next layout: scrolling before
        // it stopped short of the row
        log.table().applyCss();
        log.table().layout();
        if (!log.selectStep(row)) {
            // a filter hides it: the evidence matters more than the filter
            log.kindFilter().setValue(EventLogController.ALL_KINDS);
            log.searchField().clear();
            log.selectStep(row);
        }
    }

    /** The ladder's tab, scrolled to the arrow nearest the evidence. */
    void showOnLadder() {
        if (answer == null) {
            return;
        }
        tabs.getSelectionModel().select(ladderTab);
        ladder.showTime(answer.atNanos());
    }

    /** The log's own row for {@code e}: the same event (a sink may hand on a copy), the newest first. */
    private TcpEvent inLog(TcpEvent e) {
        List<TcpEvent> rows = data.log();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) == e || Objects.equals(rows.get(i), e)) {
                return rows.get(i);
            }
        }
        return null;
    }

    Answer answer() {
        return answer;
    }
}
