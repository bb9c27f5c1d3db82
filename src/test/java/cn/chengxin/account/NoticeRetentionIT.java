package cn.chengxin.account;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.shared.Ids;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * AA2 (gaps review xlvi; PIPL Art. 19, 47 ¶1 (2)): a notice goes three years after it was sent, read or not, a chunk
 * per transaction; a younger one stays; the deletion is audited by count; {@code /privacy} states the period from the
 * setting (and the schedule's line for cases kept with their record), and a setting below three years refuses the
 * start.
 */
@IntegrationTest
class NoticeRetentionIT {

    @Autowired
    NoticeRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void noticesSentMoreThanThreeYearsAgoGoAndYoungerOnesStay() {
        // A day of its own (the pass is per day), before today so that no other test's notices are past its cutoff.
        Clock now = Clock.fixed(clock.instant().minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 400))),
                clock.getZone());
        Instant cutoff = now.instant().atZone(now.getZone()).minusYears(3).toInstant();
        UUID subject = Ids.newId();
        UUID read = notice(subject, cutoff.minus(Duration.ofDays(400)), true);
        UUID unread = notice(subject, cutoff.minus(Duration.ofDays(1)), false);
        UUID sameTime = notice(subject, cutoff.minus(Duration.ofDays(1)), false);
        UUID justBefore = notice(subject, cutoff.minusSeconds(1), false);
        UUID justAfter = notice(subject, cutoff.plusSeconds(1), false);
        UUID recent = notice(subject, now.instant().minus(Duration.ofDays(30)), false);
        long audited = events();

        // Chunks of two notices: the pass goes on over several transactions.
        long deleted = retention.prune(now, 2);

        assertThat(deleted).isGreaterThanOrEqualTo(4);
        assertThat(stored(subject)).containsExactlyInAnyOrder(justAfter, recent)
                .doesNotContain(read, unread, sameTime, justBefore);
        var pass = retention.pass(LocalDate.now(now)).orElseThrow();
        assertThat(pass.finished()).isTrue();
        assertThat(pass.holdersEvaluated()).isEqualTo(deleted);
        // One audit event for the run, by count, never the notices' text.
        assertThat(events()).isEqualTo(audited + 1);
        String detail = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.notice-retention' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(detail).contains("NOTICES_DELETED", String.valueOf(deleted)).doesNotContain("retention-test");
        // The day's pass is done: running again that day deletes nothing, whichever instance runs it.
        assertThat(retention.prune(now, 2)).isZero();
        assertThat(events()).isEqualTo(audited + 1);
    }

    @Test
    void privacyRulesStateTheConfiguredPeriod() throws Exception {
        String page = mvc.perform(get("/privacy")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("消息通知（及其短信的发送状态）：发出后 3年",
                "异议、信用修复申请、信用承诺、本人声明和信用分复核申请：与其所涉及的信用记录或名单条目保存同样长的时间");
        String english = mvc.perform(get("/privacy").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("notices (and whether their text messages were sent): 3 years after they are sent",
                "objections, credit repair applications, commitments, statements and requests for a score review: "
                        + "as long as the credit record or list entry they concern is kept");
    }

    @Test
    void aPeriodBelowThreeYearsIsRefusedAtStartAndALongerOneKept() {
        assertThatThrownBy(() -> new NoticeRetention(Period.of(2, 11, 30), jdbc, null, null, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.account.notice-retention").hasMessageContaining("P3Y");
        assertThat(new NoticeRetention(Period.ofYears(5), jdbc, null, null, clock).period())
                .isEqualTo(Period.ofYears(5));
    }

    private UUID notice(UUID subject, Instant at, boolean read) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO account.notice (id, subject_id, kind, title, body, created_at, read_at, sms)
                        VALUES (?, ?, 'RETENTION_TEST', 'retention-test', 'retention-test body', ?, ?, 'NONE')""")
                .params(id, subject, Timestamp.from(at), read ? Timestamp.from(at.plusSeconds(60)) : null).update();
        return id;
    }

    private List<UUID> stored(UUID subject) {
        return jdbc.sql("SELECT id FROM account.notice WHERE subject_id = ?").param(subject).query(UUID.class).list();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.notice-retention'")
                .query(Long.class).single();
    }
}
