package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.PenaltyTypes;
import cn.chengxin.catalog.domain.FieldSchema;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.PenaltyTypeClasses;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.Withdrawal;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;
import cn.chengxin.ingestion.domain.ContentDigest;
import cn.chengxin.ingestion.domain.ContentFields;
import cn.chengxin.ingestion.domain.DecisionDates;
import cn.chengxin.ingestion.domain.DecisionNumbers;
import cn.chengxin.ingestion.domain.ControlCharacters;
import cn.chengxin.ingestion.domain.ForbiddenContent;
import cn.chengxin.ingestion.domain.RevocationReasons;
import cn.chengxin.ingestion.domain.Revocations;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.IdentityRejection;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * Checks one row (issue #4): the item exists, is active and within the department's remit, and takes the row (a
 * withdrawn item takes only corrections and revocations of what was delivered under it, {@link Withdrawal}, and
 * replays of what was: {@link Valid#newUnderWithdrawnItem}); the identity number is valid, for the document type the
 * row states (证件类型; inferred when it states none), and of the item's subject type; dates are coherent; the content and the decision number fit their limits and hold nothing the platform must
 * not collect ({@link ForbiddenContent}).
 * Every problem of the row is reported, not just the first. Name consistency needs the registry and is
 * checked when the subject is resolved.
 */
@Component
class RowValidator {

    /** More content fields than any item may have (the catalogue's bound). */
    static final int MOST_FIELDS = cn.chengxin.catalog.domain.ItemRules.MOST_FIELDS;

    /** The old platform's record id (旧系统记录编号, gaps review xliii X3): as long as a department's own may be. */
    static final int LEGACY_ID_LENGTH = 100;

    private final Catalogue catalogue;
    private final SubjectRegistry subjects;
    private final PenaltyTypeClasses penaltyTypes;

    RowValidator(Catalogue catalogue, SubjectRegistry subjects, PenaltyTypes penaltyTypes) {
        this.catalogue = catalogue;
        this.subjects = subjects;
        this.penaltyTypes = penaltyTypes.classes();
    }

    /**
     * A row that passed: everything parsed; {@code content} is its fields as stored ({@link ContentFields}).
     *
     * @param newUnderWithdrawnItem the row adds a record under a withdrawn item: it passes only as the replay of a
     *                              version stored before the withdrawal, which the submission finds out
     *                              ({@link #itemWithdrawn} otherwise)
     * @param decisionDate          {@code null} for a revocation that gives none ({@link Revocations})
     * @param legacyFingerprint     the row's fingerprint in the form versions stored before {@link ContentDigest}
     *                              carry ({@link #legacyFingerprint}), worked out only when asked ({@link #legacy})
     */
    record Valid(long line, IncomingRecord row, ItemDefinition item, int itemVersion, IdentityDocument document,
                 String pseudonym, String name, RecordAction action, int version, LocalDate decisionDate,
                 Map<String, String> content, String fingerprint, Supplier<String> legacyFingerprint,
                 boolean newUnderWithdrawnItem, List<NamedPerson> responsiblePersons) {

        /** The natural key and content of the version the row sends, as the credit file stores it. */
        CreditFile.SentVersion sent() {
            return new CreditFile.SentVersion(row.sourceRecordId().strip(), version, fingerprint,
                    legacyFingerprint.get());
        }
    }

    /**
     * A responsible person the row names, checked as a row's subject is; whether the name is the registry's is found
     * when persons are resolved, as for the subject.
     *
     * @param nameField where the name was sent, for a name that is not the registry's
     */
    record NamedPerson(ResponsibleRole role, IdentityDocument document, String pseudonym, String name,
                       String nameField) {
    }

    /**
     * The person's birth date, for "decision not before birth" (issue #4; RULES.md §4: periods count from the
     * decision date): read from the number where the document carries it, else the one the registry holds for a
     * person already registered (a passport holder's, completed by review); {@code null} when unknown.
     */
    private LocalDate birthDateOf(IdentityDocument document) {
        if (document == null || document.subjectKind() != SubjectKind.PERSON) {
            return null;
        }
        if (document.type().carriesBirthDate()) {
            return ResidentIdentityNumber.parse(document.number(), LocalDate.MAX).birthDate();
        }
        return subjects.find(document).flatMap(subjects::profile).map(p -> p.birthDate()).orElse(null);
    }

    /** More responsible persons than one decision names (a bound on what a row may make the platform register). */
    static final int MOST_RESPONSIBLE_PERSONS = 20;

    /**
     * A CONTROL_CHARACTER error for each value of the row holding a control character other than a line break or a
     * tab ({@link ControlCharacters}): a NUL would fail the chunk's insert, and so every row stored with it.
     */
    static List<RowError> controlCharacters(long line, IncomingRecord row) {
        List<RowError> errors = new ArrayList<>();
        java.util.function.BiConsumer<String, String> check = (field, value) -> {
            if (ControlCharacters.in(value)) {
                errors.add(new RowError(line, field, "CONTROL_CHARACTER",
                        "「" + field + "」含有控制字符（如 NUL）：请删除后重新报送"));
            }
        };
        check.accept("item", row.itemCode());
        check.accept("documentType", row.documentType());
        check.accept("subjectNumber", row.subjectNumber());
        check.accept("subjectName", row.subjectName());
        check.accept("sourceRecordId", row.sourceRecordId());
        check.accept("version", row.version());
        check.accept("action", row.action());
        check.accept("decisionNumber", row.decisionNumber());
        check.accept("decisionDate", row.decisionDate());
        check.accept("revocationReason", row.revocationReason());
        check.accept("legacySourceId", row.legacySourceId());
        if (row.fields().size() <= MOST_FIELDS) {
            row.fields().forEach((field, value) -> {
                check.accept("fields." + field, value);
                if (ControlCharacters.in(field) && !ControlCharacters.in(value)) {
                    check.accept("fields." + field, field);
                }
            });
        }
        for (ResponsiblePersonSent p : row.responsiblePersons()) {
            check.accept(p.roleField(), p.role());
            check.accept(p.idField(), p.identityNumber());
            check.accept(p.nameField(), p.name());
        }
        return errors;
    }

    /** Whether some value of the row holds a control character: it is refused before anything is looked up. */
    static boolean holdsControlCharacters(IncomingRecord row) {
        return !controlCharacters(0, row).isEmpty();
    }

    /**
     * Validates against a snapshot of the active catalogue taken once per batch.
     *
     * @param revisionRefused {@code null}, or why the row's correction or revocation names no record it can revise: one
     *                        its department never sent ({@link StoreOutcome#unknownRecord}) or sent under another item
     *                        ({@link StoreOutcome#recordElsewhere}). The row is refused with that one problem, and
     *                        with no other but those of what it gives, as it has no record to complete (issue #4)
     */
    Object validate(long line, IncomingRecord sent, String departmentCode, Map<String, CatalogueItem> active,
                    LocalDate today, StoreOutcome revisionRefused) {
        List<RowError> controls = controlCharacters(line, sent);
        if (!controls.isEmpty()) {
            // Alone: the other checks would quote and look up values PostgreSQL cannot take.
            return controls;
        }
        List<RowError> errors = new ArrayList<>();
        CatalogueItem item = sent.itemCode() == null ? null : active.get(sent.itemCode().strip());
        IncomingRecord row = item == null ? sent
                : sent.withFields(FieldSchema.byName(item.definition().fields(), sent.fields()));
        if (item == null) {
            boolean known = row.itemCode() != null && !catalogue.history(row.itemCode().strip()).isEmpty();
            errors.add(new RowError(line, "item", known ? "ITEM_NOT_ACTIVE" : "ITEM_NOT_IN_CATALOGUE",
                    known ? "目录事项「" + row.itemCode() + "」未启用" : "信用信息目录中没有事项「" + row.itemCode() + "」"));
        } else if (!item.definition().providers().contains(departmentCode)) {
            errors.add(new RowError(line, "item", "ITEM_OUTSIDE_REMIT",
                    "事项「" + item.definition().name() + "」不在本部门（" + departmentCode + "）的报送职责范围内"));
        }
        IdentityDocument document = null;
        try {
            document = subjects.validate(DocumentType.named(row.documentType()), row.subjectNumber());
        } catch (InvalidIdentityException e) {
            boolean typeUnknown = e.rejection() == IdentityRejection.DOCUMENT_TYPE_UNKNOWN;
            errors.add(new RowError(line, typeUnknown ? "documentType" : "subjectNumber", e.code(), e.getMessage()));
        }
        if (document != null && item != null) {
            boolean person = item.definition().subjectType() == SubjectType.PERSON;
            if (person != (document.subjectKind() == SubjectKind.PERSON)) {
                errors.add(new RowError(line, "subjectNumber", "SUBJECT_TYPE_MISMATCH",
                        "事项「" + item.definition().name() + "」的主体应为" + item.definition().subjectType().label()));
            }
        }
        String name = row.subjectName() == null ? "" : row.subjectName().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new RowError(line, "subjectName", "SUBJECT_NAME_MISSING", "主体名称为空或过长"));
        }
        if (row.sourceRecordId() == null || row.sourceRecordId().isBlank() || row.sourceRecordId().length() > 100) {
            errors.add(new RowError(line, "sourceRecordId", "SOURCE_ID_MISSING", "缺少部门记录编号（或超过 100 个字符）"));
        } else if (holdsIdentityNumber(row.sourceRecordId(), document)) {
            errors.add(new RowError(line, "sourceRecordId", "SOURCE_ID_PERSONAL",
                    "部门记录编号不得包含证件号码：请改用本部门的业务编号（如案号、文书号、流水号）"));
        }
        String legacyId = row.legacyId();
        if (legacyId != null && legacyId.length() > LEGACY_ID_LENGTH) {
            errors.add(new RowError(line, "legacySourceId", "FIELD_TOO_LONG",
                    "旧系统记录编号不得超过 " + LEGACY_ID_LENGTH + " 个字符"));
        } else if (legacyId != null && holdsIdentityNumber(legacyId, document)) {
            errors.add(new RowError(line, "legacySourceId", "SOURCE_ID_PERSONAL",
                    "旧系统记录编号不得包含证件号码：请改用原平台的记录编号"));
        }
        if (revisionRefused != null) {
            errors.add(revisionRefused(line, revisionRefused));
        }
        Optional<RecordAction> stated = actionOf(row);
        boolean actionKnown = stated.isPresent();
        RecordAction action = stated.orElse(RecordAction.ADD);
        if (!actionKnown) {
            errors.add(new RowError(line, "action", "ACTION_UNKNOWN", "操作应为 ADD、UPDATE 或 REVOKE"));
        }
        boolean asksForContent = revisionRefused == null && Revocations.asksForContent(action);
        boolean newUnderWithdrawnItem = item != null && item.withdrawn() && actionKnown
                && !Withdrawal.takes(action == RecordAction.ADD);
        int version = 1;
        if (row.version() != null && !row.version().isBlank()) {
            if (row.version().strip().matches("[1-9]\\d{0,8}")) {
                version = Integer.parseInt(row.version().strip());
            } else {
                errors.add(new RowError(line, "version", "VERSION_FORMAT", "版本号应为正整数"));
            }
        }
        DecisionNumbers.check(row.decisionNumber())
                .ifPresent(p -> errors.add(new RowError(line, "decisionNumber", p.code(), p.message())));
        RevocationReasons.check(stated, row.revocationReason())
                .ifPresent(p -> errors.add(new RowError(line, "revocationReason", p.code(), p.message())));
        Optional<LocalDate> decision = DecisionDates.parse(row.decisionDate());
        boolean undated = row.decisionDate() == null || row.decisionDate().isBlank();
        if (decision.isEmpty() && (asksForContent || !undated)) {
            errors.add(new RowError(line, "decisionDate", "DECISION_DATE_FORMAT",
                    DecisionDates.unreadable(row.decisionDate())));
        } else if (decision.isPresent()) {
            DecisionDates.check(decision.get(), today, birthDateOf(document))
                    .ifPresent(p -> errors.add(new RowError(line, "decisionDate", p.code(), p.message())));
        }
        if (row.fields().size() > MOST_FIELDS) {
            // One error for the row, not one per field sent: a body of a few MB could otherwise hold a million names.
            errors.add(new RowError(line, "fields", "FIELDS_TOO_MANY",
                    "内容字段过多（" + row.fields().size() + " 个，最多 " + MOST_FIELDS + " 个）：请只报送目录事项规定的字段"));
        } else {
            if (item != null) {
                (asksForContent ? FieldSchema.check(item.definition().fields(), row.fields())
                        : FieldSchema.checkGiven(item.definition().fields(), row.fields()))
                        .forEach(e -> errors.add(new RowError(line, "fields." + e.field(), e.code(), e.message())));
                if (action != RecordAction.REVOKE) {
                    severityBelowPenaltyType(line, item.definition(), row.fields()).ifPresent(errors::add);
                }
            }
            row.fields().forEach((field, value) -> ForbiddenContent.in(value).ifPresent(f -> errors.add(new RowError(
                    line, "fields." + field, "FORBIDDEN_CONTENT", "字段「" + field + "」含有不得归集的信息：" + f.category()))));
        }
        List<NamedPerson> named = responsiblePersons(line, row, item, errors);
        if (!errors.isEmpty()) {
            if (newUnderWithdrawnItem) {
                errors.add(itemWithdrawn(line, item.definition()));
            }
            return errors;
        }
        String pseudonym = subjects.pseudonymOf(document);
        String subject = fingerprinted(document, pseudonym);
        return new Valid(line, row, item.definition(), item.version(), document, pseudonym, name, action, version,
                decision.orElse(null), ContentFields.stored(item.definition().fields(), row.fields()),
                fingerprint(row, subject, named), legacy(row, subject), newUnderWithdrawnItem, named);
    }

    /**
     * SEVERITY_BELOW_PENALTY_TYPE when the row's penalty type is of a graver class than its item (RULES.md §4: the class
     * follows the act, 国办发〔2025〕22号): a 吊销许可证件 sent as 轻微 would go unpublished and unpunished. A revocation is
     * never refused for it: what was stored under the wrong item can still be withdrawn.
     */
    private Optional<RowError> severityBelowPenaltyType(long line, ItemDefinition item, Map<String, String> fields) {
        return penaltyTypes.graverThanItem(item.severity(), fields).map(graver -> new RowError(line,
                "fields." + PenaltyTypeClasses.FIELD, "SEVERITY_BELOW_PENALTY_TYPE",
                "处罚类别「" + fields.get(PenaltyTypeClasses.FIELD).strip() + "」至少属于" + graver.label()
                        + "失信行为，不能按「" + item.name() + "」报送：请按该处罚类别的严重程度选择目录事项"));
    }

    /**
     * The responsible persons the row names (RULES.md §1), each checked as a row's subject is: a valid resident
     * identity number (a person's: a credit code is SUBJECT_TYPE_MISMATCH), a name, a known role. Only an item that links
     * to responsible persons takes them: on another item's row they would be recorded nowhere, which the department
     * must not believe they are, so the row is refused (RESPONSIBLE_PERSONS_NOT_LINKED) rather than the persons
     * dropped. The same person named twice is one person (its first role).
     */
    private List<NamedPerson> responsiblePersons(long line, IncomingRecord row, CatalogueItem item,
                                                 List<RowError> errors) {
        List<ResponsiblePersonSent> sent = row.responsiblePersons();
        if (sent.isEmpty()) {
            return List.of();
        }
        if (item != null && !item.definition().linksToResponsiblePersons()) {
            errors.add(new RowError(line, "responsiblePersons", "RESPONSIBLE_PERSONS_NOT_LINKED",
                    "事项「" + item.definition().name() + "」的记录不关联法定代表人和责任人：请不要报送责任人"));
            return List.of();
        }
        if (sent.size() > MOST_RESPONSIBLE_PERSONS) {
            errors.add(new RowError(line, "responsiblePersons", "RESPONSIBLE_PERSONS_TOO_MANY",
                    "责任人过多（" + sent.size() + " 人，最多 " + MOST_RESPONSIBLE_PERSONS + " 人）"));
            return List.of();
        }
        List<NamedPerson> named = new ArrayList<>(sent.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ResponsiblePersonSent p : sent) {
            int before = errors.size();
            Optional<ResponsibleRole> role = ResponsibleRole.named(p.role());
            if (role.isEmpty()) {
                errors.add(new RowError(line, p.roleField(), "RESPONSIBLE_ROLE_UNKNOWN",
                        "责任人身份应为法定代表人、主要负责人或直接责任人"
                                + "（LEGAL_REPRESENTATIVE、PRINCIPAL、DIRECTLY_RESPONSIBLE）"));
            }
            IdentityDocument document = null;
            if (p.identityNumber() == null || p.identityNumber().isBlank()) {
                errors.add(new RowError(line, p.idField(), "RESPONSIBLE_PERSON_ID_MISSING", "缺少责任人身份证号码"));
            } else {
                try {
                    document = subjects.validate(null, p.identityNumber());
                    if (document.subjectKind() != SubjectKind.PERSON) {
                        errors.add(new RowError(line, p.idField(), "SUBJECT_TYPE_MISMATCH",
                                "责任人应为自然人：请报送其身份证号码"));
                    }
                } catch (InvalidIdentityException e) {
                    errors.add(new RowError(line, p.idField(), e.code(), "责任人" + e.getMessage()));
                }
            }
            String name = p.name() == null ? "" : p.name().strip();
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new RowError(line, p.nameField(), "RESPONSIBLE_PERSON_NAME_MISSING", "责任人姓名为空或过长"));
            }
            if (errors.size() == before) {
                String pseudonym = subjects.pseudonymOf(document);
                if (seen.add(pseudonym)) {
                    named.add(new NamedPerson(role.get(), document, pseudonym, name, p.nameField()));
                }
            }
        }
        return named;
    }

    /**
     * The subject as a fingerprint names it. The number alone decides the type of an identity number or a credit code
     * (the type is read from it), so their pseudonym is enough, as it always was; the same passport or permit number
     * could be another type's and another person's, so a resent row that names another type is a changed row.
     */
    private static String fingerprinted(IdentityDocument document, String pseudonym) {
        DocumentType type = document.type();
        return type.carriesBirthDate() || type == DocumentType.UNIFIED_SOCIAL_CREDIT_CODE ? pseudonym
                : type.name() + ":" + pseudonym;
    }

    /**
     * A department's key is stored and shown as sent (RULES.md §10: numbers only encrypted and masked), so a key built
     * from an identity number, the row's own (a passport number too) or anyone's, of 18 characters or of 15 (RULES.md
     * §1: first-generation numbers), is refused rather than kept in clear.
     */
    private static boolean holdsIdentityNumber(String key, IdentityDocument document) {
        if (ResidentIdentityNumber.appearsIn(key) || ResidentIdentityNumber.legacyAppearsIn(key)) {
            return true;
        }
        return document != null && document.subjectKind() == SubjectKind.PERSON && document.number().length() >= 6
                && key.toUpperCase(Locale.ROOT).contains(document.number().toUpperCase(Locale.ROOT));
    }

    /**
     * What the row does, ADD when it does not say; empty when it says something else. Read before the row is checked,
     * to look up the records that corrections and revocations name.
     */
    static Optional<RecordAction> actionOf(IncomingRecord row) {
        if (row.action() == null || row.action().isBlank()) {
            return Optional.of(RecordAction.ADD);
        }
        try {
            return Optional.of(RecordAction.valueOf(row.action().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The refusal of a correction or revocation of no record it can revise ({@link #validate}), on its key. */
    static RowError revisionRefused(long line, StoreOutcome refusal) {
        return new RowError(line, "sourceRecordId", refusal.code(), refusal.message());
    }

    /** The refusal of a new record under a withdrawn item ({@link Withdrawal}). */
    static RowError itemWithdrawn(long line, ItemDefinition item) {
        return new RowError(line, "item", "ITEM_WITHDRAWN", "目录事项「" + item.name()
                + "」已废止，不再接收新增记录；此前报送的记录仍可更正（UPDATE）或撤销（REVOKE）");
    }

    /**
     * What the department sent, canonically ({@link ContentDigest}): tells an identical replay from a changed version.
     * The subject enters as its pseudonym, so the stored fingerprint cannot be searched for an identity number.
     */
    static String fingerprint(IncomingRecord row, String subjectPseudonym) {
        return fingerprint(row, subjectPseudonym, List.of());
    }

    /**
     * With the responsible persons the row names, by pseudonym as the subject, only when it names some: a row that
     * names none keeps the fingerprint it had before they could be named, so its resend is still a replay.
     */
    static String fingerprint(IncomingRecord row, String subjectPseudonym, List<NamedPerson> responsiblePersons) {
        ContentDigest digest = ContentDigest.of().text(row.itemCode()).text(subjectPseudonym).text(row.subjectName())
                .text(row.action()).text(row.decisionNumber()).text(row.decisionDate()).fields(row.fields())
                .text(RevocationReasons.normalised(row.revocationReason()));
        for (NamedPerson p : responsiblePersons) {
            digest.text(p.role().name()).text(p.pseudonym()).text(p.name());
        }
        return digest.hex();
    }

    /**
     * {@link #legacyFingerprint} when asked: only a version stored before under the same key whose fingerprint is not
     * the current form's needs it (a replay of a version stored before {@link ContentDigest}, or a conflict), and
     * working it out for every row — a second SHA-256 over a sorted copy of the fields — was a tenth of the
     * validating thread's time (session xlii). Of values that do not change: the same each time.
     */
    static Supplier<String> legacy(IncomingRecord row, String subjectPseudonym) {
        return () -> legacyFingerprint(row, subjectPseudonym);
    }

    /**
     * The fingerprint in the form versions stored before {@link ContentDigest} carry, kept only so that a replay of one
     * is still a replay: not canonical (a value holding "\nb=2" reads like another field), so never stored any more.
     */
    static String legacyFingerprint(IncomingRecord row, String subjectPseudonym) {
        StringBuilder text = new StringBuilder();
        text.append(row.itemCode()).append('\n').append(subjectPseudonym)
                .append('\n').append(row.subjectName()).append('\n').append(row.action()).append('\n')
                .append(row.decisionNumber()).append('\n').append(row.decisionDate()).append('\n');
        new TreeMap<>(row.fields()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        String reason = RevocationReasons.normalised(row.revocationReason());
        if (reason != null) { // only when given: a row sent before the reason existed keeps its fingerprint
            text.append('\u0001').append(reason);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
