package tcpflowlab.scenario;

import tcpflowlab.telemetry.Knobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Knob changes from any thread, handed to an engine's thread through a lock-free queue. Each
 * change is validated against the scenario as it will be once earlier queued changes apply,
 * so a refused value never reaches the engine. Both engines use it.
 */
public final class ScenarioKnobs implements Knobs {
    /** A validated change waiting for the engine thread. */
    public record Change(ScenarioField field, Object value) {
    }

    private final ScenarioCodec codec;
    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
    private Scenario projected;

    public ScenarioKnobs(ScenarioCodec codec, Scenario initial) {
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
        if (field == ScenarioField.SERVER_OVERFLOW_POLICY
                && (projected.server().overflowPolicy() == OverflowPolicy.SPILL) != (parsed == OverflowPolicy.SPILL)) {
            throw new InvalidScenarioException("server.overflowPolicy cannot change to or from SPILL during a run: "
                    + "in SPILL mode both sides speak a framed protocol; set it before starting");
        }
        projected = codec.with(projected, field, parsed);
        queue.add(new Change(field, parsed));
    }

    /**
     * Applies queued changes to {@code current} (on the engine's thread) and describes each
     * for a KNOB_CHANGED event: "read size 10 B -> 4096 B".
     */
    public Scenario apply(Scenario current, java.util.function.BiConsumer<ScenarioField, String> describe) {
        Scenario s = current;
        for (Change change : drain()) {
            ScenarioField f = change.field();
            String before = codec.getText(s, f);
            s = codec.with(s, f, change.value());
            String after = codec.getText(s, f);
            String unit = f.unit().isEmpty() ? "" : " " + f.unit();
            String when = f.liveEffect() == LiveEffect.NEXT_CONNECTION ? " (applies from the next connection)" : "";
            describe.accept(f, f.label() + " " + before + unit + " -> " + after + unit + when);
        }
        return s;
    }

    @Override
    public synchronized Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ScenarioField f : ScenarioField.values()) {
            m.put(f.path(), codec.getText(projected, f));
        }
        return m;
    }

    public boolean hasPending() {
        return !queue.isEmpty();
    }

    public List<Change> drain() {
        List<Change> out = new ArrayList<>();
        Change c;
        while ((c = queue.poll()) != null) {
            out.add(c);
        }
        return out;
    }
}
