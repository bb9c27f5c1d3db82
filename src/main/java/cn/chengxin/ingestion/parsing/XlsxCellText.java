package cn.chengxin.ingestion.parsing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.dhatim.fastexcel.reader.Cell;

/**
 * The text of one XLSX cell, as a department would read it in Excel, so that every format yields the same
 * strings: text cells as they are (an identity number typed as text stays exactly that); numbers through
 * {@link NumberText} (no exponent, no {@code .0}); date-formatted numbers as ISO {@code yyyy-MM-dd} (or
 * {@code yyyy-MM-dd'T'HH:mm:ss} when there is a time of day); booleans as {@code true}/{@code false};
 * formulas as their cached result (never evaluated); error cells as the error text ({@code #N/A}), which
 * validators then reject.
 */
final class XlsxCellText {

    private XlsxCellText() {
    }

    /** The cell's text, or {@code null} for a missing or empty cell. */
    static String of(Cell cell) {
        if (cell == null) {
            return null;
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> value == null ? null : unescaped(value.toString());
            case NUMBER -> value instanceof BigDecimal number ? number(cell, number) : null;
            case BOOLEAN -> value == null ? null : value.toString();
            case FORMULA -> cachedResult(cell, value);
            case ERROR -> cell.getRawValue();
        };
    }

    private static String cachedResult(Cell cell, Object value) {
        if (value instanceof BigDecimal number) {
            return number(cell, number);
        }
        return value == null ? null : unescaped(value.toString());
    }

    /**
     * Text as Excel meant it: the file format writes a character XML cannot carry (a control character such as U+0001,
     * or a carriage return) as {@code _xHHHH_}, and an underscore that would start such an escape as {@code _x005F_}
     * (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). Read literally, {@code _x0001_} would be stored as seven characters the
     * department never typed, and a control character it did send would slip past the row's CONTROL_CHARACTER check
     * (issue #4).
     */
    static String unescaped(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            if (at + 7 <= text.length() && text.charAt(at + 6) == '_' && hex(text, at + 2, at + 6)) {
                out.append(text, from, at).append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                from = at + 7;
                at = text.indexOf("_x", from);
            } else {
                at = text.indexOf("_x", at + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean hex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("0123456789abcdefABCDEF".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String number(Cell cell, BigDecimal number) {
        if (isDate(cell)) {
            try {
                return dateText(cell.asDate());
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                // Not a day count Excel could show as a date: keep the number.
            }
        }
        return NumberText.of(number);
    }

    private static boolean isDate(Cell cell) {
        Integer formatId;
        try {
            formatId = cell.getDataFormatId();
        } catch (NumberFormatException e) {
            formatId = null;
        }
        return ExcelDateFormats.isDate(formatId, cell.getDataFormatString());
    }

    /** Day fractions are binary floating point: round to the second before deciding there is a time of day. */
    static String dateText(LocalDateTime dateTime) {
        LocalDateTime rounded = dateTime.plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS);
        if (rounded.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return rounded.toLocalDate().toString();
        }
        return rounded.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
