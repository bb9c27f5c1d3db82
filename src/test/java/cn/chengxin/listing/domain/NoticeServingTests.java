package cn.chengxin.listing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.NoticeDelivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Service of list notices (RULES.md §7): the period counts from service, and a clerk records only what they did. */
class NoticeServingTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void onlyThePriorAndTheExitNoticeAreOwed() {
        assertThat(NoticeServing.owed(ListNotice.Kind.PRIOR)).isTrue();
        assertThat(NoticeServing.owed(ListNotice.Kind.EXIT)).isTrue();
        assertThat(NoticeServing.owed(ListNotice.Kind.PERIOD_CHANGED)).isTrue();
        assertThat(NoticeServing.owed(ListNotice.Kind.PUBLIC)).isFalse();
        assertThat(NoticeServing.owed(ListNotice.Kind.EFFECTIVE)).isFalse();
    }

    @Test
    void theEntryTakesEffectAtMidnightAfterTheNoticeDaysCountedFromTheDayAfterService() {
        Instant served = LocalDate.of(2026, 12, 3).atTime(15, 0).atZone(ZONE).toInstant();
        assertThat(NoticeServing.effectiveAfterService(5, served, ZONE))
                .isEqualTo(LocalDate.of(2026, 12, 9).atStartOfDay(ZONE).toInstant());
    }

    @Test
    void theEarliestServiceCounts() {
        Instant early = Instant.parse("2026-12-02T01:00:00Z");
        Instant late = Instant.parse("2026-12-04T01:00:00Z");
        assertThat(NoticeServing.servedAt(List.of(delivery(late), delivery(early)))).contains(early);
        assertThat(NoticeServing.servedAt(List.of())).isEmpty();
    }

    @Test
    void anAnnouncementCountsAsServedWhenItsPeriodHasPassed() {
        assertThat(NoticeServing.servedOn(NoticeDelivery.Channel.ANNOUNCEMENT, ISSUED, 30))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(NoticeServing.servedOn(NoticeDelivery.Channel.POST, ISSUED, 30)).isEqualTo(ISSUED);
    }

    @Test
    void aClerkRecordsPostInPersonOrAnnouncementOnADayBetweenIssueAndToday() {
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.POST, TODAY, "", ISSUED, TODAY)).isEmpty();
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.IN_PERSON, ISSUED, null, ISSUED, TODAY)).isEmpty();
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.SMS, TODAY, "", ISSUED, TODAY)).isPresent();
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.SELF_SERVICE, TODAY, "", ISSUED, TODAY)).isPresent();
        assertThat(NoticeServing.problem(null, TODAY, "", ISSUED, TODAY)).isPresent();
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.POST, null, "", ISSUED, TODAY)).isPresent();
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.POST, ISSUED.minusDays(1), "", ISSUED, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("不得早于"));
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.POST, TODAY.plusDays(1), "", ISSUED, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("不得晚于"));
    }

    @Test
    void anAnnouncementSaysWhyTheSubjectCouldNotBeReached() {
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.ANNOUNCEMENT, TODAY, " ", ISSUED, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("最后手段"));
        assertThat(NoticeServing.problem(NoticeDelivery.Channel.ANNOUNCEMENT, TODAY, "两次邮寄均被退回，查无此人", ISSUED,
                TODAY)).isEmpty();
    }

    private static NoticeDelivery delivery(Instant servedAt) {
        return new NoticeDelivery(UUID.randomUUID(), UUID.randomUUID(), NoticeDelivery.Channel.POST, servedAt, null,
                null, "clerk", servedAt);
    }
}
