package cn.chengxin.inquiry;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.CitizenAccountClosed;
import cn.chengxin.account.CitizenAccountUnbound;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What becomes of a person's consents and statements when their citizen account ends (finding G1). Both listeners run
 * in the account's transaction: the account does not end while what it allowed stays in force.
 * <ul>
 *   <li>Unbound by the credit office (someone registered in the person's name): a query needs the person's own
 *   authorisation (RULES.md §9, PIPL Art. 15), so every consent the account granted is withdrawn (the institution's
 *   next query is refused with {@code CONSENT_WITHDRAWN}); the 本人声明 it wrote are not the person's and are set aside:
 *   kept as evidence, no longer printed in reports (RULES.md §9: reports carry the subject's own statements).</li>
 *   <li>Closed by the person: they can no longer see, withdraw or be told of the use of a consent, so those still open
 *   are withdrawn, as the closure page says; their statements are their own and stay.</li>
 * </ul>
 * Each consent withdrawn is audited about the person, like a withdrawal of their own.
 */
@Component
class EndedAccounts {

    static final String SET_ASIDE_WHY = "冒名注册的账号已由信用办解绑，该账号所写声明不再列入信用报告";

    private final JdbcInquiry store;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;

    EndedAccounts(JdbcInquiry store, SubjectRegistry subjects, AuditLog audit, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(CitizenAccountUnbound unbound) {
        String pseudonym = subjects.pseudonymOf(unbound.subjectId()).orElseThrow();
        withdraw(unbound.subjectId(), pseudonym, unbound.accountCreatedAt(), CitizenAccountUnbound.BY,
                "consent.withdraw.unbind", AuditDetail.of("GRANTED_BY_UNBOUND_ACCOUNT"));
        int setAside = store.setAsideStatementsSince(unbound.subjectId(), unbound.accountCreatedAt(), clock.instant(),
                SET_ASIDE_WHY);
        if (setAside > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "statement.set-aside.unbind").subject(pseudonym)
                    .detail(AuditDetail.of("STATEMENTS_SET_ASIDE").with("count", setAside)));
        }
    }

    @EventListener
    void on(CitizenAccountClosed closed) {
        withdraw(closed.subjectId(), subjects.pseudonymOf(closed.subjectId()).orElseThrow(),
                java.time.Instant.EPOCH, CitizenAccountClosed.BY, "consent.withdraw.closure",
                AuditDetail.of("ACCOUNT_CLOSED_BY_PERSON"));
    }

    private void withdraw(UUID subjectId, String pseudonym, java.time.Instant grantedSince, String by, String action,
                          AuditDetail why) {
        List<UUID> withdrawn = store.withdrawGrantedSince(subjectId, grantedSince, clock.instant(), by);
        withdrawn.forEach(id -> audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(pseudonym)
                .consent(id.toString()).detail(why)));
    }
}
