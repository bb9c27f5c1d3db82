package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.RecordPeriods;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.LegacySourceIds;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;
import cn.chengxin.ingestion.domain.ContentDigest;
import cn.chengxin.ingestion.domain.DecisionNumbers;
import cn.chengxin.ingestion.domain.RevocationReasons;
import cn.chengxin.ingestion.persistence.BatchClaims;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.RenamingSubjects;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.NameSource;
import cn.chengxin.subject.domain.SubjectNames;
import org.springframework.stereotype.Service;

/**
 * Takes a department's batch (API or file) through validation into the credit file, in chunks: each chunk's
 * accepted rows are committed together, so a failure loses only the chunk in flight, and a resubmission of
 * the same batch (same id, same content) stores nothing twice. Same id with other content is refused.
 */
@Service
public class Submissions {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Submissions.class);

    static final int CHUNK = 2_000;
    /** The most records one API submission carries; more are sent as several batches, or as a file. */
    public static final int MAX_RECORDS = 10_000;
    private static final int IN_FLIGHT = 2;

    private final RowValidator validator;
    private final SubjectRegistry subjects;
    private final RenamingSubjects renaming;
    private final Catalogue catalogue;
    private final CreditFile creditFile;
    private final LegacySourceIds legacySourceIds;
    private final JdbcBatches batches;
    private final BatchClaims claims;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate chunkTransactions;

    Submissions(RowValidator validator, SubjectRegistry subjects, RenamingSubjects renaming, Catalogue catalogue,
                CreditFile creditFile, LegacySourceIds legacySourceIds, JdbcBatches batches, BatchClaims claims,
                AuditLog audit, Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.validator = validator;
        this.subjects = subjects;
        this.renaming = renaming;
        this.catalogue = catalogue;
        this.creditFile = creditFile;
        this.legacySourceIds = legacySourceIds;
        this.batches = batches;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
        this.chunkTransactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    /** A row with its line (file) or position (API, from 1). */
    public record Numbered(long line, IncomingRecord row) {
    }

    /**
     * API submission: the whole batch is in the request. One over {@link #MAX_RECORDS} is refused whole with
     * BATCH_TOO_LARGE, the code the check API gives a batch over its limit: one situation, one code across the API.
     */
    public BatchResult submit(UUID batchId, String departmentCode, List<IncomingRecord> records) {
        return submit(batchId, departmentCode, records, BatchOrigin.ROUTINE);
    }

    /**
     * {@link #submit(UUID, String, List)} of a batch sent as {@code origin} (gaps review xliii X4): a MIGRATION batch,
     * which the caller was allowed to send, is stored alike and its chunks' events say it is a back-load. A resend runs
     * as the batch was first sent.
     */
    public BatchResult submit(UUID batchId, String departmentCode, List<IncomingRecord> records, BatchOrigin origin) {
        List<Numbered> rows = numbered(records);
        return run(batchId, departmentCode, "API", null, hash(records), legacyHash(records), records.size(),
                rows.iterator(), BatchOrigin.orRoutine(origin));
    }

    /** The rows of an API batch, numbered from 1; over {@link #MAX_RECORDS}, BATCH_TOO_LARGE. */
    private static List<Numbered> numbered(List<IncomingRecord> records) {
        if (records.size() > MAX_RECORDS) {
            throw new IngestionProblem("BATCH_TOO_LARGE", DomainProblem.Kind.INVALID_INPUT,
                    "一次最多报送 " + MAX_RECORDS + " 条记录（本批 " + records.size() + " 条）：请分成多批，或以文件报送");
        }
        List<Numbered> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new Numbered(i + 1, records.get(i)));
        }
        return rows;
    }

    /** What a validate-only batch answers instead of a stored batch's DONE. */
    public static final String VALIDATED = "VALIDATED";

    /**
     * 仅校验 (gaps review xxxvii-api R8): an API batch checked as {@link #submit} checks it — every row's fields, codes,
     * dates and numbers against the catalogue in force, the subject's and responsible persons' names against the
     * registry, corrections and revocations against the department's records, withdrawn items — and answered with the
     * same row errors and warnings, but stored nowhere: no batch, no record, no subject registered, no name settled,
     * no rescoring, so a department's developer tests against the platform without touching anyone's credit file. The
     * call itself is audited (ingestion.validate), with its counts only. Not told: what only storing finds (a row sent
     * before is counted accepted, not duplicate; RECORD_EXISTS, RECORD_VERSION_STALE, RECORD_VERSION_CONFLICT,
     * RECORD_REVOKED, RECORD_ARCHIVED), nor a change of name delivered for an organisation the registry does not know.
     */
    public BatchResult validate(String departmentCode, List<IncomingRecord> records) {
        return validate(departmentCode, numbered(records), "BATCH_VALIDATED", null);
    }

    /**
     * {@link #validate(String, List)} of rows numbered as they came: an API batch's by index, a file's by line
     * ({@link FileSubmissions#validate}), audited under {@code auditCode}. {@code failure}: where a file stopped being
     * readable (the rows before it are checked), null otherwise.
     */
    BatchResult validate(String departmentCode, List<Numbered> rows, String auditCode, BatchFailure failure) {
        requireDepartment(departmentCode);
        Map<String, CatalogueItem> active = new HashMap<>();
        catalogue.active().forEach(i -> active.put(i.code(), i));
        // One chunk (at most MAX_RECORDS rows): a correction finds the record an earlier row of the batch adds, as a
        // real batch finds it stored by then.
        Prepared checked = prepare(departmentCode, rows, active, LocalDate.now(clock), () -> { }, true);
        List<RowError> errors = new ArrayList<>(withTheirRows(rows, checked.errors()));
        errors.sort(java.util.Comparator.comparingLong(RowError::line).thenComparing(RowError::field,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(RowError::code));
        int rejected = (int) errors.stream().mapToLong(RowError::line).distinct().count();
        List<RowWarning> warnings = checked.warnings();
        java.time.Instant now = clock.instant();
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "ingestion.validate").detail(AuditDetail
                .of(auditCode).with("rows", rows.size()).with("accepted", rows.size() - rejected)
                .with("rejected", rejected)));
        return new BatchResult(null, VALIDATED, rows.size(), rows.size() - rejected, 0, rejected,
                errors.subList(0, Math.min(errors.size(), BatchResult.ERRORS_SHOWN)), errors.size(),
                warnings.subList(0, Math.min(warnings.size(), BatchResult.ERRORS_SHOWN)), warnings.size(), failure, now,
                now, false, null, BatchOrigin.ROUTINE);
    }

    /** Records are delivered by a data-providing department: a caller linked to none has nothing to deliver under. */
    static void requireDepartment(String departmentCode) {
        if (departmentCode == null || departmentCode.isBlank()) {
            throw new IngestionProblem("DEPARTMENT_REQUIRED", DomainProblem.Kind.FORBIDDEN, "报送方未关联数据提供单位");
        }
    }

    /**
     * Runs a batch; rows are pulled one at a time so a file of any size needs bounded memory.
     *
     * @param contentHash identifies the content, so that the same batch id with other content is refused
     */
    public BatchResult run(UUID batchId, String departmentCode, String channel, String fileName, String contentHash,
                           Integer totalRows, Iterator<Numbered> rows) {
        return run(batchId, departmentCode, channel, fileName, contentHash, null, totalRows, rows,
                BatchOrigin.ROUTINE);
    }

    /**
     * @param legacyHash the content's hash in the form before {@link ContentDigest}, which batches stored before carry
     *                   (a resend of one is still the same batch); {@code null} when there was none (a file's hash is
     *                   of its bytes, in one form only)
     * @param origin     why a batch not stored before is sent; one stored before (a resend, a file received before its
     *                   run) runs with the origin it was stored with
     */
    private BatchResult run(UUID batchId, String departmentCode, String channel, String fileName, String contentHash,
                            String legacyHash, Integer totalRows, Iterator<Numbered> rows, BatchOrigin origin) {
        requireDepartment(departmentCode);
        String by = AuditLog.currentActor().actorName();
        Optional<BatchClaims.Claim> claim = claims.claim(batchId);
        if (claim.isEmpty()) {
            return asRunning(batchId, departmentCode, contentHash, legacyHash);
        }
        try (BatchClaims.Claim held = claim.get()) {
            boolean backLoad = origin == BatchOrigin.MIGRATION;
            if (!batches.start(batchId, departmentCode, by, channel, fileName, contentHash, totalRows,
                    clock.instant(), origin)) {
                BatchResult first = sameBatch(batches.find(batchId).orElseThrow(), departmentCode, contentHash,
                        legacyHash);
                if (!"RUNNING".equals(first.status())) {
                    return first.asReplay();
                }
                // Marked running, and nobody holds its claim: interrupted by a crash (or a file's batch, stored when
                // it was received, coming to its worker). Run it again; what was stored is recognised, not stored twice.
                batches.restart(batchId);
                backLoad = batches.origin(batchId) == BatchOrigin.MIGRATION;
            }
            try {
                process(batchId, departmentCode, by, held, rows, backLoad);
                held.requireHeld(); // nor marks done a batch that a resend may be running again by now
                batches.finish(batchId, "DONE", null, clock.instant());
            } catch (BatchClaims.ClaimLost lost) {
                // Neither done nor failed: its claim is free, so a resend takes it up, as after a crash.
                log.warn("Batch {} stopped: its claim was lost; it runs again when sent again", batchId);
                throw lost;
            } catch (RuntimeException e) {
                batches.finish(batchId, "FAILED", BatchFailure.of(e), clock.instant());
                throw e;
            }
        }
        return batches.result(batchId).orElseThrow();
    }

    /**
     * A batch running now, on this instance or another (its claim is held): the replay is answered with its progress,
     * never run a second time. Its row is stored right after its claim is taken; a replay that comes in between waits
     * for it a moment.
     */
    private BatchResult asRunning(UUID batchId, String departmentCode, String contentHash, String legacyHash) {
        for (int attempt = 0; attempt < 40; attempt++) {
            Optional<JdbcBatches.Stored> stored = batches.find(batchId);
            if (stored.isPresent()) {
                return sameBatch(stored.get(), departmentCode, contentHash, legacyHash).asReplay();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IngestionProblem("BATCH_IN_PROGRESS", DomainProblem.Kind.CONFLICT, "该批次正在处理，请稍后查询结果");
    }

    /**
     * The stored batch's result, when it is this batch: the same department and content, else BATCH_CONFLICT. A batch
     * stored before {@link ContentDigest} carries its hash in the form before, and is compared in that form; one stored
     * since, only in the new form (its hash starts with {@link ContentDigest#FORM}, so no hash of the form before can
     * equal it).
     */
    private BatchResult sameBatch(JdbcBatches.Stored stored, String departmentCode, String contentHash,
                                  String legacyHash) {
        boolean sameContent = stored.contentHash().equals(contentHash) || stored.contentHash().equals(legacyHash);
        if (!sameContent || !stored.departmentCode().equals(departmentCode)) {
            throw new IngestionProblem("BATCH_CONFLICT", DomainProblem.Kind.CONFLICT, "批次号已用于内容不同的另一次报送");
        }
        return batches.result(stored.id()).orElseThrow();
    }

    /** A batch's result, only for the department that submitted it. */
    public Optional<BatchResult> result(UUID batchId, String departmentCode) {
        return owned(batchId, departmentCode).flatMap(b -> batches.result(batchId));
    }

    /**
     * The problems of a batch's rejected rows after line {@code afterLine}, in the order of the file, whole rows, about
     * {@code limit} (1 to {@link BatchResult#ERRORS_SHOWN}) at a time; only for the department that submitted it.
     */
    public Optional<List<RowError>> errors(UUID batchId, String departmentCode, long afterLine, int limit) {
        int size = Math.max(1, Math.min(limit, BatchResult.ERRORS_SHOWN));
        return owned(batchId, departmentCode).map(b -> batches.errorsAfter(batchId, Math.max(0, afterLine), size));
    }

    /** The warnings a page shows at most: each is a row accepted, which its department corrects at its own pace. */
    public static final int WARNINGS_SHOWN = 200;

    /** A batch's first warnings ({@link #WARNINGS_SHOWN}), in the order of the file, and how many it has. */
    public record Warnings(List<RowWarning> shown, long total) {
    }

    /** The warnings of a batch's accepted rows, only for the department that submitted it. */
    public Optional<Warnings> warnings(UUID batchId, String departmentCode) {
        return owned(batchId, departmentCode).map(b -> {
            List<RowWarning> shown = batches.warnings(batchId, WARNINGS_SHOWN);
            return new Warnings(shown, shown.size() < WARNINGS_SHOWN ? shown.size() : batches.countWarnings(batchId));
        });
    }

    /**
     * Every problem of a batch's rejected rows, in the order of the file, read a page at a time as they are gone
     * through: an error report of a million rows is written with the memory of one page. Only for the department
     * that submitted it.
     */
    public Optional<Iterable<RowError>> allErrors(UUID batchId, String departmentCode) {
        return owned(batchId, departmentCode).map(b -> () -> new PagedErrors(after ->
                batches.errorsAfter(batchId, after, BatchResult.ERRORS_SHOWN)));
    }

    /** How many warnings the batch's accepted rows have (after its owner was checked). */
    long warningCount(UUID batchId) {
        return batches.countWarnings(batchId);
    }

    /** How a warning's message begins in the error report, where it follows the problems of the rows refused. */
    static final String ACCEPTED_ROW = "提示（该行已接受）：";

    /**
     * The error report's rows: every problem of the batch's rejected rows, then every warning of its rows accepted all
     * the same (SUBJECT_FORMER_NAME, RESPONSIBLE_PERSON_FORMER_NAME; gaps review xxv H6), its message beginning with
     * {@link #ACCEPTED_ROW}, so that the department corrects its own system from the one file it downloads. Both are read
     * a page at a time. Only for the department that submitted it.
     */
    public Optional<Iterable<RowError>> reportRows(UUID batchId, String departmentCode) {
        return owned(batchId, departmentCode).map(b -> () -> java.util.stream.Stream.concat(
                java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(new PagedErrors(
                        after -> batches.errorsAfter(batchId, after, BatchResult.ERRORS_SHOWN)), 0), false),
                java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(new PagedErrors(
                        after -> batches.warningsAfter(batchId, after, BatchResult.ERRORS_SHOWN)), 0), false)
                        .map(w -> new RowError(w.line(), w.field(), w.code(), ACCEPTED_ROW + w.message(),
                                w.sourceRecordId(), w.maskedNumber()))).iterator());
    }

    /**
     * The batch, only for the department that submitted it: whatever is read of a batch (its result, its page,
     * its error report) is read under this one rule, and another department's batch is as if it did not exist.
     */
    Optional<JdbcBatches.Stored> owned(UUID batchId, String departmentCode) {
        return batches.find(batchId).filter(b -> b.departmentCode().equals(departmentCode));
    }

    /**
     * Two stages on two cores: this thread parses, validates and resolves chunk n+1 while a second thread
     * stores chunk n, so the CPU work of a chunk overlaps the database work of the one before. At most
     * {@link #IN_FLIGHT} prepared chunks wait, so memory stays bounded whatever the file size. The first
     * failure of the storing stage stops the batch. A file that stops being readable part-way has the rows
     * read before that point stored like any chunk, then stops the batch with the reader's problem.
     */
    private void process(UUID batchId, String department, String by, BatchClaims.Claim held,
                         Iterator<Numbered> rows, boolean backLoad) {
        Map<String, CatalogueItem> active = new HashMap<>();
        catalogue.active().forEach(i -> active.put(i.code(), i));
        LocalDate today = LocalDate.now(clock);
        cn.chengxin.shared.security.Actor actor = AuditLog.currentActor();
        ExecutorService storing = Executors.newSingleThreadExecutor(r -> new Thread(r, "ingestion-store"));
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        Runnable settle = () -> {
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
        };
        try {
            List<Numbered> chunk = new ArrayList<>(CHUNK);
            RuntimeException stoppedReading = null;
            while (true) {
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    chunk.add(rows.next());
                } catch (RuntimeException e) {
                    // The rows read so far are good rows: accepted rows are never lost because others failed.
                    stoppedReading = e;
                    break;
                }
                if (chunk.size() == CHUNK) {
                    handOver(batchId, by, actor, held, prepare(department, chunk, active, today, settle, false), storing,
                            inFlight, backLoad);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                handOver(batchId, by, actor, held, prepare(department, chunk, active, today, settle, false), storing,
                        inFlight, backLoad);
            }
            settle.run();
            if (stoppedReading != null) {
                throw stoppedReading;
            }
        } finally {
            inFlight.forEach(f -> f.cancel(false));
            storing.shutdown();
            try {
                storing.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOver(UUID batchId, String by, cn.chengxin.shared.security.Actor actor, BatchClaims.Claim held,
                          Prepared prepared, ExecutorService storing, Deque<Future<?>> inFlight, boolean backLoad) {
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        inFlight.addLast(storing.submit(() -> {
            // A runner that lost its claim stores nothing more: a resend may be running the batch by now.
            held.requireHeld();
            store(batchId, by, actor, prepared, backLoad);
        }));
    }

    private static void await(Future<?> stored) {
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a chunk", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A validated, resolved chunk ready to store; {@code lines} is negative for linked copies, and {@code copyOf} is
     * the place of each copy's record in {@code records} (-1 for a row's own record). {@code sent} is the chunk as
     * read, for the numbers of the rows refused only when stored. {@code warnings}: those of the rows about to be
     * stored, kept for the rows the credit file does not refuse.
     */
    private record Prepared(List<Numbered> sent, List<RowError> errors, List<NewRecord> records, List<Long> lines,
                            List<Integer> copyOf, List<RowWarning> warnings) {

        int rows() {
            return sent.size();
        }
    }

    /**
     * @param settle  waits for the chunks handed over to be stored
     * @param dryRun  validate only ({@link #validate}): a subject the registry does not know is taken as it would be
     *                registered, but registered nowhere, and no provisional name is settled
     */
    private Prepared prepare(String department, List<Numbered> chunk, Map<String, CatalogueItem> active,
                             LocalDate today, Runnable settle, boolean dryRun) {
        List<RowError> errors = new ArrayList<>();
        List<RowValidator.Valid> valid = new ArrayList<>();
        Map<Long, StoreOutcome> refusedRevisions = revisionsOfUnknownRecords(department, chunk, settle);
        for (Numbered n : chunk) {
            Object outcome = validator.validate(n.line(), n.row(), department, active, today,
                    refusedRevisions.get(n.line()));
            if (outcome instanceof RowValidator.Valid v) {
                valid.add(v);
            } else {
                @SuppressWarnings("unchecked")
                List<RowError> rowErrors = (List<RowError>) outcome;
                errors.addAll(rowErrors);
            }
        }
        valid = withoutNewRecordsUnderWithdrawnItems(department, valid, errors);
        // A residence or membership the registry would not take is refused before the subject is resolved: it
        // registers nobody.
        valid = valid.stream().filter(v -> DeliveredRegistrations.refusal(v, today).map(errors::add).isEmpty())
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<NewRecord> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Integer> copyOf = new ArrayList<>();
        List<RowWarning> warnings = new ArrayList<>();
        Resolution resolved = resolveAll(department, valid, dryRun);
        Map<UUID, List<SubjectProfile.ResponsibleView>> registered = subjects.responsiblePersonsOf(valid.stream()
                .filter(v -> v.item().linksToResponsiblePersons()).map(v -> resolved.ids().get(v.pseudonym()))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        // A correction or revocation reaches every copy made of its record, also one of a person named only once.
        Map<UUID, List<UUID>> holders = creditFile.copyHolders(department, valid.stream()
                .filter(v -> v.item().linksToResponsiblePersons() && v.action() != RecordAction.ADD)
                .map(v -> NewRecord.linkKey(department, v.row().sourceRecordId()))
                .collect(java.util.stream.Collectors.toSet()));
        Periods periods = periodsOf(department, valid);
        // The copies this chunk's earlier rows make of it are stored with the chunk, after that look-up: they are
        // counted among the holders as they are made.
        Map<UUID, Set<UUID>> copiedInChunk = new HashMap<>();
        for (RowValidator.Valid v : valid) {
            if (resolved.mismatchedLines().contains(v.line())) {
                errors.add(new RowError(v.line(), "subjectName", "SUBJECT_NAME_MISMATCH",
                        "主体名称与信用主体库登记的不一致"));
                continue;
            }
            List<RowError> mismatchedPersons = resolved.mismatchedPersons().get(v.line());
            if (mismatchedPersons != null) {
                errors.addAll(mismatchedPersons);
                continue;
            }
            Optional<UUID> subject = Optional.ofNullable(resolved.ids().get(v.pseudonym()));
            if (subject.isEmpty()) {
                // Not registered: a revision, which registers nobody (issue #4), of a record found under its item
                // (revisionsOfUnknownRecords), so another subject's.
                errors.add(RowValidator.revisionRefused(v.line(), StoreOutcome.recordElsewhere()));
                continue;
            }
            if (DeliveredRenames.delivers(v.item().code(), v.action())
                    && !resolved.unregistered().contains(subject.get())) {
                Optional<RowError> refused = DeliveredRenames.refusal(renaming, v, subject.get());
                if (refused.isPresent()) {
                    errors.add(refused.get());
                    continue;
                }
            }
            int own = records.size();
            records.add(record(v, subject.get(), department, null, periods));
            lines.add(v.line());
            copyOf.add(-1);
            if (resolved.formerNamed().contains(v.line())) {
                warnings.add(RowWarning.formerName(v.line(), v.row()));
            }
            resolved.formerNamedPersons().getOrDefault(v.line(), List.of())
                    .forEach(field -> warnings.add(RowWarning.responsibleFormerName(v.line(), field, v.row())));
            if (v.item().linksToResponsiblePersons()) {
                UUID linkedFrom = NewRecord.linkKey(department, v.row().sourceRecordId());
                List<UUID> holding = new ArrayList<>(holders.getOrDefault(linkedFrom, List.of()));
                if (v.action() != RecordAction.ADD) {
                    holding.addAll(copiedInChunk.getOrDefault(linkedFrom, Set.of()));
                }
                for (UUID person : LinkedCopies.recipients(v.decisionDate(),
                        registered.getOrDefault(subject.get(), List.of()),
                        v.responsiblePersons().stream().map(p -> resolved.ids().get(p.pseudonym())).toList(),
                        holding)) {
                    copiedInChunk.computeIfAbsent(linkedFrom, k -> new java.util.LinkedHashSet<>()).add(person);
                    records.add(new NewRecord(person, v.item().code(), v.itemVersion(), department,
                            v.row().sourceRecordId() + "@" + person, v.version(), v.action(),
                            DecisionNumbers.normalised(v.row().decisionNumber()), v.decisionDate(), v.content(),
                            periods.publicationEnd(v), periods.retentionEnd(v), v.fingerprint(),
                            v.legacyFingerprint(), linkedFrom,
                            RevocationReasons.normalised(v.row().revocationReason())));
                    lines.add(-v.line()); // a linked copy: not counted as a row of the batch
                    copyOf.add(own);
                }
            }
        }
        return new Prepared(chunk, errors, records, lines, copyOf, warnings);
    }

    /**
     * The lines of the chunk's corrections and revocations of records the department never sent under their item, with
     * their refusal: each is refused with the one problem that matters, RECORD_UNKNOWN, or, when the key is the
     * department's record under another item, RECORD_SUBJECT_OR_ITEM_CHANGED ({@link StoreOutcome#recordElsewhere}),
     * not with what a new record would lack (issue #4), and before subjects are resolved, so that it registers nobody.
     * A record added in this chunk is known (the credit file stores a chunk's additions first); one added in an earlier
     * chunk of the batch may still be being stored by the other stage, so only when some are not found are the chunks
     * in flight waited for and those looked up again. The credit file refuses at store time whatever this misses.
     */
    private Map<Long, StoreOutcome> revisionsOfUnknownRecords(String department, List<Numbered> chunk,
                                                             Runnable settle) {
        // Most chunks revise nothing: they need none of the look-up, nor a scan of each row for control characters
        // (which the validation does again on every row).
        if (chunk.stream().noneMatch(n -> RowValidator.actionOf(n.row()).filter(a -> a != RecordAction.ADD)
                .isPresent())) {
            return Map.of();
        }
        Map<String, String> addedHere = new HashMap<>();
        Map<Long, String> revisions = new HashMap<>();
        for (Numbered n : chunk) {
            String source = n.row().sourceRecordId() == null ? "" : n.row().sourceRecordId().strip();
            Optional<RecordAction> action = RowValidator.actionOf(n.row());
            if (source.isEmpty() || action.isEmpty() || RowValidator.holdsControlCharacters(n.row())) {
                continue; // a row with a control character is refused alone: its key is never looked up
            }
            if (action.get() == RecordAction.ADD) {
                addedHere.put(source, itemCodeOf(n.row()));
            } else {
                revisions.put(n.line(), source);
            }
        }
        if (revisions.isEmpty()) {
            return Map.of();
        }
        Map<String, String> sent = new HashMap<>(creditFile.itemsSent(department, Set.copyOf(revisions.values())));
        sent.putAll(addedHere);
        Set<Long> unknown = unknownAmong(chunk, revisions, sent);
        if (!unknown.isEmpty()) {
            settle.run();
            Set<String> asked = new java.util.HashSet<>();
            unknown.forEach(line -> asked.add(revisions.get(line)));
            sent.putAll(creditFile.itemsSent(department, asked));
            unknown = unknownAmong(chunk, revisions, sent);
        }
        Map<Long, StoreOutcome> refused = new HashMap<>();
        unknown.forEach(line -> refused.put(line, sent.containsKey(revisions.get(line)) ? StoreOutcome.recordElsewhere()
                : StoreOutcome.unknownRecord()));
        return refused;
    }

    private static Set<Long> unknownAmong(List<Numbered> chunk, Map<Long, String> revisions, Map<String, String> sent) {
        Set<Long> unknown = new java.util.HashSet<>();
        for (Numbered n : chunk) {
            String source = revisions.get(n.line());
            if (source != null && !itemCodeOf(n.row()).equals(sent.get(source))) {
                unknown.add(n.line());
            }
        }
        return unknown;
    }

    private static String itemCodeOf(IncomingRecord row) {
        return row.itemCode() == null ? "" : row.itemCode().strip();
    }

    /**
     * A withdrawn item takes no new record (RULES.md §2), but a row stored before the withdrawal and sent again is no
     * new record: it is a replay, a no-op like any other (issue #4, exactly-once), and stays in to be counted a
     * duplicate. The others are refused with ITEM_WITHDRAWN here, before subjects are resolved, so that a refused row
     * registers nobody. Rows under items in force are not looked up: that costs a query only for the rare rows
     * under withdrawn ones.
     */
    private List<RowValidator.Valid> withoutNewRecordsUnderWithdrawnItems(String department,
                                                                         List<RowValidator.Valid> valid,
                                                                         List<RowError> errors) {
        List<CreditFile.SentVersion> asked = valid.stream().filter(RowValidator.Valid::newUnderWithdrawnItem)
                .map(RowValidator.Valid::sent).toList();
        if (asked.isEmpty()) {
            return valid;
        }
        Set<CreditFile.SentVersion> replays = creditFile.alreadyStored(department, asked);
        List<RowValidator.Valid> kept = new ArrayList<>(valid.size());
        for (RowValidator.Valid v : valid) {
            if (!v.newUnderWithdrawnItem() || replays.contains(v.sent())) {
                kept.add(v);
            } else {
                errors.add(RowValidator.itemWithdrawn(v.line(), v.item()));
            }
        }
        return kept;
    }

    /** {@code backLoad}: the batch is a MIGRATION one, which its chunk's events say (gaps review xliii X4). */
    private void store(UUID batchId, String by, cn.chengxin.shared.security.Actor actor, Prepared chunk,
                       boolean backLoad) {
        List<RowError> errors = new ArrayList<>(chunk.errors());
        int accepted = 0;
        int duplicates = 0;
        // Under the subjects that are the records' when they are stored (JoinedSinceResolved). The residences and
        // memberships the records give are written with them: the rescoring their storage triggers once they commit
        // reads them (DeliveredRegistrations).
        Stored stored = chunk.records().isEmpty() ? new Stored(List.of(), List.of())
                : chunkTransactions.execute(tx -> {
                    List<NewRecord> records = JoinedSinceResolved.underKeptSubjects(chunk.records(), subjects);
                    List<StoreOutcome> results = creditFile.store(batchId, by, records, chunk.copyOf(),
                            backLoad);
                    if (backLoad) {
                        legacySourceIds.keep(batchId, legacyIds(chunk, results));
                    }
                    DeliveredRegistrations.facts(records, results, subjects::recordResidences,
                            subjects::recordMemberships);
                    return new Stored(records, results);
                });
        List<StoreOutcome> outcomes = stored.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            long line = chunk.lines().get(i);
            StoreOutcome outcome = outcomes.get(i);
            if (line < 0) {
                continue;
            }
            switch (outcome.kind()) {
                case STORED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REFUSED -> errors.add(new RowError(line, "sourceRecordId", outcome.code(), outcome.message()));
            }
        }
        DeliveredRenames.propose(renaming, stored.records(), chunk.lines(), outcomes, actor, errors);
        Establishment.Dates established = Establishment.datesIn(stored.records(), outcomes);
        subjects.recordEstablishment(established.stored(), established.replayed());
        long rejectedRows = errors.stream().mapToLong(RowError::line).distinct().count();
        // A warning is about a row taken: none for one refused after all (by the credit file, or as a rename).
        Set<Long> refused = errors.stream().map(RowError::line).collect(java.util.stream.Collectors.toSet());
        batches.progress(batchId, chunk.rows(), accepted, duplicates, (int) rejectedRows,
                withTheirRows(chunk.sent(), errors),
                chunk.warnings().stream().filter(w -> !refused.contains(w.line())).toList());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "ingestion.chunk").by(actor).detail(AuditDetail
                .of("CHUNK_PROCESSED").with("batch", batchId).with("rows", chunk.rows()).with("accepted", accepted)
                .with("duplicates", duplicates).with("rejected", rejectedRows)));
    }

    /**
     * The old platform's ids a back-load's rows sent (gaps review xliii X3), by the key of the record each stored or
     * found stored (a resend keeps what a stopped run did not); none for a responsible person's copy, which the old
     * platform held under no id of its own.
     */
    private static Map<UUID, String> legacyIds(Prepared chunk, List<StoreOutcome> outcomes) {
        Map<Long, String> byLine = new HashMap<>();
        for (Numbered n : chunk.sent()) {
            if (n.row() != null && n.row().legacyId() != null) {
                byLine.put(n.line(), n.row().legacyId());
            }
        }
        Map<UUID, String> byRecord = new HashMap<>();
        for (int i = 0; i < outcomes.size() && !byLine.isEmpty(); i++) {
            String legacyId = byLine.get(chunk.lines().get(i));
            StoreOutcome outcome = outcomes.get(i);
            if (legacyId != null && outcome.kind() != StoreOutcome.Kind.REFUSED && outcome.recordKey() != null) {
                byRecord.putIfAbsent(outcome.recordKey(), legacyId);
            }
        }
        return byRecord;
    }

    /** A chunk's records as stored, and their outcomes in order. */
    private record Stored(List<NewRecord> records, List<StoreOutcome> outcomes) {
    }

    /**
     * The problems with the key and the masked number of their rows: the report, the API and the batch's page name
     * each row as the department's clerk finds it in the department's own system.
     */
    private static List<RowError> withTheirRows(List<Numbered> sent, List<RowError> errors) {
        if (errors.isEmpty()) {
            return errors;
        }
        Map<Long, IncomingRecord> rejected = new HashMap<>();
        errors.forEach(e -> rejected.put(e.line(), null));
        for (Numbered n : sent) {
            if (rejected.containsKey(n.line())) {
                rejected.put(n.line(), n.row());
            }
        }
        return errors.stream().map(e -> e.of(rejected.get(e.line()))).toList();
    }

    /**
     * Finds every row's subject, and every responsible person the rows name, in one query and registers the unknown
     * persons in one COPY (organisations one at a time: they are few). Rows whose name differs from the registry's,
     * beyond how it is written ({@link SubjectNames}), and is no former name of the subject on the row's decision date
     * ({@link SubjectRegistry.Found#match}), get SUBJECT_NAME_MISMATCH; rows naming a responsible person so under
     * another name than the registry's, RESPONSIBLE_PERSON_NAME_MISMATCH on that person's name, and register
     * nobody. A named person unknown to the registry is registered as a row's unknown subject is, for a row that will
     * be stored: the copy made for them needs a subject. One the registry does not know is registered under the name
     * of the chunk's first row naming them, and the later rows are held to that name as to the registry's: else a row
     * naming them otherwise would have its record stored on the file of the first row's name. A subject registered
     * under a provisional name, the one a relayed message carried ({@link SubjectNames.Match#PROVISIONAL}), is held to
     * no name: the chunk's first row naming it gives it its name, audited, and the later rows are held to that one
     * (gaps review xxvii I9).
     *
     * @return subject ids by pseudonym (the named persons' too), the lines whose names do not match, those that
     *         name their subject by a former name, and the name fields of responsible persons so named, by line
     */
    private Resolution resolveAll(String department, List<RowValidator.Valid> valid, boolean dryRun) {
        java.util.Set<Long> mismatch = new java.util.HashSet<>();
        java.util.Set<Long> formerNamed = new java.util.HashSet<>();
        Map<Long, List<RowError>> personMismatch = new HashMap<>();
        Map<Long, List<String>> formerNamedPersons = new HashMap<>();
        Map<cn.chengxin.subject.domain.DocumentType, List<String>> asked = new HashMap<>();
        for (RowValidator.Valid v : valid) {
            asked.computeIfAbsent(v.document().type(), t -> new ArrayList<>()).add(v.pseudonym());
            v.responsiblePersons().forEach(p -> asked.computeIfAbsent(p.document().type(), t -> new ArrayList<>())
                    .add(p.pseudonym()));
        }
        Map<String, SubjectRegistry.Found> found = subjects.findByPseudonyms(asked);
        Map<String, UUID> ids = new HashMap<>();
        Map<String, NewPerson> newPeople = new java.util.LinkedHashMap<>();
        // Of the subjects the registry does not know yet, or knows under a provisional name only.
        Map<String, String> namedInChunk = new HashMap<>();
        Map<UUID, String> settled = new HashMap<>(); // the provisional names this chunk's rows give
        Set<UUID> unregistered = new java.util.HashSet<>(); // validate only: the ids standing for those not registered
        for (RowValidator.Valid v : valid) {
            String pseudonym = v.pseudonym();
            SubjectRegistry.Found f = found.get(pseudonym);
            List<RowError> persons = mismatchedPersons(v, found, namedInChunk);
            if (!persons.isEmpty()) {
                personMismatch.put(v.line(), persons);
                continue;
            }
            if (f != null && f.provisional()) {
                if (!SubjectNames.same(namedInChunk.computeIfAbsent(pseudonym, k -> v.name()), v.name())) {
                    mismatch.add(v.line());
                    continue;
                }
                settled.putIfAbsent(f.id(), v.name());
                ids.put(pseudonym, f.id());
            } else if (f != null) {
                // Its current name, or a former one (曾用名) whose period covers the row's decision date: the record is
                // stored under the subject all the same, and a row under the former name is warned of it
                // (SUBJECT_FORMER_NAME, gaps review xxv H6), so that its department uses the current name from now on.
                SubjectNames.Match match = f.match(v.name(), v.decisionDate());
                if (match != SubjectNames.Match.OTHER) {
                    ids.put(pseudonym, f.id());
                    if (match == SubjectNames.Match.FORMER) {
                        formerNamed.add(v.line());
                    }
                } else {
                    mismatch.add(v.line());
                    continue;
                }
            } else if (!SubjectNames.same(namedInChunk.getOrDefault(pseudonym, v.name()), v.name())) {
                mismatch.add(v.line());
                continue;
            } else if (v.action() != RecordAction.ADD) {
                continue; // a correction or revocation names a registered subject's record: it registers nobody
            } else if (v.document().subjectKind() == SubjectKind.PERSON) {
                newPeople.putIfAbsent(pseudonym, new NewPerson(v.document(), v.name(), null, null, List.of(),
                        List.of(), false));
                namedInChunk.putIfAbsent(pseudonym, v.name());
            } else if (!ids.containsKey(pseudonym)) {
                ids.put(pseudonym, dryRun ? unregistered(unregistered) : subjects.registerOrganisation(
                        new NewOrganisation(v.document(), v.name(), null, List.of(), false)));
                namedInChunk.putIfAbsent(pseudonym, v.name());
            }
            for (RowValidator.NamedPerson p : v.responsiblePersons()) {
                SubjectRegistry.Found person = found.get(p.pseudonym());
                if (person != null) {
                    ids.put(p.pseudonym(), person.id());
                    // A responsible person named by a former name of the decision date, as a subject is (H6).
                    if (!person.provisional()
                            && person.match(p.name(), v.decisionDate()) == SubjectNames.Match.FORMER) {
                        formerNamedPersons.computeIfAbsent(v.line(), k -> new ArrayList<>()).add(p.nameField());
                    }
                    if (person.provisional()) {
                        namedInChunk.putIfAbsent(p.pseudonym(), p.name());
                        settled.putIfAbsent(person.id(), p.name());
                    }
                } else {
                    newPeople.putIfAbsent(p.pseudonym(), new NewPerson(p.document(), p.name(), null, null, List.of(),
                            List.of(), false));
                    namedInChunk.putIfAbsent(p.pseudonym(), p.name());
                }
            }
        }
        if (dryRun) {
            newPeople.keySet().forEach(pseudonym -> ids.put(pseudonym, unregistered(unregistered)));
            newPeople.clear();
            settled.clear();
        }
        if (!newPeople.isEmpty()) {
            List<String> pseudonyms = List.copyOf(newPeople.keySet());
            List<UUID> registered;
            try {
                registered = subjects.registerPeopleInBulk(List.copyOf(newPeople.values()));
            } catch (RuntimeException raceWithAnotherBatch) {
                registered = newPeople.values().stream().map(subjects::registerPerson).toList();
            }
            for (int i = 0; i < pseudonyms.size(); i++) {
                ids.put(pseudonyms.get(i), registered.get(i));
            }
        }
        if (!settled.isEmpty()) {
            subjects.settleNames(settled, NameSource.DEPARTMENT, department);
        }
        return new Resolution(ids, mismatch, personMismatch, formerNamed, formerNamedPersons, unregistered);
    }

    /** An id standing for a subject a validate-only batch would register: the registry holds none. */
    private static UUID unregistered(Set<UUID> unregistered) {
        UUID id = UUID.randomUUID();
        unregistered.add(id);
        return id;
    }

    /**
     * The responsible persons the row names under another name than the registry's, or than the chunk's first row
     * naming one the registry does not know yet.
     */
    private static List<RowError> mismatchedPersons(RowValidator.Valid v, Map<String, SubjectRegistry.Found> found,
                                                    Map<String, String> namedInChunk) {
        List<RowError> errors = List.of();
        for (RowValidator.NamedPerson p : v.responsiblePersons()) {
            SubjectRegistry.Found f = found.get(p.pseudonym());
            // A provisional name (a relayed subject's) holds no row: only the name an earlier row of the chunk gave.
            boolean registered = f != null && !f.provisional();
            String name = registered ? f.name() : namedInChunk.get(p.pseudonym());
            boolean other = registered ? f.match(p.name(), v.decisionDate()) == SubjectNames.Match.OTHER
                    : name != null && !SubjectNames.same(name, p.name());
            if (other) {
                errors = errors.isEmpty() ? new ArrayList<>() : errors;
                errors.add(new RowError(v.line(), p.nameField(), "RESPONSIBLE_PERSON_NAME_MISMATCH",
                        "责任人姓名与信用主体库登记的不一致"));
            }
        }
        return errors;
    }

    private record Resolution(Map<String, UUID> ids, java.util.Set<Long> mismatchedLines,
                              Map<Long, List<RowError>> mismatchedPersons, java.util.Set<Long> formerNamed,
                              Map<Long, List<String>> formerNamedPersons, Set<UUID> unregistered) {
    }

    private static NewRecord record(RowValidator.Valid v, UUID subject, String department, UUID linkedFrom,
                                    Periods periods) {
        return new NewRecord(subject, v.item().code(), v.itemVersion(), department, v.row().sourceRecordId().strip(),
                v.version(), v.action(), DecisionNumbers.normalised(v.row().decisionNumber()), v.decisionDate(),
                v.content(), periods.publicationEnd(v), periods.retentionEnd(v), v.fingerprint(), v.legacyFingerprint(),
                linkedFrom, RevocationReasons.normalised(v.row().revocationReason()));
    }

    /**
     * The catalogue versions a chunk's rows count their windows under (RULES.md §4: from the decision date; retention
     * from the end of the act or sentence where the record states it; a revocation without a date keeps the revoked
     * version's). A new record counts under the version in force. A correction or revocation counts under each version
     * of its item in force since its record was first collected and takes the earliest ends: a later version that
     * shortened a period applies to it, one that lengthened it does not (a correction is no new collection, finding H5
     * of gaps review xxv; {@link RecordPeriods}).
     */
    private Periods periodsOf(String department, List<RowValidator.Valid> valid) {
        Set<String> revised = new java.util.HashSet<>();
        valid.stream().filter(v -> v.action() != RecordAction.ADD)
                .forEach(v -> revised.add(v.row().sourceRecordId().strip()));
        if (revised.isEmpty()) {
            return new Periods(Map.of(), null);
        }
        return new Periods(creditFile.firstItemVersions(department, revised), catalogue.versionsEverInForce());
    }

    /** @see #periodsOf */
    private record Periods(Map<String, Integer> firstVersions, ItemVersions versions) {

        LocalDate publicationEnd(RowValidator.Valid v) {
            return RecordPeriods.publicationEnd(since(v), v.decisionDate(), v.content());
        }

        LocalDate retentionEnd(RowValidator.Valid v) {
            return RecordPeriods.retentionEnd(since(v), v.decisionDate(), v.content());
        }

        private List<ItemDefinition> since(RowValidator.Valid v) {
            Integer first = v.action() == RecordAction.ADD ? null
                    : firstVersions.get(v.row().sourceRecordId().strip());
            if (first == null) {
                return List.of(v.item());
            }
            List<ItemDefinition> since = new ArrayList<>(List.of(v.item()));
            versions.versions(v.item().code()).forEach((version, d) -> {
                if (version >= first && version < v.itemVersion()) {
                    since.add(d);
                }
            });
            return since;
        }
    }

    /** The identity of an API batch's content: every row as sent, in order ({@link ContentDigest}). */
    static String hash(List<IncomingRecord> records) {
        ContentDigest digest = ContentDigest.of();
        for (IncomingRecord r : records) {
            digest.text(r.itemCode()).text(r.subjectNumber()).text(r.subjectName()).text(r.sourceRecordId())
                    .text(r.version()).text(r.action()).text(r.decisionNumber()).text(r.decisionDate())
                    .fields(r.fields()).text(r.documentType()).text(r.revocationReason());
            // Only when sent, after a marker, so that the hash of a batch without it is the one it had before (X3).
            if (r.legacySourceId() != null) {
                digest.text("\u0000legacySourceId").text(r.legacySourceId());
            }
            // Only when named, so that the hash of a batch that names none is the one it had before they could be; after
            // a marker no item code holds, so that the persons cannot read as the next row.
            if (!r.responsiblePersons().isEmpty()) {
                digest.text("\u0000responsiblePersons:" + r.responsiblePersons().size());
            }
            for (ResponsiblePersonSent p : r.responsiblePersons()) {
                digest.text(p.role()).text(p.identityNumber()).text(p.name()).text(p.idField());
            }
        }
        return digest.hex();
    }

    /**
     * The hash in the form batches stored before {@link ContentDigest} carry, kept only to recognise their resends: not
     * canonical (a field's value holding ", b=2" reads like another field), so never stored any more.
     */
    static String legacyHash(List<IncomingRecord> records) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (IncomingRecord r : records) {
                String line = String.join("\u0001", String.valueOf(r.itemCode()), String.valueOf(r.subjectNumber()),
                        String.valueOf(r.subjectName()), String.valueOf(r.sourceRecordId()),
                        String.valueOf(r.version()), String.valueOf(r.action()), String.valueOf(r.decisionNumber()),
                        String.valueOf(r.decisionDate()), new TreeMap<>(r.fields()).toString())
                        // Only when stated, so that a batch sent before the type or the reason existed is still
                        // recognised.
                        + (r.documentType() == null ? "" : "\u0001" + r.documentType())
                        + (r.revocationReason() == null ? "" : "\u0003" + r.revocationReason()) + "\u0002";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
