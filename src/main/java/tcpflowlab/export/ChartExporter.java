package tcpflowlab.export;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.Page;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a chart as PNG, SVG (JFreeSVG) or PDF (OrsonPDF), never over an existing file unless told to. */
public final class ChartExporter {
    /** The formats a chart can be written in. */
    public enum Format {
        PNG, SVG, PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format a file name asks for, by its extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.extension())) {
                    return f;
                }
            }
            throw new IllegalArgumentException(file + ": the name must end in .png, .svg or .pdf");
        }
    }

    public static final int MIN_SIZE = 200;
    public static final int MAX_SIZE = 10_000;

    private ChartExporter() {
    }

    public static void write(JFreeChart chart, Path file, int width, int height, boolean overwrite) throws IOException {
        checkSize(width, height);
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Format format = Format.of(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(chart, format, out, width, height);
        }
    }

    /**
     * Writes the chart in {@code format} to {@code out}, which stays open: for a caller writing
     * through an {@link AtomicOutputFile}, so a reader never sees half a chart.
     */
    public static void write(JFreeChart chart, Format format, OutputStream out, int width, int height) throws IOException {
        checkSize(width, height);
        switch (format) {
            case PNG -> ChartUtils.writeChartAsPNG(out, chart, width, height);
            case SVG -> {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                chart.draw(g2, new Rectangle(0, 0, width, height));
                out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
            }
            case PDF -> {
                PDFDocument pdf = new PDFDocument();
                pdf.setTitle(chart.getTitle() == null ? "TCP Flow Lab" : chart.getTitle().getText());
                pdf.setAuthor("TCP Flow Lab");
                Page page = pdf.createPage(new Rectangle(width, height));
                PDFGraphics2D g2 = page.getGraphics2D();
                chart.draw(g2, new Rectangle(0, 0, width, height));
                out.write(pdf.getPDFBytes());
            }
        }
        out.flush();
    }

    private static void checkSize(int width, int height) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("chart size " + width + " x " + height + " is not allowed: width and height must be "
                    + MIN_SIZE + " .. " + MAX_SIZE + " px");
        }
    }
}
