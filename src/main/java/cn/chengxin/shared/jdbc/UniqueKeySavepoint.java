package cn.chengxin.shared.jdbc;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A write of rows new to the table tried the cheap way, without looking for a conflict at every row (a plain insert or
 * a COPY, a third of an upsert's cost), within a savepoint of the current transaction: another transaction that
 * stored one of the keys meanwhile (a rescore of the same subject, an evaluation of the same mark) makes it fail on
 * the table's key, and the caller then writes the rows the careful way. Needs a transaction begun by
 * {@code @Transactional}.
 */
public final class UniqueKeySavepoint {

    private UniqueKeySavepoint() {
    }

    /**
     * Runs {@code attempt} within a savepoint of the current transaction and keeps what it did when it returns true;
     * rolls it back when it returns false or fails on a unique key (SQLSTATE 23505, however wrapped).
     */
    public static boolean undoneUnless(BooleanSupplier attempt) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            if (attempt.getAsBoolean()) {
                transaction.releaseSavepoint(savepoint);
                return true;
            }
        } catch (RuntimeException e) {
            if (!onAUniqueKey(e)) {
                throw e;
            }
        }
        transaction.rollbackToSavepoint(savepoint);
        return false;
    }

    private static boolean onAUniqueKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
