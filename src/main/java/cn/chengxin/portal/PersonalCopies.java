package cn.chengxin.portal;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.CitizenAccountClosed;
import cn.chengxin.account.CitizenAccountUnbound;
import cn.chengxin.account.Department;
import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.NoticeWording;
import cn.chengxin.account.Notices;
import cn.chengxin.account.OwnAccount;
import cn.chengxin.account.OwnAccounts;
import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.Declines;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.exchange.ReceivedEntries;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.CounterHistory;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.Statements;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.Objections;
import cn.chengxin.repair.Repairs;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Service;

/**
 * Makes the person's {@link PersonalCopy} from every module's own reading of its data about the person, the same
 * readings the self-service pages show, so that the copy holds no more and no less than the person may see. Free and
 * without a yearly cap (PIPL Art. 45; RULES.md §9 self-query is free): the two free reports a year are the certified
 * report's allowance, not the copy's. Recorded as the person's own query ({@code self.copy}), as opening the file is;
 * the same copy made to be printed and read ({@link #forPrint}) is recorded as {@code self.copy.pdf}.
 */
@Service
public class PersonalCopies {

    /** The action an earlier account's closure by its holder was recorded under (CitizenAccountClosure). */
    private static final String CLOSED = "account.citizen.close";

    /** 谁查询了我 read a page at a time, as the page reads it; a page this size keeps a proof pass per page cheap. */
    private static final int ACCESS_PAGE = 500;

    private final SubjectRegistry subjects;
    private final CreditFile creditFile;
    private final Declines declines;
    private final Catalogue catalogue;
    private final StaffDirectory directory;
    private final Listing listing;
    private final ReceivedEntries received;
    private final Scoring scoring;
    private final ScoreReviews scoreReviews;
    private final Statements statements;
    private final Consents consents;
    private final AccessHistory history;
    private final Objections objections;
    private final Repairs repairs;
    private final Commitments commitments;
    private final Notices notices;
    private final RightsRequests rightsRequests;
    private final RequestedCorrections corrections;
    private final NoticeWording wording;
    private final Reports reports;
    private final OwnAccounts accounts;
    private final ElectronicServiceAgreements eservice;
    private final CounterHistory counter;
    private final AuditLog audit;
    private final Clock clock;

