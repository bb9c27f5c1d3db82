package cn.chengxin.account.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreement.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account.electronic_service_agreement table (V670, V700): inserted, withdrawn, never deleted. */
@Repository
public class JdbcElectronicServiceAgreements {

    private static final String COLUMNS = "id, subject_id, agreed_by, terms_version, agreed_at, withdrawn_at, withdrawn_by,"
            + " channel, recorded_by, signed_on, paper_reference";

    private final JdbcClient jdbc;

    public JdbcElectronicServiceAgreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A paper confirmation as a clerk records it at the window: who recorded it, the day signed, where it is kept. */
    public record Paper(String recordedBy, LocalDate signedOn, String reference) {
    }

    /**
     * Records the agreement unless one is in force (then false: agreeing twice is the same agreement). {@code paper}:
     * the paper's particulars for {@link Channel#COUNTER}, else null.
     */
    public boolean insert(UUID id, UUID subject, String agreedBy, String termsVersion, Instant at, Channel channel,
                          Paper paper) {
        return jdbc.sql("""
                        INSERT INTO account.electronic_service_agreement (id, subject_id, agreed_by, terms_version, agreed_at,
                            channel, recorded_by, signed_on, paper_reference)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject_id) WHERE withdrawn_at IS NULL DO NOTHING""")
                .params(id, subject, agreedBy, termsVersion, Timestamp.from(at), channel.column(),
                        paper == null ? null : paper.recordedBy(),
                        paper == null ? null : Date.valueOf(paper.signedOn()),
                        paper == null ? null : paper.reference())
                .update() == 1;
    }

    /** Withdraws the subject's agreement in force; false when none was. */
    public boolean withdraw(UUID subject, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE account.electronic_service_agreement SET withdrawn_at = greatest(?, agreed_at), withdrawn_by = ?
                        WHERE subject_id = ? AND withdrawn_at IS NULL""")
                .params(Timestamp.from(at), by, subject).update() == 1;
    }

    /** The subject's agreements, the latest first. */
    public List<ElectronicServiceAgreement> of(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.electronic_service_agreement WHERE subject_id = ?"
                        + " ORDER BY agreed_at DESC, id")
                .param(subject).query(JdbcElectronicServiceAgreements::map).list();
    }

    public Optional<ElectronicServiceAgreement> inForce(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.electronic_service_agreement"
                        + " WHERE subject_id = ? AND withdrawn_at IS NULL")
                .param(subject).query(JdbcElectronicServiceAgreements::map).optional();
    }

    /** The agreements in force of these subjects, in one statement (the one-in-force index, V670). */
    public List<ElectronicServiceAgreement> inForce(Collection<UUID> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.electronic_service_agreement"
                        + " WHERE subject_id = ANY (?) AND withdrawn_at IS NULL")
                .param(subjects.stream().distinct().toArray(UUID[]::new))
                .query(JdbcElectronicServiceAgreements::map).list();
    }

    private static ElectronicServiceAgreement map(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp(6);
        Date signed = rs.getDate(10);
        return new ElectronicServiceAgreement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getString(7), Channel.ofColumn(rs.getString(8)),
                rs.getString(9), signed == null ? null : signed.toLocalDate(), rs.getString(11));
    }
}
