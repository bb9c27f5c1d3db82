package cn.chengxin.portal.tipoff.persistence;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.portal.TipOff;
import cn.chengxin.portal.TipOffProgress;
import cn.chengxin.portal.tipoff.domain.ReporterMasking;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal.tipoff table, the challenge key and the challenges already answered. */
@Repository
public class JdbcTipOffs {

    private static final String COLUMNS = """
            id, status, version, subject_name, subject_document, subject_masked, subject_pseudonym, subject_id,
            facts, reporter_name, reporter_contact, received_at, reply, handled_by, handled_at,
            reporter_name_cipher IS NULL, reporter_contact_cipher IS NULL, purged_at""";

    private static final String FILTER = """
            (CAST(? AS text) IS NULL OR status = ?)
            AND (CAST(? AS text[]) IS NULL OR coalesce(subject_document, '') = ANY(CAST(? AS text[])))""";

    private final JdbcClient jdbc;

    public JdbcTipOffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A tip-off as received; the identity number, if any, only as pseudonym and masked form; the reporter's name and
     * contact ({@code null}: not given) only masked and sealed.
     */
    public record NewTipOff(UUID id, byte[] receiptHash, String subjectName, String subjectDocument,
                            String subjectPseudonym, String subjectMasked, UUID subjectId, String facts,
                            Sealed reporterName, Sealed reporterContact, Instant receivedAt) {
    }

    /** A reporter's value as stored: its masked form for the console, the value itself only sealed. */
    public record Sealed(String masked, byte[] cipher, int keyVersion) {
    }

    /** A reporter's sealed name and contact; each {@code null} when not given. */
    public record SealedReporter(Sealed name, Sealed contact) {
    }

    /** A reporter stored before reporters were sealed: the values in clear, each {@code null} when not given. */
    public record ClearReporter(UUID id, String name, String contact) {
    }

    public void insert(NewTipOff t) {
        Sealed name = t.reporterName();
        Sealed contact = t.reporterContact();
        jdbc.sql("""
                        INSERT INTO portal.tipoff (id, receipt_hash, status, subject_name, subject_document,
                                                   subject_pseudonym, subject_masked, subject_id, facts,
                                                   reporter_name, reporter_name_cipher, reporter_name_key_version,
                                                   reporter_contact, reporter_contact_cipher,
                                                   reporter_contact_key_version, received_at)
                        VALUES (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.receiptHash(), t.subjectName(), t.subjectDocument(), t.subjectPseudonym(),
                        t.subjectMasked(), t.subjectId(), t.facts(), name == null ? null : name.masked(),
                        name == null ? null : name.cipher(), name == null ? null : name.keyVersion(),
                        contact == null ? null : contact.masked(), contact == null ? null : contact.cipher(),
                        contact == null ? null : contact.keyVersion(), Timestamp.from(t.receivedAt()))
                .update();
    }

    /** The reporter of a tip-off, sealed; empty for a tip-off that does not exist. */
    public Optional<SealedReporter> sealedReporter(UUID id) {
        return jdbc.sql("""
                        SELECT reporter_name, reporter_name_cipher, reporter_name_key_version, reporter_contact,
                               reporter_contact_cipher, reporter_contact_key_version
                        FROM portal.tipoff WHERE id = ?""").param(id)
                .query((rs, n) -> new SealedReporter(sealed(rs, 1), sealed(rs, 4))).optional();
    }

    /**
     * Up to {@code limit} tip-offs whose reporter was stored in clear (before V244), locked for the caller's
     * transaction; another runner skips them.
     */
    public List<ClearReporter> reportersInClear(int limit) {
        return jdbc.sql("""
                        SELECT id, CASE WHEN reporter_name_cipher IS NULL THEN reporter_name END,
                               CASE WHEN reporter_contact_cipher IS NULL THEN reporter_contact END
                        FROM portal.tipoff
                        WHERE (reporter_name IS NOT NULL AND reporter_name_cipher IS NULL)
                           OR (reporter_contact IS NOT NULL AND reporter_contact_cipher IS NULL)
                        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""").param(limit)
                .query((rs, n) -> new ClearReporter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Replaces a clear value of the reporter by its sealed one ({@code null}: that value is left as it is). */
    public void sealReporter(UUID id, Sealed name, Sealed contact) {
        if (name != null) {
            jdbc.sql("UPDATE portal.tipoff SET reporter_name = ?, reporter_name_cipher = ?, "
                            + "reporter_name_key_version = ? WHERE id = ?")
                    .params(name.masked(), name.cipher(), name.keyVersion(), id).update();
        }
        if (contact != null) {
            jdbc.sql("UPDATE portal.tipoff SET reporter_contact = ?, reporter_contact_cipher = ?, "
                            + "reporter_contact_key_version = ? WHERE id = ?")
                    .params(contact.masked(), contact.cipher(), contact.keyVersion(), id).update();
        }
    }

    public Optional<TipOff> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.tipoff WHERE id = ?").param(id)
                .query(JdbcTipOffs::tipOff).optional();
    }

    /**
     * Tip-offs in a status ({@code null}: any) with one of the document types ({@code null}: any; the empty string
     * for none given), newest first.
     */
    public List<TipOff> search(TipOffStatus status, List<String> documents, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.tipoff WHERE " + FILTER
                        + " ORDER BY received_at DESC, id OFFSET ? LIMIT ?")
                .params(name(status), name(status), array(documents), array(documents), offset, limit)
                .query(JdbcTipOffs::tipOff).list();
    }

    public long count(TipOffStatus status, List<String> documents) {
        return jdbc.sql("SELECT count(*) FROM portal.tipoff WHERE " + FILTER)
                .params(name(status), name(status), array(documents), array(documents)).query(Long.class).single();
    }

    /** Every tip-off about these subjects (as the registry knows them), whatever its status. */
    public List<TipOff> about(java.util.Collection<UUID> subjectIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.tipoff WHERE subject_id = ANY(?::uuid[])")
                .param(subjectIds.toArray(UUID[]::new)).query(JdbcTipOffs::tipOff).list();
    }

    public Optional<TipOffProgress> progress(byte[] receiptHash) {
        return jdbc.sql("SELECT status, reply, received_at, handled_at FROM portal.tipoff WHERE receipt_hash = ?")
                .param(receiptHash)
                .query((rs, n) -> new TipOffProgress(TipOffStatus.valueOf(rs.getString(1)), rs.getString(2),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
                .optional();
    }

    /** Moves a tip-off on if nobody did since {@code version} was read. */
    public boolean decide(UUID id, int version, TipOffStatus from, TipOffStatus to, String reply, String by,
                          Instant at) {
        return jdbc.sql("""
                        UPDATE portal.tipoff SET status = ?, version = version + 1, reply = ?, handled_by = ?,
                               handled_at = ?
                        WHERE id = ? AND version = ? AND status = ?""")
                .params(to.name(), reply, by, Timestamp.from(at), id, version, from.name()).update() == 1;
    }

    /**
     * Empties the tip-offs closed (rejected or resolved) before {@code closedBefore}: the allegation (facts, reported
     * name and subject) and the reporter; the status, dates, kind of document and reply stay. Returns how many.
     */
    public int purgeClosedBefore(Instant closedBefore, Instant now) {
        return jdbc.sql("""
                        UPDATE portal.tipoff
                           SET facts = '', subject_name = '', subject_masked = NULL, subject_pseudonym = NULL,
                               subject_id = NULL, reporter_name = NULL, reporter_name_cipher = NULL,
                               reporter_name_key_version = NULL, reporter_contact = NULL,
                               reporter_contact_cipher = NULL, reporter_contact_key_version = NULL, purged_at = ?
                         WHERE status IN ('REJECTED', 'RESOLVED') AND purged_at IS NULL AND handled_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(closedBefore)).update();
    }

