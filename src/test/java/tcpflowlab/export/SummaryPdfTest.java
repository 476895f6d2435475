package tcpflowlab.export;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lesson summary as PDF: a PDF, as many pages as the text needs, lines within the page, Markdown marks left out. */
class SummaryPdfTest {
    @Test
    void aShortSummaryIsOnePageOfPdf() {
        byte[] pdf = SummaryPdf.render("T", "# T\n\n**Learning goal.** g\n\n- Verdict: right\n");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pages(pdf)).isEqualTo(1);
    }

    @Test
    void aLongSummaryGoesOnOverPages() {
        StringBuilder md = new StringBuilder("# Long\n\n");
        for (int i = 0; i < 120; i++) {
            md.append("## ").append(i).append(". A step\n\nStopped at t = 1 s.\n\n");
        }
        assertThat(pages(SummaryPdf.render("Long", md.toString()))).isGreaterThan(3);
    }

    @Test
    void linesWrapWithinTheWidthAndAWordTooLongIsCut() {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String text = "the client's receive queue at the stop was 13026 B " + "x".repeat(200);
        List<String> lines = SummaryPdf.wrap(text, fm, 200);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(l -> assertThat(fm.stringWidth(l)).isLessThanOrEqualTo(200));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    @Test
    void markdownMarksAreLeftOutAndOtherCharactersWrittenInLatin1() {
        assertThat(SummaryPdf.plain("**Learning goal.** the `rwnd` is *small* \u2014 3\u00d72 \u2192 \u2713"))
                .isEqualTo("Learning goal. the rwnd is small - 3\u00d72 -> ?");
    }

    @Test
    void parenthesesAndBackslashesStayTextEvenWhenALineBreaksBetweenThem() {
        // the wrap cuts "(EAGAIN: send() failed ..." after its "(": one line opens, the next closes
        String answer = "- Answer from the run: EAGAIN (at t = 1.400076 s the server saw EAGAIN (11) (EAGAIN: send() "
                + "failed with EAGAIN: the server logs \"send buffer full\" and closes the connection)) C:\\tmp\\";
        List<String> shown = shownText(SummaryPdf.render("T", "# T\n\n" + answer + "\n"));
        assertThat(shown).hasSizeGreaterThan(2);
        assertThat(String.join(" ", shown)).isEqualTo("T " + answer);
    }

    /** The strings a viewer shows: each "(...) Tj" operand of every page, PDF escapes decoded. */
    private static List<String> shownText(byte[] pdf) {
        String file = new String(pdf, StandardCharsets.ISO_8859_1);
        List<String> shown = new java.util.ArrayList<>();
        java.util.regex.Matcher streams = java.util.regex.Pattern.compile("(?<!end)stream\r?\n").matcher(file);
        while (streams.find()) {
            int end = file.indexOf("endstream", streams.end());
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(pdf, streams.end(), end - streams.end());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && inflater.needsInput()) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
            } catch (java.util.zip.DataFormatException e) {
                throw new AssertionError(e);
            }
            String ops = out.toString(StandardCharsets.ISO_8859_1);
            for (int i = ops.indexOf(" Td ("); i >= 0; i = ops.indexOf(" Td (", i)) {
                StringBuilder text = new StringBuilder();
                int depth = 1;
                int j = i + 5;
                for (; depth > 0; j++) {
                    char c = ops.charAt(j);
                    if (c == '\\') {
                        text.append(ops.charAt(++j));
                        continue;
                    }
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    if (depth > 0) {
                        text.append(c);
                    }
                }
                assertThat(ops.substring(j)).as("the string ends where its Tj begins").startsWith(" Tj");
                shown.add(text.toString());
                i = j;
            }
        }
        return shown;
    }

    private static int pages(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        return s.split("/Type /Page\\b(?!s)", -1).length - 1;
    }
}
