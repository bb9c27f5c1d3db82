package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.account.ElectronicServiceAgreement.Channel;
import cn.chengxin.account.domain.ElectronicServiceTerms;
import cn.chengxin.account.persistence.JdbcElectronicServiceAgreements;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.TypedText;
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
 * <p>
 * Gaps review xl U13 rest: the confirmation is met where citizens and clerks are — ticked on the registration form and
 * stored as the account is created ({@link #agreeAtRegistration}), or signed on paper at the window and recorded by
 * the clerk with the day signed and the paper's archive number ({@link #recordPaper}), withdrawn there too
 * ({@link #withdrawAtCounter}); each agreement names its {@link Channel}.
 */
@Service
public class ElectronicServiceAgreements {

    /** The version of the confirmation's text the page shows ({@link ElectronicServiceTerms#VERSION}). */
    public static final String TERMS_VERSION = ElectronicServiceTerms.VERSION;

    /**
     * The lines of the confirmation's text of {@code version} as message keys, each taking the credit office's name as
     * {@code {0}}: the current text on a form, the text a person agreed to on their record of it.
     */
    public static List<String> termsLines(String version) {
        return ElectronicServiceTerms.lineKeys(version);
    }

    /** Who signs the demo citizen's agreement (synthetic, as the demo citizen is). */
    static final String DEMO = "demo";

    /** Who signed, or withdrew, an agreement at the window: the person on paper; the clerk is in the audit log. */
    public static final String COUNTER = "counter";

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
        if (store.insert(Ids.newId(), citizen.subjectId(), citizen.actorId(), TERMS_VERSION, clock.instant(),
                Channel.SELF_SERVICE, null)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.agree")
                    .subject(citizen.subjectPseudonym()).by(citizen)
                    .detail(AuditDetail.of("ESERVICE_AGREED").with("version", TERMS_VERSION)));
        }
    }

    /**
     * The citizen ticked the confirmation of the text of {@code versionTicked} on the registration form: stored, in the
     * transaction that creates their account ({@link CitizenAccounts#completeRegistration}), as agreed by the new
     * account. An agreement already in force (recorded at the window before) stays the one in force, and nothing is
     * audited twice.
     */
    void agreeAtRegistration(CitizenPrincipal citizen, String versionTicked) {
        if (store.insert(Ids.newId(), citizen.subjectId(), citizen.actorId(), versionTicked, clock.instant(),
                Channel.REGISTRATION, null)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.agree")
                    .subject(citizen.subjectPseudonym()).by(citizen)
                    .detail(AuditDetail.of("ESERVICE_AGREED_AT_REGISTRATION").with("version", versionTicked)));
        }
    }

    /** A confirmation signed on paper, as the clerk reads it off the paper: the text's version, the day, the archive. */
    public record Paper(String version, LocalDate signedOn, String reference) {
    }

    /**
     * 窗口: the clerk records a confirmation the person signed on paper (《行政处罚法》第六十一条 "签订确认书"), the person
     * identified as the window identifies them ({@code checked}: the audit detail of that check, to which the paper's
     * particulars are added). In force from now, not from the day written on it: no read or text before is served by
     * it. Refused while another agreement is in force, so that no paper is taken for recorded when it was not: the
     * clerk withdraws that one first to put the paper in its place.
     */
    @Transactional
    public ElectronicServiceAgreement recordPaper(Actor clerk, UUID subjectId, Paper paper, AuditDetail checked) {
        requireComplete(paper);
        String reference = paper.reference().strip();
        if (!store.insert(Ids.newId(), subjectId, COUNTER, paper.version(), clock.instant(), Channel.COUNTER,
                new JdbcElectronicServiceAgreements.Paper(clerk.actorId(), paper.signedOn(), reference))) {
            throw new AccountProblem("ESERVICE_ALREADY_AGREED", DomainProblem.Kind.CONFLICT,
                    "本人已有生效的电子送达确认，无需再次登记；如需以新的纸质确认书替代，请先撤回");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.agree").by(clerk)
                .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                .detail(checked.with("version", paper.version()).with("signedOn", paper.signedOn())
                        .with("paper", reference)));
        return store.inForce(subjectId).orElseThrow();
    }

    /**
     * Refuses {@code ESERVICE_PAPER_INCOMPLETE} a paper whose particulars are missing or impossible
     * ({@link ElectronicServiceTerms#paperProblem}): asked before the person is looked for at the window.
     */
    public void requireComplete(Paper paper) {
        ElectronicServiceTerms.paperProblem(paper.version(), paper.signedOn(), paper.reference(), LocalDate.now(clock))
                .ifPresent(p -> {
                    throw new AccountProblem("ESERVICE_PAPER_INCOMPLETE", DomainProblem.Kind.INVALID_INPUT, p);
                });
        // Kept and shown as typed (RULES.md §10): an archive number, never the person's identity number.
        TypedText.requireNoIdentityNumber("paperReference", "归档编号", paper.reference());
    }

    /**
     * 窗口: the person (or their guardian), identified at the window ({@code checked}), withdraws their agreement in
     * force, however it was given: notices not served by then wait for another service.
     */
    @Transactional
    public void withdrawAtCounter(Actor clerk, UUID subjectId, AuditDetail checked) {
        if (!store.withdraw(subjectId, COUNTER, clock.instant())) {
            throw new AccountProblem("ESERVICE_NOT_AGREED", DomainProblem.Kind.CONFLICT, "本人没有生效的电子送达确认");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.citizen.eservice.withdraw").by(clerk)
                .subject(subjects.pseudonymOf(subjectId).orElseThrow()).detail(checked));
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

    /**
     * The agreements in force now of these subjects, by subject, read in one statement: for a list of many (the
     * clerks' queue of notices waiting for service). A subject without one is absent.
     */
    public Map<UUID, ElectronicServiceAgreement> inForce(Collection<UUID> subjectIds) {
        return store.inForce(subjectIds).stream()
                .collect(Collectors.toMap(ElectronicServiceAgreement::subjectId, Function.identity()));
    }

    /** Every agreement of the subject, the latest first, withdrawn ones included. */
    public List<ElectronicServiceAgreement> of(UUID subjectId) {
        return store.of(subjectId);
    }

    /** The synthetic demo citizen's agreement (account.DemoAccounts), so that the demo's reads serve as described. */
    void agreeForDemo(UUID subjectId) {
        store.insert(Ids.newId(), subjectId, DEMO, TERMS_VERSION, clock.instant(), Channel.DEMO, null);
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
