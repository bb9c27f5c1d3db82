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
            case STRING -> value == null ? null : value.toString();
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
        return value == null ? null : value.toString();
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
