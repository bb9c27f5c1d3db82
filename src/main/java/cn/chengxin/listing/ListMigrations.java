package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.CaseRecusal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.SigningKeys;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.LegacySourceIds;
import cn.chengxin.listing.domain.EntryLifecycle;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.domain.MigratedEntry;
import cn.chengxin.listing.domain.PublicListing;
import cn.chengxin.listing.persistence.JdbcListMigrations;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.IdempotencyKey;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * List entries an older system decided, brought over in force with their history (gaps review xliii X2; RULES.md §7;
 * README 迁移与切换). One clerk uploads a file ({@link MigrationFile}); each row is checked then and refused with its
 * line and reason, the others kept in a batch waiting (待复核) — nothing of it lists anyone. Another person approves the
 * batch (双人复核: never its uploader), and only then each row becomes an entry in force since its effective day
 * (ended when its last day is past), its history marked migrated (the row it came from), with no prior notice issued
 * or texted again: the older system served it, on the days the row keeps. Or rejects it, with a reason. Each step is
 * audited {@code listing.migrate}; each entry stored under its subject, who sees it among the events about them.
 */
@Service
public class ListMigrations {

    /** How many batches the page shows: the waiting ones first. */
    static final int LATEST = 20;

    private final JdbcListMigrations store;
    private final JdbcListing listing;
    private final SubjectRegistry subjects;
    private final Catalogue catalogue;
    private final StaffDirectory directory;
    private final CaseRecusal recusal;
    private final CreditFile creditFile;
    private final LegacySourceIds legacyIds;
    private final AuditLog audit;
    private final Clock clock;

