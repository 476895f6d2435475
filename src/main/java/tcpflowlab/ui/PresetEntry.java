package tcpflowlab.ui;

import tcpflowlab.scenario.Presets;

import java.util.List;

/** A preset as the chooser and the Presets menu show it: its name and its file's description. */
record PresetEntry(String name, String description) {
    static List<PresetEntry> all(Presets presets) {
        return presets.names().stream().map(n -> new PresetEntry(n, presets.load(n).description())).toList();
    }

    /**
     * The description's opening, short enough for a menu: up to its first colon or full stop
     * ("The story", "The tempting non-cure"); the whole description when it has neither.
     */
    String lead() {
        int end = description.length();
        for (char c : new char[] {':', '.'}) {
            int i = description.indexOf(c);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return description.substring(0, end).strip();
    }
}
