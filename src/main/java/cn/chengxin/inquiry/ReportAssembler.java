package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.ReceivedEntries;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.inquiry.domain.RecordRepair;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.inquiry.domain.ReportReader;
import cn.chengxin.inquiry.domain.ReportScope;
import cn.chengxin.inquiry.domain.Requester;
import cn.chengxin.inquiry.domain.VerificationLink;
import cn.chengxin.inquiry.domain.ScoreExplanation;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.repair.Repairs;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.SubjectScore;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.shared.City;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.domain.Gender;
import org.springframework.stereotype.Component;

/**
 * Gathers what a report says from the modules that hold it — the registry, the credit file, the catalogue, the
 * lists, the scores, the subject's statements and the audit log's query records — and keeps only what the report's
 * {@link ReportScope} allows.
 */
@Component
class ReportAssembler {

    private final CreditFile creditFile;
    private final RecordProceedings proceedings;
    private final Catalogue catalogue;
    private final Listing listing;
    private final Scoring scoring;
    private final AccessHistory accesses;
    private final StaffDirectory directory;
    private final JdbcInquiry store;
    private final InquirySettings settings;
    private final Clock clock;
    private final ReceivedEntries received;
    private final Repairs repairs;
    private final City city;

    ReportAssembler(CreditFile creditFile, RecordProceedings proceedings, Catalogue catalogue, Listing listing, Scoring scoring,
                    AccessHistory accesses, StaffDirectory directory, JdbcInquiry store, InquirySettings settings,
                    Clock clock, ReceivedEntries received, Repairs repairs, City city) {
        this.city = city;
        this.received = received;
        this.repairs = repairs;
        this.creditFile = creditFile;
        this.proceedings = proceedings;
        this.catalogue = catalogue;
        this.listing = listing;
        this.scoring = scoring;
        this.accesses = accesses;
        this.directory = directory;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The header of a report: number, code, who asked and why. */
    record Heading(String number, String verificationCode, String purpose, String legalBasis, String requester,
                   Instant generatedAt, ReportLanguage language) {
    }

    /**
     * @param reader for a department's government query, the department the whole report is cut to
     *               ({@link ReportReader}); other reports carry what their kind does
     */
    ReportContent assemble(ReportScope scope, SubjectProfile subject, String pseudonym, Heading heading,
                           ReportReader reader) {
        return assemble(scope, subject, pseudonym, heading, reader, new ReportCarries());
    }

    /**
     * As {@link #assemble(ReportScope, SubjectProfile, String, Heading, ReportReader)}, telling {@code carries} each
     * record and each of this platform's list entries that the report prints (finding G5).
     */
    ReportContent assemble(ReportScope scope, SubjectProfile subject, String pseudonym, Heading heading,
                           ReportReader reader, ReportCarries carries) {
        // Each record is read by the item version it was stored under (issue #4, RULES.md §4): a later version
        // making the item more or less serious, or otherwise classing it anew, does not rewrite what was collected
        // before it, as the credit file and repair read it.
        ItemVersions items = catalogue.versionsEverInForce();
        Map<String, String> departments = directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Department::name, (a, b) -> a));
        List<ReportContent.RecordLine> good = new ArrayList<>();
        List<ReportContent.RecordLine> negative = new ArrayList<>();
        List<ReportContent.RecordLine> other = new ArrayList<>();
        Map<UUID, String> included = new HashMap<>();
        Map<UUID, String> itemOfRecord = new HashMap<>();
        Map<UUID, String> departmentOfRecord = new HashMap<>();
        // Pending reviews and lawsuits show with the record as the dispute mark does (RULES.md §5), read at once.
        Map<UUID, List<RecordProceeding>> pending = proceedings.pendingOf(subject.id());
        // Each negative record with its repair status (RULES.md §6, §9), by the repair rules its item version sets.
        Map<UUID, Repairs.Repairable> repairable = repairs.repairable(subject.id());
        for (FileEntry entry : creditFile.fileAsShown(subject.id())) {
            itemOfRecord.put(entry.recordKey(), entry.itemCode());
            departmentOfRecord.put(entry.recordKey(), entry.departmentCode());
            ItemDefinition item = items.of(entry.itemCode(), entry.itemVersion()).orElse(null);
            if (item == null || !scope.includes(item.sharing(), item.category(), entry.status().shown())
                    || !reader.seesRecord(item.sharing(), item.code(), entry.departmentCode())) {
                continue;
            }
            ReportContent.RecordLine line = line(entry, item, departments,
                    pending.getOrDefault(entry.recordKey(), List.of()), repairOf(repairable.get(entry.recordKey())));
            included.put(entry.recordKey(), item.name());
            carries.record(entry);
            switch (item.nature()) {
                case GOOD -> good.add(line);
                case NEGATIVE -> negative.add(line);
                default -> other.add(line);
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<ReportContent.ListLine> lists = listing.entriesOf(subject.id()).stream()
                .filter(e -> e.inForce(today))
                .filter(e -> e.listType() != ListType.GREY || scope.requester() != Requester.INSTITUTION)
                .filter(e -> reader.seesEntry(e.listType(), e.departmentCode(),
                        e.recordKey() == null ? null : itemOfRecord.get(e.recordKey()),
                        e.recordKey() == null ? null : departmentOfRecord.get(e.recordKey()), e.published()))
                .peek(carries::entry)
                .map(e -> listLine(e, departments, city.creditOffice())).collect(Collectors.toCollection(ArrayList::new));
        // The entries other platforms issued bind the person here as ours do (RULES.md §9, §11): shown with their
        // issuer, to the readers who would see such an entry of ours (a shared black or red entry is public); a
        // department sees another platform's entry under its item only by its shared-read scope (no record of its own).
        received.of(pseudonym).stream()
                .filter(r -> !ListType.GREY.name().equals(r.listType()) || scope.requester() != Requester.INSTITUTION)
                .filter(r -> reader.seesEntry(ListType.valueOf(r.listType()), null, r.item(), null,
                        !ListType.GREY.name().equals(r.listType())))
                .map(ReportAssembler::receivedLine).forEach(lists::add);
        List<ReportContent.StatementLine> statements = store.statementsOf(subject.id()).stream()
                .filter(s -> s.recordKey() == null ? reader.seesWholeFileStatements()
                        : included.containsKey(s.recordKey()))
                // Masked in the content itself, which the JSON answer and the stored report carry as well as the PDF:
                // a statement stored before texts were masked may hold a number (RULES.md §10).
                .map(s -> new ReportContent.StatementLine(s.createdAt(),
                        s.recordKey() == null ? "信用档案整体" : included.get(s.recordKey()),
                        IdentityRedaction.redact(s.text())))
                .toList();
        // A person who refuses automated grading (PIPL Art. 24) is not handed to others with a grade (RULES.md §8):
        // told in every report that would carry the score, which only the person's own still does.
        boolean refuses = scope.showsScore() && reader.seesScore() && scoring.refusesAutomatedGrading(subject.id());
        boolean showsScore = scope.showsScore(refuses) && reader.seesScore();
        ReportContent.ScoreLine score = showsScore
                ? scoring.scoreOf(subject.id()).map(s -> scoreLine(s, included.keySet())).orElse(null) : null;
        List<ReportContent.QueryLine> queries = accesses.queriesOf(pseudonym, settings.queriesShown()).stream()
                .map(a -> Reports.COUNTER_ACTION.equals(a.action()) ? counterQuery(a,
                        scope.showsEveryQuery() && reader.seesQueryBy(a.organisation()))
                        : scope.showsEveryQuery() && reader.seesQueryBy(a.organisation()) ? Optional.of(new ReportContent.QueryLine(a.at(), a.actorName(),
                        a.organisation(), a.purpose() == null ? a.action() : a.purpose(), a.consentId() != null))
                        : sharedQuery(a))
                .flatMap(Optional::stream)
                .toList();
        ReportContent.Identity identity = new ReportContent.Identity(subject.name(), subject.documentType().label(),
                subject.maskedNumber(), gender(subject.genderCode()),
                subject.birthDate() == null ? null : subject.birthDate().getYear(),
                subject.occupations().stream().filter(o -> o.to() == null || !o.to().isBefore(today))
                        .map(o -> o.group().label()).toList(),
                subject.synthetic());
        // An English report's QR code opens the verification page in English, as the reader reads the report; the
        // code travels in the fragment, never to a server's log (VerificationLink).
        String verifyUrl = VerificationLink.of(settings.publicUrl(), heading.number(), heading.verificationCode(),
                heading.language());
        return new ReportContent(heading.number(), heading.verificationCode(), scope.kind(), scope.kind().title(),
                heading.purpose(), heading.legalBasis(), heading.requester(), heading.generatedAt(),
                heading.generatedAt().plus(settings.reportValidity()), identity, good, negative, other, lists,
                statements, score, !showsScore, queries, verifyUrl, heading.language().code(), refuses);
    }

    /**
     * A query as a report for an institution lists it ({@link ReportScope#showsEveryQuery()}): one made with the
     * person's consent, under the purpose from the closed list it was authorised for, and the person's own; no
     * staff name, no case or free text. Any other look at the person's data is left out.
     */
    private static Optional<ReportContent.QueryLine> sharedQuery(AccessHistory.Access a) {
        if (!"report.issue".equals(a.action())) {
            return Optional.empty();
        }
        if (a.consentId() != null) {
            return Optional.of(new ReportContent.QueryLine(a.at(), null, a.organisation(), a.purpose(), true));
        }
        if (Actor.ActorKind.CITIZEN.name().equals(a.actorKind())) {
            return Optional.of(new ReportContent.QueryLine(a.at(), null, "本人", "本人查询", false));
        }
        return Optional.empty();
    }

    /**
     * The person's own report issued at the counter (窗口查询) is the person's query: listed as 本人（窗口） in every
     * report that lists the person's own queries, with the clerk who served them where every query is named.
     */
    private static Optional<ReportContent.QueryLine> counterQuery(AccessHistory.Access a, boolean named) {
        return Optional.of(new ReportContent.QueryLine(a.at(), named ? a.actorName() : null, Reports.COUNTER_PARTY,
                named ? Reports.COUNTER_PURPOSE : "本人查询", false));
    }

    /** A record's repair status: null for one the repair rules do not reach (not negative, or not shown). */
    private static RecordRepair repairOf(Repairs.Repairable r) {
        return r == null ? null : RecordRepair.of(r.eligibility(), r.open().isPresent()).orElse(null);
    }

    private static ReportContent.RecordLine line(FileEntry entry, ItemDefinition item,
                                                 Map<String, String> departments,
                                                 List<RecordProceeding> proceedings, RecordRepair repair) {
        Map<String, String> labels = item.fields().stream()
                .collect(Collectors.toMap(FieldDefinition::name, FieldDefinition::label, (a, b) -> a));
        String details = entry.content() == null ? "" : entry.content().entrySet().stream()
                .filter(f -> f.getValue() != null && !f.getValue().isBlank())
                .map(f -> labels.getOrDefault(f.getKey(), f.getKey()) + "：" + f.getValue())
                .collect(Collectors.joining("；"));
        boolean disputed = entry.status() == RecordStatus.IN_DISPUTE;
        return new ReportContent.RecordLine(item.name(), item.category().label(),
                departments.getOrDefault(entry.departmentCode(), entry.departmentCode()), entry.decisionNumber(),
                entry.decisionDate(), item.nature() == Nature.NEGATIVE && item.severity() != null
                        ? item.severity().label() : null,
                entry.publicationEnd(), disputed ? "异议处理中" : entry.status().label(), disputed, details,
                proceedings.stream().map(p -> p.kind().label()).distinct().toList(),
                item.nature() == Nature.NEGATIVE ? repair : null);
    }

    private static ReportContent.ListLine receivedLine(ReceivedEntry r) {
        ListType type = ListType.valueOf(r.listType());
        return new ReportContent.ListLine(type.label(), ReportContent.ListLine.BY_OTHER_PLATFORM, r.legalBasis(),
                r.department() == null ? r.issuingPlatform() : r.department(),
                r.effectiveFrom() == null ? null : LocalDate.ofInstant(r.effectiveFrom(), java.time.ZoneId.of(
                        "Asia/Shanghai")), r.validUntil(), EntryStatus.EFFECTIVE.label(), r.disputed(),
                r.issuingPlatform());
    }

    /** {@code creditOffice}: the unit named for an entry no department proposed (gaps review xliii X5). */
    private static ReportContent.ListLine listLine(ListEntry e, Map<String, String> departments, String creditOffice) {
        return new ReportContent.ListLine(e.listType().label(), e.ruleName(), e.legalBasis(),
                e.departmentCode() == null ? creditOffice : departments.getOrDefault(e.departmentCode(),
                        e.departmentCode()),
                e.effectiveFrom() == null ? null : LocalDate.ofInstant(e.effectiveFrom(), java.time.ZoneId.of(
                        "Asia/Shanghai")), e.validUntil(), e.status().label(), e.disputed());
    }

    /** The score with its explanation, each record itemised only if this report shows it ({@link ScoreExplanation}). */
    private static ReportContent.ScoreLine scoreLine(SubjectScore s, Set<UUID> shown) {
        ScoreExplanation explanation = ScoreExplanation.of(s.dimensions(), s.contributions(), shown);
        Map<String, String> dimensionCodes = s.dimensions().stream()
                .collect(Collectors.toMap(DimensionScore::label, DimensionScore::code, (a, b) -> a));
        return new ReportContent.ScoreLine(s.score(), s.gradeLabel(), s.modelCode() + " v" + s.modelVersion(),
                s.computedAt(), s.notScoredReason(),
                explanation.dimensions().stream().map(d -> new ReportContent.ScoreLine.Part(d.label(), null,
                        d.points(), dimensionCodes.get(d.label()))).toList(),
                explanation.notShownPoints(),
                explanation.contributions().stream().map(c -> new ReportContent.ScoreLine.Part(c.title(),
                        c.decisionDate(), c.points(), null)).toList(),
                s.grade(), s.notScoredCode());
    }

    private static String gender(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Gender.ofCode(code).label();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

}
