package cn.chengxin.inquiry.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.shared.IdempotencyKey;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

/** 授权查询接口: an institution obtains a person's credit report with the person's consent. */
@RestController
@RequiresPermission(Permission.API_REPORT_QUERY)
@Tag(name = "reports", description = "经授权查询个人信用报告")
class ReportsApi {

    private final Reports reports;

    ReportsApi(Reports reports) {
        this.reports = reports;
    }

    enum Format { PDF, HTML, JSON }

    /** The report as answered, in the media type its format names (gaps review xxxvii R1): PDF bytes, not Base64. */
    private static final String REPORT = "the report, in the format asked for: PDF (the bytes as issued, tagged "
            + "with accessible, in large print with largePrint), HTML or JSON";
    private static final String ID = "The report's id, to fetch it again (GET /api/v1/reports/{id})";
    private static final String NUMBER = "The report's number (报告编号), for the verification page";
    private static final String CODE = "The report's verification code (验证码), for the verification page";
    private static final String SM3 = "The hex SM3 of the PDF answered (of its tagged form with accessible, of its "
            + "large-print form with largePrint), which the verification page shows";

    record ReportRequest(@NotNull @Size(max = 40) String subjectNumber,
                         @Schema(description = "The type of the person's document, for one without a mainland "
                                 + "identity number: PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT (or any DocumentType "
                                 + "code, or its Chinese label such as 护照). Leave it out for a resident identity "
                                 + "number.", example = "PASSPORT", requiredMode = NOT_REQUIRED)
                         @Size(max = 40) String documentType,
                         @NotNull Purpose purpose,
                         @Schema(description = "The kind of report. The consent's purpose fixes it: EMPLOYMENT gives "
                                 + "OCCUPATIONAL (职业信用报告), every other purpose AUTHORISED (授权查询版). Leave it "
                                 + "out to get that kind; another is refused with 403 CONSENT_KIND_MISMATCH.",
                                 example = "OCCUPATIONAL", requiredMode = NOT_REQUIRED)
                         ReportKind kind, UUID consentId,
                         @Size(max = 64) String authorisationCode, Format format,
                         @Schema(description = "The language of the report's fixed text: zh (default) or en. An "
                                 + "English report prints what is recorded (items, departments, decisions, "
                                 + "statements) as stored, in Chinese. 422 REPORT_LANGUAGE_UNKNOWN for any other.",
                                 example = "en", requiredMode = NOT_REQUIRED)
                         @Size(max = 16) String language,
                         @Schema(description = "true: the PDF tagged for a screen reader (PDF/UA: a structure tree "
                                 + "in reading order, /Lang zh-CN or en, the title shown, the QR code's alternative "
                                 + "text), the same report with the same number and verification code; its own SM3 "
                                 + "in X-Report-SM3, which the verification page shows beside the untagged PDF's. "
                                 + "Leave it out (or false) for the untagged PDF, the one issued and stored. Only "
                                 + "with format PDF; HTML and JSON are the same either way.",
                                 example = "true", requiredMode = NOT_REQUIRED)
                         Boolean accessible,
                         @Schema(description = "true: the PDF in large print (大字版: the tagged form in 14 pt type, "
                                 + "nothing below 12 pt, on A4 landscape), for a reader with low vision; the same "
                                 + "report, number and verification code, its own SM3 in X-Report-SM3, which the "
                                 + "verification page shows beside the others. Takes precedence over accessible. "
                                 + "Only with format PDF.", example = "true", requiredMode = NOT_REQUIRED)
                         Boolean largePrint) {
    }

