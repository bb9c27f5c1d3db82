package cn.chengxin.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.chengxin.ingestion.parsing.FileProblem;
import cn.chengxin.ingestion.parsing.Limits;
import cn.chengxin.ingestion.parsing.RowSource;
import cn.chengxin.ingestion.parsing.RowSources;
import cn.chengxin.ingestion.parsing.SourceRow;
import cn.chengxin.ingestion.parsing.XlsxTemplate;
import cn.chengxin.ingestion.persistence.BatchClaims;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.files.FormulaNeutraliser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * File submissions (CSV in UTF-8 or GB18030, XLSX, JSON Lines): the upload is saved as it streams in (never
 * held in memory) with its SHA-256 — the batch's content identity — and processed in the background, one
 * row at a time, while the console shows progress. Column names: the English keys of the API, or the
 * Chinese titles of the template (事项代码, 证件类型, 证件号码, …); every other column is a content field.
 */
@Service
public class FileSubmissions {

    private static final Logger log = LoggerFactory.getLogger(FileSubmissions.class);

    /** The template's fixed columns, in its order; the item's fields follow, titled with their labels. */
    static final List<String> TEMPLATE_COLUMNS = List.of("事项代码", "证件类型", "证件号码", "主体名称", "部门记录编号",
            "版本", "操作", "决定文书号", "决定日期", "撤销原因");

    /**
     * The columns naming the responsible persons of an organisation's record, for an item that links to them
     * ({@link ResponsiblePersonSent}), in the template's order: a number and a name for the legal representative and
     * for the principal person in charge, and for the directly responsible persons (there may be several) numbers and
     * names each separated by {@code ;} and paired in their order.
     */
    static final List<String> RESPONSIBLE_COLUMNS = List.of("法定代表人证件号码", "法定代表人姓名", "主要负责人证件号码",
            "主要负责人姓名", "直接责任人证件号码", "直接责任人姓名");

    /** Separates the directly responsible persons in one cell (full-width too, as a Chinese keyboard types it). */
    private static final java.util.regex.Pattern SEVERAL = java.util.regex.Pattern.compile("[;；]");

