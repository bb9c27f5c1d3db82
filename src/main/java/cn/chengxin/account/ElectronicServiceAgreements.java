package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.ElectronicServiceTerms;
import cn.chengxin.account.persistence.JdbcElectronicServiceAgreements;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子送达确认书 (gaps review xl U13): a citizen agrees in self-service, and may withdraw, that the list notices owed to
 * them are served by their reading them in 个人中心 and by the text to the phone on file (《行政处罚法》第六十一条:
 * electronic service only with the party's agreement and a signed confirmation; {@link ElectronicServiceTerms}).
 * Listing asks {@link #inForceAt} before it counts a read or a text as service. Every agreement is kept with who signed
 * which text and when; a withdrawal is written into it, never a deletion; each is audited in the subject's part of the
 * log. An account closed or unbound takes its agreement with it: without the account there is no 个人中心 to read in,
 * and an agreement signed by someone who registered in another's name is no agreement.
 */
@Service
public class ElectronicServiceAgreements {

    /** The version of the confirmation's text the page shows ({@link ElectronicServiceTerms#VERSION}). */
    public static final String TERMS_VERSION = ElectronicServiceTerms.VERSION;

    /** Who signs the demo citizen's agreement (synthetic, as the demo citizen is). */
    static final String DEMO = "demo";

    private final JdbcElectronicServiceAgreements store;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;

    ElectronicServiceAgreements(JdbcElectronicServiceAgreements store, SubjectRegistry subjects, AuditLog audit,
                                Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The signed-in citizen agrees to electronic service, having ticked the confirmation of the text of
     * {@code versionShown}. Agreeing while an agreement is in force changes nothing (and audits nothing).
     */
    @Transactional
    public void agree(CitizenPrincipal citizen, boolean confirmed, String versionShown) {
        ElectronicServiceTerms.problem(confirmed, versionShown).ifPresent(p -> {
            throw new AccountProblem(confirmed ? "ESERVICE_TERMS_CHANGED" : "ESERVICE_NOT_CONFIRMED",
                    confirmed ? DomainProblem.Kind.CONFLICT : DomainProblem.Kind.INVALID_INPUT, p);
        });
        if (store.insert(Ids.newId(), citizen.subjectId(), citizen.actorId(), TERMS_VERSION, clock.instant())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.agree")
                    .subject(citizen.subjectPseudonym()).by(citizen)
                    .detail(AuditDetail.of("ESERVICE_AGREED").with("version", TERMS_VERSION)));
        }
    }

    /** The signed-in citizen withdraws their agreement: notices not served by then wait for another service. */
    @Transactional
    public void withdraw(CitizenPrincipal citizen) {
        if (!store.withdraw(citizen.subjectId(), citizen.actorId(), clock.instant())) {
            throw new AccountProblem("ESERVICE_NOT_AGREED", DomainProblem.Kind.CONFLICT, "您没有生效的电子送达确认");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.withdraw")
                .subject(citizen.subjectPseudonym()).by(citizen).detail(AuditDetail.of("ESERVICE_WITHDRAWN")));
    }

    /** Whether the subject's agreement was in force at {@code at}: a read or a text then counts as service. */
    public boolean inForceAt(UUID subjectId, Instant at) {
        return ElectronicServiceTerms.inForceAt(store.of(subjectId).stream()
                .map(a -> new ElectronicServiceTerms.Period(a.agreedAt(), a.withdrawnAt())).toList(), at);
    }

    /** The subject's agreement in force now, if any. */
    public Optional<ElectronicServiceAgreement> inForce(UUID subjectId) {
        return store.inForce(subjectId);
    }

    /** Every agreement of the subject, the latest first, withdrawn ones included. */
    public List<ElectronicServiceAgreement> of(UUID subjectId) {
        return store.of(subjectId);
    }

    /** The synthetic demo citizen's agreement (account.DemoAccounts), so that the demo's reads serve as described. */
    void agreeForDemo(UUID subjectId) {
        store.insert(Ids.newId(), subjectId, DEMO, TERMS_VERSION, clock.instant());
    }

    @EventListener
    void on(CitizenAccountClosed closed) {
        ended(closed.subjectId(), CitizenAccountClosed.BY, AuditDetail.of("ESERVICE_ENDED_WITH_CLOSURE"));
    }

    @EventListener
    void on(CitizenAccountUnbound unbound) {
        ended(unbound.subjectId(), CitizenAccountUnbound.BY, AuditDetail.of("ESERVICE_ENDED_WITH_UNBINDING"));
    }

    private void ended(UUID subjectId, String by, AuditDetail why) {
        if (store.withdraw(subjectId, by, clock.instant())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.withdraw")
                    .subject(subjects.pseudonymOf(subjectId).orElseThrow()).detail(why));
        }
    }
}
