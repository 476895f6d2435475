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

    private static int pages(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        return s.split("/Type /Page\\b(?!s)", -1).length - 1;
    }
}
