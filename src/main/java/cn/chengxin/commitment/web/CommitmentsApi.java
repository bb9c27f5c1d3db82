package cn.chengxin.commitment.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.shared.IdempotencyKey;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.AuditFailureAnswered;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

/** 信用承诺接口: a department's system records commitments signed at its window and reports breaches (违诺). */
@RestController
@RequiresPermission(Permission.RECORD_SUBMIT)
@Tag(name = "commitment", description = "信用承诺")
class CommitmentsApi {

    private final Commitments commitments;

    CommitmentsApi(Commitments commitments) {
        this.commitments = commitments;
    }

    record NewCommitment(@NotBlank @Size(max = 64) String subjectNumber,
                         @Schema(description = "The type of the subject's document, for a person without a mainland "
                                 + "identity number: PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT (or any DocumentType "
                                 + "code, or its Chinese label such as 护照). Leave it out for a resident identity "
                                 + "number or a unified social credit code, which are recognised from the number.",
                                 example = "PASSPORT", requiredMode = NOT_REQUIRED)
                         @Size(max = 40) String documentType,
                         @NotNull CommitmentKind kind, @NotBlank @Size(max = 10_000) String text,
                         @Size(max = 200) String reference, LocalDate due) {

        /** The number is personal data: never print it. */
        @Override
        public String toString() {
            return "NewCommitment[" + kind + ", " + reference + "]";
        }
    }

    record Recorded(UUID id, String digest, Instant signedAt) {
    }

    record Breach(@NotBlank @Size(max = 100) String decisionNumber, @NotNull LocalDate decisionDate,
                  @NotBlank @Size(max = 2000) String facts) {
    }

    @PostMapping("/api/v1/commitments")
    @Operation(summary = "登记信用承诺", description = "The subject signed the text at the calling department's window; "
            + "it is kept as signed with its SM3 digest. A commitment with a due date that passes without a reported "
            + "breach becomes a 信用承诺信息 record. A passport or travel-permit holder is named with documentType "
            + "(DOCUMENT_TYPE_UNKNOWN for a type not known, DOCUMENT_FORMAT for a number not of the type); without it "
            + "the number is inferred. Answered 201 with the commitment's id. Sent again safely: header "
            + "Idempotency-Key (optional, a UUID; 422 IDEMPOTENCY_KEY_INVALID for another value): the same key with "
            + "the same body from the same key of the department within 24 hours is answered with the commitment "
            + "recorded first (Idempotent-Replayed: true), also when the two requests come at once; with another "
            + "body 409 IDEMPOTENCY_KEY_CONFLICT. A reference makes the commitment one per department, subject and "
            + "reference: the same reference sent again for the subject is the commitment recorded before "
            + "(Idempotent-Replayed: true) when kind, text and due are the same, 409 COMMITMENT_REFERENCE_CONFLICT "
            + "when they differ (name another commitment for the same matter by its file number or date).")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "the commitment, recorded (or, sent "
            + "again, the one recorded first)", headers = {
            @Header(name = "Location", description = "the commitment: /api/v1/commitments/{id}",
                    schema = @Schema(type = "string")),
            @Header(name = "Idempotent-Replayed", description = "true when the commitment recorded first is answered",
                    schema = @Schema(type = "boolean"))})
    @Refuses(status = 403, value = "COMMITMENT_OUTSIDE_REMIT")
    @Refuses(status = 404, value = "COMMITMENT_SUBJECT_UNKNOWN")
    @Refuses(status = 409, value = {"COMMITMENT_REFERENCE_CONFLICT", "IDEMPOTENCY_KEY_CONFLICT"})
    @Refuses(status = 400, identityNumbers = true)
    @Refuses(status = 422, value = {"COMMITMENT_KIND", "COMMITMENT_TEXT",
            "COMMITMENT_DUE_PAST", "COMMITMENT_SUBJECT_TYPE", "IDEMPOTENCY_KEY_INVALID"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<Recorded> record(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody NewCommitment request) {
        IdempotencyKey retry = IdempotencyKey.of(key, request.subjectNumber(), request.documentType(),
                request.kind(), request.text(), request.reference(), request.due());
        Commitments.Recorded recorded = commitments.recordAtDepartment(request.subjectNumber(),
                request.documentType(), request.kind(), request.text(), request.reference(), request.due(), retry);
        Commitment c = recorded.commitment();
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + c.id()))
                .header("Idempotent-Replayed", Boolean.toString(recorded.replayed()))
                .body(new Recorded(c.id(), c.digest(), c.signedAt()));
    }

    @PostMapping("/api/v1/commitments/{id}/breach")
    @Operation(summary = "报告违诺", description = "Only the department the commitment was given to (another "
            + "department's commitment is answered 404 COMMITMENT_UNKNOWN, as one that does not exist); the breach "
            + "becomes a 违背信用承诺信息 record through the normal collection path. Answered with the batch's result once the "
            + "record is taken; a refused record is answered with its row's code (e.g. DECISION_DATE_FUTURE) and the "
            + "breach is not kept, to be reported again corrected. 202 Accepted (code COMMITMENT_BREACH_OWED, retry "
            + "never): the breach is registered but collection failed or its audit event could not be stored; the "
            + "platform submits it again in its daily run, do not report it again (it was a 503 before session "
            + "xxxviii: gaps review xxxvii R9).")
    @ApiResponse(responseCode = "200", description = "the breach's record taken by collection: the batch's result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "202", description = "the breach registered, its record owed: the platform submits it "
            + "again in its daily run; do not report it again", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BreachRegistered.class)))
    @Refuses(status = 404, value = "COMMITMENT_UNKNOWN")
    @Refuses(status = 409, value = "COMMITMENT_NOT_IN_FORCE")
    @Refuses(status = 422, value = {"COMMITMENT_BREACH_FACTS", "COMMITMENT_BREACH_REFUSED", "DECISION_DATE_FUTURE"})
    @AuditFailureAnswered
    ResponseEntity<?> breach(@PathVariable UUID id, @Valid @RequestBody Breach breach) {
        try {
            return ResponseEntity.ok(commitments.reportBreach(id, AuditLog.currentActor().departmentCode(),
                    breach.decisionNumber(), breach.decisionDate(), breach.facts()));
        } catch (Commitments.BreachOwed owed) {
            return ResponseEntity.accepted().body(new BreachRegistered(id, CommitmentStatus.BREACHED_RECORD_OWED,
                    owed.code(), owed.getMessage(), owed.retry().member()));
        }
    }

    /**
     * A breach registered whose record is owed (202): the commitment's state, the code and detail of what is left to
     * the platform, and {@code retry} {@code never}, as a problem would say it.
     */
    record BreachRegistered(UUID commitmentId, CommitmentStatus status, String code, String detail, String retry) {
    }
}
