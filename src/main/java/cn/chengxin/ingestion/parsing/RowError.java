package cn.chengxin.ingestion.parsing;

/**
 * One line of the error report sent back to a department: where, which field, which stable code, and the
 * Chinese explanation. Never holds the rejected value itself (it may be an identity number); the department
 * has its own file to look at.
 *
 * @param line    the {@link SourceRow#line()} of the row, or 0 for a problem with the file as a whole
 * @param field   the column name, or {@code null} when the error is about the whole row or file
 * @param code    a stable machine-readable code (a {@link FileProblemCode} or a validator's code)
 * @param message the explanation, in Chinese
 */
public record RowError(long line, String field, String code, String message) {

    /** The error for a file that could not be read at all (or stopped being readable at a line). */
    public static RowError of(FileProblem problem) {
        return new RowError(problem.line().orElse(0), null, problem.code(), problem.getMessage());
    }
}
