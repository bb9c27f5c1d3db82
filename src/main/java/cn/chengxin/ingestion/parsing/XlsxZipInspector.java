package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Refuses an XLSX whose zip could exhaust the server when inflated (a "zip bomb": 200 KB that inflates to
 * gigabytes), before any spreadsheet code opens it.
 *
 * <p>Two passes over the zip. First the central directory alone: the declared uncompressed sizes must be
 * known, add up to at most {@link Limits#maxXlsxUncompressedBytes()}, and no entry may compress better than
 * {@link Limits#maxXlsxCompressionRatio()} (spreadsheet XML compresses 5–20×; zeros compress 1000×); this
 * costs nothing and stops the classic bombs without inflating a byte. Then every entry is inflated into a
 * counter that stops as soon as it passes the declared size: a zip can lie about sizes, and the spreadsheet
 * reader (which opens entries itself and offers no hook to count them) would trust the lie. After both passes
 * every entry is known to inflate to exactly its declared, bounded size, so reading the sheet cannot inflate
 * more than the limit. The price is inflating the file twice; it is bounded by the same limit and takes
 * seconds at most.
 */
final class XlsxZipInspector {

    /** A spreadsheet has dozens of parts; thousands of entries only serve to exhaust the reader. */
    static final int MAX_ENTRIES = 10_000;

    private static final int CHUNK = 64 * 1024;

    private XlsxZipInspector() {
    }

    /**
     * @throws FileProblem FILE_ZIP_BOMB as above; FILE_UNREADABLE when the file is not a readable zip
     */
    static void inspect(Path file, Limits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkDeclaredSizes(zip, limits);
            checkActualSizes(zip);
        } catch (ZipException e) {
            throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
        } catch (IOException | RuntimeException e) {
            throw CarriedFileProblem.find(e).orElseGet(() -> new FileProblem(FileProblemCode.FILE_UNREADABLE));
        }
    }

    private static void checkDeclaredSizes(ZipFile zip, Limits limits) {
        if (zip.size() > MAX_ENTRIES) {
            throw bomb();
        }
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0 || compressed < 0) {
                throw bomb();
            }
            if (size > 0 && (compressed == 0 || (double) size / compressed > limits.maxXlsxCompressionRatio())) {
                throw bomb();
            }
            total += size;
            if (total > limits.maxXlsxUncompressedBytes()) {
                throw bomb();
            }
        }
    }

    private static void checkActualSizes(ZipFile zip) throws IOException {
        byte[] buffer = new byte[CHUNK];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() && entry.getSize() == 0) {
                continue;
            }
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > entry.getSize()) {
                        throw bomb();
                    }
                }
            }
            if (inflated != entry.getSize()) {
                throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
            }
        }
    }

    private static FileProblem bomb() {
        return new FileProblem(FileProblemCode.FILE_ZIP_BOMB);
    }
}
