package tcpflowlab.ui;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

/**
 * Reads an OrsonPDF page's drawing calls: for every fill ("f") in a given colour, the fill
 * alpha ("/ca" of the graphics state then in force), so a test sees what a viewer would paint.
 */
final class PdfFills {
    private PdfFills() {
    }

    /** "r g b" as OrsonPDF writes a colour's components before "rg". */
    static String rgb(Color c) {
        return c.getRed() / 255f + " " + c.getGreen() / 255f + " " + c.getBlue() / 255f;
    }

    static List<Double> alphasOfFills(byte[] pdf, String rgb) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Map<String, Double> objectAlpha = new HashMap<>();
        Matcher gs = Pattern.compile("(\\d+) 0 obj\\s*<< /Type /ExtGState\\s*/ca ([0-9.]+)").matcher(text);
        while (gs.find()) {
            objectAlpha.put(gs.group(1), Double.parseDouble(gs.group(2)));
        }
        Map<String, Double> nameAlpha = new HashMap<>();
        Matcher names = Pattern.compile("/(GS\\d+) (\\d+) 0 R").matcher(text);
        while (names.find()) {
            nameAlpha.put(names.group(1), objectAlpha.get(names.group(2)));
        }
        List<Double> alphas = new ArrayList<>();
        Matcher streams = Pattern.compile("(?<!end)stream\r?\n").matcher(text);
        while (streams.find()) {
            int end = text.indexOf("endstream", streams.end());
            String ops = inflate(pdf, streams.end(), end);
            double alpha = 1;
            String fill = "0.0 0.0 0.0";
            for (String line : ops.split("\n")) {
                if (line.endsWith(" gs")) {
                    alpha = nameAlpha.getOrDefault(line.substring(1, line.length() - 3), 1.0);
                } else if (line.endsWith(" rg")) {
                    fill = line.substring(0, line.length() - 3);
                } else if (line.equals("f") && fill.equals(rgb)) {
                    alphas.add(alpha);
                }
            }
        }
        return alphas;
    }

    private static String inflate(byte[] pdf, int from, int to) {
        Inflater inflater = new Inflater();
        inflater.setInput(pdf, from, to - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            return ""; // not a Flate stream (an image, a font): no drawing calls
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
