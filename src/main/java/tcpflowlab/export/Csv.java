package tcpflowlab.export;

/** CSV field formatting (RFC 4180) with deterministic number formats. */
public final class Csv {
    private Csv() {
    }

    /** Nanoseconds as seconds with nine decimals, without floating-point rounding. */
    public static String seconds(long nanos) {
        if (nanos < 0) {
            return "";
        }
        long s = nanos / 1_000_000_000L;
        long frac = nanos % 1_000_000_000L;
        String f = Long.toString(frac);
        return s + "." + "000000000".substring(f.length()) + f;
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
