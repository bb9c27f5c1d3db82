package cn.chengxin.ingestion.parsing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of an upload, as the validators downstream see it whatever the file format.
 *
 * @param line   1-based place of the row in the file, for the error report: for CSV the physical line on
 *               which the record starts (the header is usually line 1; a quoted line break inside a record
 *               makes the next record start one line further down); for XLSX the sheet's row number as
 *               Excel shows it; for JSON Lines the physical line number
 * @param values the row's non-blank values, keyed by column name (CSV/XLSX header, JSON key; nested
 *               {@code "fields"} keys as {@code fields.<name>}), names and values stripped of surrounding
 *               whitespace, in column order. A blank or missing cell is <em>absent</em>, never {@code ""}.
 */
public record SourceRow(long line, Map<String, String> values) {

    public SourceRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code column}, or {@code null} when the cell is blank or the column does not exist. */
    public String value(String column) {
        return values.get(column);
    }
}
