package cn.chengxin.objection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How long the department an objection was routed to may still download its evidence (gaps-review-xxxi M4; PIPL Art.
 * 19: no longer than the purpose needs). While the case is open it verifies the record; after the decision it carries
 * the outcome out (deletes or corrects the record it provided, RULES.md §5, which the platform delivers to it) and may
 * be asked about it by the credit office. Thirty days from the decision cover that with room to spare: the platform
 * gives a department one working day for a revoked basis and at most 20 days for a whole case; a later 复核 is a new
 * case, routed (and so opened to the department) again. After the window, only the credit office and the person hold
 * the evidence. Counted in Beijing's calendar, the day of the decision not counted.
 */
public final class RoutedEvidenceWindow {

    /** Calendar days after the decision. */
    public static final int DAYS = 30;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private RoutedEvidenceWindow() {
    }

    /** Whether the routed department may download at {@code now}: the case open ({@code decidedAt} null) or within. */
    public static boolean open(Instant decidedAt, Instant now) {
        return decidedAt == null || !now.atZone(BEIJING).toLocalDate().isAfter(lastDay(decidedAt));
    }

    /** The last day the routed department may download the evidence of a case decided at {@code decidedAt}. */
    public static LocalDate lastDay(Instant decidedAt) {
        return decidedAt.atZone(BEIJING).toLocalDate().plusDays(DAYS);
    }
}
