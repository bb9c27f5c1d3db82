package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.RightsRequest;
import cn.chengxin.account.domain.RightsRequestChannel;
import cn.chengxin.account.domain.RightsRequestDeadline;
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.account.domain.RightsRequestOutcome;
import cn.chengxin.account.persistence.JdbcRightsRequests;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.web.ControlCharacters;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 个人信息权利请求 (PIPL Art. 50; gaps review xlvi AA4): the register of what people ask of the platform about their
 * personal information beyond what self-service does — a deletion, an explanation of a processing, a complaint. A
 * signed-in citizen makes a request and is given its number and deadline; the credit office answers it in the console
 * within {@link RightsRequestDeadline} working days, a refusal with its reasons; the person reads the answer in
 * self-service and is told it in 消息通知. Every step is audited about the person, none with their words, which are
 * theirs and the answer's to hold.
 */
@Service
public class RightsRequests {

    private static final String LINK = "/me/requests";

    private final JdbcRightsRequests store;
    private final SubjectRegistry subjects;
    private final Notices notices;
    private final AuditLog audit;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final RightsRequestDeadline deadline;

    RightsRequests(JdbcRightsRequests store, SubjectRegistry subjects, Notices notices, AuditLog audit,
                   WorkingDays workingDays, Clock clock,
                   @Value("${chengxin.privacy.request-working-days:15}") int requestWorkingDays) {
        this.store = store;
        this.subjects = subjects;
        this.notices = notices;
        this.audit = audit;
        this.workingDays = workingDays;
        this.clock = clock;
        // Checked as the platform starts: a value below the standard 15 stops it rather than reaching a request.
        this.deadline = new RightsRequestDeadline(requestWorkingDays);
    }

    public RightsRequestDeadline deadline() {
        return deadline;
    }

    /** The working days a request is given, as configured: what /privacy and the pages promise. */
    public int workingDays() {
        return deadline.workingDays();
    }

    /** A request as made: its number and its deadline. */
    public record Made(UUID id, String reference, LocalDate dueOn) {
    }

    /**
     * The signed-in person's request: a kind and their words, kept with any identity number masked. At most
     * {@link RightsRequest#MAX_OPEN} open at once.
     */
    @Transactional
    public Made request(CitizenPrincipal citizen, RightsRequestKind kind, String body) {
        return make(citizen.subjectId(), kind, body, RightsRequestChannel.SELF_SERVICE, null,
                AuditEntry.of(AuditCategory.PROCESSING, "account.rights-request.make")
                        .subject(citizen.subjectPseudonym()).by(citizen), AuditDetail.of("RIGHTS_REQUEST_MADE"));
    }

    /**
     * 窗口 (review xlvi AA4 rest): the clerk records the request of a person who cannot sign in, identified as the window
     * identifies them ({@code checked}: the audit detail of that check, to which the request's number, kind and deadline
     * are added); {@code kind} by its name ({@link #kinds()}). It is then one request like those made online — the same limits, number, deadline, queue and answer —
     * and the person is told in 消息通知 (read when they have an account); the window sees the answer to hand over
     * ({@link #atCounter}).
     */
    @Transactional
    public Made recordAtCounter(Actor clerk, UUID subjectId, String kind, String body, AuditDetail checked) {
        return make(subjectId, kindNamed(kind), body, RightsRequestChannel.COUNTER, clerk.actorId(),
                AuditEntry.of(AuditCategory.PROCESSING, "account.rights-request.make")
                        .subject(subjects.pseudonymOf(subjectId).orElseThrow()).by(clerk), checked);
    }

    private Made make(UUID subject, RightsRequestKind kind, String body, RightsRequestChannel channel,
                      String recordedBy, AuditEntry audited, AuditDetail detail) {
        if (kind == null) {
            throw new AccountProblem("RIGHTS_REQUEST_KIND", Kind.INVALID_INPUT, "请选择请求事项");
        }
        if (!RightsRequest.acceptable(body) || ControlCharacters.in(body)) {
            throw new AccountProblem("RIGHTS_REQUEST_TEXT", Kind.INVALID_INPUT,
                    "请写明您的请求（不超过 " + RightsRequest.MAX_TEXT + " 字，不含控制字符）");
        }
        if (store.openOf(subject) >= RightsRequest.MAX_OPEN) {
            throw new AccountProblem("RIGHTS_REQUEST_TOO_MANY", Kind.CONFLICT,
                    "您已有 " + RightsRequest.MAX_OPEN + " 件请求正在办理，答复后方可再提出");
        }
        UUID id = Ids.newId();
        LocalDate due = deadline.due(workingDays.calendar(), LocalDate.now(clock));
        long number = store.insert(id, subject, kind, IdentityRedaction.redact(body.strip()), clock.instant(), due,
                channel, recordedBy);
        String reference = RightsRequest.reference(number);
        notices.notify(subject, "RIGHTS_REQUEST_RECEIVED", "您的个人信息权利请求已受理（" + reference + "）",
                "您提出的" + kind.label() + "请求已受理，请求编号 " + reference + "。信用办将于 " + due
                        + " 前书面答复（按工作日计算）。", LINK, "RIGHTS_REQUEST_RECEIVED",
                List.of(NoticeArg.text(reference), NoticeArg.label("rightsRequests.kind." + kind.name(), kind.label()),
                        NoticeArg.date(due)));
        audit.record(audited.detail(detail.with("number", reference)
                .withLabel("kind", "rightsRequests.kind." + kind.name()).with("due", due)));
        return new Made(id, reference, due);
    }

