package cn.chengxin.exchange;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.SigningKeys;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.LoadReview;
import cn.chengxin.exchange.domain.MinorsNeverListed;
import cn.chengxin.exchange.persistence.JdbcListLoads;
import cn.chengxin.exchange.wire.CourtDefaulterFile;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Supreme People's Court's list of court defaulters loaded from its published file, in two steps (issue #5
 * maker-checker; RULES.md §7, §10): the upload keeps the file, sealed, with its SM3 digest and a preview of what it
 * would do; only another person's approval applies it (checked again against the registry as it is then) and relays it
 * to the children, audited with the digest, the uploader and the approver, and once under each subject it changed, so
 * that the person sees it in 谁查询了我.
 */
@Component
class ListLoads {

    static final String SEALED_FOR = "exchange.list-load:";

    private final JdbcListLoads store;
    private final Receiving receiving;
    private final SubjectRegistry subjects;
    private final Catalogue catalogue;
    private final PersonalDataProtection protection;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ListLoads(JdbcListLoads store, Receiving receiving, SubjectRegistry subjects, Catalogue catalogue,
              PersonalDataProtection protection, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.receiving = receiving;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.protection = protection;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Keeps the file for a second person's decision; nothing of it is applied. */
    ListLoad upload(String fileName, byte[] content) {
        Evaluation preview = evaluate(content);
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        String name = fileName == null || fileName.isBlank() ? null
                : IdentityRedaction.redact(fileName.strip().substring(0, Math.min(100, fileName.strip().length())));
        ListLoad load = new ListLoad(id, CourtDefaulterFile.ISSUER, name, digestOf(content), preview.rows(),
                preview.listings(), preview.removals(), preview.refused(), by.actorId(), by.actorName(),
                clock.instant(), ListLoad.Status.PENDING, null, null, null, null, preview.warned());
        PersonalDataProtection.Sealed sealed = protection.seal(Base64.getEncoder().encodeToString(content),
                SEALED_FOR + id);
        transaction.executeWithoutResult(status -> {
            store.insert(load, sealed.cipher(), sealed.keyVersion());
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.load.upload").detail(AuditDetail.of("LOAD_UPLOADED")
                    .with("source", load.source()).with("sm3", load.digest()).with("file", name)
                    .with("rows", load.rows()).with("listings", load.listings()).with("removals", load.removals())
                    .with("refused", load.refused().size())));
        });
        return load;
    }

    /**
     * Applies the file, checked again as the registry and the catalogue are now, and relays it to the children.
     *
     * @throws ExchangeProblem LIST_LOAD_SELF_REVIEW for its uploader, LIST_LOAD_DECIDED when already decided
     */
    LoadReport approve(UUID id) {
        Actor by = AuditLog.currentActor();
        return transaction.execute(status -> {
            JdbcListLoads.Sealed sealed = decidable(id, by, "exchange.load");
            ListLoad load = sealed.load();
            byte[] content = Base64.getDecoder().decode(protection.open(sealed.content(), sealed.keyVersion(),
                    SEALED_FOR + id));
            if (!digestOf(content).equals(load.digest())) {
                throw new IllegalStateException("list load " + id + ": the file kept is not the file previewed");
            }
            Evaluation now = evaluate(content);
            // The file's provenance as a reason code and values (K7), the counts added when applied.
            AuditDetail provenance = AuditDetail.of("LOAD_APPLIED").with("source", load.source())
                    .with("sm3", load.digest()).with("file", load.fileName()).with("uploader", load.uploaderName())
                    .with("uploaderId", load.uploadedBy()).with("uploadedAt", load.uploadedAt())
                    .with("approver", by.actorName()).with("approverId", by.actorId());
            int applied = receiving.applyLoaded(load.source(), now.messages(), now.documents(), provenance);
            store.decide(id, ListLoad.Status.APPROVED, by.actorId(), by.actorName(), clock.instant(), null, applied);
            return new LoadReport(now.rows(), applied, now.refused(), now.warned());
        });
    }

    /** Sends the file back unapplied, with the reason; the file itself is dropped, its digest kept. */
    void reject(UUID id, String note) {
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        String reason = note == null || note.isBlank() ? null : note.strip();
        Actor by = AuditLog.currentActor();
        transaction.executeWithoutResult(status -> {
            ListLoad load = decidable(id, by, "exchange.load.reject").load();
            store.decide(id, ListLoad.Status.REJECTED, by.actorId(), by.actorName(), clock.instant(), reason, null);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.load.reject").detail(AuditDetail.of("LOAD_SENT_BACK")
                    .with("source", load.source()).with("sm3", load.digest()).with("uploader", load.uploaderName())
                    .with("uploaderId", load.uploadedBy()).with("reason", reason)));
        });
    }

    List<ListLoad> latest(int limit) {
        return store.latest(limit);
    }

    long awaiting(String reviewerId) {
        return store.countPendingUploadedByOthers(reviewerId);
    }

    /** A load waiting that {@code by} may decide: never their own (maker-checker). */
    private JdbcListLoads.Sealed decidable(UUID id, Actor by, String action) {
        JdbcListLoads.Sealed sealed = store.lock(id).orElseThrow(() -> new ExchangeProblem("LIST_LOAD_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "该名单文件不存在"));
        if (!sealed.load().pending()) {
            throw new ExchangeProblem("LIST_LOAD_DECIDED", DomainProblem.Kind.CONFLICT, "该名单文件已由他人审核");
        }
        if (!LoadReview.mayDecide(sealed.load().uploadedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("LOAD_OWN_UPLOAD").with("source", sealed.load().source())
                            .with("sm3", sealed.load().digest())));
            throw new ExchangeProblem("LIST_LOAD_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己上传的名单文件（双人复核）：须由另一名有审核权限的人员批准或退回");
        }
        return sealed;
    }

    /** What a file would do: the entries it holds (with their subjects' documents) and the rows refused. */
    private record Evaluation(int rows, List<ExchangeMessage> messages, List<IdentityDocument> documents,
                              List<LoadReport.RefusedRow> refused, List<LoadReport.RefusedRow> warned) {

        int removals() {
            return (int) messages.stream().filter(m -> !m.inForce()).count();
        }

        int listings() {
            return messages.size() - removals();
        }
    }

    private record Candidate(long line, ExchangeMessage message, IdentityDocument document) {
    }

    /**
     * Reads the rows and refuses, each with its line and code: a malformed row (LIST_ROW_INVALID), a bad number (its
     * ID_* code), an organisation while the catalogue has no organisation court-defaulter item (LIST_ITEM_UNKNOWN), a
     * minor (EXCHANGE_MINOR_LISTED, RULES.md §6) and a name other than the one the registry holds for the number
     * (SUBJECT_NAME_MISMATCH: a typo in the number would otherwise list another person).
     */
    private Evaluation evaluate(byte[] content) {
        List<CourtDefaulterFile.Row> rows;
        try {
            rows = CourtDefaulterFile.read(new ByteArrayInputStream(content), clock.instant());
        } catch (CourtDefaulterFile.Unreadable e) {
            throw new ExchangeProblem("LIST_FILE_UNREADABLE", DomainProblem.Kind.INVALID_INPUT, e.getMessage());
        }
        boolean organisationsListed = catalogue.active(CourtDefaulterFile.ORGANISATION_ITEM)
                .filter(item -> !item.withdrawn()).isPresent();
        LocalDate today = LocalDate.now(clock);
        List<LoadReport.RefusedRow> refused = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (CourtDefaulterFile.Row row : rows) {
            if (row.message() == null) {
                refused.add(new LoadReport.RefusedRow(row.line(), "LIST_ROW_INVALID", row.problem()));
                continue;
            }
            IdentityDocument document;
            try {
                document = subjects.validate(null, row.message().subject().number());
            } catch (InvalidIdentityException e) {
                refused.add(new LoadReport.RefusedRow(row.line(), e.code(), "身份证号码：" + e.code()));
                continue;
            }
            boolean organisation = document.subjectKind() == SubjectKind.ORGANISATION;
            if (organisation && !organisationsListed) {
                refused.add(new LoadReport.RefusedRow(row.line(), "LIST_ITEM_UNKNOWN", "统一社会信用代码：目录中没有在用的"
                        + "法人失信被执行人事项（" + CourtDefaulterFile.ORGANISATION_ITEM + "），单位不能导入"));
                continue;
            }
            ExchangeMessage message = CourtDefaulterFile.about(row.message(), document.type().name(), organisation);
            if (MinorsNeverListed.refusal(message, 0, document.birthDate().orElse(null), today).isPresent()) {
                refused.add(new LoadReport.RefusedRow(row.line(), "EXCHANGE_MINOR_LISTED",
                        "公布时未满十八周岁：未成年人不得列入失信被执行人名单"));
                continue;
            }
            candidates.add(new Candidate(row.line(), message, document));
        }
        Map<String, SubjectRegistry.Found> registered = subjects.findAll(candidates.stream()
                .map(Candidate::document).toList());
        List<ExchangeMessage> messages = new ArrayList<>();
        List<IdentityDocument> documents = new ArrayList<>();
        List<LoadReport.RefusedRow> warned = new ArrayList<>();
        for (Candidate c : candidates) {
            SubjectRegistry.Found found = registered.get(subjects.pseudonymOf(c.document()));
            SubjectNames.Match match = found == null ? null : found.match(c.message().subject().name(),
                    c.message().period() == null ? null : c.message().period().start());
            if (match == SubjectNames.Match.OTHER) {
                refused.add(new LoadReport.RefusedRow(c.line(), "SUBJECT_NAME_MISMATCH",
                        "姓名或名称与信用主体库中该证件号码登记的不一致"));
                continue;
            }
            // A former name (曾用名) of the subject on the day the listing was published is its name all the same: the
            // row is loaded, and the reviewer told so (gaps review xxv H6), as a department is of its rows.
            if (match == SubjectNames.Match.FORMER) {
                warned.add(new LoadReport.RefusedRow(c.line(), "SUBJECT_FORMER_NAME",
                        "姓名或名称是该证件号码登记主体在公布之日使用、现已变更的曾用名：按证件号码导入"));
            }
            messages.add(c.message());
            documents.add(c.document());
        }
        refused.sort(Comparator.comparingLong(LoadReport.RefusedRow::line));
        return new Evaluation(rows.size(), messages, documents, refused, warned);
    }

    private static String digestOf(byte[] content) {
        return HexFormat.of().formatHex(SigningKeys.sm3(content));
    }
}
