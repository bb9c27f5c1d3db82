package cn.chengxin.subject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.objection.Objections;
import cn.chengxin.subject.persistence.JdbcReSealing;
import cn.chengxin.subject.protection.IdentityProtection;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestImages;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * I4, RULES.md §10 (GB/T 39786-2021: keys replaced and destroyed): values sealed under an old SM4 key version are
 * re-sealed under the current one by a pass that may stop half way and be taken up again, until nothing is sealed under
 * the old version; the identity numbers and phones then open with the current key alone. The application's keys are
 * those of every test (version 1); the old version here is a version 0 that only this test knows, and the pass runs
 * with both, as an instance does that has both key files.
 */
@IntegrationTest
class ReSealingIT {

    private static final String NUMBERS = "subject.subject.number_cipher";

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    PersonalDataProtection personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcReSealing store;

    @Autowired
    List<SealedColumn> columns;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReSealing applicationReSealing;

    @Autowired
    Objections objections;

    @Autowired
    CreditFile creditFile;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Reports reports;

    @Value("${chengxin.keys.dir}")
    Path keyDir;

    /**
     * Every column that records the key version of a sealed value is re-sealed by some module's declaration: a column
     * added without one would keep an old key in service for ever (gaps-review-xxvii I4).
     */
    @Test
    void everySealedColumnOfTheDatabaseIsDeclaredForReSealing() {
        List<String> versioned = jdbc.sql("""
                        SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                        WHERE column_name LIKE '%key_version' AND table_name <> 'resealing_pass'
                          AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(String.class).list();
        List<String> declared = new ArrayList<>(columns.stream()
                .map(c -> c.table() + "." + c.versionColumn()).toList());
        declared.add("subject.subject.number_key_version");

        assertThat(versioned).isNotEmpty().allSatisfy(column -> assertThat(declared).contains(column));
    }

    @Test
    void aPassStoppedHalfWayAndTakenUpAgainReSealsEveryValueSoThatTheOldKeyIsNoLongerNeeded() throws Exception {
        Keys keys = keys();
        IdentityProtection oldPlatform = keys.oldPlatform();
        IdentityProtection bothKeys = keys.bothKeys();
        // Three identity numbers and a phone as an older key sealed them.
        List<UUID> people = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        TestCitizens.Person holder = null;
        for (String name : List.of("甄旧钥", "贾旧钥", "柯旧钥")) {
            TestCitizens.Person person = TestCitizens.register(subjects, name);
            UUID id = subjects.find(subjects.validate(null, person.number())).orElseThrow();
            jdbc.sql("UPDATE subject.subject SET number_cipher = ?, number_key_version = 0 WHERE id = ?")
                    .params(oldPlatform.encrypt(person.number(), "RESIDENT_ID"), id).update();
            people.add(id);
            numbers.add(person.number());
            holder = holder == null ? person : holder;
        }
        UUID account = citizens.registerVerified(people.get(0), holder.phone(), "Jiu-Yaoshi-2026").orElseThrow();
        jdbc.sql("UPDATE account.citizen SET phone_cipher = ?, phone_key_version = 0 WHERE id = ?")
                .params(oldPlatform.encrypt(holder.phone(), "purpose:citizen-phone"), account).update();
        ReSealing resealing = new ReSealing(store, columns, bothKeys, audit, transactions, task -> { }, 2);
        assertThat(resealing.sealedByVersion()).containsEntry(0, 4L);
        assertThat(resealing.sealedByColumn().get("account.citizen.phone_cipher")).containsEntry(0, 1L);
        assertThatIllegalStateException().as("the application, without the old key, cannot open them")
                .isThrownBy(() -> subjects.revealNumber(people.get(0)));

        long toReseal = AsStaff.as("安全管理员", resealing::start);
        assertThat(toReseal).isEqualTo(4);
        assertThat(lastDetail("subject.keys.reseal")).as("K7: a reason code, labelled per language")
                .startsWith("reason=KEYS_RESEAL_STARTED; version=1; values=4; sealed=").contains("v0: 4");
        // Stopped after one chunk of two: the pass is unfinished, and one number is still under the old version.
        assertThat(store.passes().nextChunk(NUMBERS, 1, 2,
                (after, size) -> resealing.chunk(SealedColumn.identityNumbers(), 1, after, size))).isTrue();
        assertThat(resealing.sealedByVersion()).containsEntry(0, 2L);
        assertThat(store.passes().pass(NUMBERS, 1).orElseThrow().finished()).isFalse();
        long audited = events("subject.keys.resealed");

        assertThat(resealing.run()).as("the rest, taken up where it stopped").isEqualTo(2);

        assertThat(resealing.sealedByVersion()).doesNotContainKey(0);
        assertThat(resealing.passes()).allMatch(p -> p.finished());
        assertThat(store.passes().pass(NUMBERS, 1).orElseThrow().recordsPassed()).isEqualTo(3);
        for (int i = 0; i < people.size(); i++) {
            assertThat(subjects.revealNumber(people.get(i)).orElseThrow().number())
                    .as("opens with the application's key alone").isEqualTo(numbers.get(i));
        }
        var phone = jdbc.sql("SELECT phone_cipher, phone_key_version FROM account.citizen WHERE id = ?").param(account)
                .query((rs, n) -> personalData.open(rs.getBytes(1), rs.getInt(2), "citizen-phone")).single();
        assertThat(phone).isEqualTo(holder.phone());
        assertThat(events("subject.keys.resealed")).as("audited once, when every pass finished")
                .isEqualTo(audited + 1);
        assertThat(lastDetail("subject.keys.resealed")).startsWith("reason=KEYS_RESEALED; version=1; columns=")
                .contains(NUMBERS + ": 3", "account.citizen.phone_cipher: 1")
                .doesNotContain(numbers.get(0)).doesNotContain(holder.phone());
        assertThat(resealing.run()).as("nothing left").isZero();
        assertThat(applicationReSealing.sealedByVersion()).as("the console's figures").doesNotContainKey(0)
                .containsKey(1);
    }

    /**
     * Gaps review xxxi M4: evidence stored in clear before V311 is sealed in place by the pass on start, and a file
     * sealed under an old key version is re-sealed as its bytes: a picture is no text, and passed through one it would
     * come back spoilt.
     */
    @Test
    void filesStoredInClearAreSealedInPlaceAndFilesOfAnOldKeyAreReSealedByteForByte() throws Exception {
        Keys keys = keys();
        IdentityProtection oldPlatform = keys.oldPlatform();
        IdentityProtection bothKeys = keys.bothKeys();
        TestCitizens.Person person = TestCitizens.register(subjects, "卞封档");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), "卞封档", "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕513号");
        UUID owner = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        byte[] photo = TestImages.jpeg().plain();
        UUID objection = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "附件为现场照片", "本人",
                List.of(new Objections.Upload("photo.jpg", photo)));
        UUID file = objections.evidenceOf(objection).get(0).id();
        jdbc.sql("UPDATE objection.evidence SET content = ?, content_key_version = NULL WHERE id = ?")
                .params(photo, file).update();

        FileSealing sealing = new FileSealing(store, columns, bothKeys, audit, transactions, task -> { }, 2);
        assertThat(sealing.sealStored()).isPositive();

        assertThat(jdbc.sql("SELECT content_key_version FROM objection.evidence WHERE id = ?").param(file)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT content FROM objection.evidence WHERE id = ?").param(file).query(byte[].class)
                .single()).isNotEqualTo(photo);
        assertThat(objections.evidence(file).content()).isEqualTo(photo);
        assertThat(lastDetail("privacy.seal-files")).contains("reason=FILES_SEALED", "objection.evidence.content");
        assertThat(sealing.sealStored()).as("nothing left in clear").isZero();

        jdbc.sql("UPDATE objection.evidence SET content = ?, content_key_version = 0 WHERE id = ?")
                .params(oldPlatform.encryptBytes(photo, "purpose:objection.evidence:" + file), file).update();
        ReSealing resealing = new ReSealing(store, columns, bothKeys, audit, transactions, task -> { }, 2);
        assertThat(resealing.sealedByColumn().get("objection.evidence.content")).containsEntry(0, 1L);
        AsStaff.as("安全管理员", resealing::start);
        resealing.run();

        assertThat(resealing.sealedByColumn().get("objection.evidence.content")).doesNotContainKey(0);
        assertThat(objections.evidence(file).content()).as("opens with the application's key, as uploaded")
                .isEqualTo(photo);
    }

    /**
     * Gaps review xxxi M4: a report stored before V325 holds its snapshot (jsonb's text, as the migration left it) and
     * its PDF in clear; the pass on start seals both in place and they open as issued, an emptied report staying
     * empty; sealed under an old key version, both are re-sealed byte for byte.
     */
    @Test
    void reportsStoredInClearAreSealedInPlaceAndReportsOfAnOldKeyAreReSealedByteForByte() throws Exception {
        Keys keys = keys();
        IdentityProtection bothKeys = keys.bothKeys();
        TestCitizens.Person person = TestCitizens.register(subjects, "卞封报");
        UUID owner = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        Reports.Issued issued = reports.forSelf(owner, ReportKind.OCCUPATIONAL);
        Reports.Issued emptied = reports.forSelf(owner, ReportKind.OCCUPATIONAL);
        String json = reports.json(issued.content());
        jdbc.sql("""
                        UPDATE inquiry.report SET content = convert_to(?::jsonb::text, 'UTF8'), content_key_version = NULL,
                                                  pdf = ?, pdf_key_version = NULL WHERE id = ?""")
                .params(json, issued.pdf(), issued.id()).update();
        jdbc.sql("""
                        UPDATE inquiry.report SET content = NULL, content_key_version = NULL, pdf = NULL,
                                                  pdf_key_version = NULL, emptied_at = now() WHERE id = ?""")
                .param(emptied.id()).update();

        FileSealing sealing = new FileSealing(store, columns, bothKeys, audit, transactions, task -> { }, 2);
        sealing.sealStored();

        String row = "SELECT content_key_version || ' ' || pdf_key_version FROM inquiry.report WHERE id = ?";
        assertThat(jdbc.sql(row).param(issued.id()).query(String.class).single()).isEqualTo("1 1");
        assertThat(jdbc.sql("SELECT pdf FROM inquiry.report WHERE id = ?").param(issued.id()).query(byte[].class)
                .single()).isNotEqualTo(issued.pdf());
        assertThat(jdbc.sql("SELECT position(convert_to(?, 'UTF8') IN content) FROM inquiry.report WHERE id = ?")
                .params(issued.number(), issued.id()).query(Integer.class).single()).as("no longer in clear").isZero();
        Reports.Issued opened = reports.aboutSubject(owner, issued.id()).orElseThrow();
        assertThat(opened.pdf()).isEqualTo(issued.pdf());
        assertThat(opened.content()).as("the snapshot read back from jsonb's text").isEqualTo(issued.content());
        assertThat(jdbc.sql("SELECT content IS NULL AND pdf IS NULL AND content_key_version IS NULL "
                + "AND pdf_key_version IS NULL FROM inquiry.report WHERE id = ?").param(emptied.id())
                .query(Boolean.class).single()).as("an emptied report stays empty").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.seal-files' "
                + "AND detail LIKE '%inquiry.report.pdf%'").query(Long.class).single()).isPositive();

        IdentityProtection oldPlatform = keys.oldPlatform();
        jdbc.sql("UPDATE inquiry.report SET content = ?, content_key_version = 0, pdf = ?, pdf_key_version = 0 "
                        + "WHERE id = ?")
                .params(oldPlatform.encryptBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "purpose:inquiry.report-content:" + issued.id()),
                        oldPlatform.encryptBytes(issued.pdf(), "purpose:inquiry.report-pdf:" + issued.id()),
                        issued.id()).update();
        ReSealing resealing = new ReSealing(store, columns, bothKeys, audit, transactions, task -> { }, 2);
        assertThat(resealing.sealedByColumn().get("inquiry.report.content")).containsEntry(0, 1L);
        assertThat(resealing.sealedByColumn().get("inquiry.report.pdf")).containsEntry(0, 1L);
        AsStaff.as("安全管理员", resealing::start);
        resealing.run();

        assertThat(resealing.sealedByColumn().get("inquiry.report.content")).doesNotContainKey(0);
        assertThat(resealing.sealedByColumn().get("inquiry.report.pdf")).doesNotContainKey(0);
        Reports.Issued reopened = reports.aboutSubject(owner, issued.id()).orElseThrow();
        assertThat(reopened.pdf()).as("opens with the application's key, as issued").isEqualTo(issued.pdf());
        assertThat(reopened.content()).isEqualTo(issued.content());
    }

    /** An older platform's protection (a version 0 only this test knows), and one with both it and the current key. */
    private record Keys(IdentityProtection oldPlatform, IdentityProtection bothKeys) {
    }

    private Keys keys() throws Exception {
        byte[] current = key("identity-encryption.v1.key");
        byte[] index = key("identity-index.key");
        byte[] retired = new byte[16];
        new SecureRandom().nextBytes(retired);
        return new Keys(new IdentityProtection(Map.of(0, retired), 0, index),
                new IdentityProtection(Map.of(0, retired, 1, current), 1, index));
    }

    private byte[] key(String file) throws Exception {
        return Base64.getDecoder().decode(Files.readString(keyDir.resolve(file)).trim());
    }

    private long events(String action) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ?").param(action).query(Long.class).single();
    }

    private String lastDetail(String action) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = ? ORDER BY seq DESC LIMIT 1").param(action)
                .query(String.class).single();
    }
}