    ListMigrations(JdbcListMigrations store, JdbcListing listing, SubjectRegistry subjects, Catalogue catalogue,
                   StaffDirectory directory, CaseRecusal recusal, CreditFile creditFile, LegacySourceIds legacyIds,
                   AuditLog audit, Clock clock) {
        this.store = store;
        this.listing = listing;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.directory = directory;
        this.recusal = recusal;
        this.creditFile = creditFile;
        this.legacyIds = legacyIds;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks the file's rows and keeps the accepted ones in a batch for another person's decision; nothing is listed.
     *
     * @throws ListingProblem LIST_MIGRATION_FILE_UNREADABLE when the file itself cannot be read (no row is taken)
     */
    @Transactional
    public MigrationBatch upload(String fileName, byte[] content) {
        List<MigrationFile.Row> rows;
        try {
            rows = MigrationFile.read(content);
        } catch (MigrationFile.Unreadable e) {
            throw new ListingProblem("LIST_MIGRATION_FILE_UNREADABLE", DomainProblem.Kind.INVALID_INPUT,
                    e.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? null
                : IdentityRedaction.redact(fileName.strip().substring(0, Math.min(100, fileName.strip().length())));
        return take(Ids.newId(), name, HexFormat.of().formatHex(SigningKeys.sm3(content)), rows,
                AuditLog.currentActor());
    }

    /** A batch sent by the API: the one stored, and whether it was stored by an earlier request under its key. */
    public record Sent(MigrationBatch batch, boolean replayed) {
    }

    /**
     * The same batch sent by a department system's migration tooling (POST /api/v1/list-migrations): each row its
     * cells by the file's column names, its line its place in the request (from 1). The Idempotency-Key is the batch's
     * id: the same rows sent again under it by the same client are answered with the batch stored first, and nothing
     * is checked or stored twice; other rows, or another client, are refused IDEMPOTENCY_KEY_CONFLICT. Checked as a
     * file's rows are, its department's decisions only; approved in the console by a list reviewer (双人复核).
     *
     * @throws ListingProblem LIST_MIGRATION_FILE_UNREADABLE for no row, or more than a file may hold
     */
    @Transactional
    public Sent submit(UUID batchId, List<Map<String, String>> cells) {
        if (cells.isEmpty() || cells.size() > MigrationFile.MAX_ROWS) {
            throw new ListingProblem("LIST_MIGRATION_FILE_UNREADABLE", DomainProblem.Kind.INVALID_INPUT,
                    "一个迁移批次须有 1 至 " + MigrationFile.MAX_ROWS + " 行");
        }
        List<MigrationFile.Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, String> row = new HashMap<>();
            cells.get(i).forEach((column, value) -> row.put(column, value == null ? "" : value));
            rows.add(new MigrationFile.Row(i + 1, row));
        }
        String digest = HexFormat.of().formatHex(SigningKeys.sm3(MigrationFile.canonical(rows)));
        Actor by = AuditLog.currentActor();
        store.lockKey(batchId);
        Optional<MigrationBatch> earlier = store.batch(batchId);
        if (earlier.isPresent()) {
            if (!earlier.get().uploadedBy().equals(by.actorId()) || !earlier.get().digest().equals(digest)) {
                throw IdempotencyKey.conflict();
            }
            return new Sent(earlier.get(), true);
        }
        return new Sent(take(batchId, null, digest, rows, by), false);
    }

    /** Checks the rows and keeps the accepted ones in a batch waiting for another person's decision. */
    private MigrationBatch take(UUID id, String name, String digest, List<MigrationFile.Row> rows, Actor by) {
        List<MigrationBatch.RefusedRow> refused = new ArrayList<>();
        List<MigratedRow> accepted = check(id, rows, by, refused);
        MigrationBatch batch = new MigrationBatch(id, name, digest, rows.size(), accepted.size(), refused,
                by.actorId(), by.actorName(), clock.instant(), MigrationBatch.Status.PENDING, null, null, null, null);
        store.insert(batch, accepted);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.migrate")
                .detail(AuditDetail.of("MIGRATION_UPLOADED").with("sm3", batch.digest()).with("file", name)
                        .with("rows", rows.size()).with("accepted", accepted.size()).with("refused", refused.size())
                        .with("batch", id)));
        return batch;
    }

    /**
     * Stores the batch's rows as entries in force (or ended, past their last day), checked again as the lists stand now:
     * a row whose subject was listed meanwhile for the same basis is refused as at upload, and the batch refused with
     * it (the reviewer rejects it; the uploader sends the file again without the row). Proposals the rule evaluation
     * made from the back-loaded record of a migrated decision, still waiting, end as superseded.
     *
     * @return how many entries were stored
     * @throws ListingProblem LIST_MIGRATION_SELF_REVIEW for its uploader, LIST_MIGRATION_DECIDED when decided already
     */
    @Transactional
    public int approve(UUID batchId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        MigrationBatch batch = decidable(batchId, by);
        List<MigratedRow> rows = store.rows(batchId);
        Set<UUID> subjectIds = new HashSet<>();
        rows.forEach(r -> subjectIds.add(r.subjectId()));
        Set<String> listed = store.listedOn(subjectIds);
        List<String> nowListed = rows.stream().filter(r -> listed.contains(basisOf(r.subjectId(), r.listType(),
                r.ruleCode()))).map(r -> "第 " + r.line() + " 行").toList();
        if (!nowListed.isEmpty()) {
            throw new ListingProblem("LIST_MIGRATION_ALREADY_LISTED", DomainProblem.Kind.CONFLICT,
                    "上传后，以下行的主体已按同一认定规则列入同一名单，不能重复列入：" + String.join("、", nowListed)
                            + "。请退回该批次，去掉这些行后重新上传");
        }
        Map<String, String> departments = directory.departmentNames();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        String reviewNote = blankToNull(note) == null ? "迁移批次审核通过" : "迁移批次审核通过：" + note.strip();
        Map<String, ListRule> rules = new HashMap<>();
        Set<String> ruledItems = new HashSet<>();
        for (MigratedRow row : rows) {
            ListRule rule = rules.computeIfAbsent(row.ruleCode() + ":" + row.ruleVersion(),
                    k -> listing.rule(row.ruleCode(), row.ruleVersion()).orElseThrow());
            ruledItems.addAll(rule.itemCodes());
        }
        Map<String, ItemDefinition> items = new HashMap<>();
        catalogue.active().forEach(i -> items.put(i.code(), i.definition()));
        BackLoadedRecords records = BackLoadedRecords.of(rows, creditFile.filesOf(subjectIds, ruledItems, Set.of()),
                legacyIds, today);
        int stored = 0;
        int linked = 0;
        for (MigratedRow row : rows) {
            String pseudonym = subjects.pseudonymOf(row.subjectId()).orElseThrow();
            // 回避: nor does a clerk approve their own listing.
            recusal.requireNotOwnCase(pseudonym, "listing.migrate");
            SubjectProfile profile = subjects.profile(row.subjectId()).orElseThrow();
            ListRule rule = rules.get(row.ruleCode() + ":" + row.ruleVersion());
            boolean ended = MigratedEntry.expired(row.validUntil(), today);
            String department = departments.getOrDefault(row.departmentCode(), row.departmentCode());
            List<UUID> superseded = store.supersedeProposals(row.subjectId(), row.listType(), row.ruleCode(),
                    row.actDay(), by.actorId(), now, "同一认定已由原平台作出并迁移（迁移批次 " + batchId + "）");
            // Resting on the decision's back-loaded record, the entry ends when that record is revoked or repaired, as
            // an entry the rule evaluation proposed does; an ended entry, or a record another entry of the list rests
            // on already (one open entry per list, subject and record), is stored on no record.
            UUID recordKey = ended ? null : records.of(row, rule)
                    .filter(key -> !store.recordTaken(row.subjectId(), row.listType(), key)).orElse(null);
            JdbcListMigrations.StoredEntry entry = new JdbcListMigrations.StoredEntry(Ids.newId(), row.listType(),
                    row.ruleCode(), row.ruleVersion(), row.subjectId(), pseudonym, profile.name(),
                    profile.kind().name(), profile.maskedNumber(), recordKey, row.departmentCode(), rule.legalBasis(),
                    "原信用信息平台已认定（认定部门：" + department + "，决定文书号：" + row.documentNumber() + "，决定日期："
                            + row.actDay() + "），符合「" + rule.name() + "」认定条件；平台切换时迁移",
                    row.actDay(), ended ? EntryStatus.EXITED : EntryStatus.EFFECTIVE, batch.uploadedBy(),
                    batch.uploadedAt(), by.actorId(), now, reviewNote, row.effectiveFrom().atStartOfDay(zone).toInstant(),
                    row.validUntil(), ended ? row.validUntil().plusDays(1).atStartOfDay(zone).toInstant() : null,
                    ended ? "有效期届满（迁移前已届满）" : null, published(rule, items),
                    rule.seriousGround() == null ? null : rule.seriousGround().name());
            store.store(entry);
            store.stored(batchId, row.line(), entry.id());
            stored++;
            if (recordKey != null) {
                linked++;
            }
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.migrate").subject(pseudonym)
                    .detail(AuditDetail.of("LIST_MIGRATED").withLabel("list", "lists.type." + row.listType().name())
                            .with("entry", entry.id()).withLabel("status", "lists.status." + entry.status().name())
                            .with("batch", batchId).with("line", row.line()).with("superseded", superseded.size())
                            .with("onRecord", recordKey != null)));
        }
        store.decide(batchId, MigrationBatch.Status.APPROVED, by.actorId(), by.actorName(), now, blankToNull(note),
                stored);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.migrate")
                .detail(AuditDetail.of("MIGRATION_APPROVED").with("sm3", batch.digest())
                        .with("uploader", batch.uploaderName()).with("stored", stored).with("onRecords", linked)
                        .with("batch", batchId)));
        return stored;
    }

    /** Sends the batch back with a reason: none of its rows is stored. */
    @Transactional
    public void reject(UUID batchId, String note) {
        if (note == null || note.isBlank()) {
            throw new ListingProblem("REVIEW_NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "退回须写明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        Actor by = AuditLog.currentActor();
        MigrationBatch batch = decidable(batchId, by);
        store.decide(batchId, MigrationBatch.Status.REJECTED, by.actorId(), by.actorName(), clock.instant(),
                note.strip(), null);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.migrate")
                .detail(AuditDetail.of("MIGRATION_REJECTED").with("sm3", batch.digest())
                        .with("uploader", batch.uploaderName()).with("reason", note.strip()).with("batch", batchId)));
    }

    public List<MigrationBatch> latest() {
        return store.latest(LATEST);
    }

    public Optional<MigrationBatch> batch(UUID id) {
        return store.batch(id);
    }

    /** The batch's accepted rows, numbers masked: what its reviewer approves. */
    public List<MigratedRow> rows(UUID batchId) {
        return store.rows(batchId);
    }

    /** The row of an older system's decision an entry was stored from: its migrated history, if it has one. */
    public Optional<MigratedRow> migratedFrom(UUID entryId) {
        return store.rowOfEntry(entryId);
    }

    private MigrationBatch decidable(UUID batchId, Actor by) {
        MigrationBatch batch = store.lock(batchId).orElseThrow(() -> new ListingProblem("LIST_MIGRATION_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "该迁移批次不存在"));
        if (!batch.pending()) {
            throw new ListingProblem("LIST_MIGRATION_DECIDED", DomainProblem.Kind.CONFLICT, "该迁移批次已由他人审核");
        }
        if (batch.uploadedBy().equals(by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.migrate").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("MIGRATION_OWN_BATCH").with("sm3", batch.digest()).with("batch", batchId)));
            throw new ListingProblem("LIST_MIGRATION_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己上传的迁移批次（双人复核）：须由另一名有名单审核权限的人员批准或退回");
        }
        return batch;
    }

    /** A row being checked: its subject found, its rule read. */
    private record Candidate(MigrationFile.Row row, IdentityDocument document, ListType type, ListRule rule,
                             MigratedEntry.Days days, String department, String documentNumber) {
    }

    /**
     * Checks every row, refusing each with its line, a stable code and the reason; returns the accepted ones. A
     * department's clerk (whose data scope is limited) migrates only their own department's decisions.
     */
    private List<MigratedRow> check(UUID batchId, List<MigrationFile.Row> rows, Actor by,
                                    List<MigrationBatch.RefusedRow> refused) {
        LocalDate today = LocalDate.now(clock);
        Map<String, ListRule> rules = new HashMap<>();
        listing.currentRules().forEach(r -> rules.put(r.code(), r));
        Set<String> departments = directory.departmentNames().keySet();
        String ownDepartment = by.departmentCode() == null ? "" : by.departmentCode();
        boolean ownOnly = !ownDepartment.isBlank() && by.dataScope().restricted();
        List<Candidate> candidates = new ArrayList<>();
        for (MigrationFile.Row row : rows) {
            Optional<String> problem = Optional.empty();
            IdentityDocument document = null;
            try {
                document = subjects.validate(null, row.cell("number"));
            } catch (InvalidIdentityException e) {
                refused.add(new MigrationBatch.RefusedRow(row.line(), e.code(), "证件号码无效：" + e.code()));
                continue;
            }
            ListType type = parse(ListType.class, row.cell("list"));
            ListRule rule = rules.get(row.cell("rule"));
            String department = row.cell("department");
            String documentNumber = row.cell("document_number");
            MigratedEntry.Days days;
            try {
                days = new MigratedEntry.Days(day(row.cell("act_day")), day(row.cell("effective_from")),
                        day(row.cell("valid_until")), day(row.cell("notice_issued_on")),
                        day(row.cell("notice_served_on")), row.cell("notice_channel").isEmpty() ? null
                        : parse(NoticeDelivery.Channel.class, row.cell("notice_channel")));
            } catch (DateTimeParseException e) {
                refused.add(new MigrationBatch.RefusedRow(row.line(), "LIST_MIGRATION_ROW_INVALID",
                        "日期须写作 YYYY-MM-DD"));
                continue;
            }
            if (type == null) {
                problem = Optional.of("名单须为 RED、GREY 或 BLACK");
            } else if (rule == null || rule.listType() != type) {
                refused.add(new MigrationBatch.RefusedRow(row.line(), "LIST_MIGRATION_RULE_UNKNOWN",
                        "认定规则「" + TypedText.shownAgain(row.cell("rule")) + "」不是本平台" + type.label()
                                + "的在用认定规则：须映射到规则目录中的规则代码"));
                continue;
            } else if (!rule.enabled() || rule.lacksSeriousGround()) {
                refused.add(new MigrationBatch.RefusedRow(row.line(), "LIST_MIGRATION_RULE_UNKNOWN",
                        "认定规则「" + rule.name() + "」已停用或未载明严重失信情形，不能据此列入"));
                continue;
            } else if (!row.cell("notice_channel").isEmpty() && days.channel() == null) {
                problem = Optional.of("送达方式须为 SELF_SERVICE、SMS、POST、IN_PERSON 或 ANNOUNCEMENT");
            } else if (!departments.contains(department)) {
                problem = Optional.of("认定部门代码「" + TypedText.shownAgain(department) + "」不是本平台登记的部门");
            } else if (ownOnly && !department.equals(ownDepartment)) {
                problem = Optional.of("只能迁移本部门作出的认定");
            } else if (documentNumber.isEmpty() || documentNumber.length() > 100 || holdsNumber(documentNumber)) {
                problem = Optional.of("须填写认定决定文书号（100 字以内，不含证件号码）");
            } else if (row.cell("legacy_source_id").length() > 100 || holdsNumber(row.cell("legacy_source_id"))) {
                problem = Optional.of("原平台记录编号（legacy_source_id）须在 100 字以内，不含证件号码");
            } else {
                problem = MigratedEntry.problem(days, rule.noticeRequired(), rule.listedByCourt(), today);
            }
            if (problem.isPresent()) {
                refused.add(new MigrationBatch.RefusedRow(row.line(), "LIST_MIGRATION_ROW_INVALID", problem.get()));
                continue;
            }
            candidates.add(new Candidate(row, document, type, rule, days, department, documentNumber));
        }
        Map<String, SubjectRegistry.Found> registered = subjects.findAll(candidates.stream()
                .map(Candidate::document).toList());
        Set<UUID> found = new HashSet<>();
        registered.values().forEach(f -> found.add(f.id()));
        Set<String> listed = found.isEmpty() ? Set.of() : store.listedOn(found);
        Set<String> migrated = found.isEmpty() ? Set.of() : store.migratedOrWaiting(found);
        Set<String> inFile = new HashSet<>();
        List<MigratedRow> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            long line = c.row().line();
            SubjectRegistry.Found subject = registered.get(subjects.pseudonymOf(c.document()));
            if (subject == null) {
                refused.add(new MigrationBatch.RefusedRow(line, "SUBJECT_UNKNOWN", "信用主体库中没有该证件号码"));
                continue;
            }
            if (subject.match(c.row().cell("name"), c.days().actDay()) == SubjectNames.Match.OTHER) {
                // A typo in the number would otherwise list another person.
                refused.add(new MigrationBatch.RefusedRow(line, "SUBJECT_NAME_MISMATCH",
                        "姓名或名称与信用主体库中该证件号码登记的不一致"));
                continue;
            }
            SubjectProfile profile = subjects.profile(subject.id()).orElseThrow();
            Optional<EntryLifecycle.Refusal> minor = EntryLifecycle.refusal(c.type(),
                    profile.kind() == SubjectKind.PERSON, profile.birthDate(), c.days().actDay());
            if (minor.isPresent()) {
                refused.add(new MigrationBatch.RefusedRow(line, minor.get().code(), minor.get().message()));
                continue;
            }
            String basis = basisOf(subject.id(), c.type(), c.rule().code());
            if (listed.contains(basis) || !inFile.add(basis)) {
                refused.add(new MigrationBatch.RefusedRow(line, "LIST_MIGRATION_ALREADY_LISTED",
                        "该主体已按同一认定规则列入（或告知、公示中）同一名单，或本文件中已有同一主体同一规则的行：不重复列入"));
                continue;
            }
            if (migrated.contains(basis + ":" + c.days().actDay())) {
                refused.add(new MigrationBatch.RefusedRow(line, "LIST_MIGRATION_ALREADY_MIGRATED",
                        "同一认定已经迁移，或在待复核的迁移批次中"));
                continue;
            }
            accepted.add(new MigratedRow(batchId, line, subject.id(), profile.kind(), profile.maskedNumber(), c.type(),
                    c.rule().code(), c.rule().version(), c.days().actDay(), c.days().effectiveFrom(),
                    c.days().validUntil(), c.days().noticeIssuedOn(), c.days().noticeServedOn(), c.days().channel(),
                    c.department(), c.documentNumber(), null, blankToNull(c.row().cell("legacy_source_id"))));
        }
        refused.sort(java.util.Comparator.comparingLong(MigrationBatch.RefusedRow::line));
        return accepted;
    }

    /**
     * Published on 信用公示 as an entry of the rule would be: only when every item the rule rests on is shared publicly
     * ({@link PublicListing#publishesItem}); in force in checks all the same.
     */
    private static boolean published(ListRule rule, Map<String, ItemDefinition> items) {
        return rule.itemCodes().stream().allMatch(code -> PublicListing.publishesItem(items.get(code), null));
    }

    private static String basisOf(UUID subject, ListType type, String ruleCode) {
        return subject + ":" + type.name() + ":" + ruleCode;
    }

    private static boolean holdsNumber(String text) {
        try {
            TypedText.requireNoIdentityNumber("documentNumber", "决定文书号", text);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static LocalDate day(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
