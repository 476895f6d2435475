package tcpflowlab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every knob of a scenario in one place: its JSON path, label, unit, type, allowed range and
 * whether it can change during a run. Validation, the CLI's {@code --set}, live knobs and
 * the knob panel all read this table, so a range is written down exactly once.
 */
public enum ScenarioField {
    SERVER_MESSAGE_SIZE("server.messageSize", "message size", "B", Type.INT, 1, 65_536, LiveEffect.IMMEDIATE),
    SERVER_SEND_GAP("server.sendGapUs", "gap between sends", "µs", Type.DOUBLE, 0, 10_000_000, LiveEffect.IMMEDIATE),
    SERVER_CALL_COST("server.callCostNs", "cost of one send() call", "ns", Type.LONG, 1, 1_000_000_000, LiveEffect.IMMEDIATE),
    SERVER_READ_REPLIES("server.readReplies", "server reads replies", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    SERVER_OVERFLOW_POLICY("server.overflowPolicy", "overflow policy", "", Type.ENUM, 0, 0, LiveEffect.IMMEDIATE, OverflowPolicy.class),
    SERVER_ACCEPT_AGAIN("server.acceptAgain", "accept again after close", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    SERVER_LINGER_ZERO("server.lingerZero", "SO_LINGER {on, 0}", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    SERVER_SPILL_CAPACITY("server.spillCapacityBytes", "spill queue capacity", "B", Type.LONG, 65_536, 1L << 40, LiveEffect.NOT_LIVE),

    CLIENT_READ_SIZE("client.readSize", "read size", "B", Type.INT, 1, 1_048_576, LiveEffect.IMMEDIATE),
    CLIENT_PROCESSING_DELAY("client.processingDelayMs", "processing delay", "ms", Type.DOUBLE, 0, 2_000, LiveEffect.IMMEDIATE),
    CLIENT_PROCESSING_JITTER("client.processingJitterMs", "processing jitter", "ms", Type.DOUBLE, 0, 2_000, LiveEffect.IMMEDIATE),
    CLIENT_REPLY_SIZE("client.replySize", "reply size", "B", Type.INT, 0, 65_536, LiveEffect.IMMEDIATE),
    CLIENT_CALL_COST("client.callCostNs", "cost of one socket call", "ns", Type.LONG, 1, 1_000_000_000, LiveEffect.IMMEDIATE),
    CLIENT_STRATEGY("client.strategy", "read strategy", "", Type.ENUM, 0, 0, LiveEffect.IMMEDIATE, ReadStrategy.class),
    CLIENT_LOG_PEER("client.logPeer", "log peer with getpeername()", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    CLIENT_RECONNECT("client.reconnect", "reconnect", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    CLIENT_RECONNECT_BACKOFF("client.reconnectBackoffMs", "first reconnect delay", "ms", Type.DOUBLE, 1, 60_000, LiveEffect.IMMEDIATE),
    CLIENT_RECONNECT_BACKOFF_MAX("client.reconnectBackoffMaxMs", "longest reconnect delay", "ms", Type.DOUBLE, 1, 600_000, LiveEffect.IMMEDIATE),
    CLIENT_DISCONNECT_EVERY("client.disconnectEveryS", "hang up every", "s", Type.DOUBLE, 0, 86_400, LiveEffect.IMMEDIATE),

    SOCKETS_SERVER_SNDBUF("sockets.serverSndBuf", "server SO_SNDBUF", "B", Type.INT, 1_024, 67_108_864, LiveEffect.NEXT_CONNECTION),
    SOCKETS_SERVER_RCVBUF("sockets.serverRcvBuf", "server SO_RCVBUF", "B", Type.INT, 1_024, 67_108_864, LiveEffect.NEXT_CONNECTION),
    SOCKETS_CLIENT_SNDBUF("sockets.clientSndBuf", "client SO_SNDBUF", "B", Type.INT, 1_024, 67_108_864, LiveEffect.NEXT_CONNECTION),
    SOCKETS_CLIENT_RCVBUF("sockets.clientRcvBuf", "client SO_RCVBUF", "B", Type.INT, 1_024, 67_108_864, LiveEffect.NEXT_CONNECTION),
    SOCKETS_LINUX_DOUBLING("sockets.linuxDoubling", "Linux doubles SO_*BUF", "", Type.BOOLEAN, 0, 1, LiveEffect.NEXT_CONNECTION),
    SOCKETS_AUTOTUNE("sockets.autotune", "buffer autotuning", "", Type.BOOLEAN, 0, 1, LiveEffect.NEXT_CONNECTION),
    SOCKETS_TCP_WMEM_MAX("sockets.tcpWmemMax", "tcp_wmem maximum", "B", Type.INT, 4_096, 268_435_456, LiveEffect.NEXT_CONNECTION),
    SOCKETS_TCP_RMEM_MAX("sockets.tcpRmemMax", "tcp_rmem maximum", "B", Type.INT, 4_096, 268_435_456, LiveEffect.NEXT_CONNECTION),
    SOCKETS_MSS("sockets.mss", "maximum segment size", "B", Type.INT, 88, 65_483, LiveEffect.NEXT_CONNECTION),
    SOCKETS_NAGLE("sockets.nagle", "Nagle's algorithm", "", Type.BOOLEAN, 0, 1, LiveEffect.IMMEDIATE),
    SOCKETS_ACK_MODE("sockets.ackMode", "ACK mode", "", Type.ENUM, 0, 0, LiveEffect.IMMEDIATE, AckMode.class),
    SOCKETS_DELAYED_ACK("sockets.delayedAckMs", "delayed-ACK timeout", "ms", Type.DOUBLE, 1, 500, LiveEffect.IMMEDIATE),
    SOCKETS_RTO_MIN("sockets.rtoMinMs", "minimum RTO", "ms", Type.DOUBLE, 1, 1_000, LiveEffect.NEXT_CONNECTION),

    LINK_DELAY("link.delayUs", "one-way delay", "µs", Type.DOUBLE, 0, 10_000_000, LiveEffect.IMMEDIATE),
    LINK_BANDWIDTH("link.bandwidthMbps", "bandwidth", "Mbit/s", Type.DOUBLE, 0.001, 1_000_000, LiveEffect.IMMEDIATE),

    RUN_DURATION("run.durationS", "duration", "s", Type.DOUBLE, 0.001, 86_400, LiveEffect.NOT_LIVE),
    RUN_SEED("run.seed", "random seed", "", Type.LONG, 0, Long.MAX_VALUE, LiveEffect.NOT_LIVE),
    RUN_SAMPLE_PERIOD("run.samplePeriodMs", "sampling period", "ms", Type.DOUBLE, 0.01, 10_000, LiveEffect.NOT_LIVE);

    /** Value types a field can have. */
    public enum Type { INT, LONG, DOUBLE, BOOLEAN, ENUM }

    private final String path;
    private final String label;
    private final String unit;
    private final Type type;
    private final double min;
    private final double max;
    private final LiveEffect liveEffect;
    private final Class<? extends Enum<?>> enumType;

    ScenarioField(String path, String label, String unit, Type type, double min, double max,
                  LiveEffect liveEffect) {
        this(path, label, unit, type, min, max, liveEffect, null);
    }

    ScenarioField(String path, String label, String unit, Type type, double min, double max,
                  LiveEffect liveEffect, Class<? extends Enum<?>> enumType) {
        this.path = path;
        this.label = label;
        this.unit = unit;
        this.type = type;
        this.min = min;
        this.max = max;
        this.liveEffect = liveEffect;
        this.enumType = enumType;
    }

    public String path() {
        return path;
    }

    /** The group ("server", "client", "sockets", "link", "run"). */
    public String group() {
        return path.substring(0, path.indexOf('.'));
    }

    /** The JSON property name within its group. */
    public String key() {
        return path.substring(path.indexOf('.') + 1);
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Type type() {
        return type;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public LiveEffect liveEffect() {
        return liveEffect;
    }

    /**
     * Why the Live engine ignores this field, for the fields only the Model uses, or empty: the
     * Model charges virtual time for a socket call, a real call takes real time.
     */
    public Optional<String> modelOnly() {
        return this == SERVER_CALL_COST || this == CLIENT_CALL_COST
                ? Optional.of("Model only: a real socket call takes real time, so it does not apply to real sockets "
                        + "(the Live engine)")
                : Optional.empty();
    }

    public boolean isNumeric() {
        return type == Type.INT || type == Type.LONG || type == Type.DOUBLE;
    }

    /** The allowed values as a person reads them: "1 .. 1048576 B" or "one of CLOSE, BLOCK, DROP". */
    public String allowed() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", enumConstantNames());
            default -> format(min) + " .. " + (type == Type.LONG && max >= Long.MAX_VALUE
                    ? Long.toString(Long.MAX_VALUE) : format(max)) + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    public List<String> enumConstantNames() {
        if (enumType == null) {
            return List.of();
        }
        return Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
    }

    /**
     * Parses a value typed by a person (CLI {@code --set}, a knob's text field) and checks its
     * range. Enum names are case-insensitive.
     *
     * @return an Integer, Long, Double, Boolean or the enum constant
     * @throws InvalidScenarioException naming the field, the value and the allowed range
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            Object value = switch (type) {
                case INT -> Integer.valueOf(Integer.parseInt(stripUnderscores(t)));
                case LONG -> Long.valueOf(Long.parseLong(stripUnderscores(t)));
                case DOUBLE -> Double.valueOf(Double.parseDouble(stripUnderscores(t)));
                case BOOLEAN -> parseBoolean(t);
                case ENUM -> parseEnum(t);
            };
            check(value);
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidScenarioException(problem("'" + text + "'"));
        }
    }

    /** Checks a value of the right Java type against the range. */
    public void check(Object value) {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new InvalidScenarioException(problem.get());
        }
    }

    /** Describes what is wrong with the value, or empty when it is allowed. */
    public Optional<String> problemWith(Object value) {
        if (isNumeric()) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v) || v < min || v > max) {
                return Optional.of(problem(formatValue(value)));
            }
        }
        return Optional.empty();
    }

    private String problem(String valueText) {
        return path + " = " + valueText + " is not allowed: " + label + " must be " + allowed();
    }

    private static String formatValue(Object value) {
        if (value instanceof Double d) {
            return format(d);
        }
        return String.valueOf(value);
    }

    private Boolean parseBoolean(String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("on") || t.equals("1")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("off") || t.equals("0")) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(t);
    }

    private Object parseEnum(String t) {
        String wanted = t.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Enum<?> c : enumType.getEnumConstants()) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        throw new NumberFormatException(t);
    }

    private static String stripUnderscores(String t) {
        return t.replace("_", "");
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    public static Optional<ScenarioField> byPath(String path) {
        for (ScenarioField f : values()) {
            if (f.path.equals(path)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #byPath} but fails with a list of the known paths. */
    public static ScenarioField require(String path) {
        return byPath(path).orElseThrow(() -> new InvalidScenarioException(
                "unknown field '" + path + "'; known fields: "
                        + String.join(", ", Arrays.stream(values()).map(ScenarioField::path).toList())));
    }
}
