package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.chengxin.inquiry.domain.RowRefusal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files the old system exports for the move (gaps review xliii X6): RFC 4180, UTF-8 (a byte-order mark
 * dropped), a header line naming the columns in the order expected. Each line after the header is one row, by its line
 * number (empty lines skipped, still counted); a quoted value spanning lines is refused, so that a line number stays
 * the line an operator opens the file at. A header not as expected refuses the whole file: its rows would be read into
 * the wrong columns. A format that grew columns at its end (the consents' terms, X6) reads a header naming the first
 * ones only, each row then as many fields as its header, the missing ones empty.
 */
final class ImportCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private ImportCsv() {
    }

    /** One line: its fields, or its refusal (the fields then empty). */
    record Line(long number, List<String> fields, RowRefusal refusal) {
    }

    /** The file's lines after the header, in order; refused as a whole (IllegalArgumentException) for a wrong header. */
    static List<Line> read(Reader csv, List<String> columns) throws IOException {
        return read(csv, columns, columns.size());
    }

    /**
     * As {@link #read(Reader, List)}, the header naming at least the first {@code required} of the {@code columns}; a
     * row of as many fields as the header is padded with empty ones to all the columns, one of another count refused.
     */
    static List<Line> read(Reader csv, List<String> columns, int required) throws IOException {
        List<Line> lines = new ArrayList<>();
        int named = columns.size();
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            long previousEnd = 0;
            boolean header = true;
            for (CSVRecord record : parser) {
                long end = parser.getCurrentLineNumber();
                long line = previousEnd + 1;
                boolean spansLines = end - previousEnd > 1 && record.size() > 0;
                previousEnd = end;
                List<String> fields = record.toList();
                if (header) {
                    header = false;
                    named = checkHeader(fields, columns, required);
                    continue;
                }
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                lines.add(spansLines ? new Line(line, List.of(), new RowRefusal(line, "a quoted value spans lines"))
                        : fields(line, fields, columns, named));
            }
            if (header) {
                throw new IllegalArgumentException("the file is empty: expected the header " + String.join(",", columns));
            }
        } catch (UncheckedIOException unreadable) {
            throw new IllegalArgumentException(unreadable.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? "the file is not UTF-8 text" : "the file is not readable as CSV: " + unreadable.getMessage());
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("the file is not UTF-8 text");
        }
        return lines;
    }

    /** The file, read as UTF-8, refusing bytes that are not (an export in GBK would otherwise import garbled). */
    static Reader open(Path file) throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** What a command prints: the counts, then each refused row with its line and reason. */
    static String summary(String command, int imported, int already, List<RowRefusal> refused) {
        StringBuilder out = new StringBuilder().append(command).append(": ").append(imported)
                .append(" imported, ").append(already).append(" imported before, ").append(refused.size())
                .append(" refused").append(System.lineSeparator());
        for (RowRefusal refusal : refused) {
            out.append(command).append(": refused ").append(refusal).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static Line fields(long line, List<String> fields, List<String> columns, int named) {
        if (fields.size() != named) {
            return new Line(line, List.of(), new RowRefusal(line, "expected " + named + " columns ("
                    + String.join(",", columns.subList(0, named)) + "), found " + fields.size()));
        }
        List<String> padded = new ArrayList<>(fields);
        while (padded.size() < columns.size()) {
            padded.add("");
        }
        return new Line(line, padded, null);
    }

    /** How many of the columns the header names, the first {@code required} at least, in their order. */
    private static int checkHeader(List<String> fields, List<String> columns, int required) {
        List<String> names = new ArrayList<>();
        for (String field : fields) {
            names.add((names.isEmpty() ? field.replace("\uFEFF", "") : field).strip().toLowerCase(Locale.ROOT));
        }
        if (names.size() < required || names.size() > columns.size()
                || !names.equals(columns.subList(0, names.size()))) {
            throw new IllegalArgumentException("line 1: expected the header " + String.join(",", columns)
                    + (required < columns.size() ? " (the last " + (columns.size() - required) + " may be left out)"
                    : "") + ", found " + String.join(",", names));
        }
        return names.size();
    }
}
