package cn.chengxin.subject;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #5, RULES.md §10: citizens' texts stored before they were masked on writing — a 本人声明, a tip-off's facts —
 * are masked by a one-time pass (V117), which changes no text without a number, is audited once with its counts, and
 * changes nothing when run again.
 */
@IntegrationTest
class MaskingStoredTextsIT {

    @Autowired
    MaskingStoredTexts masking;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void masksTheNumbersInTextsStoredBeforeOnceAndChangesNothingTheSecondTime() {
        TestCitizens.Person person = TestCitizens.register(subjects, "甄旧文");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        // As stored before texts were masked on writing: the number in clear.
        UUID withNumber = statement(subject, "本人身份证号" + person.number() + "，该记录不是本人的");
        String plain = "座机0371-12345678，订单号2026112206273931，罚款150000元已缴清，豫罚〔2026〕12345678号";
        UUID withPassport = statement(subject, "本人港澳通行证 H12345678，护照E12345678，电话 13912345678");
        UUID withoutNumber = statement(subject, plain);
        UUID withGroupedPhone = statement(subject, "联系电话 138 0013 8000 或 139-1234-5678");
        UUID tipOff = tipOff("被举报人旧身份证号410105800307123，长期无照经营");
        UUID tipOffNamed = tipOff("长期无照经营");
        jdbc.sql("UPDATE portal.tipoff SET subject_name = ?, reporter_name = ?, reporter_contact = ? WHERE id = ?")
                .params("张三 " + person.number(), "李四" + person.number(), "13800000000 / " + person.number(),
                        tipOffNamed).update();
        String n = person.number();
        UUID grouped = statement(subject, "证号 " + n.substring(0, 6) + "-" + n.substring(6, 14) + "-" + n.substring(14));
        // Masked on writing, as today: the pass must leave it as it is.
        String alreadyMasked = "本人身份证号" + Masking.identityNumber(person.number()) + "，已更正";
        UUID masked = statement(subject, alreadyMasked);
        startedAgain();
        long eventsBefore = maskingEvents();

        long changed = masking.run();

        assertThat(text("inquiry.statement", "text", withNumber)).isEqualTo("本人身份证号"
                + Masking.identityNumber(person.number()) + "，该记录不是本人的");
        assertThat(text("portal.tipoff", "facts", tipOff)).isEqualTo("被举报人旧身份证号4101*******7123，长期无照经营");
        String masked18 = Masking.identityNumber(person.number());
        assertThat(List.of(text("portal.tipoff", "subject_name", tipOffNamed),
                text("portal.tipoff", "reporter_name", tipOffNamed), text("portal.tipoff", "reporter_contact", tipOffNamed)))
                .as("a tip-off's names and contact (V128); the contact's phone kept for sealing (M5)")
                .containsExactly("张三 " + masked18, "李四" + masked18, "13800000000 / " + masked18);
        assertThat(text("inquiry.statement", "text", grouped)).as("written in groups (V119)")
                .isEqualTo("证号 " + n.substring(0, 4) + "**-********-" + n.substring(14));
        assertThat(text("inquiry.statement", "text", withoutNumber)).isEqualTo(plain);
        assertThat(text("inquiry.statement", "text", withPassport)).as("M5: permits, passports and phones (V313)")
                .isEqualTo("本人港澳通行证 H1*****78，护照E1*****78，电话 139****5678");
        assertThat(text("inquiry.statement", "text", withGroupedPhone)).as("M5: phones written in groups (V344)")
                .isEqualTo("联系电话 138 **** 8000 或 139-****-5678");
        assertThat(text("inquiry.statement", "text", masked)).isEqualTo(alreadyMasked);
        assertThat(changed).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM subject.masking_pass WHERE finished_at IS NULL OR audited_at IS NULL")
                .query(Long.class).single()).as("every pass finished and audited").isZero();
        assertThat(maskingEvents()).as("one processing event for the whole pass").isEqualTo(eventsBefore + 1);
        String detail = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.mask-stored-texts' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(detail).as("K7: a reason code, the counts by column").startsWith("reason=STORED_TEXTS_MASKED; columns=")
                .contains("inquiry.statement.text ", "portal.tipoff.facts ", "portal.tipoff.subject_name ",
                        "portal.tipoff.reporter_contact ",
                "objection.objection.reasons", "repair.application.performance")
                .doesNotContain(person.number()).doesNotContain("410105800307123");

        assertThat(masking.run()).as("a finished pass is not run again").isZero();
        assertThat(maskingEvents()).isEqualTo(eventsBefore + 1);
        startedAgain();
        assertThat(masking.run()).as("run over the same texts again, it masks nothing").isZero();
        assertThat(text("inquiry.statement", "text", withoutNumber)).isEqualTo(plain);
        assertThat(jdbc.sql("SELECT sum(holders_evaluated) FROM subject.masking_pass").query(Long.class).single())
                .isZero();
    }

    /** The passes as V117 starts them on a database holding texts from before. */
    private void startedAgain() {
        jdbc.sql("""
                UPDATE subject.masking_pass SET after_record = NULL, records_passed = 0, holders_evaluated = 0,
                       progressed_at = now(), finished_at = NULL, audited_at = NULL""").update();
    }

    private UUID statement(UUID subject, String text) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO inquiry.statement (id, subject_id, text, created_at) VALUES (?, ?, ?, ?)")
                .params(id, subject, text, Timestamp.from(Instant.now())).update();
        return id;
    }

    private UUID tipOff(String facts) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO portal.tipoff (id, receipt_hash, status, subject_name, facts, received_at)
                        VALUES (?, ?, 'RECEIVED', '某商户', ?, ?)""")
                .params(id, id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), facts,
                        Timestamp.from(Instant.now())).update();
        return id;
    }

    private String text(String table, String column, UUID id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?").param(id).query(String.class)
                .single();
    }

    private long maskingEvents() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.mask-stored-texts'")
                .query(Long.class).single();
    }
}
