package cn.chengxin.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

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
}
