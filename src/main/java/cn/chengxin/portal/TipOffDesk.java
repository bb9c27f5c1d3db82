package cn.chengxin.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.Listing;
import cn.chengxin.portal.tipoff.domain.AttemptLimit;
import cn.chengxin.shared.ratelimit.HumanCheck;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.portal.tipoff.domain.ReceiptCode;
import cn.chengxin.portal.tipoff.domain.ReportedSubject;
import cn.chengxin.portal.tipoff.domain.ReporterPurpose;
import cn.chengxin.portal.tipoff.domain.TipOffFinding;
import cn.chengxin.portal.tipoff.domain.TipOffProblem;
import cn.chengxin.portal.tipoff.domain.TipOffReport;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.portal.tipoff.domain.TooManyTipOffs;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs.NewTipOff;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tip-offs (举报) from the public about dishonest conduct. Anyone may file one, anonymously if they wish,
 * behind a per-address limit and a challenge; the reporter gets a receipt code to follow it. A reported
 * identity number is validated and kept only as the subject registry's pseudonym and a masked form (RULES.md
 * §10); one typed into a name, the facts or the reporter's contact is kept masked. The reporter's name and contact
 * are kept sealed ({@link TipOffReporters}) and shown masked; they are opened only on a look with a purpose, audited.
 * The credit office (tipoff:handle) accepts or rejects it and resolves it, each time with a reply the
 * reporter reads. Filing, every look at a tip-off and every decision are audited under the reported subject, for the
 * audit administrator's search by subject; the subject's own access history and reports never show them
 * ({@link cn.chengxin.audit.domain.WithheldFromSubject}: the reporter's protection). The filing names the reporter
 * only in an event without a subject.
 */
@Service
@EnableConfigurationProperties(TipOffSettings.class)
public class TipOffDesk {

    private static final String CHALLENGE_KEY = "tipoff-challenge";
    private static final int REPLY_MAX = 2_000;
    /** Tip-offs on a page of the console's list: an office with thousands of them gets pages, not one endless one. */
    public static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 100_000;

    private final JdbcTipOffs tipOffs;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;
    private final TipOffSettings settings;
    private final Listing listing;
    private final AttemptLimit attempts;
    private final TransactionTemplate filing;
    private final TipOffReporters reporters;
    private final SecureRandom random = new SecureRandom();
    private volatile HumanCheck humanCheck;

    TipOffDesk(JdbcTipOffs tipOffs, SubjectRegistry subjects, AuditLog audit, Clock clock, TipOffSettings settings,
               PlatformTransactionManager transactions, Listing listing, TipOffReporters reporters,
               LimitCounters counters) {
        this.listing = listing;
        this.reporters = reporters;
        this.tipOffs = tipOffs;
        this.filing = new TransactionTemplate(transactions);
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.attempts = new AttemptLimit(counters, settings.limit(), settings.window());
    }

    public TipOffSettings settings() {
        return settings;
    }

    public HumanCheck.Challenge challenge() {
        return humanCheck().issue(clock.instant());
    }

    /**
     * Files a tip-off from {@code client} (its network address). Every attempt counts against the client's
     * limit, answered or not, so the challenge cannot be guessed at speed; and every attempt uses its challenge up,
     * answered rightly or not, before anything else is checked: a wrong answer cannot be followed by another to the
     * same question, and a refused form comes back with a new one.
     *
     * @return the receipt code, shown to the reporter once and never stored
     * @throws TooManyTipOffs when the client has filed too many lately
     * @throws DomainProblem  for a wrong, used or expired challenge, an invalid identity number or an unknown
     *                       document type, or missing facts
     */
    public String file(String client, FileTipOff form) {
        Instant now = clock.instant();
        AttemptLimit.Decision decision = attempts.tryAttempt(client, now);
        if (!decision.allowed()) {
            throw new TooManyTipOffs(decision.retryAfter());
        }
        HumanCheck.Token token = humanCheck().read(form.challengeToken(), now);
        // Committed at once, outside the filing's transaction, so that a refusal below does not give the token back.
        if (!tipOffs.useChallenge(token.nonce(), token.expiresAt(), now)) {
            throw new TipOffProblem("CHALLENGE_USED", DomainProblem.Kind.INVALID_INPUT, "该验证问题已使用，请回答新的问题");
        }
        humanCheck().check(token, form.challengeAnswer());
        return filing.execute(status -> store(form, now));
    }

    /** The tip-off whose challenge was answered, stored and audited in one transaction. */
    private String store(FileTipOff form, Instant now) {
        TipOffReport report = new TipOffReport(form.subjectName(), form.subjectNumber(), form.facts(),
                form.reporterName(), form.reporterContact());
        // A passport or travel-permit holder is named with the type; without one the number is inferred.
        IdentityDocument document = report.subjectNumber().isEmpty() ? null
                : subjects.validate(DocumentType.named(form.documentType()), report.subjectNumber());
        String code = ReceiptCode.generate(random);
        UUID id = Ids.newId();
        // The subject found with joins held off until the tip-off is stored: a join approving meanwhile waits, then
        // moves it with the joined subject's (JoinedTipoffs); after one approved before, the joined number is the kept
        // subject's, whose pseudonym the tip-off then carries, as the join gives the tip-offs it moves (98号 三(一)).
        UUID subjectId = document == null ? null : subjects.findHoldingJoins(document).orElse(null);
        String pseudonym = document == null ? null : subjects.holderPseudonymOf(document);
        // The number belongs in its own, sealed field; one written into any free text is kept masked (§10).
        tipOffs.insert(new NewTipOff(id, ReceiptCode.hash(code), IdentityRedaction.redact(report.subjectName()),
                document == null ? null : document.type().name(), pseudonym,
                document == null ? null : document.masked(),
                subjectId,
                IdentityRedaction.redact(report.facts()),
                reporters.name(report.reporterName()), reporters.contact(report.reporterContact()), now));
        audit.recordAll(List.of(
                AuditEntry.of(AuditCategory.PROCESSING, "tipoff.file").by(new Reporter()).subject(pseudonym)
                        .detail(id.toString()),
                AuditEntry.of(AuditCategory.PROCESSING, "tipoff.file.reporter")
                        .detail(report.anonymous() ? AuditDetail.of("TIPOFF_ANONYMOUS").with("tipOff", id).toString()
                                : id.toString())));
        return code;
    }

    /**
     * Who filed a tip-off, as the event under the reported subject names it. The subject's own history withholds
     * tip-off events, but the filing event is kept anonymous as well, so that no reading of it by subject (a future
     * disclosure, an export) can name a citizen signed in while filing, even one who left the reporter fields empty
     * to stay anonymous. The actual filer is recorded in a second event of the same tip-off that carries no subject,
     * so the audit administrator still sees who filed what.
     */
    private record Reporter() implements Actor {
        @Override
        public ActorKind actorKind() {
            return ActorKind.ANONYMOUS;
        }

        @Override
        public String actorId() {
            return "tipoff-reporter";
        }

        @Override
        public String actorName() {
            return "举报人";
        }

        @Override
        public String organisation() {
            return "";
        }
    }

    /** What the holder of a receipt code may see; empty for a code that is not one. */
    public Optional<TipOffProgress> progress(String receiptCode) {
        return ReceiptCode.normalise(receiptCode).flatMap(code -> tipOffs.progress(ReceiptCode.hash(code)));
    }

    /** A page of the console's tip-offs, newest first, with how many match in all. */
    public record TipOffPage(List<TipOff> tipOffs, long total, int page, int size) {

        public long pages() {
            return (total + size - 1) / size;
        }
    }

    /**
     * A page of the tip-offs in {@code status} about the {@code reported} subjects ({@code null}: any), newest first.
     * A tip-off's subject is of the kind its document names; one reported without a number is of none.
     */
    public TipOffPage tipOffs(TipOffStatus status, ReportedSubject reported, int page) {
        int p = Math.min(Math.max(0, page), MAX_PAGE);
        List<String> documents = reported == null ? null : reported.documents();
        return new TipOffPage(tipOffs.search(status, documents, p * PAGE_SIZE, PAGE_SIZE),
                tipOffs.count(status, documents), p, PAGE_SIZE);
    }

    /** How many tip-offs were emptied at the end of their retention ({@link TipOffRetention}). */
    public long purged() {
        return tipOffs.purged();
    }

    /** One tip-off for its handler; the look is audited against the reported subject. */
    public Optional<TipOff> view(UUID id) {
        Optional<TipOff> tipOff = tipOffs.find(id);
        tipOff.ifPresent(t -> audit.record(AuditEntry.of(AuditCategory.QUERY, "tipoff.view")
                .subject(t.subjectPseudonym()).purpose("举报处理", "国办发〔2016〕98号 社会监督与举报")
                .detail(id.toString())));
        return tipOff;
    }

    /**
     * The reporter's name and contact of a tip-off, opened for the purpose given (I7; RULES.md §10, PIPL Art. 6): the
     * look is audited under the reported subject with its purpose, as the tip-off's other events are (withheld from
     * the subject).
     *
     * @throws TipOffProblem {@code TIPOFF_NOT_FOUND}, or {@code TIPOFF_NO_REPORTER} for an anonymous tip-off
     */
    @Transactional
    public TipOffReporter revealReporter(UUID id, ReporterPurpose purpose) {
        TipOff tipOff = tipOffs.find(id).orElseThrow(() -> new TipOffProblem("TIPOFF_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "举报不存在"));
        JdbcTipOffs.SealedReporter sealed = tipOffs.sealedReporter(id).orElseThrow();
        if (sealed.name() == null && sealed.contact() == null) {
            throw new TipOffProblem("TIPOFF_NO_REPORTER", DomainProblem.Kind.CONFLICT, "该举报没有可查看的举报人信息");
        }
        audit.record(AuditEntry.of(AuditCategory.QUERY, "tipoff.reporter.view").subject(tipOff.subjectPseudonym())
                .purpose(purpose.label(), ReporterPurpose.LEGAL_BASIS).detail(id.toString()));
        return reporters.open(sealed);
    }

    /** The office's decision with the reply the reporter reads. */
    @Transactional
    public void decide(UUID id, int version, TipOffStatus target, String reply) {
        decide(id, version, target, null, reply);
    }

    /**
     * The office's decision with the reply the reporter reads and, resolving a tip-off about a red-list candidate in
     * public notice, what it found ({@link TipOffFinding}): found true, the candidacy is withdrawn (RULES.md §7); a
     * tip-off filed in the notice period held the entry until now ({@link TipOffNoticeHolds}), and decided otherwise
     * lets it take effect.
     */
    @Transactional
    public void decide(UUID id, int version, TipOffStatus target, TipOffFinding finding, String reply) {
        TipOff tipOff = tipOffs.find(id).orElseThrow(() -> new TipOffProblem("TIPOFF_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "举报不存在"));
        tipOff.status().moveTo(target);
        boolean candidate = tipOff.subjectId() != null && !listing.inRedNotice(List.of(tipOff.subjectId())).isEmpty();
        TipOffFinding.problem(target, finding, candidate).ifPresent(p -> {
            throw TipOffProblem.invalid("TIPOFF_FINDING", p);
        });
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty() || text.length() > REPLY_MAX) {
            throw TipOffProblem.invalid("TIPOFF_REPLY", "请填写答复（不超过" + REPLY_MAX + "字），举报人凭查询码可见");
        }
        // Read by whoever holds the receipt code, kept as written: no identity number in it (RULES.md §10).
        TypedText.requireNoIdentityNumber("reply", "答复", text);
        if (!tipOffs.decide(id, version, tipOff.status(), target, text, AuditLog.currentActor().actorName(),
                clock.instant())) {
            throw new TipOffProblem("TIPOFF_CHANGED", DomainProblem.Kind.CONFLICT, "该举报已被他人处理，请刷新后重试");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "tipoff.decide").subject(tipOff.subjectPseudonym())
                .detail(decided(id, tipOff.status(), target, finding)));
        if (finding == TipOffFinding.FOUNDED && tipOff.subjectId() != null) {
            listing.withdrawRedCandidacy(tipOff.subjectId(), "红名单公示期间收到举报，经信用办核实属实，不予列入");
        }
    }

    /** Of the subjects of these tip-offs, those who are red-list candidates in public notice (the console says so). */
    public java.util.Set<UUID> inRedNotice(List<TipOff> shown) {
        return listing.inRedNotice(shown.stream().map(TipOff::subjectId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private HumanCheck humanCheck() {
        HumanCheck check = humanCheck;
        if (check == null) {
            check = new HumanCheck("tipoff-challenge", tipOffs.secret(CHALLENGE_KEY), settings.challengeTtl(), random);
            humanCheck = check;
        }
        return check;
    }

    /** The decision's detail: the tip-off, its step and, for a red-list notice's tip-off, what the check found. */
    private static AuditDetail decided(UUID id, TipOffStatus from, TipOffStatus to, TipOffFinding finding) {
        AuditDetail detail = AuditDetail.of(finding == null ? "TIPOFF_DECIDED" : "TIPOFF_DECIDED_FINDING")
                .with("tipOff", id).withLabel("from", "tipoffs.status." + from.name())
                .withLabel("to", "tipoffs.status." + to.name());
        return finding == null ? detail : detail.withLabel("finding", "tipoffs.finding." + finding.name());
    }
}
