package tcpflowlab.export;

/**
 * Text from a file (a scenario's name) made safe to print on one line of a terminal or a
 * CSV comment: control characters, line and paragraph separators and bidirectional overrides
 * are shown as escapes (\n, \t, \x1b, \u202e) instead of acting on the screen.
 */
public final class Printable {
    private Printable() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String esc = escapeOf(c);
            if (esc != null && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (esc == null) {
                    b.append(c);
                } else {
                    b.append(esc);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
