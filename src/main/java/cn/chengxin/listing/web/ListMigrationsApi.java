package cn.chengxin.listing.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.ListMigrations;
import cn.chengxin.listing.ListingProblem;
import cn.chengxin.listing.MigrationBatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 名单迁移接口 (gaps review xliii X2; README 迁移与切换): a department system's migration tooling sends the list entries
 * its department decided in the older system, as the console's file ({@link ListMigrationConsole}) carries them; the
 * batch waits for a list reviewer's approval in the console (双人复核), which no key gives. The key holds list:migrate,
 * issued for the cut-over apart from record:migrate, and migrates its own department's decisions only.
 */
@RestController
@RequiresPermission(Permission.LIST_MIGRATE)
@Tag(name = "listing", description = "信用红黑名单")
class ListMigrationsApi {

    private final ListMigrations migrations;

    ListMigrationsApi(ListMigrations migrations) {
        this.migrations = migrations;
    }

    /** One decision of the older system, as a row of the console's file (its columns named in camel case). */
    record ListMigrationRow(@Schema(description = "The subject's identity number or unified social credit code; never kept, the "
                       + "entry names the subject by the registry") @Size(max = 64) String number,
               @Schema(description = "The subject's name as the registry holds it for the number") @Size(max = 200)
               String name,
               @Schema(description = "RED, GREY or BLACK") @Size(max = 10) String list,
               @Schema(description = "The code of a rule of the platform's catalogue of list rules for that list, "
                       + "in use (the older platform's grounds mapped to it)") @Size(max = 100) String rule,
               @Schema(description = "yyyy-MM-dd: the day of the listing decision") @Size(max = 10) String actDay,
               @Schema(description = "yyyy-MM-dd: the day the entry took effect") @Size(max = 10)
               String effectiveFrom,
               @Schema(description = "yyyy-MM-dd: its last day; left out only for a court's own listing without a "
                       + "term") @Size(max = 10) String validUntil,
               @Schema(description = "yyyy-MM-dd: the prior notice's issue, if one was served") @Size(max = 10)
               String noticeIssuedOn,
               @Schema(description = "yyyy-MM-dd: its service") @Size(max = 10) String noticeServedOn,
               @Schema(description = "SELF_SERVICE, SMS, POST, IN_PERSON or ANNOUNCEMENT") @Size(max = 20)
               String noticeChannel,
               @Schema(description = "The deciding department's code: the key's own (the default); another is "
                       + "refused on the row") @Size(max = 64) String department,
               @Schema(description = "The decision's document number (决定文书号), never an identity number")
               @Size(max = 200) String documentNumber,
               @Schema(description = "Optional: the old platform's id of the decision's back-loaded record "
                       + "(legacySourceId of POST /api/v1/submissions), which links the entry to that record when its "
                       + "document number does not tell it") @Size(max = 200) String legacySourceId) {

        /** The cells by the file's column names, the department the key's when the row names none. */
        Map<String, String> cells(String ownDepartment) {
            Map<String, String> cells = new HashMap<>();
            cells.put("number", number);
            cells.put("name", name);
            cells.put("list", list);
            cells.put("rule", rule);
            cells.put("act_day", actDay);
            cells.put("effective_from", effectiveFrom);
            cells.put("valid_until", validUntil);
            cells.put("notice_issued_on", noticeIssuedOn);
            cells.put("notice_served_on", noticeServedOn);
            cells.put("notice_channel", noticeChannel);
            cells.put("department", department == null || department.isBlank() ? ownDepartment : department);
            cells.put("document_number", documentNumber);
            cells.put("legacy_source_id", legacySourceId);
            return cells;
        }

        /** The number is personal data: never print it. */
        @Override
        public String toString() {
            return "ListMigrationRow[" + list + ", " + rule + ", " + actDay + "]";
        }
    }

    /** Named apart from the submissions' Batch and Row: the OpenAPI document names its schemas by simple name. */
    record ListMigrationRequest(@NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid ListMigrationRow> rows) {
    }

    /**
     * A batch as it stands: waiting (PENDING) for a list reviewer's decision, APPROVED ({@code stored} entries in
     * force, or ended past their last day) or REJECTED with its {@code decisionNote}; the rows refused at once by line.
     */
    record ListMigrationBatch(UUID id, MigrationBatch.Status status, int rows, int accepted,
                      List<MigrationBatch.RefusedRow> refused, Instant receivedAt, Instant decidedAt,
                      String decisionNote, Integer stored) {

        static ListMigrationBatch of(MigrationBatch b) {
            return new ListMigrationBatch(b.id(), b.status(), b.rows(), b.accepted(), b.refused(), b.uploadedAt(),
                    b.decidedAt(), b.decisionNote(), b.stored());
        }
    }

