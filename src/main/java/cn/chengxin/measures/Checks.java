package cn.chengxin.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditEvents;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.shared.City;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.IdentityNumbers;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;

/**
 * Checks (联合奖惩核查) for departments' approval systems: what applies to a subject in a scenario, for the calling
 * department, from the in-memory index; the check row and its audit event are durable, in one transaction, before
 * the answer.
 * Feedback closes the loop; hits without feedback stay visible to the credit office.
 */
@Service
public class Checks {

    public static final int MAX_BATCH = 10_000;

    private final CheckIndex index;
    private final KnownSubjects known;
    private final Establishments establishments;
    /** The catalogue's cache itself, not the catalogue: a check's reads of it pass no transactional proxy. */
    private final CachedMeasures catalogue;
    /** Not the registry: a check asks only its two questions, of a bean with no transactional proxy before it. */
    private final IdentityNumbers subjects;
    private final JdbcMeasures store;
    private final AuditLog audit;
    private final City city;
    private final Clock clock;
    private final CheckBudget budget;
    private final ReadableNegatives readable;

    Checks(CheckIndex index, KnownSubjects known, Establishments establishments, CachedMeasures catalogue,
           IdentityNumbers subjects, JdbcMeasures store, AuditLog audit, City city, Clock clock, CheckBudget budget,
           ReadableNegatives readable) {
        this.index = index;
        this.known = known;
        this.establishments = establishments;
        this.catalogue = catalogue;
        this.subjects = subjects;
        this.store = store;
        this.audit = audit;
        this.city = city;
        this.clock = clock;
        this.budget = budget;
        this.readable = readable;
    }

    /**
     * One subject. The answer may be given only once {@link Started#durable()} completes: the check row and its audit
     * event are then stored, in the audit log's group commit, at the cost of a share of one commit. Waiting for it is
     * the caller's business, so that a request need not hold a thread while the commit gathers. A check refused (its
     * scenario or purpose, or the subject's number) is audited as refused before the refusal is thrown: every check
     * leaves a trace (RULES.md §10, issue #5).
     */
    public Started start(String subjectNumber, String documentType, Scenario scenario, String purpose,
                         String reference) {
        Actor caller = AuditLog.currentActor();
        String kept;
        String keptReference;
        IdentityDocument document;
        try {
            kept = requireAllowed(caller, scenario, purpose);
            keptReference = reference(REFERENCE, reference);
            document = subjects.validate(DocumentType.named(documentType), subjectNumber);
            budget.take(caller, 1);
        } catch (CodedProblem | InvalidIdentityException refused) {
            String pseudonym = refused instanceof InvalidIdentityException ? null
                    : pseudonymIfValid(subjectNumber, documentType);
            recordRefused(caller, pseudonym, scenario, ((DomainProblem) refused).code());
            throw refused;
        }
        return started(caller, document, scenario, kept, keptReference);
    }

    /**
     * {@link #start}, but a refused check is thrown without being audited: for the check API's lean lane, which
     * declines it so that ChecksApi refuses it through {@link #start}, and it is audited there, once. Nothing is
     * stored or audited before the row and its event are handed to the audit log, last.
     */
    public Started startUnlessRefused(String subjectNumber, String documentType, Scenario scenario, String purpose,
                                      String reference) {
        Actor caller = AuditLog.currentActor();
        String kept = requireAllowed(caller, scenario, purpose);
        String keptReference = reference(REFERENCE, reference);
        // No type named (most checks): DocumentType.named returns at once, nothing is looked up or allocated.
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        budget.take(caller, 1);
        return started(caller, document, scenario, kept, keptReference);
    }

    private Started started(Actor caller, IdentityDocument document, Scenario scenario, String kept,
                            String reference) {
        String asked = subjects.pseudonymOf(document);
        // A further document of a subject (gaps review xxx L1) is answered from the subject's file, under its pseudonym.
        String holder = known.holder(asked);
        String pseudonym = holder == null ? asked : holder;
        Evaluated e = evaluate(caller, document, pseudonym, holder != null, scenario, kept, reference,
                checkTime(), p -> readable.lastAmong(caller, List.of(p)).get(p));
        return new Started(e.result(), audit.submit(e.audit(), JdbcMeasures.CHECK_ROWS, e.row()));
    }

    /**
     * A refused check as a security event: who asked, in which scenario, and the refusal's code; the subject by
     * pseudonym when its number is well formed, else not at all (a malformed number has none, and the number itself
     * is never kept). Shown to the subject on 谁查询了我 as a refused check, and not counted as a check.
     */
    private static AuditEntry refused(Actor caller, String pseudonym, String detail) {
        return AuditEntry.of(AuditCategory.SECURITY, "measures.check.refused").by(caller).subject(pseudonym)
                .result(AuditResult.DENIED).detail(detail);
    }

