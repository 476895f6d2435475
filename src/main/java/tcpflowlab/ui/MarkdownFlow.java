package tcpflowlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (the help texts) as formatted JavaFX text: commonmark parses, this walks the tree
 * into TextFlows (headings larger and bold, lists with bullets and a hanging indent, code in a
 * monospaced font, emphasis in italics or bold), so no '**' or '##' reaches the reader. No
 * WebView: it is heavy and does not run headless.
 */
final class MarkdownFlow {
    static final String TEXT_FAMILY = "System";
    static final String CODE_FAMILY = "Monospaced";
    private static final double[] HEADING_SCALE = {1.6, 1.3, 1.15, 1.05, 1.0, 1.0};

    private final double baseSize;

    private MarkdownFlow(double baseSize) {
        this.baseSize = baseSize;
    }

    /** How one run of text looks: the inline elements around it decide. */
    private record Style(boolean bold, boolean italic, boolean code, double size) {
        Style withBold() {
            return new Style(true, italic, code, size);
        }

        Style withItalic() {
            return new Style(bold, true, code, size);
        }

        Style withCode() {
            return new Style(bold, italic, true, size);
        }

        Font font() {
            return Font.font(code ? CODE_FAMILY : TEXT_FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL,
                    italic ? FontPosture.ITALIC : FontPosture.REGULAR, size);
        }
    }

    /** The whole text, one node per block, in a VBox. */
    static VBox render(String markdown, double baseSize) {
        VBox box = new VBox(baseSize * 0.6);
        box.getStyleClass().add("markdown");
        new MarkdownFlow(baseSize).blocks(Parser.builder().build().parse(markdown), box);
        return box;
    }

    private void blocks(Node parent, VBox into) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n, into);
        }
    }

    private void block(Node n, VBox into) {
        Style plain = new Style(false, false, false, baseSize);
        if (n instanceof Heading h) {
            double scale = HEADING_SCALE[Math.min(h.getLevel(), HEADING_SCALE.length) - 1];
            TextFlow flow = inlines(h, new Style(true, false, false, baseSize * scale));
            flow.getStyleClass().add("markdown-heading");
            flow.setPadding(new Insets(baseSize * 0.4, 0, 0, 0));
            into.getChildren().add(flow);
        } else if (n instanceof Paragraph) {
            into.getChildren().add(inlines(n, plain));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            into.getChildren().add(list(n));
        } else if (n instanceof IndentedCodeBlock code) {
            into.getChildren().add(codeBlock(code.getLiteral()));
        } else if (n instanceof FencedCodeBlock code) {
            into.getChildren().add(codeBlock(code.getLiteral()));
        } else if (n instanceof BlockQuote) {
            VBox quote = new VBox(baseSize * 0.6);
            quote.setPadding(new Insets(0, 0, 0, baseSize));
            blocks(n, quote);
            into.getChildren().add(quote);
        } else if (n instanceof ThematicBreak) {
            into.getChildren().add(new Separator());
        } else if (n instanceof HtmlBlock html) {
            into.getChildren().add(new TextFlow(text(html.getLiteral().strip(), plain)));
        } else {
            blocks(n, into);
        }
    }

    /** Each item: its bullet (or number) beside its blocks, so wrapped lines keep the indent. */
    private VBox list(Node list) {
        VBox items = new VBox(baseSize * 0.3);
        items.getStyleClass().add("markdown-list");
        int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String mark = list instanceof OrderedList ? (number++) + "." : "•";
            Text bullet = text(mark, new Style(false, false, false, baseSize));
            TextFlow markFlow = new TextFlow(bullet);
            markFlow.setMinWidth(baseSize * 1.6);
            markFlow.setPrefWidth(baseSize * 1.6);
            VBox body = new VBox(baseSize * 0.3);
            blocks(item, body);
            HBox.setHgrow(body, Priority.ALWAYS);
            items.getChildren().add(new HBox(markFlow, body));
        }
        return items;
    }

    private TextFlow codeBlock(String literal) {
        TextFlow flow = new TextFlow(text(literal.stripTrailing(), new Style(false, false, true, baseSize * 0.95)));
        flow.getStyleClass().add("markdown-code");
        flow.setPadding(new Insets(baseSize * 0.4));
        flow.setStyle("-fx-background-color: #f4f4f4; -fx-border-color: #dddddd;");
        return flow;
    }

    private TextFlow inlines(Node parent, Style style) {
        TextFlow flow = new TextFlow();
        inlines(parent, style, flow);
        return flow;
    }

    private void inlines(Node parent, Style style, TextFlow flow) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), style.withCode()));
            } else if (n instanceof Emphasis) {
                inlines(n, style.withItalic(), flow);
            } else if (n instanceof StrongEmphasis) {
                inlines(n, style.withBold(), flow);
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), style));
            } else {
                inlines(n, style, flow); // links and images: their text
            }
        }
    }

    private static Text text(String s, Style style) {
        Text t = new Text(s);
        t.setFont(style.font());
        if (style.code()) {
            t.getStyleClass().add("markdown-code-text");
        }
        return t;
    }
}
