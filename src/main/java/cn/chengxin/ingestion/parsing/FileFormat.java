package cn.chengxin.ingestion.parsing;

import java.util.Locale;

/**
 * The upload formats the platform reads. The file name's extension says which one the department meant;
 * the first bytes must agree, because a renamed file (an .xls saved as .csv, a PDF saved as .xlsx) would
 * otherwise be parsed as garbage rows instead of being refused with a clear message.
 */
public enum FileFormat {
    CSV,
    XLSX,
    JSON_LINES;

    /** How many leading bytes {@link #detect} looks at; callers may pass fewer for short files. */
    public static final int PREFIX_LENGTH = 512;

    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] OLE2_HEADER = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F'};
    private static final byte[] GZIP_HEADER = {0x1F, (byte) 0x8B};

    /**
     * The format of an upload, from its original file name (.csv; .xlsx; .jsonl or .ndjson, case-insensitive)
     * confirmed by its first bytes (up to {@link #PREFIX_LENGTH}).
     *
     * @throws FileProblem FILE_FORMAT_UNSUPPORTED for any other extension (including .xls and .json),
     *                     FILE_EMPTY when there are no bytes, FILE_UNREADABLE when the bytes contradict the
     *                     extension (an .xlsx that is not a zip; a text file that is a zip, an OLE2 document,
     *                     a PDF, gzip, or is full of NUL bytes: binary data or UTF-16; a stray NUL is a cell's)
     */
    public static FileFormat detect(String filename, byte[] firstBytes) {
        FileFormat format = byExtension(filename);
        if (firstBytes == null || firstBytes.length == 0) {
            throw new FileProblem(FileProblemCode.FILE_EMPTY);
        }
        boolean agrees = switch (format) {
            case XLSX -> startsWith(firstBytes, ZIP_LOCAL_HEADER);
            case CSV, JSON_LINES -> looksLikeText(firstBytes);
        };
        if (!agrees) {
            throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
        }
        return format;
    }

    private static FileFormat byExtension(String filename) {
        if (filename == null) {
            throw new FileProblem(FileProblemCode.FILE_FORMAT_UNSUPPORTED);
        }
        String name = filename.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            case "jsonl", "ndjson" -> JSON_LINES;
            default -> throw new FileProblem(FileProblemCode.FILE_FORMAT_UNSUPPORTED);
        };
    }

    private static boolean looksLikeText(byte[] bytes) {
        if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, OLE2_HEADER) || startsWith(bytes, PDF_HEADER)
                || startsWith(bytes, GZIP_HEADER)) {
            return false;
        }
        int length = Math.min(bytes.length, PREFIX_LENGTH);
        int nul = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                nul++;
            }
        }
        // Binary data, or text in UTF-16, is full of NUL bytes; a department's text file may hold a stray one in a
        // cell, which is that row's CONTROL_CHARACTER error, not a reason to refuse every row of the file (issue #4).
        return nul * NUL_SHARE_OF_BINARY <= length;
    }

    /** A text prefix in which more than one byte in this many is NUL is no text (binary data, UTF-16). */
    private static final int NUL_SHARE_OF_BINARY = 16;

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
