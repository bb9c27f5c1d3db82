package cn.chengxin.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One service (送达) of a list notice, as recorded: never changed afterwards (a service recorded in error is answered by
 * another record saying so). {@code servedAt} is when the notice reached the subject; for an announcement, when its
 * period ended and it is deemed served ({@code announcedOn}: the day it was published). {@code recordedBy}: the staff
 * member's or the citizen's account id, or {@code system} for what the platform learnt itself.
 */
public record NoticeDelivery(UUID id, UUID noticeId, Channel channel, Instant servedAt, LocalDate announcedOn,
                             String note, String recordedBy, Instant recordedAt) {

    public enum Channel {
        /**
         * The subject read it in self-service (个人中心) under their confirmation of electronic service (《行政处罚法》
         * 第六十一条); a read without one serves nothing.
         */
        SELF_SERVICE(false),
        /** The text message reached the gateway for the subject's phone on file, under the same confirmation. */
        SMS(false),
        /** 邮寄送达: the postal return receipt (回执) says when. */
        POST(true),
        /** 直接送达: handed over, the receipt (送达回证) signed. */
        IN_PERSON(true),
        /** 公告送达: the last resort when the subject cannot be reached; deemed served when its period ends. */
        ANNOUNCEMENT(true);

        private final boolean recordedByStaff;

        Channel(boolean recordedByStaff) {
            this.recordedByStaff = recordedByStaff;
        }

        /** Whether a clerk records it by hand; the others the platform learns by itself. */
        public boolean recordedByStaff() {
            return recordedByStaff;
        }
    }
}
