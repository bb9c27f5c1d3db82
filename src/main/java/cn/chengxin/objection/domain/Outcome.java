package cn.chengxin.objection.domain;

import java.util.Arrays;
import java.util.List;

/**
 * How an objection ends (RULES.md §5) and what becomes of the record: deleted for a factual error; corrected or
 * supplemented; display stopped because its period is over; removed from the list it put the subject on (the record
 * stays); or upheld, with the reasons the subject reads (PIPL Art. 50).
 * <p>
 * A correction or supplement is the department's to make: the platform does not edit a department's record. Until the
 * corrected version arrives the record is known to be wrong, so it is not put back to 有效 as if it were right: it
 * stays 异议中 — the dispute mark the record already carries, shown wherever it shows (file, reports, checks, list
 * entries resting on it) — and the providing department is shown the case with a deadline of the department-answer
 * working days ({@link ObjectionDeadlines#departmentAnswerDue}, counted from the decision). The corrected version,
 * delivered through collection as an UPDATE of the same source record, supersedes the record and lifts the mark: it
 * stands 有效 (or 公示期满 once the night's job finds its window over). A version the department delivered while the
 * case was open is that correction already: the decision then leaves the record 有效 at once. No new state or column
 * is needed: a record 异议中 on which a 更正 or 补充 was decided after its current version was delivered awaits that
 * correction; a later objection on it, upheld, leaves the correction still owed.
 * <p>
 * An organisation's record is recorded on its responsible persons too, as linked copies (RULES.md §1). An outcome that
 * takes the record out of display (deleted, display stopped) takes its copies out in the same transaction; an outcome
 * on a copy — one person's objection, e.g. that they were not the legal representative — acts on that copy only. A
 * correction reaches the copies with the department's corrected version, which ingestion copies as it copies any.
 * So a person's objection to a copy decided as 更正 or 补充 is met by the department's corrected version of the
 * organisation's record: the department corrects the record it decided, never sends a copy (it does not know of
 * them), and the copy's next version, derived from that one, is the correction awaited. The credit-office clerk
 * decides on the person's copy what they would on the organisation's record, and the department is asked for the
 * one correction it can make; refusing 更正 on a copy would only send the person to object again on a record that
 * is not theirs.
 */
public enum Outcome {
    DELETE("删除（信息有误）", RecordEffect.REVOKE, false),
    CORRECT("更正", RecordEffect.AWAIT_CORRECTION, false),
    SUPPLEMENT("补充", RecordEffect.AWAIT_CORRECTION, false),
    STOP_DISPLAY("停止公示（公示期已满）", RecordEffect.EXPIRE, false),
    REMOVE_FROM_LIST("移出名单", RecordEffect.RESTORE, true),
    UPHOLD("维持原记录", RecordEffect.RESTORE, false),
    /**
     * Not a decision anyone chooses: how an objection to a linked copy ends when a decision on its origin took the copy
     * out of display while the objection was open (the organisation's record deleted, its display stopped, or repaired,
     * RULES.md §1) — no record shown is left to decide on, and none is decided on a closed one. The reasons say so.
     */
    ENDED_WITH_ORIGIN("终结（原记录已不再展示）", RecordEffect.NONE, false),
    /**
     * Not a decision anyone chooses either: how an objection ends when the providing department revokes the contested
     * record while the case is open (a REVOKE through collection: its decision was itself revoked, RULES.md §5, Henan
     * Art. 42). The record is deleted as by 删除, by the department: nothing is left for the office to decide or the
     * subject to have reviewed, and the deadline stops running. The reasons say so.
     */
    REVOKED_BY_DEPARTMENT("删除（原决定已撤销）", RecordEffect.NONE, false);

    /**
     * What the record becomes: REVOKE and EXPIRE take it (and its linked copies) out of display; RESTORE puts it back to
     * 有效 without the dispute mark; AWAIT_CORRECTION keeps it 异议中 until the department's corrected version arrives;
     * NONE leaves it as another decision already left it.
     */
    public enum RecordEffect { REVOKE, EXPIRE, RESTORE, AWAIT_CORRECTION, NONE }

    private final String label;
    private final RecordEffect effect;
    private final boolean endsListEntries;

    Outcome(String label, RecordEffect effect, boolean endsListEntries) {
        this.label = label;
        this.effect = effect;
        this.endsListEntries = endsListEntries;
    }

    public String label() {
        return label;
    }

    public RecordEffect effect() {
        return effect;
    }

    /** Whether the credit office may decide a case so; the others end a case without a decision on the record. */
    public boolean decidable() {
        return effect != RecordEffect.NONE;
    }

    /** The outcomes the credit office chooses from. */
    public static List<Outcome> decisions() {
        return Arrays.stream(values()).filter(Outcome::decidable).toList();
    }

    /**
     * Whether the outcome may end a case on a list entry (not a record). 更正 and 补充 may not: an entry is a reviewed
     * decision whose basis, facts and measures the subject was told before it took effect (RULES.md §7, prior notice),
     * and nothing — no department delivery, no later version — would ever correct it, so the case would close with
     * the entry as wrong as before. An entry found wrong is removed (移出名单; one still warranted is proposed again on
     * the right facts, reviewed and notified anew); an entry resting on a wrong record follows that record's own
     * objection, whose correction the entry is rechecked against.
     */
    public boolean forEntries() {
        return decidable() && effect != RecordEffect.AWAIT_CORRECTION;
    }

    /** The outcomes the credit office chooses from on a case against a list entry. */
    public static List<Outcome> entryDecisions() {
        return Arrays.stream(values()).filter(Outcome::forEntries).toList();
    }

    /** Whether the record stops being shown and used: it and the list entries resting on it (and its copies) end. */
    public boolean endsDisplay() {
        return effect == RecordEffect.REVOKE || effect == RecordEffect.EXPIRE;
    }

    /**
     * Whether the case found the department's record wrong — 异议成立 in the supervision figures (finding L7; 驻马店
     * 四(二): accountability for wrong records): deleted, to be corrected or supplemented, or revoked by the department
     * itself while the case was open (its own decision withdrawn, so the record was wrong as the subject said). Not
     * 维持原记录, not 停止公示 (the record was right, only its period over), not 移出名单 (the entry, not the record),
     * and not a copy's case ended with its origin (that origin's own case counts).
     */
    public boolean findsRecordWrong() {
        return switch (this) {
            case DELETE, CORRECT, SUPPLEMENT, REVOKED_BY_DEPARTMENT -> true;
            case STOP_DISPLAY, REMOVE_FROM_LIST, UPHOLD, ENDED_WITH_ORIGIN -> false;
        };
    }

    /** The names of the outcomes that find the record wrong, as stored. */
    public static List<String> findingRecordWrong() {
        return Arrays.stream(values()).filter(Outcome::findsRecordWrong).map(Outcome::name).toList();
    }

    /** Whether the list entries resting on the record exit (they also exit whenever the record stops counting). */
    public boolean endsListEntries() {
        return endsListEntries || endsDisplay();
    }
}
