package cn.chengxin.ingestion.parsing;

import java.util.OptionalInt;
import java.util.OptionalLong;

import cn.chengxin.shared.DomainProblem;

/**
 * An uploaded file cannot be read as a whole, or stops being readable at some line. Carries the stable
 * {@link FileProblemCode} and, when it is about a place in the file, the 1-based line (and column).
 *
 * <p>Deliberately has no cause and no stack trace, like the identity exceptions: the exceptions of the
 * parsing libraries quote the offending text ("Cannot parse number : 4117…"), and that text must never reach
 * a log.
 */
public class FileProblem extends RuntimeException implements DomainProblem {

    private final FileProblemCode problem;
    private final long line;
    private final int column;

    public FileProblem(FileProblemCode problem) {
        this(problem, 0, 0);
    }

    public FileProblem(FileProblemCode problem, long line) {
        this(problem, line, 0);
    }

    /**
     * @param line   1-based line (CSV, JSON Lines) or row (XLSX) number, or 0 when not about a line
     * @param column 1-based column number, or 0 when not about a column
     */
    public FileProblem(FileProblemCode problem, long line, int column) {
        super(describe(problem, line, column), null, false, false);
        this.problem = problem;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
    }

    public FileProblemCode problem() {
        return problem;
    }

    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    @Override
    public String code() {
        return problem.code();
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }

    /** This problem placed at {@code line}, unless it already knows its place. */
    FileProblem atLine(long line) {
        return this.line > 0 || line <= 0 ? this : new FileProblem(problem, line, column);
    }

    private static String describe(FileProblemCode problem, long line, int column) {
        if (line <= 0) {
            return problem.message();
        }
        String place = column > 0 ? "第 " + line + " 行第 " + column + " 列：" : "第 " + line + " 行：";
        return place + problem.message();
    }
}
