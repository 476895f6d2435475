package tcpflowlab.scenario;

import java.util.List;

/**
 * A scenario, a field value or a scenario file that cannot be used. The message is meant for
 * the person who typed it: it names the field, the value and what is allowed.
 */
public class InvalidScenarioException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidScenarioException(String problem) {
        this(List.of(problem));
    }

    public InvalidScenarioException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
