package cn.chengxin.account;

import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.OwnCase;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Refuses a clerk any step of a case about themselves ({@link OwnCase}: 回避): the repair, objection and listing modules
 * ask before each step they let staff take. Only staff are asked about: the platform's own steps and citizens' are not
 * a clerk's. The refusal is audited with the case's subject, so the person sees it among the events about them.
 */
@Service
public class CaseRecusal {

    private final JdbcAccounts accounts;
    private final AuditLog audit;

    CaseRecusal(JdbcAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * @param subjectPseudonym the pseudonym of the case's subject
     * @param step             the action the clerk attempted (e.g. {@code repair.approve}), for the audit detail
     * @throws AccountProblem {@code CASE_OWN_SUBJECT} (403) when the acting clerk's registered identity is the subject's
     */
    public void requireNotOwnCase(String subjectPseudonym, String step) {
        Actor actor = AuditLog.currentActor();
        if (actor.actorKind() != Actor.ActorKind.STAFF) {
            return;
        }
        Optional<String> index = staffId(actor.actorId()).flatMap(accounts::staffIdentityPseudonym);
        if (OwnCase.mustStandAside(index.orElse(null), subjectPseudonym)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.case.recused").subject(subjectPseudonym)
                    .result(AuditResult.DENIED)
                    .detail(AuditDetail.of("CASE_OWN_SUBJECT").with("step", step)));
            throw new AccountProblem("CASE_OWN_SUBJECT", DomainProblem.Kind.FORBIDDEN,
                    "您是本案的信用主体本人，应当回避（《公务员法》第七十六条）：请由另一名工作人员办理");
        }
    }

    private static Optional<UUID> staffId(String actorId) {
        try {
            return Optional.of(UUID.fromString(actorId));
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }
}
