package cn.chengxin.subject.persistence;

import java.util.Collection;
import java.util.HexFormat;

import cn.chengxin.subject.protection.SealedNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lock under which a document comes to be held (gaps review xli V4; RULES.md §1: one person, one credit file
 * whatever document they show; 98号 三(一) "确保个人身份识别信息的唯一性").
 * <p>
 * A number is held in two tables with a unique index each: the registry's ({@code subject_one_per_document}) and the
 * approved further documents' ({@code further_document_held}). Each index refuses a second holder in its own table
 * only; under read committed a registration and an approval of the same number would each miss the other's
 * uncommitted row, and the person would get two files. So every registration holds this lock shared and every approval
 * of a further document exclusively, each until its transaction ends, and each checks the other table only once it
 * holds it: whichever commits first is seen by the other.
 * <p>
 * One lock for every number, not one per number: a bulk registration (a chunk's new persons, demo generation's
 * batches of thousands) takes one lock whatever its size, where a lock per number would outgrow
 * {@code max_locks_per_transaction}. Registrations share it, so they never wait for each other; an approval, made
 * by a person a few times a day, waits for the registrations under way (a chunk's: well under a second) and holds
 * the next ones back for its own few statements. The connection's {@code lock_timeout} bounds either wait.
 */
@Repository
public class HeldDocuments {

    private static final String LOCK = "hashtextextended('subject.held-documents', 7)";

    private final JdbcClient jdbc;

    public HeldDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held by registrations until their transaction ends; they do not wait for each other. */
    public void lockForRegistering() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(" + LOCK + ")").query(Object.class).single();
    }

    /** Held by an approval of a further document until its transaction ends: waits for registrations under way. */
    public void lockForHolding() {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query(Object.class).single();
    }

    /**
     * Whether any of the numbers is held as an approved further document: one probe of {@code further_document_held}
     * per number. Asked after {@link #lockForRegistering()}, it sees every approval committed before.
     */
    public boolean anyHeldFurther(Collection<SealedNumber> numbers) {
        HexFormat hex = HexFormat.of();
        return !numbers.isEmpty() && jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]::bytea[]) AS n(document_type, number_index)
                                       JOIN subject.further_document f USING (document_type, number_index)
                                       WHERE f.status = 'APPROVED')""")
                .params(numbers.stream().map(n -> n.type().name()).toArray(String[]::new),
                        numbers.stream().map(n -> "\\x" + hex.formatHex(n.index())).toArray(String[]::new))
                .query(Boolean.class).single();
    }
}
