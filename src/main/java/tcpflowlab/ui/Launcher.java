package tcpflowlab.ui;

import javafx.application.Application;

/**
 * A plain main class for fat jars and IDEs: starting an Application subclass directly from
 * the class path fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(TcpFlowLabApp.class, args);
    }
}
