package cn.chengxin.ingestion.parsing;

/**
 * One line of the error report sent back to a department: where, which row by the department's own key, which
 * field, which stable code, and the Chinese explanation. Never holds a rejected value itself (it may be an identity
 * number): the row's number only masked; the department has its own file to look at.
 *
 * @param line           the {@link SourceRow#line()} of the row, or 0 for a problem with the file as a whole
 * @param field          the column name, or {@code null} when the error is about the whole row or file
 * @param code           a stable machine-readable code (a {@link FileProblemCode} or a validator's code)
 * @param message        the explanation, in Chinese
 * @param sourceRecordId the row's key in the department's system, numbers in it masked; {@code null}: none read
 * @param maskedNumber   the identity number the row was sent with, masked; {@code null}: none read
 */
public record RowError(long line, String field, String code, String message, String sourceRecordId,
                       String maskedNumber) {

    /** A problem with no row to name: the file's, or the line where it stopped being readable. */
    public RowError(long line, String field, String code, String message) {
        this(line, field, code, message, null, null);
    }

    /** The error for a file that could not be read at all (or stopped being readable at a line). */
    public static RowError of(FileProblem problem) {
        return new RowError(problem.line().orElse(0), null, problem.code(), problem.getMessage());
    }
}