    PersonalCopies(SubjectRegistry subjects, CreditFile creditFile, Declines declines, Catalogue catalogue,
                   StaffDirectory directory, Listing listing, ReceivedEntries received, Scoring scoring,
                   ScoreReviews scoreReviews, Statements statements, Consents consents, AccessHistory history,
                   Objections objections, Repairs repairs, Commitments commitments, Notices notices,
                   NoticeWording wording, Reports reports, RightsRequests rightsRequests,
                   RequestedCorrections corrections, OwnAccounts accounts, ElectronicServiceAgreements eservice,
                   CounterHistory counter, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.eservice = eservice;
        this.counter = counter;
        this.rightsRequests = rightsRequests;
        this.corrections = corrections;
        this.subjects = subjects;
        this.creditFile = creditFile;
        this.declines = declines;
        this.catalogue = catalogue;
        this.directory = directory;
        this.listing = listing;
        this.received = received;
        this.scoring = scoring;
        this.scoreReviews = scoreReviews;
        this.statements = statements;
        this.consents = consents;
        this.history = history;
        this.objections = objections;
        this.repairs = repairs;
        this.commitments = commitments;
        this.notices = notices;
        this.wording = wording;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in person's copy, notices worded in {@code locale} (the language of the page it was asked from). */
    public PersonalCopy of(CitizenPrincipal citizen, Locale locale) {
        return assemble(citizen, locale, false);
    }

    /**
     * The same copy, to be rendered for reading and printing (the PDF): one assembly for both forms, recorded as its own
     * download so that the person's history says which form was taken.
     */
    public PersonalCopy forPrint(CitizenPrincipal citizen, Locale locale) {
        return assemble(citizen, locale, true);
    }

    private PersonalCopy assemble(CitizenPrincipal citizen, Locale locale, boolean print) {
        UUID subject = citizen.subjectId();
        String pseudonym = citizen.subjectPseudonym();
        audit.record(AuditEntry.of(AuditCategory.QUERY, print ? "self.copy.pdf" : "self.copy").subject(pseudonym)
                .purpose("本人查询", "《个人信息保护法》第四十五条 查阅、复制"));
        Map<String, String> departments = directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Department::name, (a, b) -> a));
        var profile = subjects.profile(subject).orElseThrow();
        var identity = new PersonalCopy.Identity(profile.name(), profile.documentType().name(),
                profile.maskedNumber(), profile.birthDate(), profile.genderCode(), profile.residences(),
                profile.occupations());
        var score = scoring.scoreOf(subject).map(s -> new PersonalCopy.Score(s.modelCode(), s.modelVersion(),
                s.score(), s.grade(), s.notScoredReason(), s.computedAt(), s.dimensions(), s.contributions()))
                .orElse(null);
        List<PersonalCopy.Access> accesses = accesses(pseudonym);
        return new PersonalCopy(PersonalCopy.FORMAT, clock.instant(), "《个人信息保护法》第四十五条", identity,
                account(citizen, accesses), electronicService(subject), records(subject, departments), declines.declinedItems(subject), lists(subject, departments),
                received.of(pseudonym).stream().map(r -> new PersonalCopy.ReceivedMembership(r.listType(), r.item(),
                        r.legalBasis(), r.department(), r.issuingPlatform(), r.effectiveFrom(), r.validUntil(),
                        r.inForce(), r.disputed())).toList(),
                score,
                rows(scoring.history(subject)).stream().map(h -> new PersonalCopy.ScorePoint(
                        (Instant) h.get("at"), (String) h.get("modelCode"), (Integer) h.get("modelVersion"),
                        (Integer) h.get("score"), (String) h.get("grade"))).toList(),
                scoreReviews.refusingAutomatedGradingSince(subject).orElse(null),
                scoreReviews.of(subject).stream().map(r -> new PersonalCopy.ScoreReviewRequest(r.requestedAt(),
                        r.reasons(), r.dueOn(), r.outcome() == null ? null : r.outcome().name(), r.answer(),
                        r.answeredAt())).toList(),
                rows(statements.of(subject)).stream().map(s -> new PersonalCopy.Statement((Instant) s.get("createdAt"),
                        (UUID) s.get("recordKey"), IdentityRedaction.redact((String) s.get("text")))).toList(),
                consents.of(subject).stream().map(c -> new PersonalCopy.GivenConsent(c.institution(),
                        c.organisation(), c.purpose() == null ? null : c.purpose().label(), c.singleUse(),
                        c.grantedAt(), c.expiresAt(), c.withdrawnAt(), c.uses(), c.lastUsedAt())).toList(),
                accesses,
                objections.of(subject).stream().map(o -> new PersonalCopy.ObjectionCase(o.filedAt(), o.itemCode(),
                        name(departments, o.departmentCode()), o.reasons(), String.valueOf(o.status()), o.dueOn(),
                        o.outcome() == null ? null : o.outcome().name(), o.outcomeReasons(), o.decidedAt())).toList(),
                repairs.of(subject).stream().map(r -> new PersonalCopy.RepairCase(r.filedAt(), r.itemCode(),
                        r.decisionNumber(), r.performance(), String.valueOf(r.status()), r.decidedAt(), r.reasons()))
                        .toList(),
                commitments.of(subject).stream().map(c -> new PersonalCopy.SignedCommitment(String.valueOf(c.kind()),
                        c.text(), c.reference(), name(departments, c.departmentCode()), c.due(), c.signedAt(),
                        String.valueOf(c.status()), c.breachFacts())).toList(),
                wording.render(notices.of(subject), locale).stream().map(n -> new PersonalCopy.Message(
                        n.notice().createdAt(), n.title(), n.body(), n.notice().readAt())).toList(),
                rows(reports.about(subject)).stream().map(r -> new PersonalCopy.IssuedReport((String) r.get("number"),
                        ((ReportKind) r.get("kind")).title(), (String) r.get("requesterKind"),
                        (String) r.get("organisation"), (String) r.get("purpose"), (Instant) r.get("generatedAt"),
                        (Instant) r.get("validUntil"), r.get("emptiedAt") != null)).toList(),
                rightsRequests.heldAbout(subject).stream().map(r -> new PersonalCopy.RightsRequestCase(r.reference(),
                        r.kind(), r.body(), r.requestedAt(), r.dueOn(), r.outcome(), r.answer(), r.reasons(),
                        r.answeredAt())).toList(),
                corrections.shownTo(subject).stream().map(c -> new PersonalCopy.CorrectionCase(
                        c.request().field().name(), c.value(), c.request().channel().name(), c.request().receivedOn(),
                        c.request().dueOn(), c.status(), c.decisionNote())).toList(),
                counter.of(subject));
    }

    /**
     * The account, with the closures of the person's earlier accounts as 谁查询了我 lists them (the account row goes
     * with its closure: CitizenAccountClosure); a reason the window typed is redacted as a statement is.
     */
    private PersonalCopy.Account account(CitizenPrincipal citizen, List<PersonalCopy.Access> accesses) {
        List<Instant> closed = accesses.stream().filter(a -> CLOSED.equals(a.action()))
                .map(PersonalCopy.Access::at).sorted().toList();
        return accounts.of(citizen).map(a -> new PersonalCopy.Account(a.phoneMasked(), a.registeredAt(),
                a.realNameCheckedAt(), a.realNameChecked().name(), a.lastSignInAt(), a.suspendedAt(),
                a.windowDecisions().stream().map(d -> new OwnAccount.WindowDecision(d.action(),
                        IdentityRedaction.redact(d.reason()), d.proposedAt(), d.proposedBy(), d.status(),
                        d.decidedAt(), d.decidedBy(), d.newPhoneMasked())).toList(), closed)).orElse(null);
    }

    private List<PersonalCopy.ElectronicService> electronicService(UUID subject) {
        return eservice.of(subject).stream().map(a -> new PersonalCopy.ElectronicService(a.channel().name(),
                a.termsVersion(), a.agreedAt(), a.signedOn(), a.paperReference(), a.withdrawnAt(),
                withdrawnHow(a))).toList();
    }

    /** Who ended an agreement, in words the person reads: never the account id it stores. */
    private static String withdrawnHow(ElectronicServiceAgreement a) {
        if (a.withdrawnBy() == null) {
            return null;
        }
        return switch (a.withdrawnBy()) {
            case ElectronicServiceAgreements.COUNTER -> "COUNTER";
            case CitizenAccountClosed.BY -> "ACCOUNT_CLOSED";
            case CitizenAccountUnbound.BY -> "ACCOUNT_UNBOUND";
            default -> "SELF_SERVICE";
        };
    }

    /** Every record kept about the person, by the item version it was stored under, as 我的信用档案 reads it. */
    private List<PersonalCopy.CreditRecord> records(UUID subject, Map<String, String> departments) {
        ItemVersions versions = catalogue.versionsEverInForce();
        List<PersonalCopy.CreditRecord> records = new ArrayList<>();
        for (FileEntry e : creditFile.fileAsShown(subject)) {
            String item = versions.of(e.itemCode(), e.itemVersion()).map(ItemDefinition::name).orElse(e.itemCode());
            // A field a department filled may hold a number in clear, which no screen shows (RULES.md §10).
            Map<String, String> content = new LinkedHashMap<>();
            if (e.content() != null) {
                e.content().forEach((k, v) -> content.put(k, v == null ? null : IdentityRedaction.redact(v)));
            }
            records.add(new PersonalCopy.CreditRecord(e.recordKey(), e.itemCode(), item,
                    name(departments, e.departmentCode()), e.decisionNumber(), e.decisionDate(), e.status().name(),
                    e.status().shown(), e.publicationEnd(), e.acceptedAt(), e.revocationReason(), content));
        }
        return records;
    }

    private List<PersonalCopy.ListMembership> lists(UUID subject, Map<String, String> departments) {
        return listing.entriesOf(subject).stream().map(e -> new PersonalCopy.ListMembership(e.listType().name(),
                e.ruleName(), e.legalBasis(), e.reasons(), name(departments, e.departmentCode()),
                e.status().name(), e.effectiveFrom(), e.validUntil(), e.exitedAt(), e.exitReason(), e.disputed()))
                .toList();
    }

    /** Every event about the person that 谁查询了我 shows, through the whole retention, newest first. */
    private List<PersonalCopy.Access> accesses(String pseudonym) {
        List<PersonalCopy.Access> all = new ArrayList<>();
        Long before = null;
        do {
            AccessHistory.Page page = history.page(pseudonym, false, before, ACCESS_PAGE);
            page.accesses().forEach(a -> all.add(new PersonalCopy.Access(a.seq(), a.at(), a.actorName(),
                    a.organisation(), a.action(), a.purpose(), a.legalBasis(), String.valueOf(a.result()))));
            before = page.olderBefore();
        } while (before != null);
        return all;
    }

    /**
     * The components of rows another module's facade returns as its persistence records (a statement, a score's
     * history point, an issued report), which that module does not expose to others: read by component name, as the
     * self-service templates read them, so that the copy depends on the facade and not on the module's storage types.
     */
    private static List<Map<String, Object>> rows(List<?> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    java.lang.reflect.Method accessor = c.getAccessor();
                    accessor.trySetAccessible();
                    row.put(c.getName(), accessor.invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("unreadable " + c, e);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String name(Map<String, String> departments, String code) {
        return code == null ? null : departments.getOrDefault(code, code);
    }
}