    /** How many tip-offs were emptied at the end of their retention. */
    public long purged() {
        return jdbc.sql("SELECT count(*) FROM portal.tipoff WHERE purged_at IS NOT NULL").query(Long.class).single();
    }

    /** The named key, generated and stored on first use; every instance then reads the same one. */
    public byte[] secret(String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO portal.secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, fresh).update();
        return jdbc.sql("SELECT value FROM portal.secret WHERE name = ?").param(name).query(byte[].class).single();
    }

    /** Records a challenge as tried, answered rightly or not; false when it was tried before (a replay). */
    public boolean useChallenge(String nonce, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM portal.challenge_used WHERE expires_at < ?").param(Timestamp.from(now)).update();
        return jdbc.sql("INSERT INTO portal.challenge_used (nonce, expires_at) VALUES (?, ?) "
                        + "ON CONFLICT (nonce) DO NOTHING")
                .params(nonce, Timestamp.from(expiresAt)).update() == 1;
    }

    private static String name(TipOffStatus status) {
        return status == null ? null : status.name();
    }

    private static String[] array(List<String> documents) {
        return documents == null ? null : documents.toArray(String[]::new);
    }

    /**
     * A reporter's value as the console shows it: masked as stored; one stored in clear before V244 and not sealed yet
     * ({@code clear}: it has no ciphertext) masked on reading.
     */
    private static String masked(ResultSet rs, int column, int clear, java.util.function.UnaryOperator<String> masking)
            throws SQLException {
        String value = rs.getString(column);
        return value != null && rs.getBoolean(clear) ? masking.apply(value) : value;
    }

    /** The sealed value in the three columns from {@code first}: masked form, ciphertext, key version. */
    private static Sealed sealed(ResultSet rs, int first) throws SQLException {
        byte[] cipher = rs.getBytes(first + 1);
        return cipher == null ? null : new Sealed(rs.getString(first), cipher, rs.getInt(first + 2));
    }

    private static TipOff tipOff(ResultSet rs, int n) throws SQLException {
        return new TipOff(rs.getObject(1, UUID.class), TipOffStatus.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getString(9), masked(rs, 10, 16, ReporterMasking::name),
                masked(rs, 11, 17, ReporterMasking::contact), instant(rs.getTimestamp(12)),
                rs.getString(13), rs.getString(14), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(18)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
