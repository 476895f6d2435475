package tcpflowlab.lesson;

/** Where a quantity starts looking: at the run's start or at the step's stop (the default: "what happens next?"). */
public enum Scope {
    START("start"), STOP("stop");

    private final String json;

    Scope(String json) {
        this.json = json;
    }

    /** The value of {@code "from"} in a lesson file. */
    public String json() {
        return json;
    }
}
