package cn.chengxin.subject.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.protection.IdentityProtection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration V73: re-keys the passport and travel-permit holders registered while their blind index was of the number
 * alone, so that it covers the document type as {@link IdentityDocument#indexInput} now does. Java, not SQL: the
 * number must be decrypted to compute the new index. Each change is recorded in {@code subject.reindexed_subject}
 * (V72) for the modules keeping pseudonyms (V74–V79). Running it again changes nothing.
 */
@Component
class QualifyDocumentIndexes implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(QualifyDocumentIndexes.class);

    private final IdentityProtection protection;

    QualifyDocumentIndexes(IdentityProtection protection) {
        this.protection = protection;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("73");
    }

    @Override
    public String getDescription() {
        return "qualify passport and permit indexes by document type";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        int changed = 0;
        int shared = 0;
        // Whether another subject has the same index: a probe of the (type, index) key per type, not a scan per holder.
        try (PreparedStatement holders = connection.prepareStatement("""
                SELECT id, document_type, number_index, number_cipher, number_key_version,
                       (SELECT count(*) FROM unnest(?::text[]) t (type)
                          JOIN subject.subject o ON o.document_type = t.type AND o.number_index = s.number_index) > 1
                  FROM subject.subject s
                 WHERE document_type = ANY (?)""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE subject.subject SET number_index = ? WHERE id = ?");
             PreparedStatement record = connection.prepareStatement("""
                     INSERT INTO subject.reindexed_subject (subject_id, old_pseudonym, new_pseudonym, shared)
                     VALUES (?, ?, ?, ?)""")) {
            holders.setArray(1, connection.createArrayOf("text", Arrays.stream(DocumentType.values())
                    .map(Enum::name).toArray()));
            holders.setArray(2, connection.createArrayOf("text", Arrays.stream(DocumentType.values())
                    .filter(t -> !t.numberIdentifiesAlone()).map(Enum::name).toArray()));
            try (ResultSet rs = holders.executeQuery()) {
                while (rs.next()) {
                    DocumentType type = DocumentType.valueOf(rs.getString(2));
                    byte[] old = rs.getBytes(3);
                    Object id = rs.getObject(1);
                    byte[] qualified = protection.indexOf(new IdentityDocument(type, number(rs, id, type)));
                    if (Arrays.equals(old, qualified)) {
                        continue;
                    }
                    update.setBytes(1, qualified);
                    update.setObject(2, id);
                    update.addBatch();
                    record.setObject(1, id);
                    record.setString(2, HexFormat.of().formatHex(old));
                    record.setString(3, HexFormat.of().formatHex(qualified));
                    record.setBoolean(4, rs.getBoolean(6));
                    record.addBatch();
                    changed++;
                    shared += rs.getBoolean(6) ? 1 : 0;
                }
            }
            update.executeBatch();
            record.executeBatch();
        }
        log.info("Re-keyed {} passport and travel-permit holders ({} had shared a pseudonym with another subject)",
                changed, shared);
    }

    /** The clear number, or a failure that names the subject (never the number) and what to check. */
    private String number(ResultSet rs, Object id, DocumentType type) throws SQLException {
        try {
            return protection.decrypt(rs.getBytes(4), rs.getInt(5), type.name());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot re-key subject " + id + ": its number does not decrypt under key "
                    + "version " + rs.getInt(5) + "; start with the keys the data was sealed with", e);
        }
    }
}
