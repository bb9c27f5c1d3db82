package cn.chengxin.ingestion.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV upload one record at a time with Commons CSV. The first non-blank record is the
 * header. Line numbers are those of the line where a record starts, computed from the parser's count of
 * line breaks consumed, so a quoted line break inside a record moves every later record down a line,
 * exactly as a text editor shows it.
 */
final class CsvRowSource implements RowSource {

    /** No legitimate record is near this; an unclosed quote reaches it quickly instead of eating the file. */
    static final long MAX_RECORD_BYTES = 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // skipped here, so that line numbers stay exact
            .get();
    private static final int BUFFER = 64 * 1024;

    private final MeteredInputStream bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final HeaderRow header;

    private CsvRowSource(MeteredInputStream bytes, CSVParser parser) {
        this.bytes = bytes;
        this.parser = parser;
        this.records = parser.iterator();
        Optional<Record> first = nextNonBlank();
        if (first.isEmpty()) {
            throw new FileProblem(FileProblemCode.FILE_EMPTY);
        }
        this.header = HeaderRow.of(first.get().cells(), first.get().line());
    }

    static RowSource open(Path file, Limits limits) {
        MeteredInputStream bytes = null;
        try {
            TextEncoding encoding = TextEncoding.detect(file);
            bytes = new MeteredInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER),
                    limits.maxBytes(), MAX_RECORD_BYTES, FileProblemCode.CSV_MALFORMED, true);
            bytes.skipNBytes(encoding.bomLength());
            CSVParser parser = CSVParser.parse(new InputStreamReader(bytes, encoding.strictDecoder()), FORMAT);
            return new CsvRowSource(bytes, parser);
        } catch (IOException | RuntimeException e) {
            Closing.quietly(bytes);
            throw problemFor(e, 0);
        }
    }

    @Override
    public Optional<SourceRow> next() {
        return nextNonBlank().map(record -> new SourceRow(record.line(), header.values(record.cells(),
                record.line())));
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        Closing.quietly(parser);
        Closing.quietly(bytes);
    }

    private Optional<Record> nextNonBlank() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            bytes.startRecord();
            try {
                if (!records.hasNext()) {
                    return Optional.empty();
                }
                List<String> cells = records.next().toList();
                if (!HeaderRow.isBlank(cells)) {
                    return Optional.of(new Record(line, cells));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw problemFor(e, line);
            }
        }
    }

    /** Translates what the parser and the streams below it threw; {@code line} is where the record began. */
    private static FileProblem problemFor(Exception thrown, long line) {
        Optional<FileProblem> carried = CarriedFileProblem.find(thrown);
        if (carried.isPresent()) {
            FileProblem problem = carried.get();
            return problem.problem() == FileProblemCode.CSV_MALFORMED ? problem.atLine(line) : problem;
        }
        if (CarriedFileProblem.causedBy(thrown, CharacterCodingException.class)) {
            return new FileProblem(FileProblemCode.FILE_UNREADABLE, line);
        }
        if (CarriedFileProblem.causedBy(thrown, CSVException.class)) {
            return new FileProblem(FileProblemCode.CSV_MALFORMED, line);
        }
        return new FileProblem(FileProblemCode.FILE_UNREADABLE);
    }

    private record Record(long line, List<String> cells) {
    }
}
