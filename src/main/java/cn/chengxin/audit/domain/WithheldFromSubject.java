package cn.chengxin.audit.domain;

import java.util.List;

/**
 * The events about a subject that his own access history (谁查询了我), its proofs and the 查询记录 of every credit
 * report leave out, though they are recorded under his pseudonym and the audit administrator's search by subject finds
 * them (PIPL Art. 54; RULES.md §10 查询使用登记和审查).
 *
 * <p>Tip-offs ({@code tipoff.*}: received, looked at, decided). A reporter's protection depends on the reported person
 * not learning of the report while it is checked, and the time of a filing or of the office's first look often
 * names the neighbour or employee who filed it (RULES.md §10 least privilege; the 举报制度 of 国办发〔2016〕98号).
 * They are withheld for good, not only while the tip-off is open: a tip-off that leads to a decision about the
 * subject leads to a record or a list entry, which reaches him with its own events, notice and department, and needs
 * no tip-off event beside it; one that is rejected would, shown later, tell him only that someone reported him, for
 * nothing. PIPL Art. 18 and 35 allow leaving out a notice that confidentiality requires.
 */
public final class WithheldFromSubject {

    /** Action codes withheld, as SQL {@code LIKE} patterns. */
    private static final List<String> ACTIONS = List.of("tipoff.%");

    private WithheldFromSubject() {
    }

    /** Whether the subject is not shown an event of this action. */
    public static boolean withheld(String action) {
        return action != null && ACTIONS.stream()
                .anyMatch(pattern -> action.startsWith(pattern.substring(0, pattern.length() - 1)));
    }

    /** The patterns for {@code NOT (action LIKE ANY (?))}. */
    public static String[] likePatterns() {
        return ACTIONS.toArray(String[]::new);
    }
}
