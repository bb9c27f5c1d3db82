package cn.chengxin.subject;

import java.time.LocalDate;

/**
 * The day by which a person's request to correct the registry (更正补充请求) received on a day must be decided. The
 * rule is the objections' (RULES.md §5: working days of the city's calendar), which the objection module owns and
 * implements this with; the registry only asks, so that there is one rule, not a copy.
 */
public interface CorrectionDeadlines {

    LocalDate dueFor(LocalDate received);
}
