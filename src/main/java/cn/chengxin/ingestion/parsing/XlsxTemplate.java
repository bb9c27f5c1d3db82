package cn.chengxin.ingestion.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An item's file template as a workbook (gaps review xxxvii-api R4, session xl), for the operators who fill it in Excel
 * or WPS rather than a text editor, written with the library the intake reads XLSX with (fastexcel). One sheet whose
 * first row is the header the CSV template has, title by title; every column is formatted as text (number format
 * {@code @}), so that an identity number typed or pasted below keeps its 18 digits and its final X instead of turning
 * into 4.1E+17, and a date typed as 2026-03-01 stays the text the intake reads as a date.
 */
public final class XlsxTemplate {

    /** Changed with the workbook's layout (sheet, styles), so that a release changing it changes {@link #tag}. */
    private static final String LAYOUT = "1";

    private XlsxTemplate() {
    }

    /**
     * The workbook's entity tag: a digest of its titles and layout. Not of its bytes, as for the other catalogue
     * documents: fastexcel stamps each workbook with the time it was written (docProps/core.xml), so two downloads of
     * one template never have the same bytes, and a tag of them would never revalidate.
     */
    public static String tag(List<String> titles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
            for (String title : titles) {
                sha.update((byte) 0);
                sha.update(title.getBytes(StandardCharsets.UTF_8));
            }
            return "\"x" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workbook whose header row is {@code titles}, as given (the caller neutralises formulas as for the CSV). */
    public static byte[] of(List<String> titles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Chengxin", "1.0");
            Worksheet sheet = workbook.newWorksheet("报送模板");
            for (int column = 0; column < titles.size(); column++) {
                String title = titles.get(column);
                // The column's own format: what Excel gives each cell typed into it later.
                sheet.style(column).format("@").set();
                sheet.inlineString(0, column, title);
                sheet.style(0, column).format("@").bold().set();
                sheet.width(column, Math.min(40, Math.max(12, title.length() * 2.2 + 2)));
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
