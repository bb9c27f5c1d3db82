package cn.chengxin.ingestion.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.ingestion.BatchOrigin;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.ingestion.IncomingRecord;
import cn.chengxin.ingestion.IngestionProblem;
import cn.chengxin.ingestion.RejectedRows;
import cn.chengxin.ingestion.ResponsiblePersonSent;
import cn.chengxin.ingestion.RowError;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** 归集接口: a department system submits records; the same Idempotency-Key with the same content replays the result. */
@RestController
@RequiresPermission(Permission.RECORD_SUBMIT)
@Tag(name = "ingestion", description = "公共信用信息归集")
class SubmissionsApi {

    private final Submissions submissions;
    private final FileSubmissions files;
    private final ErrorReportDownloads reports;
    private final RejectedRows rejectedRows;

    SubmissionsApi(Submissions submissions, FileSubmissions files, ErrorReportDownloads reports,
                   RejectedRows rejectedRows) {
        this.submissions = submissions;
        this.files = files;
        this.reports = reports;
        this.rejectedRows = rejectedRows;
    }

    @PostMapping("/api/v1/submissions")
    @Operation(summary = "报送信用信息", description = "Header Idempotency-Key (a UUID) is the batch id: the same key with "
            + "the same records returns the first result (Idempotent-Replayed: true); with other records 409 "
            + "BATCH_CONFLICT. Each rejected record is listed with its index (from 1), field, code and message; "
            + "accepted records are stored whatever happens to the others. A record names its subject by "
            + "subjectNumber and, for a person without a mainland identity number, documentType: a DocumentType "
            + "code (PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, ...) or its Chinese label (护照, ...); without it the "
            + "number is read as a resident identity number or a credit code. DOCUMENT_TYPE_UNKNOWN for another "
            + "type, DOCUMENT_FORMAT (or ID_*, USCC_*) for a number that is not one of the type stated. action is "
            + "ADD (default), UPDATE or REVOKE with a version above the current one. A REVOKE names its record by "
            + "itemCode, subjectNumber, subjectName and sourceRecordId: fields, decisionNumber and decisionDate are "
            + "optional, those left out are kept from the current version, those given are checked; revocationReason "
            + "(optional, at most 200 characters) says why, is kept with the revoked version and shown with it in the "
            + "credit file, and is refused on an ADD or UPDATE (REVOCATION_REASON_WITHOUT_REVOKE). An UPDATE or "
            + "REVOKE of a sourceRecordId the department never sent under that item for that subject is one error, "
            + "RECORD_UNKNOWN on sourceRecordId; of one it sent for another subject or under another item, "
            + "RECORD_SUBJECT_OR_ITEM_CHANGED: a version cannot move a record, so revoke it where it is and add the "
            + "record anew under a new sourceRecordId. A revoked record takes no later version (RECORD_REVOKED), nor "
            + "does an archived one (RECORD_ARCHIVED); an expired or repaired one may still be updated or revoked. "
            + "Under an item that links to responsible persons, a record may name in responsiblePersons the persons the "
            + "decision holds responsible, each {identityNumber, name, role}, role LEGAL_REPRESENTATIVE, PRINCIPAL or "
            + "DIRECTLY_RESPONSIBLE (or 法定代表人, 主要负责人, 直接责任人): each is checked as a subject is (ID_*, "
            + "RESPONSIBLE_PERSON_ID_MISSING, RESPONSIBLE_PERSON_NAME_MISSING, RESPONSIBLE_ROLE_UNKNOWN, "
            + "RESPONSIBLE_PERSON_NAME_MISMATCH, on the field responsiblePersons[i].identityNumber, .name or .role) and "
            + "the record is refused whole when one fails; an unknown person is registered. The record is also "
            + "recorded on them and on the registry's responsible persons in office on the decision date. Under an "
            + "item that does not link, responsiblePersons is RESPONSIBLE_PERSONS_NOT_LINKED. "
            + "At most 10,000 records a batch: more are refused whole, 422 "
            + "BATCH_TOO_LARGE (as a check batch over its limit is); send them as several batches, or as a file. "
            + "503 BATCH_INTERRUPTED: the batch stopped part-way as its connection to the database was lost; it stays "
            + "RUNNING until it is sent again under the same key, which runs it to its end, storing nothing twice. "
            + "validateOnly=true: the batch is checked as a real one and answered with the same row errors and "
            + "warnings, status VALIDATED and batchId null, but nothing is stored (no batch, record or subject; no "
            + "Idempotency-Key needed) and the call is audited as validate-only. It cannot tell what only storing "
            + "finds: a row sent before counts as accepted, and RECORD_EXISTS, RECORD_VERSION_STALE, "
            + "RECORD_VERSION_CONFLICT, RECORD_REVOKED and RECORD_ARCHIVED come only from a real submission. "
            + "origin (optional): ROUTINE (the default) or MIGRATION, a city's history back-loaded at its cut-over "
            + "from an older platform: stored and scored as any batch, but no grade notice is written for it, the list "
            + "proposals it makes say 由历史数据迁移产生, and its records are not queued to a parent platform. Only a "
            + "key holding record:migrate sends one, else 403 MIGRATION_NOT_PERMITTED. A resend under the same key "
            + "runs as the batch was first sent. A back-load's record may name the old platform's id of it, "
            + "legacySourceId (at most 100 characters, never an identity number): kept with the record, its later "
            + "changes go upward naming it; a routine batch's is not kept.")
    @cn.chengxin.shared.web.ControlCharacters.CheckedOneByOne // a row holding one is its error (RowValidator)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "the batch's result: each rejected "
            + "record with its row's code (FIELD_REQUIRED, DECISION_DATE_FORMAT, ACTION_UNKNOWN, "
            + "ITEM_NOT_IN_CATALOGUE, ...)", headers = @Header(name = "Idempotent-Replayed", description = "true when "
            + "the batch was sent before under this key and its first result is answered",
            schema = @Schema(type = "boolean")))
    @Refuses(status = 403, value = {"DEPARTMENT_REQUIRED", "MIGRATION_NOT_PERMITTED"})
    @Refuses(status = 409, value = {"BATCH_CONFLICT", "BATCH_IN_PROGRESS"})
    @Refuses(status = 422, value = {"IDEMPOTENCY_KEY_REQUIRED", "BATCH_TOO_LARGE"})
    @Refuses(status = 429, value = "INGESTION_BUSY")
    @Refuses(status = 503, value = "BATCH_INTERRUPTED")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<BatchResult> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @RequestParam(defaultValue = "false") boolean validateOnly,
                                       @Valid @RequestBody Batch batch) {
        BatchOrigin origin = permitted(batch.origin());
        if (validateOnly) {
            // R8 (gaps review xxxvii-api): checked, answered, stored nowhere.
            return ResponseEntity.ok().body(submissions.validate(AuditLog.currentActor().departmentCode(),
                    batch.incoming()).asSentAs(origin));
        }
        UUID batchId = parseKey(key);
        BatchResult result = submissions.submit(batchId, AuditLog.currentActor().departmentCode(), batch.incoming(),
                origin);
        return ResponseEntity.ok().header("Idempotent-Replayed", Boolean.toString(result.replayed())).body(result);
    }

    @PostMapping(path = "/api/v1/submissions/files",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "以文件报送", description = "A CSV (UTF-8 or GB18030), XLSX or JSON Lines file in the part "
            + "'file'. Header Idempotency-Key (a UUID) is the batch id. Answered 202 with Location: the batch "
            + "runs in the background; GET it for progress and the rejected rows. The same key with the same "
            + "file is answered with the batch as it stands; with another file 409 BATCH_CONFLICT. A file that "
            + "cannot be read at all is refused at once (FILE_EMPTY, FILE_UNREADABLE, FILE_ZIP_BOMB, "
            + "FILE_TOO_LARGE, FILE_FORMAT_UNSUPPORTED, ...). A row under an item that links to responsible persons "
            + "names them in the columns legalRepresentativeId/legalRepresentativeName, principalId/principalName and "
            + "responsiblePersonIds/responsiblePersonNames (several separated by ';', paired in order), or their "
            + "template titles (法定代表人证件号码, ...): a problem names the column, as responsiblePersonIds[1]. "
            + "validateOnly=true: the file's rows (at most 10,000, else 422 BATCH_TOO_LARGE) are checked as a real "
            + "batch checks them and answered at once, 200, with the row errors (by line) and warnings, status "
            + "VALIDATED and batchId null (and 'failure' when the file stops being readable part-way); nothing is "
            + "stored (no batch, record or subject; no Idempotency-Key needed), the file is deleted, and the call is "
            + "audited as validate-only. As for a batch of records, what only storing finds (a row sent before, "
            + "RECORD_EXISTS, RECORD_VERSION_STALE, ...) comes only from a real submission. The form field origin "
            + "(optional): ROUTINE (the default) or MIGRATION, a back-load at the city's cut-over, as for a batch of "
            + "records (403 MIGRATION_NOT_PERMITTED without record:migrate).")
    @ApiResponse(responseCode = "202", useReturnTypeSchema = true, description = "the batch, started (RUNNING): "
            + "GET its Location for progress and the rejected rows", headers = @Header(name = "Location",
            description = "the batch: /api/v1/submissions/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "validateOnly=true: the file "
            + "checked, status VALIDATED, nothing stored")
    @Refuses(status = 403, value = {"DEPARTMENT_REQUIRED", "MIGRATION_NOT_PERMITTED"})
    @Refuses(status = 409, value = "BATCH_CONFLICT")
    @Refuses(status = 413, value = "FILE_TOO_LARGE")
    @Refuses(status = 422, value = {"IDEMPOTENCY_KEY_REQUIRED", "FILE_EMPTY", "FILE_UNREADABLE", "FILE_ZIP_BOMB",
            "FILE_FORMAT_UNSUPPORTED", "BATCH_TOO_LARGE"})
    @Refuses(status = 503, value = "UPLOAD_FAILED")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<BatchResult> submitFile(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @RequestParam(defaultValue = "false") boolean validateOnly,
                                           @RequestParam(required = false) BatchOrigin origin,
                                           @org.springframework.web.bind.annotation.RequestPart("file")
                                           org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        BatchOrigin asked = permitted(origin);
        String department = AuditLog.currentActor().departmentCode();
        if (validateOnly) {
            // R8 (gaps review xxxvii-api): checked, answered, stored nowhere.
            return ResponseEntity.ok(files.validate(department, files.save(file.getInputStream(),
                    file.getOriginalFilename())).asSentAs(asked));
        }
        UUID batchId = parseKey(key);
        FileSubmissions.Upload upload = files.save(file.getInputStream(), file.getOriginalFilename());
        files.start(batchId, department, upload, asked);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/submissions/" + batchId))
                .body(files.result(batchId, department).orElse(null));
    }

    @GetMapping("/api/v1/submissions/{id}")
    @Operation(summary = "报送批次结果", description = "Status RUNNING, DONE or FAILED. A FAILED batch has 'failure': "
            + "its stable code, the line where the file stopped being readable (null when not about a line) and "
            + "the reason in Chinese; the rows before that line were processed and are counted as usual. A file's "
            + "rows are counted at its end: while it runs, percentRead says how much of it is read (0 to 99; null "
            + "for a batch of records, or one the instance answering is not running). 'warnings' (with "
            + "'warningCount') name rows accepted all the same that the department should correct in its own system, "
            + "as errors name theirs: SUBJECT_FORMER_NAME, the subject named by a former name (曾用名) it bore on the "
            + "row's decision date; the record is stored under the subject. 'origin': ROUTINE or MIGRATION, as the "
            + "batch was sent (a back-load at the city's cut-over, 历史数据迁移).")
    BatchResult result(@PathVariable UUID id) {
        // Another department's batch is answered as if it did not exist.
        return files.result(id, AuditLog.currentActor().departmentCode())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/api/v1/submissions/{id}/errors")
    @Operation(summary = "报送批次的错误行", description = "The problems of the batch's rejected rows after line "
            + "afterLine (0: from the start), in the order of the file, whole rows, about 'limit' at a time (at most "
            + "10,000). The batch's result carries the first 10,000 and errorCount; this pages through the rest: "
            + "pass nextAfterLine back as afterLine until it is null. Each problem names its row by sourceRecordId "
            + "(the department's key as sent, any identity number in it masked) and maskedNumber (the number the "
            + "row was sent with, masked); null when the row had none.")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ErrorsPage errors(@PathVariable UUID id, @RequestParam(defaultValue = "0") long afterLine,
                      @RequestParam(defaultValue = "1000") int limit) {
        List<RowError> errors = rejectedRows.listed(id, AuditLog.currentActor().departmentCode(), afterLine, limit)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ErrorsPage(errors, errors.isEmpty() ? null : errors.get(errors.size() - 1).line());
    }

    @GetMapping(value = "/api/v1/submissions/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "报送批次的错误报告（CSV）", description = "The batch's error report as the console gives it: "
            + "UTF-8 with a byte-order mark, one line per problem (line, field, code, message, sourceRecordId, "
            + "maskedNumber), cells that a spreadsheet would read as a formula neutralised; a batch that stopped "
            + "ends with the line where it stopped and why.")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    void errorsCsv(@PathVariable UUID id, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        reports.csv(id, AuditLog.currentActor().departmentCode(), response);
    }

    @GetMapping(value = "/api/v1/submissions/{id}/errors.xlsx", produces = ErrorReportDownloads.XLSX)
    @Operation(summary = "报送批次的错误报告（XLSX）", description = "The same report as errors.csv, as a workbook.")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    void errorsXlsx(@PathVariable UUID id, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        reports.xlsx(id, AuditLog.currentActor().departmentCode(), response);
    }

    /**
     * A responsible person as an API row names them: {@code role} LEGAL_REPRESENTATIVE, PRINCIPAL or
     * DIRECTLY_RESPONSIBLE (or 法定代表人, 主要负责人, 直接责任人).
     */
    record Responsible(String identityNumber, String name, String role) {

        @Override
        public String toString() {
            return "Responsible[" + role + "]";
        }
    }

    /** A page of problems; {@code nextAfterLine}: where the next page starts, null after the last. */
    record ErrorsPage(List<RowError> errors, Long nextAfterLine) {
    }

    /**
     * The origin asked for, ROUTINE when none is; MIGRATION only for a caller the credit office allowed to back-load
     * (record:migrate, on a key issued for the cut-over, gaps review xliii X4): else MIGRATION_NOT_PERMITTED, as a
     * back-load tells nobody of the grades it moves and is not sent upward.
     */
    private static BatchOrigin permitted(BatchOrigin origin) {
        BatchOrigin asked = BatchOrigin.orRoutine(origin);
        org.springframework.security.core.Authentication who = org.springframework.security.core.context
                .SecurityContextHolder.getContext().getAuthentication();
        if (asked == BatchOrigin.MIGRATION && (who == null || who.getAuthorities().stream()
                .noneMatch(a -> Permission.RECORD_MIGRATE.code().equals(a.getAuthority())))) {
            throw new IngestionProblem("MIGRATION_NOT_PERMITTED", DomainProblem.Kind.FORBIDDEN,
                    "报送历史数据迁移批次（origin=MIGRATION）须持有信用办为切换期间授予的 record:migrate 权限");
        }
        return asked;
    }

    private static UUID parseKey(String key) {
        try {
            return UUID.fromString(key == null ? "" : key.strip());
        } catch (IllegalArgumentException e) {
            throw new IngestionProblem("IDEMPOTENCY_KEY_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须以 Idempotency-Key 请求头提供批次号（UUID）");
        }
    }

    /**
     * No upper bound here: {@link Submissions#submit} refuses a batch over its limit with BATCH_TOO_LARGE.
     * {@code origin}: optional, ROUTINE when absent.
     */
    record Batch(@NotNull @Size(min = 1) List<@NotNull Record> records,
                 @Schema(description = "ROUTINE (default) or MIGRATION: a back-load of a city's history at its "
                         + "cut-over, which needs record:migrate") BatchOrigin origin) {

        List<IncomingRecord> incoming() {
            return records.stream().map(Record::toIncoming).toList();
        }
    }

    /**
     * {@code documentType}: optional, the code (PASSPORT) or Chinese label (护照) of the subject's document;
     * {@code revocationReason}: optional, why a REVOKE revokes the record, refused on other rows;
     * {@code responsiblePersons}: optional, the persons the decision names as answering for an organisation's act,
     * only under an item that links to them.
     */
    record Record(String itemCode, String documentType, String subjectNumber, String subjectName,
                  String sourceRecordId, String version, String action, String decisionNumber, String decisionDate,
                  @io.swagger.v3.oas.annotations.media.Schema(description = "The item's content fields by name "
                          + "(or label), each a string. Which fields, their types and which are required depend on "
                          + "the item's version in force on the day the batch is received: its JSON Schema is "
                          + "GET /api/v1/catalog/items/{itemCode}/schema.json (a coming version's: ?version=N, "
                          + "listed by GET /api/v1/catalog/items as `coming`).",
                          externalDocs = @io.swagger.v3.oas.annotations.ExternalDocumentation(
                                  description = "Per-item JSON Schema of `fields`",
                                  url = "/api/v1/catalog/items/{itemCode}/schema.json"))
                  Map<String, String> fields, String revocationReason, List<Responsible> responsiblePersons,
                  @io.swagger.v3.oas.annotations.media.Schema(description = "Optional, in a batch marked origin "
                          + "MIGRATION: the old platform's id of the record, under which the province holds it (at "
                          + "most 100 characters, never an identity number); not kept from a routine batch.")
                  String legacySourceId) {

        IncomingRecord toIncoming() {
            List<ResponsiblePersonSent> named = new java.util.ArrayList<>();
            if (responsiblePersons != null) {
                for (int i = 0; i < responsiblePersons.size(); i++) {
                    Responsible r = responsiblePersons.get(i);
                    named.add(r == null ? ResponsiblePersonSent.atIndex(i, null, null, null)
                            : ResponsiblePersonSent.atIndex(i, r.role(), r.identityNumber(), r.name()));
                }
            }
            return new IncomingRecord(itemCode, subjectNumber, subjectName, sourceRecordId, version, action,
                    decisionNumber, decisionDate, fields, documentType, revocationReason, named, legacySourceId);
        }

        @Override
        public String toString() {
            return "Record[" + itemCode + ", " + sourceRecordId + "]";
        }
    }
}
