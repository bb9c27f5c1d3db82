package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.files.Attachments;
import cn.chengxin.shared.files.ImageMetadata;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.CorrectionRequest;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChanges;
import cn.chengxin.subject.persistence.JdbcCorrectionRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 更正补充请求 (PIPL Art. 46; gaps review xlvi AA3): a person asks that their registered name be corrected or their
 * unknown birth date completed. The request does not change the registry: it becomes the proposal a clerk would have
 * made ({@link RenamingSubjects}, {@link CompletingBirthDates}) — the same checks, one open at a time, decided by a
 * reviewer, a refusal with reasons — marked as the person's, with its deadline and the person's evidence, checked and
 * kept as an objection's is ({@link Attachments}, sealed for its row). The deadline is the objection rules' working
 * days ({@link CorrectionDeadlines}, RULES.md §5); the person is told of receipt and decision in 消息通知
 * ({@link CorrectionRequestReceived}, {@link CorrectionRequestDecided}).
 */
@Service
public class RequestedCorrections {

    private final RenamingSubjects names;
    private final CompletingBirthDates birthDates;
    private final JdbcCorrectionRequests requests;
    private final ProposalAudit audit;
    private final CorrectionDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkingDays workingDays;

    RequestedCorrections(RenamingSubjects names, CompletingBirthDates birthDates, JdbcCorrectionRequests requests,
                         ProposalAudit audit, CorrectionDeadlines deadlines, ApplicationEventPublisher events,
                         Clock clock, WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.events = events;
        this.names = names;
        this.birthDates = birthDates;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file the person gave as evidence, as uploaded. */
    public record Upload(String filename, byte[] content) {
    }

    /**
     * What a person asks, as the self-service page and the window's form both send it: the field and, for it, the
     * correct value and the kind of document that shows it, with the reason.
     */
    public record Asked(CorrectionRequest.Field field, String newName,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                        NameChangeEvidence nameEvidence, BirthDateEvidence birthDateEvidence, String reason) {

        /** A form that names no field asks for the name; an absent text is empty, refused as such by the proposal. */
        public Asked {
            field = field == null ? CorrectionRequest.Field.NAME : field;
            newName = newName == null ? "" : newName;
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Asks what {@code asked} says, proven by {@code file}: that the person's registered name become the new name as
     * of today, or that their unknown birth date be completed. The proposal is made in the name of {@code by} (the
     * person, or the clerk at the window).
     */
    @Transactional
    public CorrectionRequest request(UUID subjectId, Asked asked, Upload file, CorrectionRequest.Channel channel,
                                     Actor by) {
        String type = checked(file);
        if (asked.field() == CorrectionRequest.Field.NAME) {
            UUID proposal = names.propose(subjectId, asked.newName(), LocalDate.now(clock), asked.nameEvidence(),
                    reference(file), asked.reason(), by);
            return keep(subjectId, asked.field(), proposal, asked.newName().strip(), channel, file, type);
        }
        UUID proposal = birthDates.propose(subjectId, asked.birthDate(), asked.birthDateEvidence(), reference(file),
                asked.reason(), by);
        return keep(subjectId, asked.field(), proposal, asked.birthDate().toString(), channel, file, type);
    }

    /** A person's requests, newest first. */
    public List<CorrectionRequest> of(UUID subjectId) {
        return requests.ofSubject(subjectId);
    }

    /**
     * A request as the person's page shows it: what was asked, where its proposal stands and the reviewer's note (a
     * refusal's reasons).
     */
    public record Shown(CorrectionRequest request, String value, String status, boolean pending,
                        String decisionNote) {
    }

    /** A person's requests with where each stands, newest first. */
    public List<Shown> shownTo(UUID subjectId) {
        Map<UUID, NameChangeProposal> named = names.of(subjectId).stream()
                .collect(java.util.stream.Collectors.toMap(NameChangeProposal::id, p -> p));
        Map<UUID, BirthDateProposal> dated = birthDates.of(subjectId).stream()
                .collect(java.util.stream.Collectors.toMap(BirthDateProposal::id, p -> p));
        return requests.ofSubject(subjectId).stream().map(r -> {
            if (r.field() == CorrectionRequest.Field.NAME) {
                NameChangeProposal p = named.get(r.proposalId());
                return new Shown(r, p.newName(), p.status().name(), p.pending(), p.decisionNote());
            }
            BirthDateProposal p = dated.get(r.proposalId());
            return new Shown(r, p.birthDate().toString(), p.status().name(), p.pending(), p.decisionNote());
        }).toList();
    }

    /** The requests behind these proposals, by proposal id (absent: proposed by staff on their own initiative). */
    public Map<UUID, CorrectionRequest> behind(Collection<UUID> proposalIds) {
        return requests.byProposals(proposalIds);
    }

    /** A request with its evidence's bytes, for the reviewer who decides it. */
    public Optional<Evidence> evidence(UUID requestId) {
        return requests.find(requestId).flatMap(r -> requests.evidence(requestId).map(b -> new Evidence(r, b)));
    }

    public record Evidence(CorrectionRequest request, byte[] content) {
    }

    /**
     * Requests undecided, how many are past their deadline and the earliest deadline (null: none), for the 工作台 of the
     * reviewers who decide them (review xlvi AA3 rest): as objections and score reviews are counted there.
     */
    public record Workload(long open, long overdue, LocalDate firstDue) {
    }

    public Workload workload() {
        LocalDate today = LocalDate.now(clock);
        List<CorrectionRequest> open = requests.undecided();
        return new Workload(open.size(), open.stream().filter(r -> r.overdueOn(today)).count(),
                open.isEmpty() ? null : open.get(0).dueOn());
    }

    /** What one watch did: the requests reminded of their deadline, and those escalated as overdue. */
    public record Watch(List<CorrectionRequest> reminded, List<CorrectionRequest> escalated) {
    }

    /**
     * The watch of the requests' deadlines (review xlvi AA3 rest), as objections' and score reviews': one whose proposal
     * is undecided and due by the next working day is marked reminded (the reviewers' queue shows 即将到期, once per
     * deadline); one undecided past its deadline is escalated to the credit office's supervision, once. Conditional
     * updates: a second run reminds and escalates nobody twice. Audited about the person; telling the person of the
     * escalation is the objection rules' (which own these deadlines, {@link CorrectionDeadlines}).
     */
    @Transactional
    public Watch watchDeadlines(Clock at) {
        LocalDate today = LocalDate.now(at);
        List<CorrectionRequest> reminded = requests.remind(today, workingDays.calendar().plusWorkingDays(today, 1));
        List<CorrectionRequest> escalated = requests.escalate(today, at.instant());
        reminded.forEach(r -> watched(r, "subject.correction.remind", AuditDetail.of("CORRECTION_REMINDED")));
        escalated.forEach(r -> watched(r, "subject.correction.escalate", AuditDetail.of("CORRECTION_ESCALATED")));
        return new Watch(reminded, escalated);
    }

    private void watched(CorrectionRequest r, String action, AuditDetail what) {
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(audit.pseudonym(r.subjectId()))
                .detail(what.with("proposal", r.proposalId())
                        .withLabel("field", "corrections.field." + r.field().name()).with("due", r.dueOn())));
    }

    /** The office's deadline for supervision (RULES.md §12): requests decided in a period, in time, overdue now. */
    public record Figures(long decided, long decidedInTime, long overdueNow) {
    }

    /** The requests decided from {@code from} to {@code to} (both included), and those overdue today. */
    public Figures figures(LocalDate from, LocalDate to) {
        java.time.ZoneId zone = clock.getZone();
        long[] f = requests.figures(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone.getId(), LocalDate.now(clock));
        return new Figures(f[0], f[1], f[2]);
    }

    private CorrectionRequest keep(UUID subjectId, CorrectionRequest.Field field, UUID proposal, String value,
                                   CorrectionRequest.Channel channel, Upload file, String type) {
        byte[] kept = ImageMetadata.strip(file.content(), type);
        LocalDate today = LocalDate.now(clock);
        LocalDate dueOn = deadlines.dueFor(today);
        CorrectionRequest request = new CorrectionRequest(Ids.newId(), subjectId, field, proposal, channel, today,
                dueOn, IdentityRedaction.redact(file.filename()), type, kept.length, null, null);
        requests.insert(request, kept, Attachments.sha256(kept), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.correction.request")
                .subject(audit.pseudonym(subjectId))
                .detail(AuditDetail.of("CORRECTION_REQUEST").with("proposal", proposal)
                        .withLabel("field", "corrections.field." + field.name())
                        .withLabel("channel", "corrections.channel." + channel.name()).with("due", dueOn)));
        events.publishEvent(new CorrectionRequestReceived(subjectId, field, value, dueOn));
        return request;
    }

    /** The evidence's content type; refused as an objection's would be (type by content, size). */
    private static String checked(Upload file) {
        if (file == null || file.content() == null || file.content().length == 0) {
            throw new cn.chengxin.subject.domain.SubjectProblem("CORRECTION_EVIDENCE_REQUIRED",
                    cn.chengxin.shared.DomainProblem.Kind.INVALID_INPUT, "须上传证明材料（PDF、JPEG 或 PNG 文件）");
        }
        return Attachments.check(file.filename(), file.content());
    }

    /** The proposal's evidence reference: the file the person gave, by its name (any number in it masked). */
    private static String reference(Upload file) {
        String named = "本人提交的证明材料：" + IdentityRedaction.redact(file.filename());
        return named.length() > NameChanges.MAX_REFERENCE ? named.substring(0, NameChanges.MAX_REFERENCE) : named;
    }

    /** The evidence column, lent to the re-sealing pass so that an old key version can be retired (RULES.md §10). */
    @Configuration(proxyBeanMethods = false)
    static class SealedRequestEvidence {

        @Bean
        SealedColumn sealedCorrectionEvidence() {
            return SealedColumn.ofFiles("subject.correction_request", "content", "content_key_version",
                    id -> JdbcCorrectionRequests.SEALED_FOR + id);
        }
    }
}