    private void recordRefused(Actor caller, String pseudonym, Scenario scenario, String code) {
        audit.record(refused(caller, pseudonym, MeasureDetails.checkRefused(code, scenario).toString()));
    }

    private String pseudonymIfValid(String number, String documentType) {
        try {
            return subjects.pseudonymOf(subjects.validate(DocumentType.named(documentType), number));
        } catch (InvalidIdentityException malformed) {
            return null;
        }
    }

    /**
     * A check whose answer is known and whose row and audit event are on their way to the database.
     *
     * @param durable completes once both are stored, or exceptionally with the audit log's
     *                {@link cn.chengxin.audit.AuditUnavailableException} (then the check did not happen)
     */
    public record Started(CheckResult result, CompletableFuture<?> durable) {
    }

    /**
     * The subject an approval system asks about: its number and, for a person without a mainland identity number,
     * the type of their document (code or Chinese label, {@link DocumentType#named}); without a type the number is
     * read as a resident identity number or a credit code, at no extra cost, as most checks are. {@code reference}:
     * the department's own reference for the case it checks the subject for (案件号/业务流水号), or null (H4).
     */
    public record Subject(String number, String documentType, String reference) {

        public Subject(String number, String documentType) {
            this(number, documentType, null);
        }

        /** @throws InvalidIdentityException DOCUMENT_TYPE_UNKNOWN, or the registry's code for the number */
        IdentityDocument validated(IdentityNumbers numbers) {
            return numbers.validate(DocumentType.named(documentType), number);
        }
    }

    /** One item of a batch: a result, or the code and message of a malformed number or an unknown type. */
    public record BatchItem(int index, CheckResult result, String code, String message) {
    }

