package tcpflowlab.ui;

import javafx.scene.Parent;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown into TextFlows: the marks become styles, none is left in the text. */
@ExtendWith(ApplicationExtension.class)
class MarkdownFlowTest {
    private static final String SAMPLE = """
            # Title

            A paragraph with **bold**, *italic* and `code`,
            over two lines.

            ## Section
            - first item, **strong**
            - second item
              wrapped
              1. nested one

            The table:

                variant    reset
                story      yes
            """;

    /** Every Text node under {@code root}, in reading order. */
    static List<Text> texts(Parent root) {
        List<Text> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(javafx.scene.Node n, List<Text> out) {
        if (n instanceof Text t) {
            out.add(t);
        } else if (n instanceof Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    static String allText(Parent root) {
        return texts(root).stream().map(Text::getText).collect(Collectors.joining());
    }

    private static Text find(List<Text> texts, String s) {
        return texts.stream().filter(t -> t.getText().equals(s)).findFirst()
                .orElseThrow(() -> new AssertionError("no text '" + s + "' in " + texts.stream().map(Text::getText).toList()));
    }

    static boolean isBold(Font f) {
        return f.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold");
    }

    @Test
    void headingsAreLargerAndBoldAndBodyTextIsPlain() {
        var box = MarkdownFlow.render(SAMPLE, 13);
        List<Text> texts = texts(box);
        Text title = find(texts, "Title");
        Text section = find(texts, "Section");
        Text body = find(texts, "A paragraph with ");
        assertTrue(title.getFont().getSize() > section.getFont().getSize(), "h1 above h2");
        assertTrue(section.getFont().getSize() > body.getFont().getSize(), "h2 above body text");
        assertEquals(13, body.getFont().getSize());
        assertTrue(isBold(title.getFont()), title.getFont().toString());
        assertFalse(isBold(body.getFont()), body.getFont().toString());
        assertTrue(((TextFlow) title.getParent()).getStyleClass().contains("markdown-heading"));
    }

    @Test
    void emphasisStrongAndCodeBecomeFontsAndTheirMarksDisappear() {
        var box = MarkdownFlow.render(SAMPLE, 13);
        List<Text> texts = texts(box);
        assertTrue(isBold(find(texts, "bold").getFont()));
        assertTrue(find(texts, "italic").getFont().getStyle().toLowerCase().contains("italic"),
                find(texts, "italic").getFont().toString());
        assertEquals(MarkdownFlow.CODE_FAMILY, find(texts, "code").getFont().getFamily());
        String all = allText(box);
        assertFalse(all.contains("**"), all);
        assertFalse(all.contains("##"), all);
        assertFalse(all.contains("`"), all);
        assertFalse(all.contains("# "), all);
        assertTrue(all.contains("over two lines"), "a soft line break is a space: " + all);
        assertTrue(all.contains("`code`,".replace("`", "") + " over"), all);
    }

    @Test
    void listsHaveBulletsAndNumbersAndCodeBlocksKeepTheirColumns() {
        var box = MarkdownFlow.render(SAMPLE, 13);
        List<Text> texts = texts(box);
        assertEquals(2, texts.stream().filter(t -> t.getText().equals("•")).count());
        find(texts, "1.");
        assertFalse(allText(box).contains("- first"), "the list mark is drawn, not printed");
        Text code = find(texts, "variant    reset\nstory      yes");
        assertEquals(MarkdownFlow.CODE_FAMILY, code.getFont().getFamily());
        assertTrue(((TextFlow) code.getParent()).getStyleClass().contains("markdown-code"));
    }

    @Test
    void theBaseSizeScalesEverything() {
        List<Text> small = texts(MarkdownFlow.render(SAMPLE, 13));
        List<Text> large = texts(MarkdownFlow.render(SAMPLE, 20));
        assertEquals(small.size(), large.size());
        for (int i = 0; i < small.size(); i++) {
            assertEquals(small.get(i).getFont().getSize() * 20 / 13, large.get(i).getFont().getSize(), 1e-5);
        }
    }

    @Test
    void theShippedModelNotesRenderWithoutRawMarkdownOrPathsToFilesTheUserLacks() throws Exception {
        String md;
        try (InputStream in = TcpFlowLabApp.resource("/assets/help/model-notes.md").openStream()) {
            md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var box = MarkdownFlow.render(md, 13);
        String all = allText(box);
        assertTrue(all.length() > 1000);
        for (String raw : List.of("**", "##", "`")) {
            assertFalse(all.contains(raw), "raw Markdown '" + raw + "' in the rendered help");
        }
        for (String path : List.of("README", "DESIGN", "SCENARIO", "BENCHMARKS", "scripts/", "src/", ".md", ".java")) {
            assertFalse(md.contains(path), "the help points to " + path + ", which the user does not have");
        }
        assertTrue(isBold(texts(box).get(0).getFont()), "the first line is a heading");
    }
}
