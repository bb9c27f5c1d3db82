package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FormerName;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.NameChanges;
import cn.chengxin.subject.domain.NameSource;
import cn.chengxin.subject.domain.RelayedNames;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.persistence.JdbcNameChanges;
import cn.chengxin.subject.persistence.JdbcSubjectJoins;
import cn.chengxin.subject.persistence.JdbcSubjects;
import cn.chengxin.subject.persistence.SubjectBulkCopy;
import cn.chengxin.subject.persistence.SubjectBulkCopy.SealedOrganisation;
import cn.chengxin.subject.persistence.SubjectBulkCopy.SealedPerson;
import cn.chengxin.subject.protection.IdentityProtection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of credit subjects: one subject per person or organisation, found by the blind index of
 * its normalised number (RULES.md §1, §10). The only way other modules turn a number into a subject.
 */
@Service
public class SubjectRegistry {

    private final JdbcSubjects subjects;
    private final SubjectBulkCopy bulk;
    private final JdbcNameChanges nameChanges;
    private final JdbcSubjectJoins joins;
    private final IdentityProtection protection;
    private final IdentityNumbers numbers;
    private final AuditLog audit;
    private final Clock clock;

    SubjectRegistry(JdbcSubjects subjects, SubjectBulkCopy bulk, JdbcNameChanges nameChanges, JdbcSubjectJoins joins,
                    IdentityProtection protection, IdentityNumbers numbers, AuditLog audit, Clock clock) {
        this.subjects = subjects;
        this.audit = audit;
        this.bulk = bulk;
        this.nameChanges = nameChanges;
        this.joins = joins;
        this.protection = protection;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** As {@link IdentityNumbers#validate}, for callers of the registry that hold it already. */
    public IdentityDocument validate(DocumentType type, String raw) {
        return numbers.validate(type, raw);
    }

    /**
     * The subject holding the document: registered under it, or holding it as an approved further document (gaps
     * review xxx L1: one person, one file, whichever document they show; 98号 三(一)).
     */
    public Optional<UUID> find(IdentityDocument document) {
        return subjects.idOf(document.type(), protection.indexOf(document));
    }

    /**
     * The subject a console's search by document names (K5 of gaps-review-xxix: a person's objections, their repair
     * applications), the look recorded about them before anything is shown (RULES.md §9, §10): {@code look} builds the
     * entry, with its action and the queue's own purpose, for the subject's pseudonym. The number is posted by the
     * console, never in an address.
     *
     * @param documentType the type's name, or {@code null} to infer it from the number's shape
     * @throws cn.chengxin.subject.domain.InvalidIdentityException for a number that is not one
     * @throws CodedProblem {@code unknownCode} (not found) when the platform has no file of the subject
     */
    public UUID searchedFor(String documentType, String number, String unknownCode,
                            Function<String, AuditEntry> look) {
        UUID subjectId = find(validate(DocumentType.named(documentType), number)).orElseThrow(() -> new CodedProblem(
                unknownCode, DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案"));
        audit.record(look.apply(pseudonymOf(subjectId).orElseThrow()));
        return subjectId;
    }

    /**
     * The subjects kept by the joins approved of any of these ids, resolved before the caller's transaction: joined id
     * to kept id, absent for an id joined into nobody (most). A person's file is one, whichever document it was found
     * by (98号 三(一) "确保个人身份识别信息的唯一性"; RULES.md §1; issue #4: the subject registry, one subject per person),
     * and a join approved between a writer's resolution and its write ({@link SubjectJoining#approve}) has moved the
     * joined subject's records already, so what the writer writes under the joined id must go to the kept one. Joins
     * are held off, shared, until the caller's transaction ends: an approval waits for it, and one approved before is
     * read here. One query, whatever the number of ids.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Map<UUID, UUID> keptSubjectsHoldingJoins(java.util.Collection<UUID> ids) {
        joins.holdJoinsShared();
        return joins.keptInsteadOf(ids);
    }

    /**
     * The subject kept by a join approved of {@code id}, else {@code id} itself: {@link #keptSubjectsHoldingJoins} for
     * one subject found before the caller's transaction (a citizen signed in, a row read from a file). Joins are held
     * off until the caller's transaction ends, so what it writes under the answer stays on the person's one file
     * (98号 三(一); RULES.md §1).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID keptSubjectHoldingJoins(UUID id) {
        return keptSubjectsHoldingJoins(java.util.Set.of(id)).getOrDefault(id, id);
    }

    /**
     * Holds joins off until the caller's transaction ends, shared, as {@link #keptSubjectsHoldingJoins} does: first in a
     * writer's transaction that locks a row a join moves (a pending registration) before it reads its subject, so that
     * the writer waits for an approval under way rather than the approval for the writer's row while the writer waits
     * for the approval's lock (a deadlock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdJoinsOff() {
        joins.holdJoinsShared();
    }

    /**
     * {@link #find}, with joins held off until the caller's transaction ends: for a writer that finds its subject by the
     * number typed in the transaction that writes under it (a counter's filing). A join approved before is read here
     * (the joined number is held by the kept subject); one approving later waits for the caller, whose rows it then
     * moves with the rest (98号 三(一); RULES.md §1).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> findHoldingJoins(IdentityDocument document) {
        joins.holdJoinsShared();
        return find(document);
    }

    /**
     * The holder's pseudonym of each of these pseudonyms some subject holds ({@link #holdersAmong}), read with joins held
     * off until the caller's transaction ends, as {@link #keptSubjectsHoldingJoins} reads the kept ids: for a writer
     * that keeps rows by pseudonym and found its pseudonyms before its transaction (a batch received from another
     * platform). A join approved since is read here, one approving later waits for the caller; a joined subject's
     * pseudonym is then held by the kept subject, whose file the rows must reach (98号 三(一); RULES.md §1). One query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Map<String, String> holdersHoldingJoins(java.util.Collection<String> pseudonyms) {
        joins.holdJoinsShared();
        return holdersAmong(pseudonyms);
    }

    /**
     * A registered subject's id, its current name and the names it went by before approved name changes, each with its
     * period ({@link FormerName}), as {@link #findAll} returns them.
     */
    public record Found(UUID id, String name, List<FormerName> formerNames, boolean provisional) {

        public Found(UUID id, String name) {
            this(id, name, List.of(), false);
        }

        /**
         * How a row decided on {@code day} naming the subject {@code named} stands to the registry ({@link
         * SubjectNames#match}): by its current name, by a former name of that day, or by another name; {@code
         * PROVISIONAL} whatever it names when the registry holds only the name a relayed message carried ({@link
         * NameSource#EXCHANGE}, gaps review xxvii I9): that name refuses no row.
         */
        public SubjectNames.Match match(String named, LocalDate day) {
            return provisional ? SubjectNames.Match.PROVISIONAL : SubjectNames.match(name, formerNames, named, day);
        }
    }

    /**
     * Finds many documents at once (one query, for ingestion's chunks).
     *
     * @return found subjects keyed by the document's pseudonym ({@link #pseudonymOf(IdentityDocument)})
     */
    public java.util.Map<String, Found> findAll(List<IdentityDocument> documents) {
        return findByPseudonyms(documents.stream().collect(java.util.stream.Collectors.groupingBy(
                IdentityDocument::type, java.util.stream.Collectors.mapping(this::pseudonymOf,
                        java.util.stream.Collectors.toList()))));
    }

    /** The same, for callers that already hold the pseudonyms ({@link #pseudonymOf(IdentityDocument)}). */
    public java.util.Map<String, Found> findByPseudonyms(java.util.Map<DocumentType, List<String>> pseudonymsByType) {
        java.util.Map<String, JdbcSubjects.Named> named = new java.util.HashMap<>();
        pseudonymsByType.forEach((type, pseudonyms) -> named.putAll(subjects.byIndexes(type, pseudonyms.stream()
                .distinct().toList())));
        java.util.Map<UUID, List<FormerName>> former = nameChanges.formerNames(named.values().stream()
                .map(JdbcSubjects.Named::id).toList());
        java.util.Map<String, Found> found = new java.util.HashMap<>();
        named.forEach((hex, e) -> found.put(hex, new Found(e.id(), e.name(), former.getOrDefault(e.id(), List.of()),
                e.provisional())));
        return found;
    }

    /**
     * The responsible persons of many organisations at once, by organisation (absent: none recorded), every period of
     * each: one query for a chunk of records whose copies go to them (ingestion), not one per record.
     */
    public java.util.Map<UUID, List<SubjectProfile.ResponsibleView>> responsiblePersonsOf(
            java.util.Collection<UUID> organisations) {
        return organisations.isEmpty() ? java.util.Map.of() : subjects.responsiblePersonsOf(organisations);
    }

    /**
     * The responsible persons of many organisations at once, each period of each, by the person's pseudonym (absent:
     * none recorded): for the check index, one query for every organisation it reads (review xxv H2).
     */
    public java.util.Map<UUID, List<ResponsibleLink>> responsibleLinksOf(java.util.Collection<UUID> organisations) {
        return organisations.isEmpty() ? java.util.Map.of() : subjects.responsibleLinksOf(organisations);
    }

    /**
     * The changes of organisations' responsible persons numbered after {@code after}, in order, at most {@code limit}:
     * a change feed, so that a follower re-reads the links of an organisation it keeps within a second. A number can
     * commit after a higher one ({@link cn.chengxin.shared.FeedCursor}).
     */
    public List<ResponsibleLink.Changed> responsiblePersonsChangedSince(long after, int limit) {
        return subjects.responsiblePersonsChangedSince(after, limit);
    }

    /** The number of the last change of responsible persons (0: none), where a follower that read them all begins. */
    public long lastResponsiblePersonsChange() {
        return subjects.lastResponsiblePersonsChange();
    }

    public Optional<SubjectProfile> profile(UUID id) {
        return subjects.profile(id);
    }

    /** Registers a person, or returns the existing subject with the same number (idempotent). */
    @Transactional
    public UUID registerPerson(NewPerson person) {
        requireKind(person.document(), SubjectKind.PERSON);
        return register(person.document(), person.name(), person.synthetic(), NameSource.DEPARTMENT,
                id -> subjects.insertPersonDetails(id, person));
    }

    /** Registers an organisation, or returns the existing subject with the same code (idempotent). */
    @Transactional
    public UUID registerOrganisation(NewOrganisation organisation) {
        requireKind(organisation.document(), SubjectKind.ORGANISATION);
        return register(organisation.document(), organisation.name(), organisation.synthetic(), NameSource.DEPARTMENT,
                id -> subjects.insertOrganisationDetails(id, organisation));
    }

    /**
     * Registers a person whose identity was verified in person at the credit office's window, or by the real-name
     * provider online, and whose number the register does not know (gaps review xxix K3; RULES.md §9: self-query with
     * real-name verification). The subject has no records; its name is the verified one ({@link NameSource#CITIZEN}).
     * Audited under the new subject ({@code subject.register.citizen}); an existing subject is returned untouched.
     *
     * @param how how the identity was verified, the detail of the audit event (K7); never a number
     */
    @Transactional
    public UUID registerVerifiedPerson(IdentityDocument document, String name, AuditDetail how) {
        requireKind(document, SubjectKind.PERSON);
        Optional<UUID> existing = find(document);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = register(document, name.strip(), false, NameSource.CITIZEN, created -> subjects.insertPersonDetails(
                created, new NewPerson(document, name.strip(), null, null, List.of(), List.of(), false)));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.register.citizen")
                .subject(pseudonymOf(id).orElseThrow())
                .detail(how));
        return id;
    }

    /**
     * Registers a subject a relayed message names, under the name it carried, as provisional ({@link
     * NameSource#EXCHANGE}: no department of this platform and no review gave it, gaps review xxvii I9); or returns
     * the existing subject with the same number, its name untouched (idempotent).
     */
    @Transactional
    public UUID registerRelayed(IdentityDocument document, String name) {
        return document.subjectKind() == SubjectKind.PERSON
                ? register(document, name, false, NameSource.EXCHANGE, id -> subjects.insertPersonDetails(id,
                        new NewPerson(document, name, null, null, List.of(), List.of(), false)))
                : register(document, name, false, NameSource.EXCHANGE, id -> subjects.insertOrganisationDetails(id,
                        new NewOrganisation(document, name, null, List.of(), false)));
    }

    /**
     * Keeps a relayed subject's name right by the name a relayed message carried (gaps review xxvii I9,
     * {@link RelayedNames}): the platform of the first message seen is the subject's origin; a placeholder (no name yet,
     * shown as 未提供) takes the first name a message carries, still provisional; another name from the origin is the
     * origin's change of it, the name it replaces kept as a former name (曾用名) until the day before {@code today},
     * and the name then held against rows as this platform's own are (current or former, {@link NameSource#ORIGIN}).
     * Each change is audited under the subject ({@code subject.name.relayed}), naming the platform, never the names.
     *
     * @param sent   the name the message carried (null or blank: none)
     * @param sender the platform that issued the message
     * @return what the message's name did
     */
    @Transactional
    public RelayedNames.Outcome followRelayedName(UUID id, String sent, String sender, LocalDate today) {
        JdbcSubjects.RelayedName held = subjects.relayedName(id).orElseThrow();
        String origin = held.origin();
        if (origin == null && held.source() == NameSource.EXCHANGE && sender != null) {
            subjects.originate(id, sender);
            origin = sender;
        }
        RelayedNames.Outcome outcome = RelayedNames.of(held.name(), held.source(), origin, sent, sender);
        boolean changed = switch (outcome) {
            case GIVEN -> subjects.giveRelayedName(id, sent.strip());
            case RENAMED -> nameChanges.renameByOrigin(id, sent.strip(), NameChanges.leaving(held.name(),
                    nameChanges.formerNamesOf(id), today), sender);
            case KEPT -> false;
        };
        if (changed) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.relayed")
                    .subject(pseudonymOf(id).orElseThrow())
                    .detail(outcome == RelayedNames.Outcome.GIVEN
                            ? AuditDetail.of("NAME_RELAYED_GIVEN").with("origin", sender)
                            : AuditDetail.of("NAME_RELAYED_RENAMED").with("origin", sender).with("from", today)));
        }
        return changed ? outcome : RelayedNames.Outcome.KEPT;
    }

    private UUID register(IdentityDocument document, String name, boolean synthetic, NameSource source,
                          java.util.function.Consumer<UUID> details) {
        Optional<UUID> existing = find(document);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.newId();
        Optional<UUID> inserted = subjects.insertSubject(id, document.subjectKind(), protection.seal(document), name,
                synthetic, source);
        if (inserted.isEmpty()) {
            return find(document).orElseThrow();
        }
        details.accept(id);
        return id;
    }

    /**
     * Gives subjects registered under a provisional name ({@link NameSource#EXCHANGE}) the name {@code source} gave:
     * the first row of one of this platform's own departments, or the person's real-name registration (gaps review
     * xxvii I9; RULES.md §1). Each name set is audited under its subject ({@code subject.name.settle}); a subject whose
     * name is no longer provisional keeps it.
     *
     * @param names the name given, by subject id
     * @param by    who gave it, for the audit log (a department's code, "real-name registration"); never a number
     * @return how many names were set
     */
    @Transactional
    public int settleNames(java.util.Map<UUID, String> names, NameSource source, String by) {
        List<AuditEntry> settled = new java.util.ArrayList<>();
        names.forEach((id, name) -> {
            if (subjects.settleName(id, name.strip(), source)) {
                settled.add(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.settle")
                        .subject(pseudonymOf(id).orElseThrow())
                        .detail(AuditDetail.of(source == NameSource.CITIZEN ? "NAME_SETTLED_REAL_NAME"
                                : "NAME_SETTLED_DEPARTMENT").with("by", by)));
            }
        });
        if (!settled.isEmpty()) {
            audit.recordAll(settled);
        }
        return settled.size();
    }

    /**
     * Loads many new persons at once (demo data, initial migration from a legacy platform). Encryption runs
     * in parallel; the rows go in with COPY in one transaction.
     *
     * @return the new ids, in the order of {@code people}
     */
    @Transactional
    public List<UUID> registerPeopleInBulk(List<NewPerson> people) {
        List<SealedPerson> sealed = people.parallelStream()
                .map(p -> new SealedPerson(Ids.newId(), protection.seal(p.document()), p))
                .toList();
        bulk.copyPeople(sealed);
        return sealed.stream().map(SealedPerson::id).toList();
    }

    /** Bulk counterpart of {@link #registerOrganisation}; responsible persons must already be registered. */
    @Transactional
    public List<UUID> registerOrganisationsInBulk(List<NewOrganisation> organisations) {
        List<SealedOrganisation> sealed = organisations.parallelStream()
                .map(o -> new SealedOrganisation(Ids.newId(), protection.seal(o.document()), o))
                .toList();
        bulk.copyOrganisations(sealed);
        return sealed.stream().map(SealedOrganisation::id).toList();
    }

    /** Birth date and residence of many persons at once (absent: not a person). */
    public java.util.Map<UUID, ResidentFacts> residentFacts(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of() : subjects.residentFacts(ids);
    }

    /**
     * For paging through the population in id order by ranges: the last id of the page of {@code limit} persons
     * after {@code after} (null: the first page); empty when fewer follow (the page runs to the end).
     */
    public Optional<UUID> personPageEnd(UUID after, int limit) {
        return subjects.personPageEnd(after, limit);
    }

    /**
     * For passing over the persons whose birth date is unknown (a passport or a travel permit carries none) in id
     * order: the ids of the next {@code limit} of them after {@code after} (null: from the first).
     */
    public List<UUID> personsWithoutBirthDateAfter(UUID after, int limit) {
        return subjects.withoutBirthDateAfter(after, limit);
    }

    /** The resident facts of every person with an id in (after, last] (null: unbounded), in id order. */
    public List<ResidentFacts> residentFactsBetween(UUID after, UUID last) {
        return subjects.residentFactsBetween(after, last);
    }

    public long persons() {
        return subjects.persons();
    }

    /** The pseudonyms of many subjects at once, by id (absent: no such subject). */
    public java.util.Map<UUID, String> pseudonymsOf(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of() : subjects.numberIndexes(ids);
    }

    /**
     * The subjects registered under many pseudonyms at once ({@link #pseudonymOf(UUID)}), whatever their document
     * type: the reverse of {@link #pseudonymsOf}, for a module that keeps records by pseudonym only (absent: no
     * subject under it).
     */
    public java.util.Map<UUID, String> subjectsUnder(java.util.Collection<String> pseudonyms) {
        return pseudonyms.isEmpty() ? java.util.Map.of() : subjects.idsByIndexes(pseudonyms);
    }

    /** A subject as a message to another platform names it: the type of its document and its name. */
    public record Named(DocumentType documentType, String name) {
    }

    /**
     * The renamed subjects (gaps review xxv H6) that bear {@code name} now or bore it once (曾用名), exactly as written:
     * for a search by name that finds a subject whatever name of its its records were made under. A subject never
     * renamed is not among them: it only ever had the one name. One look-up on two small indexed tables.
     */
    public List<UUID> renamedSubjectsCalled(String name) {
        return name == null || name.isBlank() ? List.of() : nameChanges.renamedSubjectsCalled(name);
    }

    /** Many subjects' document types and names at once, by id (absent: no such subject). */
    public java.util.Map<UUID, Named> namesOf(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of() : subjects.names(ids);
    }

    /**
     * The subject's pseudonym for records kept outside this module (lists, checks, accounts, the audit log): the hex
     * of the blind index of its number, with the document type where the number alone names no one holder
     * ({@link IdentityDocument#indexInput}). Stable, not reversible without the index key, never the number itself.
     */
    public Optional<String> pseudonymOf(UUID id) {
        return subjects.numberIndex(id).map(java.util.HexFormat.of()::formatHex);
    }

    /**
     * The pseudonym of the subject holding the document ({@link #pseudonymOf(UUID)}), also when it holds it as a further
     * document (gaps review xxx L1); the document's own pseudonym ({@link #pseudonymOf(IdentityDocument)}) when nobody
     * registered holds it. For records kept by pseudonym that must reach the one file, whichever document was shown.
     */
    public String holderPseudonymOf(IdentityDocument document) {
        String own = pseudonymOf(document);
        return subjects.holders(List.of(own)).getOrDefault(own, own);
    }

    /**
     * The holder's pseudonym of each of the pseudonyms ({@link #pseudonymOf(IdentityDocument)}) some subject holds,
     * whatever its document type: itself for the document a subject was registered under, the subject's for an approved
     * further document (gaps review xxx L1); absent: nobody registered holds it. One query for many.
     */
    public java.util.Map<String, String> holdersAmong(java.util.Collection<String> pseudonyms) {
        return pseudonyms.isEmpty() ? java.util.Map.of() : subjects.holders(pseudonyms);
    }

    /**
     * The establishment dates (成立日期) the registry records for the organisations registered under these pseudonyms
     * ({@link #pseudonymOf(IdentityDocument)}), by pseudonym; absent: no such organisation, or its date is not
     * recorded. One query for many.
     */
    public java.util.Map<String, java.time.LocalDate> establishedOn(java.util.Collection<String> pseudonyms) {
        return pseudonyms.isEmpty() ? java.util.Map.of() : subjects.establishedOn(pseudonyms);
    }

    /**
     * Records the establishment dates (成立日期) registration records (登记注册基本信息) gave organisations, by subject
     * id: {@code given} as the latest word, {@code ifUnknown} only where no date is recorded yet. An id that is not an
     * organisation's is ignored.
     */
    @Transactional
    public void recordEstablishment(java.util.Map<UUID, LocalDate> given, java.util.Map<UUID, LocalDate> ifUnknown) {
        if (!given.isEmpty()) {
            subjects.recordEstablishment(given, false);
        }
        if (!ifUnknown.isEmpty()) {
            subjects.recordEstablishment(ifUnknown, true);
        }
    }

    /**
     * Writes the residences the records of the household and residence register gave persons (gaps review xxviii J1):
     * a record's residence is kept under its record, a later version of it corrects the residence, a revocation
     * removes it; residences of other records stay (the history). Called in the transaction that stores the records, so
     * that the rescoring their storage triggers ({@code RecordsChanged}) reads them.
     */
    @Transactional
    public void recordResidences(List<DeliveredFact<cn.chengxin.subject.domain.RegisteredResidence>> delivered) {
        delivered.forEach(d -> subjects.recordResidence(d.personId(), d.recordKey(), d.fact()));
    }

    /** As {@link #recordResidences}, for memberships of key occupational groups (RULES.md §1). */
    @Transactional
    public void recordMemberships(List<DeliveredFact<cn.chengxin.subject.domain.RegisteredMembership>> delivered) {
        delivered.forEach(d -> subjects.recordMembership(d.personId(), d.recordKey(), d.fact()));
    }

    /**
     * The {@link #pseudonymPrefix} of every registered subject, for a module that keeps them in memory to answer
     * {@link #holdersAmong} without a database read for most subjects.
     */
    public void eachPseudonymPrefix(java.util.function.LongConsumer into) {
        subjects.eachIndexPrefix(into);
    }

    /**
     * The first 64 bits of a pseudonym (its first 16 hex digits): the blind index is an HMAC, so these are as good as
     * random: a number nobody holds shares them with one of a million registered subjects with a chance of about
     * one in 2·10^13.
     */
    public static long pseudonymPrefix(String pseudonym) {
        return java.util.HexFormat.fromHexDigitsToLong(pseudonym, 0, 16);
    }

    /** As {@link IdentityNumbers#pseudonymOf}: the pseudonym of a validated number, registered or not. */
    public String pseudonymOf(IdentityDocument document) {
        return numbers.pseudonymOf(document);
    }

    /** A synthetic adult, for demo accounts: the oldest-registered one aged {@code minAge} or more. */
    public Optional<UUID> firstSyntheticAdult(int minAge) {
        return subjects.firstSyntheticAdult(LocalDate.now(clock).minusYears(minAge));
    }

    public SubjectCounts counts() {
        return subjects.counts();
    }

    /**
     * Residents by district: persons with a current residence, each counted at the district of their first current
     * one (as {@link #residentFacts} gives it); for coverage figures.
     */
    public java.util.Map<String, Long> residentsByRegion() {
        return subjects.residentsByRegion();
    }

    /**
     * The persons belonging to each key occupational group on {@code day} (重点人群, 黄石 二(二); RULES.md §1), for the
     * yearly report's counts: ids only, never a name or a number.
     */
    public java.util.Map<cn.chengxin.subject.domain.OccupationalGroup, List<UUID>> currentMembersByGroup(LocalDate day) {
        return subjects.currentMembersByGroup(day);
    }

    /**
     * The clear number of a subject, for the few uses that need it (the subject's own report, exchange with
     * other platforms). Callers must audit the disclosure.
     */
    public Optional<IdentityDocument> revealNumber(UUID id) {
        return subjects.storedNumber(id).map(n -> new IdentityDocument(n.type(),
                protection.decrypt(n.cipher(), n.keyVersion(), n.type().name())));
    }

    private static void requireKind(IdentityDocument document, SubjectKind kind) {
        if (document.subjectKind() != kind) {
            throw new IllegalArgumentException("a " + document.type() + " does not identify a " + kind);
        }
    }
}
