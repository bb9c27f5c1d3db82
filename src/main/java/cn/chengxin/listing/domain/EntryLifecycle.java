package cn.chengxin.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;

/**
 * When an approved entry takes effect and how long it stays (RULES.md §7; 国办发〔2020〕49号; 《河南省社会信用
 * 条例》第二十八条、第三十七条): a black-list entry only after the subject's written prior notice (and the
 * notice period of its rule); a red-list entry after its public notice period; a grey-list entry at once. Minors
 * are never black-listed.
 */
public final class EntryLifecycle {

    private EntryLifecycle() {
    }

    /** The status right after approval and the moment the entry takes effect. */
    public record AfterApproval(EntryStatus status, Instant effectiveFrom) {
    }

    public static AfterApproval approve(ListType type, int noticeDays, Instant approvedAt) {
        Instant effective = approvedAt.plus(Duration.ofDays(noticeDays));
        return switch (type) {
            case BLACK -> noticeDays == 0 ? new AfterApproval(EntryStatus.EFFECTIVE, approvedAt)
                    : new AfterApproval(EntryStatus.NOTIFIED, effective);
            case RED -> noticeDays == 0 ? new AfterApproval(EntryStatus.EFFECTIVE, approvedAt)
                    : new AfterApproval(EntryStatus.PUBLIC_NOTICE, effective);
            case GREY -> new AfterApproval(EntryStatus.EFFECTIVE, approvedAt);
        };
    }

    /**
     * The entry's last day in force: {@code validityMonths} from the decision date, but never beyond the last day
     * the record itself is published (an entry cannot outlive its basis); null when neither limits it.
     */
    public static LocalDate validUntil(LocalDate decisionDate, Integer validityMonths, LocalDate publicationEnd) {
        LocalDate byRule = validityMonths == null || decisionDate == null ? null
                : decisionDate.plusMonths(validityMonths).minusDays(1);
        if (byRule == null) {
            return publicationEnd;
        }
        return publicationEnd == null || byRule.isBefore(publicationEnd) ? byRule : publicationEnd;
    }

    /** Why the subject may not be put on the list, if so: minors are never black-listed. */
    public static Optional<String> refusal(ListType type, LocalDate birthDate, LocalDate today) {
        if (type == ListType.BLACK && birthDate != null && birthDate.plusYears(18).isAfter(today)) {
            return Optional.of("未成年人不得列入严重失信主体名单");
        }
        return Optional.empty();
    }
}
