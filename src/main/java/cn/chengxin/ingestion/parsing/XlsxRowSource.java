package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX upload row by row with fastexcel-reader's streaming API (StAX over the
 * sheet XML, no in-memory workbook). The first non-blank row is the header; line numbers are the sheet's
 * row numbers as Excel shows them.
 *
 * <p>The zip is vetted by {@link XlsxZipInspector} before fastexcel opens it. Memory is bounded except for
 * one part: Excel stores each distinct text once, in the shared-strings table, which fastexcel keeps in
 * memory as it reads. That part's size is bounded by the zip limits; for very large batches departments
 * should prefer CSV.
 */
final class XlsxRowSource implements RowSource {

    /** Cell formats are needed to tell dates from numbers; a number that does not parse makes the file bad. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final long fileSize;
    private final HeaderRow header;

    private XlsxRowSource(ReadableWorkbook workbook, Stream<Row> stream, long fileSize) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.fileSize = fileSize;
        Optional<Line> first = nextNonBlank();
        if (first.isEmpty()) {
            throw new FileProblem(FileProblemCode.FILE_EMPTY);
        }
        this.header = HeaderRow.of(first.get().cells(), first.get().number());
    }

    static RowSource open(Path file, Limits limits) {
        XlsxZipInspector.inspect(file, limits);
        ReadableWorkbook workbook = null;
        Stream<Row> stream = null;
        try {
            long fileSize = Files.size(file);
            workbook = new ReadableWorkbook(file.toFile(), OPTIONS);
            stream = workbook.getFirstSheet().openStream();
            return new XlsxRowSource(workbook, stream, fileSize);
        } catch (IOException | RuntimeException e) {
            if (stream != null) {
                stream.close();
            }
            Closing.quietly(workbook);
            throw CarriedFileProblem.find(e).orElseGet(() -> new FileProblem(FileProblemCode.FILE_UNREADABLE));
        }
    }

    @Override
    public Optional<SourceRow> next() {
        return nextNonBlank().map(line -> new SourceRow(line.number(), header.values(line.cells(),
                line.number())));
    }

    /** The inspector has read the whole file before the first row, so progress is the file size. */
    @Override
    public long bytesRead() {
        return fileSize;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (RuntimeException ignored) {
            // Closing a read-only zip cannot lose anything.
        }
        Closing.quietly(workbook);
    }

    private Optional<Line> nextNonBlank() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = texts(row);
                if (!HeaderRow.isBlank(cells)) {
                    return Optional.of(new Line(row.getRowNum(), cells));
                }
            }
            return Optional.empty();
        } catch (FileProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            // fastexcel wraps XML, zip and number errors in unchecked exceptions whose messages quote cells.
            throw new FileProblem(FileProblemCode.FILE_UNREADABLE);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>(row.getCellCount());
        for (Cell cell : row) {
            texts.add(XlsxCellText.of(cell));
        }
        return texts;
    }

    private record Line(long number, List<String> cells) {
    }
}
