package cn.chengxin.ingestion.parsing;

/**
 * How much of an upload the platform is willing to read. Every limit protects the server, not the data:
 * a file over a limit is refused whole, with a code the department can act on.
 *
 * @param maxBytes                  size of the uploaded file (for XLSX: the compressed file)
 * @param maxRows                   data rows, header excluded, blank rows not counted
 * @param maxXlsxUncompressedBytes  sum of the declared uncompressed sizes of an XLSX's zip entries
 * @param maxXlsxCompressionRatio   largest uncompressed/compressed ratio allowed for any one zip entry
 */
public record Limits(long maxBytes, long maxRows, long maxXlsxUncompressedBytes, int maxXlsxCompressionRatio) {

    public Limits {
        if (maxBytes <= 0 || maxRows <= 0 || maxXlsxUncompressedBytes <= 0 || maxXlsxCompressionRatio <= 0) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** 200 MB, 2,000,000 rows, 1 GB uncompressed, ratio 100: a large city's yearly batch fits well inside. */
    public static Limits defaults() {
        return new Limits(200L * 1024 * 1024, 2_000_000L, 1024L * 1024 * 1024, 100);
    }
}