    @PostMapping("/api/v1/reports")
    @Operation(summary = "查询个人信用报告（经本人授权）", description = "The person must have authorised the calling institution "
            + "for this purpose (self-service 授权管理), or the institution presents the consent by consentId or the "
            + "person's authorisationCode. The report carries public and authorised-query items only, never "
            + "government-only ones; the score only for credit purposes. Its kind is the one the consent's purpose "
            + "fixes: a hiring consent (EMPLOYMENT) gives the occupational report (OCCUPATIONAL: qualifications, "
            + "licences, penalties, judgements, lists, commitments, evaluations, honours), the other purposes the "
            + "authorised report (AUTHORISED). format PDF (default), HTML or JSON; the "
            + "report number and verification code are in the headers X-Report-Number and X-Verification-Code. "
            + "Refusals (403): CONSENT_MISSING, CONSENT_SUBJECT_MISMATCH, CONSENT_OTHER_INSTITUTION, "
            + "CONSENT_PURPOSE_MISMATCH, CONSENT_WITHDRAWN, CONSENT_EXPIRED, CONSENT_USED, CONSENT_CODE_INVALID, "
            + "CONSENT_KIND_MISMATCH (kind other than the consent's), CONSENT_INSTITUTION_BANNED, and for a consent "
            + "given at a counter CONSENT_PENDING_REVIEW until it is approved, CONSENT_REVIEW_REJECTED after a "
            + "rejection. A "
            + "report is in Chinese unless language is en (422 REPORT_LANGUAGE_UNKNOWN for another). accessible "
            + "true: the PDF tagged for a screen reader (PDF/UA), its own SM3 in X-Report-SM3; largePrint true: "
            + "that form in large print (大字版), its own SM3 likewise. A "
            + "passport or travel-permit holder is named with documentType (400 DOCUMENT_TYPE_UNKNOWN for a type not "
            + "known, DOCUMENT_FORMAT for a number not of the type); without it the number is inferred. The query is "
            + "audited and the person sees it under 谁查询了我. Header Idempotency-Key (optional, a UUID; 422 "
            + "IDEMPOTENCY_KEY_INVALID for another value): the same key with the same body from the same key of the "
            + "institution within 24 hours is answered with the first report (Idempotent-Replayed: true; the same "
            + "id, number and content) without using the consent again or telling the person again, also when the "
            + "two requests come at once; the same key with another body 409 IDEMPOTENCY_KEY_CONFLICT. A report "
            + "already issued is also fetched again by GET /api/v1/reports/{id} (X-Report-Id).")
    @ApiResponse(responseCode = "200", description = REPORT, content = {
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))}, headers = {
            @Header(name = "X-Report-Id", description = ID, schema = @Schema(type = "string", format = "uuid")),
            @Header(name = "X-Report-Number", description = NUMBER, schema = @Schema(type = "string")),
            @Header(name = "X-Verification-Code", description = CODE, schema = @Schema(type = "string")),
            @Header(name = "X-Report-SM3", description = SM3, schema = @Schema(type = "string")),
            @Header(name = "Idempotent-Replayed", description = "true when the first report under this "
                    + "Idempotency-Key is answered", schema = @Schema(type = "boolean"))})
    @Refuses(status = 400, identityNumbers = true)
    @Refuses(status = 403, value = {"CONSENT_MISSING", "CONSENT_SUBJECT_MISMATCH", "CONSENT_OTHER_INSTITUTION",
            "CONSENT_PURPOSE_MISMATCH", "CONSENT_WITHDRAWN", "CONSENT_EXPIRED", "CONSENT_USED", "CONSENT_CODE_INVALID",
            "CONSENT_KIND_MISMATCH", "CONSENT_INSTITUTION_BANNED", "CONSENT_PENDING_REVIEW", "CONSENT_REVIEW_REJECTED"})
    @Refuses(status = 409, value = "IDEMPOTENCY_KEY_CONFLICT")
    @Refuses(status = 422, value = {"REPORT_KIND_INVALID", "REPORT_LANGUAGE_UNKNOWN", "IDEMPOTENCY_KEY_INVALID"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal ApiClientPrincipal client,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @Valid @RequestBody ReportRequest request) {
        // The language is checked first: a refused one issues nothing and uses no consent.
        ReportLanguage language = ReportLanguage.named(request.language());
        Format format = request.format() == null ? Format.PDF : request.format();
        boolean accessible = Boolean.TRUE.equals(request.accessible());
        boolean largePrint = Boolean.TRUE.equals(request.largePrint());
        // A request without accessible or largePrint keeps the digest it had before the fields existed.
        List<Object> parts = new ArrayList<>(Arrays.<Object>asList(request.subjectNumber(), request.documentType(),
                request.purpose(), request.kind(), request.consentId(), request.authorisationCode(), format, language));
        if (accessible) {
            parts.add("accessible");
        }
        if (largePrint) {
            parts.add("largePrint");
        }
        IdempotencyKey retry = IdempotencyKey.of(key, parts.toArray());
        Reports.Answered answered = reports.forInstitution(client, request.subjectNumber(), request.documentType(),
                request.purpose(), request.kind(), request.consentId(), request.authorisationCode(), language, retry);
        return answer(answered.issued(), format, accessible, largePrint, ResponseEntity.ok()
                .header("Idempotent-Replayed", Boolean.toString(answered.replayed())));
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(summary = "再次获取已出具的信用报告", description = "A report issued to the calling institution (by this key or "
            + "another live key of the institution), as issued: the same id, number, verification code and content, "
            + "in format PDF (default), HTML or JSON, with the same headers as the query. Only while the report is "
            + "valid: after, 409 REPORT_PAST_VALIDITY (a new query, on a new consent, is due); 409 REPORT_EMPTIED once "
            + "its content was deleted at the end of its retention. 404 for a report not issued to the institution. "
            + "Uses no consent and is not a new query: each fetch is audited as a look at the report, which the person "
            + "sees under 谁查询了我. accessible=true: the PDF tagged for a screen reader (PDF/UA), as in the query; "
            + "largePrint=true: the PDF in large print (大字版), as in the query.")
    @ApiResponse(responseCode = "200", description = REPORT, content = {
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))}, headers = {
            @Header(name = "X-Report-Id", description = ID, schema = @Schema(type = "string", format = "uuid")),
            @Header(name = "X-Report-Number", description = NUMBER, schema = @Schema(type = "string")),
            @Header(name = "X-Verification-Code", description = CODE, schema = @Schema(type = "string")),
            @Header(name = "X-Report-SM3", description = SM3, schema = @Schema(type = "string"))})
    @Refuses(status = 409, value = {"REPORT_PAST_VALIDITY", "REPORT_EMPTIED"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<byte[]> fetch(@AuthenticationPrincipal ApiClientPrincipal client, @PathVariable UUID id,
                                 @RequestParam(required = false) Format format,
                                 @Parameter(description = "true: the PDF tagged for a screen reader (PDF/UA), its "
                                         + "own SM3 in X-Report-SM3; only with format PDF")
                                 @RequestParam(defaultValue = "false") boolean accessible,
                                 @Parameter(description = "true: the PDF in large print (大字版: the tagged form in 14 "
                                         + "pt type on A4 landscape), its own SM3 in X-Report-SM3; only with format PDF")
                                 @RequestParam(defaultValue = "false") boolean largePrint) {
        Reports.Issued issued = reports.fetchedBy(client, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return answer(issued, format == null ? Format.PDF : format, accessible, largePrint, ResponseEntity.ok());
    }

    /**
     * {@code accessible} with a PDF: its tagged form (gaps review xxxv O3), {@code largePrint} its large-print form,
     * rendered for this answer only.
     */
    private ResponseEntity<byte[]> answer(Reports.Issued found, Format format, boolean accessible, boolean largePrint,
                                          ResponseEntity.BodyBuilder response) {
        boolean pdf = format == Format.PDF;
        Reports.Issued issued = pdf && largePrint ? reports.largePrint(found)
                : pdf && accessible ? reports.tagged(found) : found;
        response.header("X-Report-Id", issued.id().toString())
                .header("X-Report-Number", issued.number())
                .header("X-Verification-Code", issued.verificationCode())
                .header("X-Report-SM3", issued.sm3());
        return switch (format) {
            case PDF -> response.contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", ContentDisposition.attachment()
                            .filename(issued.number() + (issued == found ? "" : largePrint ? "-large-print"
                                    : "-accessible") + ".pdf").build()
                            .toString())
                    .body(issued.pdf());
            case HTML -> response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(reports.html(issued.content()).getBytes(StandardCharsets.UTF_8));
            case JSON -> response.contentType(MediaType.APPLICATION_JSON)
                    .body(reports.json(issued.content()).getBytes(StandardCharsets.UTF_8));
        };
    }
}
