package tcpflowlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds keys that appear twice in one JSON object. A tree reader keeps the last value and a
 * strict parser stops at the first duplicate; this walks the tokens once and names every
 * duplicate by its dotted path, so all of them are reported with the file's other problems.
 */
final class DuplicateKeys {
    private DuplicateKeys() {
    }

    /** One line per duplicated key, in the order found; empty for malformed JSON (reported elsewhere). */
    static List<String> in(JsonFactory factory, byte[] json) {
        List<String> problems = new ArrayList<>();
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    objects.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    objects.pop();
                } else if (t == JsonToken.FIELD_NAME && !objects.peek().add(p.currentName())) {
                    problems.add("duplicate key '" + path(p.getParsingContext())
                            + "' (a second value would silently replace the first)");
                }
            }
        } catch (IOException e) {
            // the tree reader has already reported malformed JSON with its line and column
        }
        return problems;
    }

    private static String path(JsonStreamContext at) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (b.length() > 0 && !part.startsWith("[")) {
                b.append('.');
            }
            b.append(part);
        }
        return b.toString();
    }
}
