package cn.chengxin.ingestion.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a JSON Lines upload (one JSON object per line, UTF-8 as RFC 8259 requires; a leading BOM is
 * tolerated) line by line. Blank lines are skipped but counted, so line numbers are those of the file; a bad
 * line stops the file with JSON_MALFORMED and its number rather than being dropped, because a silently
 * dropped record is a record nobody knows is missing.
 */
final class JsonLinesRowSource implements RowSource {

    /** One record is a few hundred bytes; a megabyte-long line is a broken export or an attack. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private static final int BUFFER = 64 * 1024;
    private static final String BOM = "\uFEFF";

    private final MeteredInputStream bytes;
    private final BoundedLineReader lines;

    private JsonLinesRowSource(MeteredInputStream bytes, BoundedLineReader lines) {
        this.bytes = bytes;
        this.lines = lines;
    }

    static RowSource open(Path file, Limits limits) {
        MeteredInputStream bytes = null;
        try {
            bytes = new MeteredInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER),
                    limits.maxBytes(), Long.MAX_VALUE, FileProblemCode.JSON_MALFORMED);
            InputStreamReader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new JsonLinesRowSource(bytes, new BoundedLineReader(reader, MAX_LINE_CHARS,
                    FileProblemCode.JSON_MALFORMED));
        } catch (IOException | RuntimeException e) {
            Closing.quietly(bytes);
            throw CarriedFileProblem.find(e).orElseGet(() -> new FileProblem(FileProblemCode.FILE_UNREADABLE));
        }
    }

    @Override
    public Optional<SourceRow> next() {
        while (true) {
            String text;
            try {
                text = lines.readLine();
            } catch (CharacterCodingException e) {
                throw new FileProblem(FileProblemCode.FILE_UNREADABLE, lines.lineNumber() + 1);
            } catch (IOException e) {
                throw CarriedFileProblem.find(e).orElseGet(() -> new FileProblem(FileProblemCode.FILE_UNREADABLE));
            }
            if (text == null) {
                return Optional.empty();
            }
            if (lines.lineNumber() == 1 && text.startsWith(BOM)) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                long line = lines.lineNumber();
                return Optional.of(new SourceRow(line, JsonLineParser.parse(text, line)));
            }
        }
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        Closing.quietly(bytes);
    }
}