    /**
     * The credit office's written answer to an open request: done, done in part or refused; a refusal, whole or in
     * part, with its reasons (PIPL Art. 50 ¶1), and the person told they may sue (¶2). Nothing in the answer may hold an
     * identity number in clear: the person reads it in self-service and by text message (RULES.md §10).
     */
    @Transactional
    public void answer(UUID id, RightsRequestOutcome outcome, String answer, String reasons) {
        RightsRequest request = store.find(id).orElseThrow(() -> new AccountProblem("RIGHTS_REQUEST_UNKNOWN",
                Kind.NOT_FOUND, "没有这件个人信息权利请求"));
        if (outcome == null) {
            throw new AccountProblem("RIGHTS_REQUEST_OUTCOME", Kind.INVALID_INPUT, "请选择办理结果");
        }
        if (!RightsRequest.acceptable(answer) || ControlCharacters.in(answer)) {
            throw new AccountProblem("RIGHTS_REQUEST_ANSWER", Kind.INVALID_INPUT,
                    "须书面写明答复（不超过 " + RightsRequest.MAX_TEXT + " 字）");
        }
        boolean reasoned = reasons != null && !reasons.isBlank();
        if (outcome.refuses() && (!RightsRequest.acceptable(reasons) || ControlCharacters.in(reasons))) {
            throw new AccountProblem("RIGHTS_REQUEST_REASONS", Kind.INVALID_INPUT,
                    "不予办理或部分办理的，须写明理由（不超过 " + RightsRequest.MAX_TEXT + " 字）：《个人信息保护法》第五十条");
        }
        if (!outcome.refuses() && reasoned) {
            throw new AccountProblem("RIGHTS_REQUEST_REASONS_UNNEEDED", Kind.INVALID_INPUT,
                    "已办理的请求不写拒绝理由：请在答复中说明办理情况");
        }
        TypedText.requireNoIdentityNumber("answer", "答复", answer);
        TypedText.requireNoIdentityNumber("reasons", "理由", reasons);
        String text = answer.strip();
        String why = outcome.refuses() ? reasons.strip() : null;
        if (!store.answer(id, outcome, text, why, AuditLog.currentActor().actorId(), clock.instant())) {
            throw new AccountProblem("RIGHTS_REQUEST_ANSWERED", Kind.CONFLICT, "该请求已经答复（可能已由他人处理）");
        }
        String reference = request.reference();
        String told = "办理结果：" + outcome.label() + "。答复：" + text
                + (why == null ? "" : "。理由：" + why + "。对不予办理有异议的，您可以依法向人民法院提起诉讼");
        notices.notify(request.subjectId(), "RIGHTS_REQUEST_ANSWERED",
                "您的个人信息权利请求已答复（" + reference + "）：" + outcome.label(), told, LINK,
                why == null ? "RIGHTS_REQUEST_ANSWERED" : "RIGHTS_REQUEST_REFUSED",
                why == null
                        ? List.of(NoticeArg.text(reference), outcome(outcome), NoticeArg.text(text))
                        : List.of(NoticeArg.text(reference), outcome(outcome), NoticeArg.text(text), NoticeArg.text(why)));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.rights-request.answer")
                .subject(subjects.pseudonymOf(request.subjectId()).orElseThrow())
                .detail(AuditDetail.of("RIGHTS_REQUEST_ANSWERED").with("number", reference)
                        .withLabel("outcome", "rightsRequests.outcome." + outcome.name())
                        .with("due", request.dueOn())));
    }

    private static NoticeArg outcome(RightsRequestOutcome outcome) {
        return NoticeArg.label("rightsRequests.outcome." + outcome.name(), outcome.label());
    }

    /** The person's requests with their answers, newest first. */
    public List<RightsRequest> of(UUID subject) {
        return store.ofSubject(subject);
    }

    /**
     * A request as the person's copy of their information holds it (PIPL Art. 45, review xlvi AA1): kind and outcome
     * by their codes, the words as kept (numbers masked).
     */
    public record Held(String reference, String kind, String body, Instant requestedAt, LocalDate dueOn,
                       String outcome, String answer, String reasons, Instant answeredAt) {
    }

    /** {@link #of} as the person's copy holds it, for modules that do not read this module's domain types. */
    public List<Held> heldAbout(UUID subject) {
        return of(subject).stream().map(r -> new Held(r.reference(), r.kind().name(), r.body(), r.requestedAt(),
                r.dueOn(), r.outcome() == null ? null : r.outcome().name(), r.answer(), r.reasons(), r.answeredAt()))
                .toList();
    }

    /** The kinds a request may be of, by name (their labels: {@code rightsRequests.kind.<name>}). */
    public static List<String> kinds() {
        return java.util.Arrays.stream(RightsRequestKind.values()).map(Enum::name).toList();
    }

    private static RightsRequestKind kindNamed(String kind) {
        return java.util.Arrays.stream(RightsRequestKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
    }

    /**
     * A request recorded at the window as the window sees it, for modules that do not read this module's domain types:
     * kind and outcome by their codes (null outcome: open), the words as kept (numbers masked); {@code account}: whether
     * the person has an account to read the answer in, else the window hands it over.
     */
    public record AtWindow(UUID id, String reference, UUID subjectId, String kind, String body, Instant requestedAt,
                           LocalDate dueOn, boolean overdue, String outcome, String answer, String reasons,
                           Instant answeredAt, boolean account) {
    }

    /**
     * The last 50 requests recorded at the window with their answers, the latest first: for the window to hand the answer
     * over to a person who has no account to read it in — or to print it on request.
     */
    public List<AtWindow> atCounter() {
        LocalDate today = LocalDate.now(clock);
        return store.atCounter(50).stream().map(a -> {
            RightsRequest r = a.request();
            return new AtWindow(r.id(), r.reference(), r.subjectId(), r.kind().name(), r.body(), r.requestedAt(),
                    r.dueOn(), r.overdue(today), r.outcome() == null ? null : r.outcome().name(), r.answer(),
                    r.reasons(), r.answeredAt(), a.account());
        }).toList();
    }

    /** The open requests, the first due first. */
    public List<RightsRequest> open() {
        return store.open();
    }

    public List<RightsRequest> recentlyAnswered() {
        return store.recentlyAnswered(50);
    }

    /**
     * Open requests, how many are past their deadline and the earliest deadline (null: none open), for the 工作台 of
     * those who answer them: a request nobody is told of passes its deadline unseen (review xlvi AA4 rest), so the first
     * page counts them as it counts objections and score reviews.
     */
    public record Workload(long open, long overdue, LocalDate firstDue) {
    }

    public Workload workload() {
        LocalDate today = LocalDate.now(clock);
        List<RightsRequest> open = store.open();
        return new Workload(open.size(), open.stream().filter(r -> r.overdue(today)).count(),
                open.isEmpty() ? null : open.get(0).dueOn());
    }

    /** What one watch did: the requests reminded of their deadline, and those escalated as overdue. */
    public record Watch(List<RightsRequest> reminded, List<RightsRequest> escalated) {
    }

    /**
     * The watch of the requests' deadlines (review xlvi AA4 rest), as score reviews and objections are watched: a request
     * due by the next working day is marked reminded (its queue shows 即将到期, once per deadline); one past its deadline
     * unanswered is escalated to the credit office's supervision, once, counted there, and its person told it is late.
     * Conditional updates: two instances, or a second run the same day, remind and escalate nobody twice. Each step is
     * audited about the person.
     */
    @Transactional
    public Watch watchDeadlines(Clock at) {
        LocalDate today = LocalDate.now(at);
        List<RightsRequest> reminded = store.remind(today, workingDays.calendar().plusWorkingDays(today, 1));
        List<RightsRequest> escalated = store.escalate(today, at.instant());
        for (RightsRequest r : reminded) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.rights-request.remind")
                    .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("RIGHTS_REQUEST_REMINDED").with("number", r.reference())
                            .with("due", r.dueOn())));
        }
        for (RightsRequest r : escalated) {
            notices.notify(r.subjectId(), "RIGHTS_REQUEST_ESCALATED",
                    "您的个人信息权利请求已逾期（" + r.reference() + "），已报信用办督办",
                    "您的个人信息权利请求（请求编号 " + r.reference() + "）未在 " + r.dueOn()
                            + " 前答复，已报信用办督办。答复后您将收到通知。", LINK, "RIGHTS_REQUEST_ESCALATED",
                    List.of(NoticeArg.text(r.reference()), NoticeArg.date(r.dueOn())));
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.rights-request.escalate")
                    .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("RIGHTS_REQUEST_ESCALATED").with("number", r.reference())
                            .with("due", r.dueOn())));
        }
        return new Watch(reminded, escalated);
    }

    /**
     * The credit office's own deadline for supervision (RULES.md §12), beside score reviews: requests answered in a
     * period and how many by their deadline, and the open ones overdue today. Counts only.
     */
    public record Figures(long answered, long answeredInTime, long overdueNow) {
    }

    /** The requests answered from {@code from} to {@code to} (both included), and those overdue today. */
    public Figures figures(LocalDate from, LocalDate to) {
        java.time.ZoneId zone = clock.getZone();
        long[] f = store.figures(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone.getId(), LocalDate.now(clock));
        return new Figures(f[0], f[1], f[2]);
    }
}
