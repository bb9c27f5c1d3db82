package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers shared by the parsing tests: write an upload, read all its rows, catch the file problem. */
final class Uploads {

    private Uploads() {
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static List<SourceRow> readAll(Path file, FileFormat format) {
        return readAll(file, format, Limits.defaults());
    }

    static List<SourceRow> readAll(Path file, FileFormat format, Limits limits) {
        try (RowSource source = RowSources.open(file, format, limits)) {
            List<SourceRow> rows = new ArrayList<>();
            for (Optional<SourceRow> row = source.next(); row.isPresent(); row = source.next()) {
                rows.add(row.get());
            }
            return rows;
        }
    }

    /** The problem raised while opening and reading {@code file} to the end. */
    static FileProblem problemReading(Path file, FileFormat format, Limits limits) {
        return catchThrowableOfType(FileProblem.class, () -> readAll(file, format, limits));
    }

    static FileProblem problemReading(Path file, FileFormat format) {
        return problemReading(file, format, Limits.defaults());
    }

    static Limits limits(long maxBytes, long maxRows) {
        Limits defaults = Limits.defaults();
        return new Limits(maxBytes, maxRows, defaults.maxXlsxUncompressedBytes(), defaults.maxXlsxCompressionRatio());
    }
}
