package tcpflowlab.sim;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.LiveEffect;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;
import tcpflowlab.telemetry.Knobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Knob changes from any thread, handed to the engine thread through a lock-free queue. Each
 * change is validated against the scenario as it will be once earlier queued changes apply,
 * so a refused value never reaches the engine.
 */
final class ModelKnobs implements Knobs {
    /** A validated change waiting for the engine thread. */
    record Change(ScenarioField field, Object value) {
    }

    private final ScenarioCodec codec;
    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
    private Scenario projected;

    ModelKnobs(ScenarioCodec codec, Scenario initial) {
        this.codec = codec;
        this.projected = initial;
    }

    @Override
    public synchronized void set(String key, String value) {
        ScenarioField field = ScenarioField.require(key);
        if (field.liveEffect() == LiveEffect.NOT_LIVE) {
            throw new InvalidScenarioException(key + " cannot be changed during a run; set it before starting");
        }
        Object parsed = field.parse(value);
        projected = codec.with(projected, field, parsed);
        queue.add(new Change(field, parsed));
    }

    @Override
    public synchronized Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ScenarioField f : ScenarioField.values()) {
            m.put(f.path(), codec.getText(projected, f));
        }
        return m;
    }

    boolean hasPending() {
        return !queue.isEmpty();
    }

    List<Change> drain() {
        List<Change> out = new ArrayList<>();
        Change c;
        while ((c = queue.poll()) != null) {
            out.add(c);
        }
        return out;
    }
}
