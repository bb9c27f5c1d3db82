package cn.chengxin.listing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.NoticeDelivery;

/**
 * Service (送达) of the notices a listing owes its subject (RULES.md §7; 国办发〔2020〕49号; 《河南省社会信用条例》第二十八条、
 * 第三十七条): the written prior notice before a black-list entry takes effect, and the exit notice "through the same
 * channel". A notice written is not a notice received: the period in which the subject may object counts from its
 * service, which RULES.md does not define: 《行政处罚法》第六十一条 does. A decision is handed over or served as the
 * 《民事诉讼法》 provides; "当事人同意并签订确认书的，行政机关可以采用传真、电子邮件等方式" serve it electronically. So a
 * notice read in self-service or texted to the phone on file counts as served only while the subject's confirmation of
 * electronic service (电子送达确认书, {@code account.ElectronicServiceAgreements}) is in force at that moment; otherwise
 * a clerk records service by post or in person, and, as the last resort when the subject cannot be reached, by public
 * announcement, deemed served when the announcement period has passed (《民事诉讼法》第九十五条, applied to
 * administrative service by 第六十一条: thirty days; configuration {@code chengxin.listing.announcement-days}).
 */
public final class NoticeServing {

    private NoticeServing() {
    }

    /**
     * The notices that must reach the subject: the prior notice, the exit notice and the notice that a correction moved
     * an entry's last day (its period is a term of the decision the subject was served; a 公示 is published, not
     * served).
     */
    public static boolean owed(ListNotice.Kind kind) {
        return kind == ListNotice.Kind.PRIOR || kind == ListNotice.Kind.EXIT || kind == ListNotice.Kind.PERIOD_CHANGED;
    }

    /**
     * How long the platform asks whether the self-service copy of an owed notice was read or texted (gaps review xxxv
     * P7): a prior notice as long as its entry waits for it (empty: its entry decides), an exit notice or a changed
     * last day for {@link #ASKED_FOR} from its issue — a text is sent or given up within hours, and a month is the
     * period of the last resort, service by announcement (《行政处罚法》第六十一条). After that the citizen's own
     * 我的名单与告知 still serves it when opened under a confirmation of electronic service
     * ({@code Listing#readInSelfService}), and the clerks' queue of unserved
     * notices still lists it for service by post, in person or by announcement (RULES.md §7: exit notice through the
     * same channel): only the job stops asking.
     */
    public static Optional<Instant> askedUntil(ListNotice.Kind kind, Instant issuedAt) {
        return kind == ListNotice.Kind.PRIOR ? Optional.empty() : Optional.of(issuedAt.plus(ASKED_FOR));
    }

    /** How long an exit notice or a changed last day is asked about ({@link #askedUntil}). */
    public static final java.time.Duration ASKED_FOR = java.time.Duration.ofDays(30);

    /** The moment the notice counts as served: its earliest service (a later record does not undo an earlier one). */
    public static Optional<Instant> servedAt(Collection<NoticeDelivery> deliveries) {
        return deliveries.stream().map(NoticeDelivery::servedAt).min(Instant::compareTo);
    }

    /**
     * When an entry whose prior notice was served at {@code servedAt} takes effect: {@code noticeDays} counted as the
     * law counts periods by days, the day of service not counted (《民法典》第二百零一条), so at 00:00 of S+N+1.
     */
    public static Instant effectiveAfterService(int noticeDays, Instant servedAt, ZoneId zone) {
        return LocalDate.ofInstant(servedAt, zone).plusDays(noticeDays + 1L).atStartOfDay(zone).toInstant();
    }

    /**
     * When a service a clerk records counts: the day it was served (post: the receipt's day; in person: the day
     * handed over), or for an announcement the day its period ends, {@code announcementDays} after it was published.
     */
    public static LocalDate servedOn(NoticeDelivery.Channel channel, LocalDate day, int announcementDays) {
        return channel == NoticeDelivery.Channel.ANNOUNCEMENT ? day.plusDays(announcementDays) : day;
    }

    /**
     * What is wrong with a service a clerk records, if anything: only post, in person and announcement are recorded by
     * hand (a read or a text the platform learns itself); the day is between the notice's issue and today; an
     * announcement says why the subject could not be reached by the other channels.
     */
    public static Optional<String> problem(NoticeDelivery.Channel channel, LocalDate day, String note,
                                           LocalDate issuedOn, LocalDate today) {
        if (channel == null || !channel.recordedByStaff()) {
            return Optional.of("请选择送达方式：邮寄送达、直接送达或公告送达（个人中心阅读和短信送达由平台自动记录）");
        }
        if (day == null) {
            return Optional.of(channel == NoticeDelivery.Channel.ANNOUNCEMENT ? "须填写公告发布日期" : "须填写送达日期");
        }
        if (day.isBefore(issuedOn)) {
            return Optional.of("送达日期不得早于告知书出具日期 " + issuedOn);
        }
        if (day.isAfter(today)) {
            return Optional.of("送达日期不得晚于今天");
        }
        if (channel == NoticeDelivery.Channel.ANNOUNCEMENT && (note == null || note.isBlank())) {
            return Optional.of("公告送达须写明无法直接送达、邮寄送达的情况（公告送达是最后手段）");
        }
        return Optional.empty();
    }
}