    /**
     * Up to {@link #MAX_BATCH} subjects in one call; each subject is a check of its own, stored and audited, once
     * however often the batch names it, and a malformed number is audited as a refused check. All of them are stored,
     * in one transaction, or none is (then the audit log's refusal is thrown, and the batch did not happen). A batch
     * refused as a whole (its scenario, purpose or size) is audited as one refusal.
     */
    public List<BatchItem> checkBatch(List<Subject> checked, Scenario scenario, String purpose) {
        Actor caller = AuditLog.currentActor();
        String kept;
        String[] references = new String[checked.size()];
        try {
            kept = requireAllowed(caller, scenario, purpose);
            if (checked.size() > MAX_BATCH) {
                throw new MeasuresProblem("BATCH_TOO_LARGE", DomainProblem.Kind.INVALID_INPUT,
                        "一次最多核查 " + MAX_BATCH + " 个主体");
            }
            // A reference refused refuses the batch, as its purpose would: the department's system sends it again.
            for (int i = 0; i < checked.size(); i++) {
                references[i] = reference("subjects[" + i + "].reference", checked.get(i).reference());
            }
            // Each subject is a check, and costs the client's budget one (H4): a batch is no way round the rate.
            budget.take(caller, checked.size());
        } catch (CodedProblem refused) {
            audit.record(refused(caller, null,
                    MeasureDetails.batchRefused(refused.code(), scenario, checked.size()).toString()));
            throw refused;
        }
        Instant now = checkTime();
        BatchItem[] items = new BatchItem[checked.size()];
        IdentityDocument[] documents = new IdentityDocument[checked.size()];
        String[] pseudonyms = new String[checked.size()];
        for (int i = 0; i < checked.size(); i++) {
            try {
                documents[i] = checked.get(i).validated(subjects);
                pseudonyms[i] = subjects.pseudonymOf(documents[i]);
            } catch (InvalidIdentityException bad) {
                items[i] = new BatchItem(i + 1, null, bad.code(), bad.getMessage());
            }
        }
        // Numbers the instance does not remember are asked of the registry together, not one query each.
        // A further document of a subject (gaps review xxx L1) is checked as the subject, under its pseudonym.
        Map<String, String> holders = known.holdersAmong(Arrays.stream(pseudonyms).filter(Objects::nonNull).toList());
        for (int i = 0; i < checked.size(); i++) {
            if (pseudonyms[i] != null) {
                pseudonyms[i] = holders.getOrDefault(pseudonyms[i], pseudonyms[i]);
            }
        }
        Set<String> registered = new HashSet<>(holders.values());
        // The registered organisations' establishment dates, for their clean records: together, not one query each.
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            if (documents[i] != null && documents[i].subjectKind() == SubjectKind.ORGANISATION
                    && registered.contains(pseudonyms[i])) {
                organisations.add(pseudonyms[i]);
            }
        }
        establishments.readAmong(organisations);
        // The records a clean-record answer may count are read for those only whose last negative record of any kind
        // would deny it, and only where the caller grants a clean-record incentive: together, not one query each.
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<String> recentlyNegative = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            if (documents[i] != null && registered.contains(pseudonyms[i])
                    && grantsCleanRecord(caller, documents[i].subjectKind(), scenario)
                    && !CleanRecord.withoutNegativeRecord(index.lastNegative(pseudonyms[i]), today)) {
                recentlyNegative.add(pseudonyms[i]);
            }
        }
        Map<String, LocalDate> readableNegatives = readable.lastAmong(caller, recentlyNegative);
        List<JdbcMeasures.CheckRow> rows = new ArrayList<>();
        List<AuditEntry> audits = new ArrayList<>();
        // A subject named again (however its number is written) for the same case (the same reference, or none) is the
        // same check: one stored and audited, one that owes feedback, one query in the subject's 谁查询了我; each of its
        // items carries that check. Named for another case, it is a check of that case, which owes its own feedback.
        Map<List<String>, Integer> firstNamed = new HashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            Integer earlier = documents[i] == null ? null : firstNamed.putIfAbsent(references[i] == null
                    ? List.of(pseudonyms[i]) : List.of(pseudonyms[i], references[i]), i);
            if (earlier != null) {
                items[i] = new BatchItem(i + 1, items[earlier].result(), null, null);
            } else if (documents[i] == null) {
                rows.add(null);
                audits.add(refused(caller, null, MeasureDetails.batchItemRefused(items[i].code(), scenario, i + 1)));
            } else {
                Evaluated e = evaluate(caller, documents[i], pseudonyms[i], registered.contains(pseudonyms[i]),
                        scenario, kept, references[i], now, readableNegatives::get);
                rows.add(e.row());
                audits.add(e.audit());
                items[i] = new BatchItem(i + 1, e.result(), null, null);
            }
        }
        audit.recordAll(audits, JdbcMeasures.CHECK_ROWS, rows);
        return List.of(items);
    }

    /** Cut to what PostgreSQL keeps, so that the answer's {@code checkedAt} is the stored check's time exactly. */
    private Instant checkTime() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The longest case reference a check keeps (H4). */
    public static final int MAX_REFERENCE = 64;
    private static final String REFERENCE = "reference";
    /** What every check's audit event names as its legal basis (PurposeWords knows it). */
    private static final String CHECK_LEGAL_BASIS = "联合奖惩核查（国办发〔2016〕33号）";

    /**
     * The department's reference for its case as it is kept with the check (H4): null when none is given (or blank);
     * refused longer than {@link #MAX_REFERENCE} (REFERENCE_TOO_LONG) or holding a resident identity number
     * (FREE_TEXT_HOLDS_IDENTITY_NUMBER, the field named), as the purpose is: the subject is named by its number only,
     * which is pseudonymised; in a reference it would be kept in clear (RULES.md §10).
     */
    private static String reference(String field, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String kept = TypedText.fromSystem(field, "案件号", reference).strip();
        if (kept.length() > MAX_REFERENCE) {
            throw new MeasuresProblem("REFERENCE_TOO_LONG", DomainProblem.Kind.INVALID_INPUT,
                    field + "（本部门案件号或业务流水号）不能超过 " + MAX_REFERENCE + " 个字符");
        }
        return kept;
    }

    /** Refuses a check its caller may not make; returns its purpose as it is kept. */
    private String requireAllowed(Actor caller, Scenario scenario, String purpose) {
        departmentOf(caller);
        if (scenario == null) {
            throw new MeasuresProblem("SCENARIO_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "须指明核查的业务场景");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw new MeasuresProblem("PURPOSE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须写明核查事由（不超过 200 字），如审批事项名称或业务编号");
        }
        // Kept with the check and shown to the credit office and the caller's feedback list: the subject is named by
        // subjectNumber, which is pseudonymised; typed here it would be kept in clear (RULES.md §10).
        String kept = TypedText.fromSystem("purpose", "核查事由", purpose).strip();
        if (!catalogue.mayCheck(caller.departmentCode(), scenario)) {
            throw new MeasuresProblem("SCENARIO_NOT_ALLOWED", DomainProblem.Kind.FORBIDDEN,
                    "本单位在「" + scenario.label() + "」场景下没有需要实施的联合奖惩措施，不能以此事由核查");
        }
        return kept;
    }

    /**
     * The department a check is made for, and whose checks its feedback closes, whichever of its keys made them: a
     * check answers the measures the
     * calling department implements (issue #5). A caller of no department (a key issued before keys were bound to one)
     * would be answered every measure named for no department, for any subject and without the subject's
     * authorisation (RULES.md §9, §10 least privilege): refused, before anything is stored, so that the lean lane hands
     * the refusal to ChecksApi as any other.
     */
    static String departmentOf(Actor caller) {
        String department = caller.departmentCode();
        if (department == null || department.isBlank()) {
            throw new MeasuresProblem("CHECK_DEPARTMENT_REQUIRED", DomainProblem.Kind.FORBIDDEN,
                    "本系统的接口密钥未绑定所属部门，不能核查或反馈；请平台管理员签发绑定所属部门的密钥");
        }
        return department;
    }

    private record Evaluated(CheckResult result, JdbcMeasures.CheckRow row, AuditEntry audit) {
    }

    /**
     * @param readableLastNegative the last negative record of the subject the caller's clean-record answer may count
     *                             ({@link ReadableNegatives}; null: none), asked only when the index's last negative
     *                             record of any kind would deny it
     */
    private Evaluated evaluate(Actor caller, IdentityDocument document, String pseudonym, boolean registered,
                               Scenario scenario, String purpose, String reference, Instant now,
                               Function<String, LocalDate> readableLastNegative) {
        List<ListEntry> entries = index.inForce(pseudonym);
        List<ReceivedEntry> received = index.receivedInForce(pseudonym);
        // RULES.md §6: no black or grey entry for an act done under 18 brings its measures, by the age at the act,
        // not at the check (MinorsNeverPunished): the act day each entry carries (its record's decision date for a
        // rule's entry, the day named for a proposal by hand), no look-up. Only a subject with entries pays for it.
        java.time.LocalDate born = entries.isEmpty() && received.isEmpty() ? null
                : document.birthDate().orElse(null);
        if (born != null) {
            java.time.LocalDate today = java.time.LocalDate.ofInstant(now, clock.getZone());
            entries = entries.stream().filter(e -> !MinorsNeverPunished.minorAt(e.listType(), born,
                    e.actDay() != null ? e.actDay() : dayOf(e.effectiveFrom(), today))).toList();
            received = received.stream().filter(r -> !MinorsNeverPunished.minorAt(ListType.valueOf(r.listType()),
                    born, dayOf(r.effectiveFrom(), today))).toList();
        }
        List<Grounds.Listed> listed = listed(entries, received, index::ruleOf, clock.getZone());
        // Loops, not streams, here and below: most subjects are on no list, and a stream's pipeline costs a check
        // more to set up over nothing than the loop over an empty list (performance-log, session xlvi).
        List<CheckResult.Entry> shown = new ArrayList<>(entries.size() + received.size());
        for (ListEntry e : entries) {
            shown.add(new CheckResult.Entry(e.id().toString(), e.listType().name(), e.listType().label(),
                    e.ruleName(), e.legalBasis(), e.departmentCode(), e.effectiveFrom(), e.validUntil(),
                    e.disputed(), e.proceedings(), e.recordProceedings(), city.name()));
        }
        // Entries another platform issued show that platform: the department concerned asks it, not us.
        received.forEach(r -> shown.add(new CheckResult.Entry(r.key(), r.listType(),
                ListType.valueOf(r.listType()).label(), null, r.legalBasis(), r.department(), r.effectiveFrom(),
                r.validUntil(), r.disputed(), r.proceedings(), List.of(), r.issuingPlatform())));
        List<CheckResult.Applicable> applicable = new ArrayList<>();
        // Most subjects are on no list, and then no measure that follows a list type applies: nothing to go through.
        SubjectKind kind = document.subjectKind();
        if (!listed.isEmpty()) {
            for (Measure m : catalogue.all()) {
                Grounds grounds = Grounds.of(m, scenario, caller.departmentCode(), kind, listed);
                if (grounds != null) {
                    applicable.add(new CheckResult.Applicable(m.code(), m.name(), m.kind().name(), m.legalBasis(),
                            grounds.gravest().name(), grounds.disputed(), grounds.entryIds()));
                }
            }
        }
        // Answered only to a caller that grants a clean-record incentive to such a subject in the scenario (H4): to any
        // other, whether someone had a negative record is none of its business, and the answer says nothing of it.
        Boolean clean = !grantsCleanRecord(caller, kind, scenario) ? null
                : registered && cleanRecord(document, pseudonym, listed, now, readableLastNegative);
        if (Boolean.TRUE.equals(clean)) {
            for (Measure m : catalogue.all()) {
                if (m.appliesToCleanRecord(kind, scenario, caller.departmentCode())
                        && applicable.stream().noneMatch(a -> a.code().equals(m.code()))) {
                    applicable.add(new CheckResult.Applicable(m.code(), m.name(), m.kind().name(), m.legalBasis(),
                            CLEAN_RECORD, false, List.of()));
                }
            }
        }
        boolean disputed = false;
        for (ListEntry e : entries) {
            disputed |= e.disputed();
        }
        for (ReceivedEntry r : received) {
            disputed |= r.disputed();
        }
        List<CheckResult.AsResponsible> asResponsible = kind == SubjectKind.PERSON
                ? asResponsible(caller, pseudonym, scenario, LocalDate.ofInstant(now, clock.getZone()))
                : List.of();
        // Feedback is owed for measures that follow a list entry (发起 → 响应 → 反馈), not for clean-record incentives;
        // those that reach the person as an organisation's responsible person follow its entry, and are owed too.
        List<CheckResult.Applicable> listFollowing = new ArrayList<>(applicable);
        asResponsible.forEach(r -> listFollowing.addAll(r.measures()));
        List<String> owed = listFollowing.isEmpty() ? List.of()
                : listFollowing.stream().filter(a -> !CLEAN_RECORD.equals(a.listType()))
                        .map(CheckResult.Applicable::code).distinct().toList();
        boolean hit = !owed.isEmpty();
        UUID id = Ids.newId();
        String maskedName = !entries.isEmpty() ? entries.get(0).maskedName()
                : !received.isEmpty() ? received.get(0).maskedName() : null;
        CheckResult result = new CheckResult(id, now, document.masked(), clean, maskedName, scenario,
                shown, applicable, disputed, hit, asResponsible, reference);
        JdbcMeasures.CheckRow row = new JdbcMeasures.CheckRow(id, now, caller.actorId(),
                caller.departmentCode() == null ? "" : caller.departmentCode(), pseudonym, scenario, purpose,
                shown.size(), listFollowing.isEmpty() ? List.of()
                        : listFollowing.stream().map(CheckResult.Applicable::code).distinct().toList(), owed,
                restedOn(listFollowing), reference);
        // Built in one construction, not by withers: each wither builds the entry anew, and its constructor masks the
        // purpose and legal basis again (RULES.md §10) — twice for the same texts, on every check.
        AuditEntry event = new AuditEntry(AuditCategory.QUERY, AuditEvents.CHECK_ACTION, caller, pseudonym,
                scenario.label() + "：" + purpose, CHECK_LEGAL_BASIS, null, AuditResult.SUCCESS,
                MeasureDetails.checked(id, entries.size(), applicable.size()));
        return new Evaluated(result, row, event);
    }

    /**
     * The measures that fall on the person checked as the responsible person, on {@code day}, of an organisation with
     * an entry in force, ours or one another platform issued ({@link CheckIndex#answering}; 法释〔2015〕17号 第三条第二款;
     * review xxv H2): for each such entry, those the caller implements in the scenario that reach responsible persons
     * and reached them on the day the entry took effect ({@link Measure#appliesToResponsiblePerson}). A person who
     * answers for no organisation with an entry (most) costs one look-up; nothing is read from the database.
     */
    private List<CheckResult.AsResponsible> asResponsible(Actor caller, String pseudonym, Scenario scenario,
                                                          LocalDate day) {
        List<CheckIndex.Answering> answering = index.answering(pseudonym);
        if (answering.isEmpty()) {
            return List.of();
        }
        Map<String, List<cn.chengxin.subject.ResponsibleLink>> byOrganisation = new java.util.LinkedHashMap<>();
        answering.forEach(a -> byOrganisation.computeIfAbsent(a.organisationPseudonym(), o -> new ArrayList<>())
                .add(a.link()));
        List<CheckResult.AsResponsible> found = new ArrayList<>();
        byOrganisation.forEach((organisation, links) -> {
            Optional<cn.chengxin.subject.domain.ResponsibleRole> role =
                    cn.chengxin.measures.domain.ResponsiblePersons.roleOn(links, day);
            if (role.isEmpty()) {
                return;
            }
            for (ListEntry entry : index.inForce(organisation)) {
                answered(caller, scenario, role.get(), new Held(entry.id().toString(), entry.listType(),
                        entry.ruleCode(), entry.effectiveFrom(), entry.disputed(), entry.maskedName(),
                        entry.maskedNumber())).ifPresent(found::add);
            }
            // An entry another platform issued about the organisation reaches them alike ("一处失信，处处受限", RULES.md
            // §11), by the rule of ours for the record it rests on; it ends when its platform ends it (Lifts).
            for (ReceivedEntry entry : index.receivedInForce(organisation)) {
                answered(caller, scenario, role.get(), new Held(entry.key(), ListType.valueOf(entry.listType()),
                        index.ruleOf(entry), entry.effectiveFrom(), entry.disputed(), entry.maskedName(),
                        entry.maskedNumber())).ifPresent(found::add);
            }
        });
        return found;
    }

    /** An organisation's entry in force, ours or another platform's, as a check of its responsible person reads it. */
    private record Held(String entryId, ListType listType, String ruleCode, Instant effectiveFrom, boolean disputed,
                        String maskedName, String maskedNumber) {
    }

    /**
     * The measures of {@code entry} that fall on the person holding {@code role} in its organisation: those the caller
     * implements in the scenario that reach responsible persons and reached them on the day the entry took effect;
     * empty when none does.
     */
    private Optional<CheckResult.AsResponsible> answered(Actor caller, Scenario scenario,
                                                         cn.chengxin.subject.domain.ResponsibleRole role, Held entry) {
        LocalDate effective = effectiveDay(entry.effectiveFrom(), clock.getZone());
        List<CheckResult.Applicable> measures = new ArrayList<>();
        for (Measure m : catalogue.all()) {
            if (m.appliesToResponsiblePerson(entry.listType(), entry.ruleCode(), scenario, caller.departmentCode(),
                    effective)) {
                measures.add(new CheckResult.Applicable(m.code(), m.name(), m.kind().name(),
                        m.responsiblePersonsBasis(), entry.listType().name(), entry.disputed(),
                        List.of(entry.entryId())));
            }
        }
        if (measures.isEmpty()) {
            return Optional.empty();
        }
        // The code masked as a person's number is: the answer is about the person, not the company.
        return Optional.of(new CheckResult.AsResponsible(new CheckResult.Organisation(entry.maskedName(),
                cn.chengxin.subject.domain.Masking.identityNumber(entry.maskedNumber())), role.name(),
                entry.entryId(), entry.listType().name(), entry.disputed(), List.copyOf(measures)));
    }

    /**
     * The entries the measures owed feedback rested on (their {@code basedOn}): kept with the check, so that once all
     * have ended the department is told to lift what it applied (H3; RULES.md §7 "punishment stops at exit").
     */
    private static List<String> restedOn(List<CheckResult.Applicable> applicable) {
        return applicable.isEmpty() ? List.of() : applicable.stream().filter(a -> !CLEAN_RECORD.equals(a.listType()))
                .flatMap(a -> a.basedOn().stream()).distinct().toList();
    }

    /** The day an entry took effect, in the city's zone; today when it names none. */
    private java.time.LocalDate dayOf(Instant effectiveFrom, java.time.LocalDate today) {
        return effectiveFrom == null ? today : java.time.LocalDate.ofInstant(effectiveFrom, clock.getZone());
    }

    /**
     * The entries in force as measures are matched to them; none (most subjects) allocates nothing. Another platform's
     * entries name no rule of this platform's: each answers to the rule of ours that lists for the record it rests on,
     * if any, else only the measures limited to no rule follow it.
     */
    private static List<Grounds.Listed> listed(List<ListEntry> entries, List<ReceivedEntry> received,
                                               java.util.function.Function<ReceivedEntry, String> ruleOf,
                                               java.time.ZoneId zone) {
        if (entries.isEmpty() && received.isEmpty()) {
            return List.of();
        }
        List<Grounds.Listed> listed = new ArrayList<>(entries.size() + received.size());
        entries.forEach(e -> listed.add(new Grounds.Listed(e.id().toString(), e.listType(), e.ruleCode(),
                e.disputed(), effectiveDay(e.effectiveFrom(), zone))));
        received.forEach(r -> listed.add(new Grounds.Listed(r.key(), ListType.valueOf(r.listType()), ruleOf.apply(r),
                r.disputed(), effectiveDay(r.effectiveFrom(), zone))));
        return listed;
    }

    /**
     * The day an entry took effect, for the measures it carries (those in force then, RULES.md §7); null when it
     * names none, and then it carries only what reached every entry since the days were kept.
     */
    private static java.time.LocalDate effectiveDay(Instant effectiveFrom, java.time.ZoneId zone) {
        return effectiveFrom == null ? null : java.time.LocalDate.ofInstant(effectiveFrom, zone);
    }

    /** Whether the caller implements a clean-record incentive for such a subject in the scenario. */
    private boolean grantsCleanRecord(Actor caller, SubjectKind kind, Scenario scenario) {
        String department = caller.departmentCode();
        for (Measure m : catalogue.all()) {
            if (m.appliesToCleanRecord(kind, scenario, department)) {
                return true;
            }
        }
        return false;
    }

    /** The "list type" of measures granted for a clean record rather than for a list entry. */
    public static final String CLEAN_RECORD = "CLEAN_RECORD";

    /**
     * RULES.md §7: three or more consecutive years without a negative record (counted over the records in use), and
     * nothing on the black or grey list now; an organisation, moreover, established three or more years ago where the
     * registry knows when ({@link CleanRecord}). The registry is asked only for an organisation that passes the rest,
     * and once per instance.
     */
    private boolean cleanRecord(IdentityDocument document, String pseudonym, List<Grounds.Listed> listed,
                                Instant now, Function<String, LocalDate> readableLastNegative) {
        if (Grounds.underPunishment(listed)) {
            return false;
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, clock.getZone());
        // The index's mark counts every negative record in use: none recent (most subjects), none the caller may count.
        if (!CleanRecord.withoutNegativeRecord(index.lastNegative(pseudonym), today)
                && !CleanRecord.withoutNegativeRecord(readableLastNegative.apply(pseudonym), today)) {
            return false;
        }
        return document.subjectKind() != SubjectKind.ORGANISATION
                || CleanRecord.establishedLongEnough(establishments.of(pseudonym), today);
    }

    /**
     * Feedback on one measure of a check, by the department that made it, once; the same feedback sent again is taken
     * as given (a retry after a lost answer), other feedback on the measure is refused. Any key of the department may
     * give it: the department owes it (发起 → 响应 → 反馈), and a key issued anew to replace one revoked still closes
     * the checks the old one made. Another department's check is not found. Feedback refused, or given and then not
     * stored, is audited as refused with its reason's code ({@link #feedbackRefused}).
     */
    public void feedback(UUID checkId, String measureCode, boolean applied, String outcome, String note) {
        Actor caller = AuditLog.currentActor();
        JdbcMeasures.CheckRow check = null;
        try {
            String department = departmentOf(caller);
            check = store.check(checkId).filter(c -> c.department().equals(department))
                    .orElseThrow(() -> new MeasuresProblem("CHECK_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                            "没有这次核查，或它不是本部门发起的"));
            give(caller, check, measureCode, applied, outcome, note);
        } catch (CodedProblem refused) {
            recordFeedbackRefused(caller, checkId, check, measureCode, refused.code(), refused);
            throw refused;
        }
    }

    private void give(Actor caller, JdbcMeasures.CheckRow check, String measureCode, boolean applied,
                      String outcome, String note) {
        UUID checkId = check.id();
        // Any measure the answer listed: feedback closes the loop on those owed, and on a clean-record incentive,
        // owed none, it is still counted (联合激励 is fed back too, RULES.md §7); a measure not listed was not applied.
        if (!check.measureCodes().contains(measureCode)) {
            throw new MeasuresProblem("MEASURE_NOT_IN_CHECK", DomainProblem.Kind.INVALID_INPUT,
                    "这次核查没有返回措施「" + measureCode + "」");
        }
        if (outcome == null || outcome.isBlank() || outcome.length() > 200) {
            throw new MeasuresProblem("OUTCOME_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "须写明处理结果（不超过 200 字）");
        }
        // Kept as the department wrote it, in clear (RULES.md §10): the check names the subject already.
        String keptOutcome = TypedText.fromSystem("outcome", "处理结果", outcome).strip();
        String keptNote = TypedText.fromSystem("note", "反馈说明", note);
        Optional<JdbcMeasures.GivenFeedback> given = store.feedbackOn(checkId, measureCode);
        if (given.isPresent()) {
            requireSame(given.get(), applied, keptOutcome, keptNote);
            return; // a system that lost the answer sends the same feedback again: given (and audited) the first time
        }
        // Audited before it is kept, and kept only once audited: the audit log refusing it (503) keeps nothing, and
        // the system's resend is then stored and audited. Not in one transaction with the audit event: the writer's
        // own transaction counts cases on the rows this one would hold locked while it waited.
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.feedback").by(caller)
                .subject(check.pseudonym()).detail(MeasureDetails.feedback(checkId, measureCode, applied)));
        boolean stored;
        try {
            stored = store.feedback(checkId, measureCode, applied, keptOutcome, keptNote, caller.actorId(),
                    clock.instant());
        } catch (RuntimeException failed) {
            // Audited as given, and not kept: the trail says so, lest it show feedback the case figures lack.
            recordFeedbackRefused(caller, checkId, check, measureCode, FEEDBACK_NOT_STORED, failed);
            throw failed;
        }
        if (!stored) {
            // Another copy of it came in between: the same is taken as given, other feedback is refused.
            requireSame(store.feedbackOn(checkId, measureCode).orElseThrow(), applied, keptOutcome, keptNote);
        }
    }

    /** The reason audited when feedback, audited as given, could not be stored (the caller is answered 500). */
    public static final String FEEDBACK_NOT_STORED = "FEEDBACK_NOT_STORED";

    /**
     * Audits feedback refused before {@link #feedback} could judge it — its body unreadable or invalid
     * ({@code code}: the refusal's, such as VALIDATION_FAILED) — as every refused feedback is: a department's attempt
     * to report on a check leaves a trace whether or not it is taken (issue #5). The caller then throws
     * {@code refusal}.
     */
    public void feedbackRefused(UUID checkId, String code, Exception refusal) {
        Actor caller = AuditLog.currentActor();
        String department = caller.departmentCode();
        JdbcMeasures.CheckRow check = department == null || department.isBlank() ? null
                : store.check(checkId).filter(c -> c.department().equals(department)).orElse(null);
        recordFeedbackRefused(caller, checkId, check, null, code, refusal);
    }

    /**
     * Audits feedback refused before the API's handler ran — by the framework: its media type, an id that is no UUID
     * ({@code checkId} null), its body past the bound — with the refusal's code and nothing of the check: its body was
     * never read, so neither the subject nor the measure is named. The audit log failing is the caller's to report.
     */
    public void feedbackRefusedUnread(UUID checkId, String code) {
        recordFeedbackRefused(AuditLog.currentActor(), checkId, null, null, code, null);
    }

    /**
     * A refused feedback as a security event: who, on which check, and the reason's code. The subject (by pseudonym)
     * and the measure only when the check is the caller's department's: another department's check, or none, names
     * no one to the caller, and the measure code the caller sent is its own text, which may hold anything (RULES.md
     * §10: never an identity number in the log). The audit log failing too does not hide the refusal from the caller.
     */
    private void recordFeedbackRefused(Actor caller, UUID checkId, JdbcMeasures.CheckRow check, String measureCode,
                                       String code, Throwable refusal) {
        String measure = check != null && measureCode != null && check.measureCodes().contains(measureCode)
                ? measureCode : null;
        // An id that is no UUID is the caller's text, kept nowhere: only that it was none.
        try {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "measures.feedback.refused").by(caller)
                    .subject(check == null ? null : check.pseudonym()).result(AuditResult.DENIED)
                    .detail(MeasureDetails.feedbackRefused(code, checkId, measure)));
        } catch (RuntimeException unavailable) {
            if (refusal == null) {
                throw unavailable;
            }
            refusal.addSuppressed(unavailable);
        }
    }

    private static void requireSame(JdbcMeasures.GivenFeedback given, boolean applied, String outcome, String note) {
        if (!given.equals(new JdbcMeasures.GivenFeedback(applied, outcome, note))) {
            throw new MeasuresProblem("FEEDBACK_EXISTS", DomainProblem.Kind.CONFLICT, "该措施的反馈已提交，且与本次不同");
        }
    }

    public List<JdbcMeasures.CaseCount> cases() {
        return store.caseCounts();
    }

    /** The most checks owing feedback one console page shows. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Keeps the offset of a hostile page number from overflowing (as Listing's). */
    private static final int MAX_PAGE = 100_000;

    /** A page of the checks still owing feedback, and how many there are. */
    public record UnreturnedPage(List<JdbcMeasures.Unreturned> checks, long total, int page, int size) {

        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * The checks still owing feedback, oldest first, a page at a time: every hit adds one until its department
     * reports, so the credit office chases them page by page, a department at a time if it likes ({@code null}: all),
     * and sees how many there are. Size and page are clamped.
     */
    public UnreturnedPage unreturned(String department, int page, int size) {
        int s = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        int p = Math.min(Math.max(0, page), MAX_PAGE);
        return new UnreturnedPage(store.unreturned(department, p * s, s), store.countUnreturned(department), p, s);
    }

    /** The calling department's checks owing feedback: a batch, how many it owes in all, and where to go on. */
    public record OwedFeedback(List<JdbcMeasures.Unreturned> checks, long total, UUID next) {
    }

    /**
     * The checks the calling department made, with any of its keys, that still owe feedback, oldest first,
     * {@code limit} (clamped to {@link #MAX_PAGE_SIZE}) after its check {@code after}: a department's approval system
     * works through them and reports (发起 → 响应 → 反馈) without keeping its own list of what it still owes, and a
     * key issued to replace a revoked one finds what the old one left owing. Only its department's checks.
     *
     * @throws MeasuresProblem AFTER_CHECK_UNKNOWN when {@code after} is not one of the calling department's checks
     */
    public OwedFeedback owedByCaller(UUID after, int limit) {
        String department = departmentOf(AuditLog.currentActor());
        int size = Math.min(Math.max(1, limit), MAX_PAGE_SIZE);
        List<JdbcMeasures.Unreturned> page = store.unreturnedOf(department, after, size);
        // A cursor naming none of its checks finds nothing after it; answered empty, the system would stop there while
        // checks still owed feedback. Only an empty batch pays the look-up that tells the two apart.
        if (page.isEmpty() && after != null
                && store.check(after).filter(c -> c.department().equals(department)).isEmpty()) {
            throw new MeasuresProblem("AFTER_CHECK_UNKNOWN", DomainProblem.Kind.INVALID_INPUT,
                    "after 须是本部门一次核查的 checkId（取上一批回答中的 next）；不带 after 则从最早的开始");
        }
        UUID next = page.size() == size ? page.get(size - 1).id() : null;
        return new OwedFeedback(page, store.countUnreturned(department), next);
    }

    public Optional<JdbcMeasures.CheckRow> find(UUID checkId) {
        return store.check(checkId);
    }

    /** How many subjects the in-memory index holds (console figure). */
    public int indexedSubjects() {
        return index.subjects();
    }
}
