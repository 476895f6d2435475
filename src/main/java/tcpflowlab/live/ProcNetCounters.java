package tcpflowlab.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the paired header/value lines of /proc/net/netstat and /proc/net/snmp
 * ({@code TcpExt: A B C} then {@code TcpExt: 1 2 3}) into "TcpExt.A" -> 1. Strict: a value line
 * whose count differs from its header, or a non-number, drops that pair and is counted.
 */
public final class ProcNetCounters {
    /** The counters that parsed, and how many header/value pairs did not. */
    public record Result(Map<String, Long> counters, int malformed) {
        public long get(String name) {
            Long v = counters.get(name);
            return v == null ? -1 : v;
        }
    }

    private ProcNetCounters() {
    }

    public static Result parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        int malformed = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String header = lines[i].trim();
            String values = lines[i + 1].trim();
            int hc = header.indexOf(':');
            int vc = values.indexOf(':');
            if (hc <= 0 || vc <= 0 || !header.substring(0, hc).equals(values.substring(0, vc))) {
                continue;
            }
            String prefix = header.substring(0, hc);
            String[] names = header.substring(hc + 1).trim().split("\\s+");
            String[] nums = values.substring(vc + 1).trim().split("\\s+");
            i++;
            if (names.length != nums.length || names[0].matches("-?\\d+")) {
                malformed++;
                continue;
            }
            Map<String, Long> pair = new LinkedHashMap<>();
            boolean ok = true;
            for (int k = 0; k < names.length; k++) {
                try {
                    pair.put(prefix + "." + names[k], Long.parseLong(nums[k]));
                } catch (NumberFormatException e) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                out.putAll(pair);
            } else {
                malformed++;
            }
        }
        return new Result(Map.copyOf(out), malformed);
    }
}
