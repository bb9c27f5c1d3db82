package cn.chengxin.ingestion;

import java.util.List;
import java.util.Optional;

import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.RenamingSubjects;

/**
 * A registered change of an organisation's name (企业名称变更登记, O_NAME_CHANGE) as the market regulator delivers it:
 * the credit code, the name before and after, the day of registration (the row's decision date) and the number of the
 * registration notice (its decision number). 《中华人民共和国市场主体登记管理条例》第二十四条 has a changed name
 * registered, so the row is the official evidence a clerk would otherwise type in: it becomes a name-change proposal
 * ({@link RenamingSubjects#proposeDelivered}) which the credit office's reviewer approves (gaps review xxv H6), not a
 * rename by itself. A row whose name before does not match the registry's current name is refused before it is stored
 * ({@code NAME_CHANGE_FORMER_NAME_MISMATCH}), as is one that could not become a proposal.
 */
final class DeliveredRenames {

    static final String ITEM = "O_NAME_CHANGE";
    static final String FORMER_NAME = "former_name";
    static final String NEW_NAME = "new_name";

    private DeliveredRenames() {
    }

    /** Whether the row delivers a rename: a new record of the item (a correction or revocation proposes nothing). */
    static boolean delivers(String itemCode, RecordAction action) {
        return ITEM.equals(itemCode) && action == RecordAction.ADD;
    }

    /** Why the row's rename cannot be proposed, as the row's problem; empty when it can. */
    static Optional<RowError> refusal(RenamingSubjects renaming, RowValidator.Valid v, java.util.UUID subject) {
        return renaming.refusalOfDelivered(subject, v.content().get(FORMER_NAME), v.content().get(NEW_NAME),
                        v.decisionDate(), v.row().decisionNumber())
                .map(p -> new RowError(v.line(), field(p), p.code(), p.getMessage()));
    }

    /**
     * Proposes the renames of the chunk's stored rows; a proposal refused since the row was checked (another made in
     * between) is the row's problem, its record kept.
     */
    static void propose(RenamingSubjects renaming, List<NewRecord> records, List<Long> lines,
                        List<StoreOutcome> outcomes, Actor by, List<RowError> errors) {
        for (int i = 0; i < outcomes.size(); i++) {
            NewRecord r = records.get(i);
            if (lines.get(i) < 0 || outcomes.get(i).kind() != StoreOutcome.Kind.STORED
                    || !delivers(r.itemCode(), r.action())) {
                continue;
            }
            try {
                renaming.proposeDelivered(r.subjectId(), r.content().get(FORMER_NAME), r.content().get(NEW_NAME),
                        r.decisionDate(), r.decisionNumber(), r.departmentCode(), by);
            } catch (CodedProblem p) {
                errors.add(new RowError(lines.get(i), field(p), p.code(), p.getMessage()));
            }
        }
    }

    private static String field(CodedProblem p) {
        return "NAME_CHANGE_FORMER_NAME_MISMATCH".equals(p.code()) ? "fields." + FORMER_NAME : "fields." + NEW_NAME;
    }
}