    @PostMapping("/api/v1/list-migrations")
    @Operation(summary = "提交名单迁移批次", description = "The list entries the calling department decided in the older "
            + "platform, brought over in force with their history at the city's cut-over (README 迁移与切换), as the "
            + "console's 名单迁移 file carries them: each row its subject (number and name as registered), list, rule "
            + "code, act day, effective day, last day (none only for a court's own listing without a term), the "
            + "prior notice's issue, service and channel when one was served, and the decision's document number. "
            + "Each row is checked at once and refused with its line (its place in rows, from 1), a stable code and "
            + "the reason (LIST_MIGRATION_ROW_INVALID, LIST_MIGRATION_RULE_UNKNOWN, LIST_MIGRATION_ALREADY_LISTED, "
            + "LIST_MIGRATION_ALREADY_MIGRATED, SUBJECT_UNKNOWN, SUBJECT_NAME_MISMATCH, LIST_MINOR, ID_*); the others "
            + "wait in the batch, PENDING, listing no one, until a list reviewer approves it in the console (双人复核; "
            + "no key approves). Only the key's own department's decisions: a row naming another is refused. Header "
            + "Idempotency-Key (a UUID) is the batch's id: the same rows sent again under it by the same key are "
            + "answered with the batch stored first (Idempotent-Replayed: true), nothing checked or stored twice; other "
            + "rows, or another key, 409 IDEMPOTENCY_KEY_CONFLICT. GET the Location for the reviewer's decision. A "
            + "row may name legacySourceId, the old platform's id of the decision's back-loaded record: the entry then "
            + "rests on that record (else on the record of its document number, when exactly one is it) and ends when "
            + "the record is revoked or repaired, as any entry does.")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "the batch, PENDING, with its refused "
            + "rows (or, sent again, the batch as it stands)", headers = {
            @Header(name = "Location", description = "the batch: /api/v1/list-migrations/{id}",
                    schema = @Schema(type = "string")),
            @Header(name = "Idempotent-Replayed", description = "true when the batch stored first is answered",
                    schema = @Schema(type = "boolean"))})
    @Refuses(status = 403, value = "DEPARTMENT_REQUIRED")
    @Refuses(status = 409, value = "IDEMPOTENCY_KEY_CONFLICT")
    @Refuses(status = 422, value = {"IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_INVALID"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<ListMigrationBatch> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @Valid @RequestBody ListMigrationRequest batch) {
        Actor me = AuditLog.currentActor();
        if (me.departmentCode() == null || me.departmentCode().isBlank()) {
            throw new ListingProblem("DEPARTMENT_REQUIRED", DomainProblem.Kind.FORBIDDEN, "接口密钥未关联部门");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        batch.rows().forEach(r -> rows.add(r.cells(me.departmentCode())));
        ListMigrations.Sent sent = migrations.submit(batchId(key), rows);
        return ResponseEntity.created(URI.create("/api/v1/list-migrations/" + sent.batch().id()))
                .header("Idempotent-Replayed", Boolean.toString(sent.replayed())).body(ListMigrationBatch.of(sent.batch()));
    }

    @GetMapping("/api/v1/list-migrations/{id}")
    @Operation(summary = "名单迁移批次状态", description = "The batch the calling key sent: PENDING, APPROVED (stored: "
            + "the entries stored) or REJECTED (decisionNote: the reviewer's reason), with its refused rows. Another "
            + "key's batch is answered 404, as one that does not exist.")
    ListMigrationBatch batch(@PathVariable UUID id) {
        String me = AuditLog.currentActor().actorId();
        return migrations.batch(id).filter(b -> b.uploadedBy().equals(me)).map(ListMigrationBatch::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The Idempotency-Key, the batch's id: required, as a batch sent twice would list no one twice but wait twice. */
    private static UUID batchId(String key) {
        if (key == null || key.isBlank()) {
            throw new ListingProblem("IDEMPOTENCY_KEY_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须在请求头 Idempotency-Key 中给出批次编号（UUID）");
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new ListingProblem("IDEMPOTENCY_KEY_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "Idempotency-Key 应为 UUID");
        }
    }
}
