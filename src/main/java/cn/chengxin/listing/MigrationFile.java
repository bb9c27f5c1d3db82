package cn.chengxin.listing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV file of list entries an older system decided (迁移批次, gaps review xliii X2): UTF-8 (a byte-order mark
 * allowed), a header naming the {@link #COLUMNS} in any order, one entry a row. Each row keeps the line it starts on,
 * as a text editor shows it, so that a refusal names the line to correct. Only the reading is here: what a row means
 * is checked by {@link ListMigrations}.
 */
final class MigrationFile {

    /** The most rows one batch takes: a reviewer reads the refusals, and one approval stores them all at once. */
    static final int MAX_ROWS = 10_000;

    static final List<String> COLUMNS = List.of("number", "name", "list", "rule", "act_day", "effective_from",
            "valid_until", "notice_issued_on", "notice_served_on", "notice_channel", "department", "document_number");

    /**
     * Columns a file may leave out: {@code legacy_source_id}, the old platform's id of the decision's back-loaded
     * record, which links the entry to that record when its document number alone does not tell it.
     */
    static final List<String> OPTIONAL = List.of("legacy_source_id");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private MigrationFile() {
    }

    /** One row: its line and its cells by column name (absent or blank cells as ""). */
    record Row(long line, Map<String, String> cells) {

        String cell(String column) {
            return cells.getOrDefault(column, "").strip();
        }
    }

    /** The file is not one: not UTF-8, no header, a column missing, too many rows. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    static List<Row> read(byte[] content) {
        int skip = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(
                new ByteArrayInputStream(content, skip, content.length - skip), decoder), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = null;
            List<Row> rows = new ArrayList<>();
            while (true) {
                // The parser has consumed the line breaks before this record: it starts on the next line.
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (blank(record)) {
                    continue;
                }
                if (header == null) {
                    header = header(record);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new Unreadable("文件超过 " + MAX_ROWS + " 行，请分批上传");
                }
                Map<String, String> cells = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.entrySet()) {
                    cells.put(column.getKey(), column.getValue() < record.size() ? record.get(column.getValue()) : "");
                }
                rows.add(new Row(line, cells));
            }
            if (header == null) {
                throw new Unreadable("文件为空：第一行须为列名 " + String.join(",", COLUMNS));
            }
            return rows;
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new Unreadable(cause instanceof CharacterCodingException ? "文件不是 UTF-8 编码的 CSV"
                    : "CSV 格式有误（引号未闭合等），无法读取");
        } catch (IllegalStateException e) {
            throw new Unreadable("CSV 格式有误（引号未闭合等），无法读取");
        }
    }

    /**
     * The rows as one text, each cell by column with its length (no two sets of rows read the same): what the SM3 of a
     * batch sent by the API is taken of, so that the same rows sent again under the same key are known as such.
     */
    static byte[] canonical(List<Row> rows) {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(row.line()).append('\n');
            for (String column : java.util.stream.Stream.concat(COLUMNS.stream(), OPTIONAL.stream()).toList()) {
                text.append(row.cell(column).length()).append(':').append(row.cell(column)).append(';');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name) || OPTIONAL.contains(name)) {
                header.putIfAbsent(name, i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("第 " + record.getRecordNumber() + " 条记录（列名行）缺少列：" + String.join(",", missing)
                    + "（须有列 " + String.join(",", COLUMNS) + "）");
        }
        return header;
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
