package cn.chengxin.ingestion.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column names of a CSV or XLSX upload, and the mapping of a data row's cells onto them. Lives apart
 * from the readers because both formats must agree on what a usable header is: names are stripped; blank
 * names after the last real one are ignored (Excel exports trailing empty columns), but a blank name between
 * real ones, or a value in a column that has no name, is HEADER_MISSING, because that value could not be
 * attributed to any field; two equal names are HEADER_DUPLICATE. Messages give the column number, never the
 * name: a file without a header would have an identity number there.
 */
final class HeaderRow {

    private static final char BOM = '\uFEFF';

    private final List<String> names;
    private final long line;

    private HeaderRow(List<String> names, long line) {
        this.names = names;
        this.line = line;
    }

    /**
     * @param cells the header row's cells by column index ({@code null} for a missing cell)
     * @param line  where the header is, for problems
     */
    static HeaderRow of(List<String> cells, long line) {
        List<String> names = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String name = strip(cells.get(i));
            if (i == 0 && name != null && name.charAt(0) == BOM) {
                name = strip(name.substring(1));
            }
            names.add(name);
        }
        while (!names.isEmpty() && names.get(names.size() - 1) == null) {
            names.remove(names.size() - 1);
        }
        if (names.isEmpty()) {
            throw new FileProblem(FileProblemCode.FILE_EMPTY);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw new FileProblem(FileProblemCode.HEADER_MISSING, line, i + 1);
            }
            if (!seen.add(name)) {
                throw new FileProblem(FileProblemCode.HEADER_DUPLICATE, line, i + 1);
            }
        }
        return new HeaderRow(List.copyOf(names), line);
    }

    /** Whether a row has no non-blank cell (such rows are skipped, never reported). */
    static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (strip(cell) != null) {
                return false;
            }
        }
        return true;
    }

    List<String> names() {
        return names;
    }

    long line() {
        return line;
    }

    /** The non-blank cells of a data row keyed by column name; cells beyond the header must be blank. */
    Map<String, String> values(List<String> cells, long dataLine) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = strip(cells.get(i));
            if (value == null) {
                continue;
            }
            if (i >= names.size()) {
                throw new FileProblem(FileProblemCode.HEADER_MISSING, dataLine, i + 1);
            }
            values.put(names.get(i), value);
        }
        return values;
    }

    /** {@code text} without surrounding whitespace (including the ideographic space), or null if blank. */
    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
