package cn.chengxin.platform.database;

/** The database's refusal of a character a client sent, told apart from a server error (issue #2). */
public final class UntypableCharacters {

    private UntypableCharacters() {
    }

    /**
     * PostgreSQL refuses a NUL in any text ({@code invalid byte sequence for encoding "UTF8": 0x00}, SQLSTATE 22021;
     * 22P05 for a {@code \\u0000} in a value stored as jsonb): a console form or an API body that carried one reaches
     * the database and fails there. That is the client's input, not a server error; the transaction was rolled back,
     * so nothing of it was kept, and the client may send it again without the character. The database's message is
     * not answered (it may quote the value).
     */
    public static boolean refusedIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("22021".equals(next.getSQLState()) || "22P05".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
