package tcpflowlab.ui;

import tcpflowlab.engine.Engines;
import tcpflowlab.scenario.Presets;
import tcpflowlab.scenario.ScenarioCodec;

/** A child JVM for {@link RunTempFilesTest}: a Live run the way the app holds one, until a signal ends the JVM. */
public final class RunControllerChild {
    private RunControllerChild() {
    }

    public static void main(String[] args) throws Exception {
        ScenarioCodec codec = new ScenarioCodec();
        RunController runs = new RunController(codec);
        runs.setEngine(Engines.Kind.LIVE);
        runs.prepare(new Presets(codec).load("seed-buggy"));
        runs.start();
        System.out.println("running " + runs.flushedLog(tcpflowlab.export.CsvTelemetryWriter.EVENTS));
        System.out.flush();
        Thread.sleep(120_000); // the test's signal ends it long before
    }
}
