package tcpflowlab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The Help menu: how the model works, the keyboard, about. */
final class HelpDialogs {
    private final Dialogs dialogs;

    HelpDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    void modelNotes() {
        String text;
        try (InputStream in = TcpFlowLabApp.resource("/assets/help/model-notes.md").openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "The model notes could not be read: " + e.getMessage();
        }
        dialogs.showText("How the model works", text);
    }

    void keyboard() {
        dialogs.showText("Keyboard", """
                Space      run / pause
                S          step to the next event
                R          reset the run
                + / -      faster / slower
                Ctrl+O     open a scenario, Ctrl+S save it
                Ctrl+E     export the charts
                Ctrl+P     presentation mode (large fonts, thick lines)
                In the charts: drag to zoom, scroll to zoom, Ctrl+drag to pan.""");
    }

    void about() {
        dialogs.showText("About TCP Flow Lab", "TCP Flow Lab 0.1.0: an interactive TCP flow-control simulator.\n"
                + "Charts by JFreeChart; SVG by JFreeSVG; PDF by OrsonPDF.");
    }
}
