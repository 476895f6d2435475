package tcpflowlab.sweep;

/** How a swept field's values were spread: how its axis is drawn on a map. */
public enum SweepScale {
    /** Values listed one by one (also every enum and boolean): drawn as categories. */
    LIST,
    /** Evenly spaced values, {@code a..b:n}: a linear axis. */
    LINEAR,
    /** Geometrically spaced values, {@code a..b:log:n}: a logarithmic axis. */
    LOG
}
