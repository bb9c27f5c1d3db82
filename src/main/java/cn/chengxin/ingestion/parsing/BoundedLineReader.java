package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines like {@link java.io.BufferedReader#readLine()} ({@code \n}, {@code \r\n} or
 * {@code \r}), but refuses a line longer than a limit: readLine would buffer a 200 MB file without line
 * breaks whole. Knows the physical number of the line it last returned.
 */
final class BoundedLineReader {

    private final Reader reader;
    private final int maxLineChars;
    private final FileProblemCode lineTooLong;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long lineNumber;
    private boolean skipLineFeed;

    BoundedLineReader(Reader reader, int maxLineChars, FileProblemCode lineTooLong) {
        this.reader = reader;
        this.maxLineChars = maxLineChars;
        this.lineTooLong = lineTooLong;
    }

    /** 1-based number of the line last returned by {@link #readLine()}. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or {@code null} at the end of the text. */
    String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                lineNumber++;
                return line.toString();
            }
        }
    }

    private void append(int start, int end) {
        if (line.length() + (end - start) > maxLineChars) {
            throw new FileProblem(lineTooLong, lineNumber + 1);
        }
        line.append(buffer, start, end - start);
    }
}
