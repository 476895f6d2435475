package tcpflowlab.export;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson summary (the Markdown a course page takes) as an A4 PDF through OrsonPDF: headings,
 * paragraphs and bullets, wrapped by hand at the page's width, on as many pages as it needs.
 * The Markdown's emphasis marks are left out; the PDF's built-in fonts cover Latin-1, so other
 * characters are written as their nearest ASCII or '?'.
 */
public final class SummaryPdf {
    private static final int WIDTH = 595;
    private static final int HEIGHT = 842;
    private static final int MARGIN = 56;
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font H1 = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font H2 = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final int BULLET_INDENT = 14;

    private SummaryPdf() {
    }

    /** One line to draw: its text, font, left indent and the space above it. */
    private record Line(String text, Font font, int indent, int gapAbove) {
    }

    public static byte[] render(String title, String markdown) {
        PDFDocument pdf = new PDFDocument();
        pdf.setTitle(title);
        pdf.setAuthor("TCP Flow Lab");
        List<Line> lines = layout(markdown);
        PDFGraphics2D g = null;
        int y = HEIGHT;
        for (Line line : lines) {
            int height = line.font().getSize() + 4;
            if (g == null || y + line.gapAbove() + height > HEIGHT - MARGIN) {
                g = pdf.createPage(new Rectangle(WIDTH, HEIGHT)).getGraphics2D();
                g.setColor(Color.BLACK);
                y = MARGIN;
            } else {
                y += line.gapAbove();
            }
            y += height;
            g.setFont(line.font());
            g.drawString(literal(line.text()), MARGIN + line.indent(), y - 4);
        }
        if (g == null) {
            pdf.createPage(new Rectangle(WIDTH, HEIGHT));
        }
        return pdf.getPDFBytes();
    }

    private static List<Line> layout(String markdown) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D metrics = scratch.createGraphics();
        List<Line> out = new ArrayList<>();
        int gap = 0;
        try {
            for (String raw : markdown.split("\n", -1)) {
                String s = raw.strip();
                if (s.isEmpty()) {
                    gap = 8;
                    continue;
                }
                Font font = TEXT;
                int indent = 0;
                String bullet = "";
                if (s.startsWith("## ")) {
                    font = H2;
                    s = s.substring(3);
                    gap = 14;
                } else if (s.startsWith("# ")) {
                    font = H1;
                    s = s.substring(2);
                } else if (s.startsWith("- ") || s.startsWith("* ")) {
                    bullet = "- ";
                    indent = BULLET_INDENT;
                    s = s.substring(2);
                }
                FontMetrics fm = metrics.getFontMetrics(font);
                List<String> wrapped = wrap(plain(s), fm, WIDTH - 2 * MARGIN - indent);
                for (int i = 0; i < wrapped.size(); i++) {
                    boolean first = i == 0;
                    out.add(new Line((first ? bullet : "") + wrapped.get(i), font,
                            first ? indent - fm.stringWidth(bullet) : indent, first ? gap : 0));
                }
                gap = 0;
            }
        } finally {
            metrics.dispose();
        }
        return out;
    }

    /** Words onto lines no wider than {@code width}; a word wider than a line is cut. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (fm.stringWidth(word) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && fm.stringWidth(word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The text as the inside of a PDF string literal. OrsonPDF writes it between "(" and ")"
     * as it is, so an unbalanced parenthesis (a line wrapped inside "(EAGAIN: send() failed")
     * or a backslash would end the string early and print the page's drawing operators as text.
     */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    /** Markdown's emphasis and code marks left out; characters beyond Latin-1 as ASCII. */
    static String plain(String s) {
        String t = s.replace("**", "").replace("`", "").replaceAll("(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])", "");
        StringBuilder b = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            b.append(switch (c) {
                case '\u2018', '\u2019' -> "'";
                case '\u201c', '\u201d' -> "\"";
                case '\u2013', '\u2014', '\u2212' -> "-";
                case '\u2026' -> "...";
                case '\u2192' -> "->";
                case '\u2264' -> "<=";
                case '\u2265' -> ">=";
                case '\u2248' -> "~";
                default -> c <= 0xff ? String.valueOf(c) : "?";
            });
        }
        return b.toString();
    }
}
