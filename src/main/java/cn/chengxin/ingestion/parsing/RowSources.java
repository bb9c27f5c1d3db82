package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an uploaded file, already saved to disk, as a {@link RowSource}. A file on disk rather than a
 * request stream: XLSX needs random access to its zip, and a CSV's encoding is detected by a first look
 * before the real read.
 *
 * <p>{@code open} checks the file as a whole (size, format, zip, header) and throws {@link FileProblem} if it
 * cannot be read at all; the returned source's {@link RowSource#next()} reports what is found later (a
 * malformed record, too many rows). Either way the department gets one code and, where it helps, a line.
 */
public final class RowSources {

    private RowSources() {
    }

    /**
     * @throws FileProblem FILE_EMPTY, FILE_TOO_LARGE, FILE_UNREADABLE, FILE_ZIP_BOMB, HEADER_DUPLICATE,
     *                     HEADER_MISSING, CSV_MALFORMED (in the header record)
     */
    public static RowSource open(Path file, FileFormat format, Limits limits) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
        }
        if (size == 0) {
            throw new FileProblem(FileProblemCode.FILE_EMPTY);
        }
        if (size > limits.maxBytes()) {
            throw new FileProblem(FileProblemCode.FILE_TOO_LARGE);
        }
        RowSource source = switch (format) {
            case CSV -> CsvRowSource.open(file, limits);
            case XLSX -> XlsxRowSource.open(file, limits);
            case JSON_LINES -> JsonLinesRowSource.open(file, limits);
        };
        return new GuardedRowSource(source, limits.maxRows());
    }

    /**
     * Detects the format from the name the department gave the file and its first bytes
     * ({@link FileFormat#detect}), then opens it.
     *
     * @param uploadedName the original file name, only its extension is used
     */
    public static RowSource open(Path file, String uploadedName, Limits limits) {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(FileFormat.PREFIX_LENGTH);
        } catch (IOException e) {
            throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
        }
        return open(file, FileFormat.detect(uploadedName, prefix), limits);
    }
}