    /** Template title → API key. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("事项代码", "itemCode"), Map.entry("证件类型", "documentType"), Map.entry("证件号码", "subjectNumber"),
            Map.entry("主体名称", "subjectName"),
            Map.entry("部门记录编号", "sourceRecordId"), Map.entry("版本", "version"), Map.entry("操作", "action"),
            Map.entry("决定文书号", "decisionNumber"), Map.entry("决定日期", "decisionDate"),
            Map.entry("撤销原因", "revocationReason"), Map.entry("旧系统记录编号", "legacySourceId"),
            Map.entry("法定代表人证件号码", "legalRepresentativeId"), Map.entry("法定代表人姓名", "legalRepresentativeName"),
            Map.entry("主要负责人证件号码", "principalId"), Map.entry("主要负责人姓名", "principalName"),
            Map.entry("直接责任人证件号码", "responsiblePersonIds"), Map.entry("直接责任人姓名", "responsiblePersonNames"));

    private final Submissions submissions;
    private final JdbcBatches batches;
    private final Path uploads;
    private final Limits limits;
    /** The pause between a received file's attempts at its claim (each also waits up to the claim pool's 5 s). */
    private static final long BUSY_PAUSE_MILLIS = 1_000;
    private volatile boolean stopping;
    /** The files running, or waiting for their claim, on this instance. */
    private final Map<UUID, Reading> reading = new java.util.concurrent.ConcurrentHashMap<>();
    /** The files received and not yet taken by the worker, in the order the worker takes them (gaps review xliii X9). */
    private final WaitingFiles waiting = new WaitingFiles();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingestion-files");
        t.setDaemon(true);
        return t;
    });

    FileSubmissions(Submissions submissions, JdbcBatches batches,
                    @Value("${chengxin.data-dir:./data}") Path dataDir,
                    @Value("${chengxin.ingestion.max-file-bytes:209715200}") long maxBytes,
                    @Value("${chengxin.ingestion.max-rows:2000000}") long maxRows) {
        this.submissions = submissions;
        this.batches = batches;
        this.uploads = dataDir.resolve("uploads");
        this.limits = new Limits(maxBytes, maxRows, Limits.defaults().maxXlsxUncompressedBytes(),
                Limits.defaults().maxXlsxCompressionRatio());
    }

    /**
     * The header of a file for one item, as a clerk fills it: the fixed columns by their Chinese titles, then each of the
     * item's fields by its label (a file reads both, {@link cn.chengxin.catalog.domain.FieldSchema#byName}).
     */
    public static List<String> templateHeader(cn.chengxin.catalog.domain.ItemDefinition item) {
        List<String> header = new java.util.ArrayList<>(TEMPLATE_COLUMNS);
        if (item.linksToResponsiblePersons()) {
            header.addAll(RESPONSIBLE_COLUMNS);
        }
        item.fields().forEach(f -> header.add(f.label()));
        return header;
    }

    /**
     * The template file of {@code item} ({@link #templateHeader}): UTF-8 with a byte-order mark, so that Excel opens it
     * with the Chinese intact, RFC 4180 quoting (a label may hold a comma or a quote), CRLF line ends. A label is typed
     * by a catalogue administrator and the department opens the file in a spreadsheet, so each title goes through
     * {@link FormulaNeutraliser}: a label starting with {@code =}, {@code +}, {@code -} or {@code @} is shown, never run
     * (CSV injection). Read back, such a title names its field again ({@link #toRecord}).
     */
    public static byte[] templateCsv(cn.chengxin.catalog.domain.ItemDefinition item) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(templateHeader(item).stream().map(FormulaNeutraliser::neutralise).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The template of {@code item} as an XLSX workbook: the same header row as {@link #templateCsv}, formula-looking
     * titles neutralised alike, every column typed as text so that identity numbers keep their digits
     * ({@link XlsxTemplate}).
     */
    public static byte[] templateXlsx(cn.chengxin.catalog.domain.ItemDefinition item) {
        return XlsxTemplate.of(templateTitles(item));
    }

    /** The entity tag of {@link #templateXlsx}: the same for the same titles, whenever it is written. */
    public static String templateXlsxTag(cn.chengxin.catalog.domain.ItemDefinition item) {
        return XlsxTemplate.tag(templateTitles(item));
    }

    private static List<String> templateTitles(cn.chengxin.catalog.domain.ItemDefinition item) {
        return templateHeader(item).stream().map(FormulaNeutraliser::neutralise).toList();
    }

    /**
     * A column title as the template meant it: the template wrote a label that a spreadsheet would run with a leading
     * apostrophe ({@link #templateCsv}); a file edited as text keeps it, and the label is the title without it.
     */
    static String templateTitle(String column) {
        if (column.length() > 1 && column.charAt(0) == '\''
                && FormulaNeutraliser.neutralise(column.substring(1)).equals(column)) {
            return column.substring(1);
        }
        return column;
    }

    /** A saved upload: where it is and what its content is. */
    public record Upload(Path file, String name, String sha256, long bytes) {
    }

    /** Saves the stream, refusing it past the size limit without reading further. */
    public Upload save(InputStream in, String originalName) {
        try {
            Files.createDirectories(uploads);
            Path file = Files.createTempFile(uploads, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = digesting.read(buffer)) > 0) {
                    total += n;
                    if (total > limits.maxBytes()) {
                        Files.deleteIfExists(file);
                        throw new FileProblem(cn.chengxin.ingestion.parsing.FileProblemCode.FILE_TOO_LARGE);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String name = originalName == null || originalName.isBlank() ? "upload" : Path.of(originalName)
                    .getFileName().toString();
            return new Upload(file, name, HexFormat.of().formatHex(sha.digest()), total);
        } catch (IOException e) {
            throw new IngestionProblem("UPLOAD_FAILED", DomainProblem.Kind.UNAVAILABLE, "文件保存失败，请重试");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the file (so that a file that cannot be read at all is refused at once) and processes it in the
     * background under the caller's identity.
     */
    public UUID start(UUID batchId, String departmentCode, Upload upload) {
        return start(batchId, departmentCode, upload, BatchOrigin.ROUTINE);
    }

    /**
     * {@link #start(UUID, String, Upload)} of a file sent as {@code origin} (gaps review xliii X4): stored with the
     * batch when it is received, so that its run, or its run again after a restart, is the back-load it was sent as.
     */
    public UUID start(UUID batchId, String departmentCode, Upload upload, BatchOrigin origin) {
        try {
            // Refused before the batch is stored: the worker would refuse it too, and leave it running for ever.
            Submissions.requireDepartment(departmentCode);
        } catch (IngestionProblem problem) {
            deleteQuietly(upload.file());
            throw problem;
        }
        Optional<JdbcBatches.Stored> existing = batches.find(batchId);
        if (existing.isPresent()) {
            requireSame(existing.get(), departmentCode, upload);
        }
        RowSource source;
        try {
            source = RowSources.open(upload.file(), upload.name(), limits);
        } catch (FileProblem problem) {
            deleteQuietly(upload.file());
            throw problem;
        }
        Upload queued = upload;
        if (existing.isEmpty()) {
            // Visible at once (progress, GET by id); the worker recognises it as its own batch to run.
            if (batches.start(batchId, departmentCode, cn.chengxin.audit.AuditLog.currentActor().actorName(), "FILE",
                    upload.name(), upload.sha256(), null, java.time.Instant.now(), BatchOrigin.orRoutine(origin))) {
                queued = spooled(batchId, upload);
            } else {
                // Another first upload under the same key was stored since the look-up: this one is its resend, or
                // another file under a key already used.
                try {
                    requireSame(batches.find(batchId).orElseThrow(), departmentCode, upload);
                } catch (IngestionProblem conflict) {
                    source.close();
                    throw conflict;
                }
            }
        }
        queue(batchId, departmentCode, queued, source);
        return batchId;
    }

    /** The same key is the same batch only with the same file from the same department: else BATCH_CONFLICT. */
    private static void requireSame(JdbcBatches.Stored stored, String departmentCode, Upload upload) {
        if (!stored.contentHash().equals(upload.sha256()) || !stored.departmentCode().equals(departmentCode)) {
            deleteQuietly(upload.file());
            throw new IngestionProblem("BATCH_CONFLICT", DomainProblem.Kind.CONFLICT, "批次号已用于内容不同的另一次报送");
        }
    }

    /**
     * The file of a batch cut off by a stop of the instance, run again from its spooled copy ({@link InterruptedFiles})
     * under the platform's own name: what was stored before is recognised, not stored twice.
     */
    void resume(JdbcBatches.RunningFile batch) {
        Upload upload = new Upload(spoolOf(batch.id()), batch.fileName() == null ? "upload" : batch.fileName(),
                batch.contentHash(), 0);
        queue(batch.id(), batch.departmentCode(), upload, RowSources.open(upload.file(), upload.name(), limits));
    }

    /**
     * The file waits its turn among the others on this instance ({@link WaitingFiles}: fairly across departments, in
     * order within one); each task handed to the worker runs the file whose turn it is when the worker gets to it.
     */
    private void queue(UUID batchId, String departmentCode, Upload upload, RowSource source) {
        waiting.add(departmentCode, new DelegatingSecurityContextRunnable(() -> {
            if (stopping) {
                source.close();
                return;
            }
            try {
                runWhenClaimed(batchId, departmentCode, upload, source);
            } catch (RuntimeException e) {
                log.warn("File batch {} stopped: {}", batchId, e instanceof DomainProblem p ? p.code() : e.toString());
            } finally {
                release(batchId, upload.file());
            }
        }));
        worker.execute(() -> {
            Runnable next = waiting.take();
            if (next != null) {
                next.run();
            }
        });
    }

    /**
     * Where a stored batch's file waits for and during its run: named after the batch, so that after a stop of the
     * instance its batch is found to run again ({@link InterruptedFiles}).
     */
    Path spoolOf(UUID batchId) {
        return uploads.resolve(SPOOL_PREFIX + batchId + ".part");
    }

    static final String SPOOL_PREFIX = "batch-";

    private Upload spooled(UUID batchId, Upload upload) {
        try {
            // The open reader keeps reading the same file under its new name.
            Path spool = Files.move(upload.file(), spoolOf(batchId), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Upload(spool, upload.name(), upload.sha256(), upload.bytes());
        } catch (IOException e) {
            log.warn("The file of batch {} is not spooled under its id, so a restart does not find it: {}", batchId,
                    e.toString());
            return upload;
        }
    }

    /**
     * A file holds identity numbers in clear: it goes as soon as its batch has ended. A batch's own spooled copy stays
     * while the batch is still running (the instance is stopping, the database is gone, its claim was lost for good),
     * for {@link InterruptedFiles} to run it again at the next start.
     */
    private void release(UUID batchId, Path file) {
        if (file.equals(spoolOf(batchId))) {
            try {
                if (batches.running(batchId)) {
                    log.warn("File batch {} is left running: its file is kept to run again at the next start", batchId);
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("File batch {}: its state is not known ({}); its file is kept", batchId, e.toString());
                return;
            }
        }
        deleteQuietly(file);
    }

    /**
     * The files in the upload directory last written before {@code before} (by an earlier run of the instance) that
     * are not among {@code kept}: a file being received or queued was written since.
     */
    int deleteLeftovers(java.time.Instant before, java.util.Set<Path> kept) {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        int deleted = 0;
        try (java.util.stream.Stream<Path> listed = Files.list(uploads)) {
            for (Path file : listed.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                if (!kept.contains(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    deleteQuietly(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("The upload directory could not be cleared: {}", e.toString());
        }
        return deleted;
    }

    /**
     * Queued files are not started while the instance stops: each stays running, its file kept, and is run again at the
     * next start. The file running is not interrupted (that would end its batch FAILED): it stops with the instance.
     */
    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
    }

    /**
     * A file's batch is stored, and shown running, when it is received: if the instance is running as many batches as
     * it takes at once ({@code INGESTION_BUSY}), the file waits its turn here, however long, rather than being left
     * marked running with nobody to run it; files are run one at a time anyway. Only a stop of the instance ends the
     * wait, which leaves the batch as a crash does: run again from its spooled copy at the next start
     * ({@link InterruptedFiles}), or when it is sent again. Nothing of the file is read
     * before its claim is taken. A claim lost part-way ({@link BatchClaims.ClaimLost}: its connection dropped, the
     * database restarted) is taken again the same way and the file run again from its first row, as its resend would
     * run it (rows already stored are replays): the department, which has no one else to tell it to resend, sees the
     * batch end rather than stay running.
     */
    private void runWhenClaimed(UUID batchId, String departmentCode, Upload upload, RowSource first) {
        RowSource source = first;
        Reading read = new Reading(first, sizeOf(upload.file()));
        reading.put(batchId, read);
        try {
            while (true) {
                try {
                    submissions.run(batchId, departmentCode, "FILE", upload.name(), upload.sha256(), null,
                            rows(source));
                    return;
                } catch (IngestionProblem problem) {
                    boolean lost = problem instanceof BatchClaims.ClaimLost;
                    if (!lost && !"INGESTION_BUSY".equals(problem.code())) {
                        throw problem;
                    }
                    try {
                        Thread.sleep(BUSY_PAUSE_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw problem;
                    }
                    if (lost) {
                        source.close();
                        source = RowSources.open(upload.file(), upload.name(), limits);
                        read.source = source;
                    }
                }
            }
        } finally {
            reading.remove(batchId, read);
            source.close();
        }
    }

    /**
     * How much of the file of a batch this instance is running is read, in percent: a file's rows are not counted
     * before its end, so this is its progress meanwhile. Not past 99 until the batch is done (an XLSX is read whole
     * before its first row, and the last rows are still being stored). Empty for a batch not running here.
     */
    public java.util.OptionalInt percentRead(UUID batchId) {
        Reading read = reading.get(batchId);
        return read == null || read.size <= 0 ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(percent(read.source.bytesRead(), read.size));
    }

    /** {@link #percentRead} of each batch this instance is running a file of. */
    public Map<UUID, Integer> percentsRead() {
        Map<UUID, Integer> percents = new HashMap<>();
        reading.keySet().forEach(id -> percentRead(id).ifPresent(p -> percents.put(id, p)));
        return percents;
    }

    static int percent(long read, long size) {
        return (int) Math.max(0, Math.min(99, read * 100 / size));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The reader of a running file (another after a lost claim) and the file's size. */
    private static final class Reading {

        private volatile RowSource source;
        private final long size;

        Reading(RowSource source, long size) {
            this.source = source;
            this.size = size;
        }
    }

    /**
     * 仅校验 a file (gaps review xxxvii-api R8): its rows are read and checked as {@link Submissions#validate} checks an
     * API batch, numbered by their lines, and answered at once with the row errors and warnings, status VALIDATED; no
     * batch, record or subject is stored, and the file is deleted before the answer (it holds identity numbers in
     * clear). At most {@link Submissions#MAX_RECORDS} rows, checked in one pass: a larger file is refused whole
     * (BATCH_TOO_LARGE) rather than checked in part, which would read as checked. A file that cannot be opened is
     * refused as {@link #start} refuses it; one that stops being readable part-way answers its rows before that line
     * and the {@code failure} a real batch would end with. Audited {@code ingestion.validate} (FILE_VALIDATED).
     */
    public BatchResult validate(String departmentCode, Upload upload) {
        try {
            Submissions.requireDepartment(departmentCode);
            List<Submissions.Numbered> rows = new java.util.ArrayList<>();
            BatchFailure failure = null;
            try (RowSource source = RowSources.open(upload.file(), upload.name(), limits)) {
                Iterator<Submissions.Numbered> read = rows(source);
                try {
                    while (read.hasNext()) {
                        if (rows.size() == Submissions.MAX_RECORDS) {
                            throw new IngestionProblem("BATCH_TOO_LARGE", DomainProblem.Kind.INVALID_INPUT,
                                    "仅校验的文件最多 " + Submissions.MAX_RECORDS + " 行：请分成几个文件校验");
                        }
                        rows.add(read.next());
                    }
                } catch (FileProblem stopped) {
                    failure = BatchFailure.of(stopped);
                }
            }
            return submissions.validate(departmentCode, rows, "FILE_VALIDATED", failure);
        } finally {
            deleteQuietly(upload.file());
        }
    }

    /** Synchronous variant (tests, commands). */
    public BatchResult runNow(UUID batchId, String departmentCode, Upload upload) {
        try (RowSource source = RowSources.open(upload.file(), upload.name(), limits)) {
            return submissions.run(batchId, departmentCode, "FILE", upload.name(), upload.sha256(), null,
                    rows(source));
        } finally {
            deleteQuietly(upload.file());
        }
    }

    /**
     * The department's latest batches. Batches belong to the department that submitted them, as their pages and
     * reports do ({@link Submissions#owned}): a member of staff without a department has none to see (the credit
     * office follows every department's deliveries on the data-quality page).
     */
    public BatchPage recent(String departmentCode, int page) {
        if (departmentCode == null) {
            return new BatchPage(List.of(), 0, false);
        }
        int shown = Math.max(0, Math.min(page, MAX_PAGE));
        List<JdbcBatches.Summary> found = batches.recent(departmentCode, (long) shown * BatchPage.SIZE,
                BatchPage.SIZE + 1);
        return new BatchPage(found.subList(0, Math.min(found.size(), BatchPage.SIZE)), shown,
                found.size() > BatchPage.SIZE);
    }

    /** A page number beyond any department's history: the pages go back 30,000 batches. */
    private static final int MAX_PAGE = 1_000;

    /** A page of the department's batches, newest first; {@code older}: there are older batches. */
    public record BatchPage(List<JdbcBatches.Summary> batches, int page, boolean older) {

        public static final int SIZE = 30;
    }

    /** A batch's figures, for the department that submitted it only ({@link Submissions#owned}). */
    public Optional<JdbcBatches.Summary> batch(UUID batchId, String departmentCode) {
        return submissions.owned(batchId, departmentCode).flatMap(b -> batches.summary(batchId));
    }

    /** Every problem of the batch's rejected rows, read a page at a time ({@link Submissions#allErrors}). */
    public Optional<Iterable<RowError>> allErrors(UUID batchId, String departmentCode) {
        return submissions.allErrors(batchId, departmentCode);
    }

    /**
     * The batch's result, with {@link #percentRead} while its file runs here. A batch already finished has none,
     * though its reading may not be forgotten yet: the batch is marked finished before its file is let go, and a poll
     * in between must not show a finished batch as still being read.
     */
    public Optional<BatchResult> result(UUID batchId, String departmentCode) {
        return submissions.result(batchId, departmentCode)
                .map(r -> r.finishedAt() != null ? r : r.withPercentRead(percentRead(batchId)));
    }

    /**
     * Reads ahead only in {@link Iterator#hasNext()}: a row handed out is never lost when the file stops being
     * readable at the next one, and the problem surfaces before any row after it.
     */
    static Iterator<Submissions.Numbered> rows(RowSource source) {
        return new Iterator<>() {
            private Optional<SourceRow> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = source.next();
                }
                return next.isPresent();
            }

            @Override
            public Submissions.Numbered next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next.get();
                next = null;
                return new Submissions.Numbered(row.line(), toRecord(row.values()));
            }
        };
    }

    static IncomingRecord toRecord(Map<String, String> values) {
        Map<String, String> keyed = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        values.forEach((column, value) -> {
            String title = templateTitle(column);
            String key = COLUMNS.getOrDefault(title, title);
            switch (key) {
                case "itemCode", "documentType", "subjectNumber", "subjectName", "sourceRecordId", "version",
                     "action", "decisionNumber", "decisionDate", "revocationReason", "legalRepresentativeId",
                     "legalRepresentativeName", "principalId", "principalName", "responsiblePersonIds",
                     "responsiblePersonNames", "legacySourceId" -> keyed.put(key, value);
                default -> {
                    if (value != null && !value.isBlank()) {
                        fields.put(key.startsWith("fields.") ? key.substring(7) : key, value);
                    }
                }
            }
        });
        return new IncomingRecord(keyed.get("itemCode"), keyed.get("subjectNumber"), keyed.get("subjectName"),
                keyed.get("sourceRecordId"), keyed.get("version"), keyed.get("action"), keyed.get("decisionNumber"),
                keyed.get("decisionDate"), fields, keyed.get("documentType"), keyed.get("revocationReason"),
                responsiblePersons(keyed), keyed.get("legacySourceId"));
    }

    /**
     * The responsible persons a row's columns name ({@link #RESPONSIBLE_COLUMNS}); a problem is reported on the
     * column, and for one of several directly responsible persons with its place from 0, as
     * {@code responsiblePersonIds[1]}.
     */
    static List<ResponsiblePersonSent> responsiblePersons(Map<String, String> keyed) {
        List<ResponsiblePersonSent> persons = new java.util.ArrayList<>();
        one(keyed, "LEGAL_REPRESENTATIVE", "legalRepresentativeId", "legalRepresentativeName", persons);
        one(keyed, "PRINCIPAL", "principalId", "principalName", persons);
        String[] ids = several(keyed.get("responsiblePersonIds"));
        String[] names = several(keyed.get("responsiblePersonNames"));
        for (int i = 0; i < Math.max(ids.length, names.length); i++) {
            persons.add(new ResponsiblePersonSent("DIRECTLY_RESPONSIBLE", i < ids.length ? ids[i] : null,
                    i < names.length ? names[i] : null, "responsiblePersonIds[" + i + "]",
                    "responsiblePersonNames[" + i + "]"));
        }
        return persons;
    }

    private static void one(Map<String, String> keyed, String role, String idColumn, String nameColumn,
                            List<ResponsiblePersonSent> into) {
        if (keyed.get(idColumn) != null || keyed.get(nameColumn) != null) {
            into.add(new ResponsiblePersonSent(role, keyed.get(idColumn), keyed.get(nameColumn), idColumn, nameColumn));
        }
    }

    private static String[] several(String cell) {
        return cell == null || cell.isBlank() ? new String[0] : SEVERAL.split(cell.strip(), -1);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file in data/uploads is harmless
        }
    }
}
