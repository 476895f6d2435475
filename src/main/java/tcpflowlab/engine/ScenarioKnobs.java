package tcpflowlab.engine;

import tcpflowlab.scenario.InvalidScenarioException;
import tcpflowlab.scenario.LiveEffect;
import tcpflowlab.scenario.OverflowPolicy;
import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.ScenarioField;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Knob changes from any thread, handed to an engine's thread through a lock-free queue. Each
 * change is validated against the scenario as it will be once earlier queued changes apply,
 * so a refused value never reaches the engine. The changed scenario and the event's text are
 * computed once, here on the caller's thread, so the engine's thread only swaps a reference.
 * Both engines use it.
 */
public final class ScenarioKnobs implements Knobs {
    /**
     * A validated change waiting for the engine thread: the scenario before and after it, and
     * the KNOB_CHANGED text ("read size 10 B -> 4096 B").
     */
    public record Change(ScenarioField field, Object value, Scenario before, Scenario after, String description) {
    }

    private final ScenarioCodec codec;
    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
    private Scenario projected;

    public ScenarioKnobs(ScenarioCodec codec, Scenario initial) {
        this.codec = codec;
        this.projected = initial;
    }

    @Override
    public synchronized void set(ScenarioField field, Object value) {
        if (field.liveEffect() == LiveEffect.NOT_LIVE) {
            throw new InvalidScenarioException(field.path() + " cannot be changed during a run; set it before starting");
        }
        requireType(field, value);
        if (field == ScenarioField.SERVER_OVERFLOW_POLICY
                && (projected.server().overflowPolicy() == OverflowPolicy.SPILL) != (value == OverflowPolicy.SPILL)) {
            throw new InvalidScenarioException("server.overflowPolicy cannot change to or from SPILL during a run: "
                    + "in SPILL mode both sides speak a framed protocol; set it before starting");
        }
        Scenario after = codec.with(projected, field, value);
        if (after.equals(projected)) {
            return;
        }
        queue.add(new Change(field, value, projected, after, describe(field, projected, after)));
        projected = after;
    }

    private String describe(ScenarioField f, Scenario before, Scenario after) {
        String unit = f.unit().isEmpty() ? "" : " " + f.unit();
        String when = f.liveEffect() == LiveEffect.NEXT_CONNECTION ? " (applies from the next connection)" : "";
        return f.label() + " " + codec.getText(before, f) + unit + " -> " + codec.getText(after, f) + unit + when;
    }

    private static void requireType(ScenarioField f, Object value) {
        boolean ok = switch (f.type()) {
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case ENUM -> value instanceof Enum<?> e && f.enumConstantNames().contains(e.name());
        };
        if (!ok) {
            throw new IllegalArgumentException(f.path() + " takes a " + f.type() + " (" + f.allowed() + "), not "
                    + value);
        }
    }

    /**
     * Applies queued changes to {@code current} (on the engine's thread) and describes each
     * for a KNOB_CHANGED event.
     */
    public Scenario apply(Scenario current, BiConsumer<ScenarioField, String> describe) {
        return applyEach(current, change -> describe.accept(change.field(), change.description()));
    }

    /** Like {@link #apply}, handing over each change whole (the Model records what it applied). */
    public Scenario applyEach(Scenario current, Consumer<Change> applied) {
        Scenario s = current;
        for (Change change : drain()) {
            // The engine's scenario is the projection's past, so the change's result applies as is;
            // only a scenario changed behind the knobs' back needs the change made again.
            s = s.equals(change.before()) ? change.after() : codec.with(s, change.field(), change.value());
            applied.accept(change);
        }
        return s;
    }

    @Override
    public synchronized Scenario projected() {
        return projected;
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
