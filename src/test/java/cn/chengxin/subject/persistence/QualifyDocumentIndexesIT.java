package cn.chengxin.subject.persistence;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.protection.IdentityProtection;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.UpgradedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database from before passport and permit indexes carried their type (migrated to V71, holders keyed by the
 * number alone) upgraded to the current schema: V73 re-keys the holders, the modules' pseudonyms follow, and what
 * two holders had shared goes to neither.
 */
@IntegrationTest
class QualifyDocumentIndexesIT {

    private static final String SHARED_NUMBER = "31415926";
    private static final String OWN_NUMBER = "E27182818";

    @Autowired
    DataSource dataSource;

    @Autowired
    IdentityProtection protection;

    @Autowired
    QualifyDocumentIndexes migration;

    /**
     * Migrated to V71 once for the class; each test upgrades a copy of it (session xxxvii: migrating each test's own
     * database to V71 took 10 s under load, the second test's whole time).
     */
    private static UpgradedDatabase atV71;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseAtV71() {
        if (atV71 == null) {
            atV71 = UpgradedDatabase.create(dataSource);
            atV71.flyway().target("71").load().migrate();
        }
        upgraded = atV71.copy();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @AfterAll
    static void dropDatabaseAtV71() {
        if (atV71 != null) {
            atV71.drop();
            atV71 = null;
        }
    }

    @Test
    void reKeysPassportAndPermitHoldersAndTheirPseudonymsFollow() {
        JdbcClient db = upgraded.jdbc();
        UUID passport = legacyHolder(db, DocumentType.PASSPORT, SHARED_NUMBER);
        UUID permit = legacyHolder(db, DocumentType.TAIWAN_PERMIT, SHARED_NUMBER);
        UUID alone = legacyHolder(db, DocumentType.PASSPORT, OWN_NUMBER);
        String shared = legacyPseudonym(SHARED_NUMBER);
        String aloneBefore = legacyPseudonym(OWN_NUMBER);
        blackListEntry(db, passport, shared);
        check(db, shared);
        check(db, aloneBefore);
        negativeMark(db, shared);
        negativeMark(db, aloneBefore);

        upgraded.flyway().javaMigrations(migration).load().migrate();

        String passportNow = pseudonym(DocumentType.PASSPORT, SHARED_NUMBER);
        String permitNow = pseudonym(DocumentType.TAIWAN_PERMIT, SHARED_NUMBER);
        String aloneNow = pseudonym(DocumentType.PASSPORT, OWN_NUMBER);
        assertThat(storedPseudonym(db, passport)).isEqualTo(passportNow);
        assertThat(storedPseudonym(db, permit)).isEqualTo(permitNow).isNotEqualTo(passportNow);
        assertThat(storedPseudonym(db, alone)).isEqualTo(aloneNow);
        assertThat(db.sql("SELECT subject_pseudonym FROM listing.entry WHERE subject_id = ?").param(passport)
                .query(String.class).single()).isEqualTo(passportNow);
        assertThat(db.sql("SELECT subject_pseudonym FROM measures.check_made").query(String.class).list())
                .as("a check under a shared pseudonym is no one's; a holder's own follows him")
                .containsExactlyInAnyOrder(shared, aloneNow);
        assertThat(db.sql("SELECT subject_pseudonym FROM listing.negative_mark").query(String.class).list())
                .as("a last negative record kept by a shared pseudonym stays with both holders until evaluated")
                .containsExactlyInAnyOrder(passportNow, permitNow, aloneNow);
        assertThat(db.sql("SELECT pseudonym || '<' || earlier FROM audit.pseudonym_alias").query(String.class)
                .list()).containsExactly(aloneNow + "<" + aloneBefore);

        upgraded.flyway().javaMigrations(migration).load().migrate();
        assertThat(db.sql("SELECT count(*) FROM subject.reindexed_subject").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aNumberThatDoesNotDecryptStopsTheUpgradeNamingTheSubjectNotTheNumber() {
        JdbcClient db = upgraded.jdbc();
        UUID holder = legacyHolder(db, DocumentType.PASSPORT, OWN_NUMBER);
        int version = protection.currentKeyVersion();
        IdentityProtection otherKeys = new IdentityProtection(java.util.Map.of(version, new byte[16]), version,
                new byte[32]);
        db.sql("UPDATE subject.subject SET number_cipher = ? WHERE id = ?")
                .params(otherKeys.encrypt(OWN_NUMBER, DocumentType.PASSPORT.name()), holder).update();

        Throwable failure = catchThrowable(() -> upgraded.flyway().javaMigrations(migration).load().migrate());

        assertThat(failure).hasStackTraceContaining("Cannot re-key subject " + holder)
                .hasStackTraceContaining("identity ciphertext failed authentication");
        assertThat(stackTrace(failure)).doesNotContain(OWN_NUMBER);
        assertThat(storedPseudonym(db, holder)).as("nothing re-keyed").isEqualTo(legacyPseudonym(OWN_NUMBER));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** A holder as registered before V73: the blind index of the number alone. */
    private UUID legacyHolder(JdbcClient db, DocumentType type, String number) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO subject.subject (id, kind, document_type, number_index, number_cipher,
                                             number_key_version, number_masked, name, synthetic)
                VALUES (?, 'PERSON', ?, ?, ?, ?, '3141****', '测试', true)""")
                .params(id, type.name(), protection.blindIndex(number), protection.encrypt(number, type.name()),
                        protection.currentKeyVersion())
                .update();
        db.sql("INSERT INTO subject.person (subject_id) VALUES (?)").param(id).update();
        return id;
    }

    private static void blackListEntry(JdbcClient db, UUID subject, String pseudonym) {
        db.sql("""
                INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                           masked_number, department_code, legal_basis, reasons, status,
                                           proposed_by, proposed_at)
                VALUES (?, 'BLACK', ?, ?, '测试', 'PERSON', '3141****', 'COURT', '依据', '理由', 'EFFECTIVE', 'test', ?)
                """).params(UUID.randomUUID(), subject, pseudonym, java.sql.Timestamp.from(Instant.now())).update();
    }

    private static void check(JdbcClient db, String pseudonym) {
        db.sql("""
                INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym, scenario,
                                                 purpose, entries, measure_codes, feedback_due)
                VALUES (?, now(), 'test', 'COURT', ?, 'TRAVEL', '测试', 0, '{}', false)""")
                .params(UUID.randomUUID(), pseudonym).update();
    }

    private static void negativeMark(JdbcClient db, String pseudonym) {
        db.sql("INSERT INTO listing.negative_mark (subject_pseudonym, last_negative) VALUES (?, DATE '2025-05-01')")
                .param(pseudonym).update();
    }

    private String legacyPseudonym(String number) {
        return HexFormat.of().formatHex(protection.blindIndex(number));
    }

    private String pseudonym(DocumentType type, String number) {
        return HexFormat.of().formatHex(protection.indexOf(new IdentityDocument(type, number)));
    }

    private static String storedPseudonym(JdbcClient db, UUID id) {
        return HexFormat.of().formatHex(db.sql("SELECT number_index FROM subject.subject WHERE id = ?").param(id)
                .query(byte[].class).single());
    }
}
