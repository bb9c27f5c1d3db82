package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** The text of a PDF the platform issued, as a reader's copy-and-paste would give it. */
public final class PdfText {

    private PdfText() {
    }

    /** The text without white space: the layout breaks lines and spaces glyphs where the report's text has none. */
    public static String compact(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s", "");
        }
    }

    /** The size in points of every character the PDF draws (none: an empty list). */
    public static List<Float> fontSizes(byte[] pdf) throws Exception {
        List<Float> sizes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.forEach(position -> sizes.add(position.getFontSizeInPt()));
                }
            };
            stripper.getText(document);
        }
        return sizes;
    }
}
