package cn.chengxin.inquiry.domain;

/**
 * A row of an import file refused, with its line (the header is line 1) and why, in words an operator acts on: the
 * import goes on with the next row, and the refused rows are printed for the old system's owner to correct and send
 * again. The reason never carries an identity number in clear.
 */
public record RowRefusal(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
