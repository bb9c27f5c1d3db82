package cn.chengxin.inquiry.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.Problems;
import cn.chengxin.subject.domain.InvalidIdentityException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
                         @Size(max = 16) String language) {
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
            + "CONSENT_KIND_MISMATCH (kind other than the consent's). A "
            + "report is in Chinese unless language is en (422 REPORT_LANGUAGE_UNKNOWN for another). A "
            + "passport or travel-permit holder is named with documentType (400 DOCUMENT_TYPE_UNKNOWN for a type not "
            + "known, DOCUMENT_FORMAT for a number not of the type); without it the number is inferred. The query is "
            + "audited and the person sees it under 谁查询了我.")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal ApiClientPrincipal client,
                                  @Valid @RequestBody ReportRequest request) {
        // The language is checked first: a refused one issues nothing and uses no consent.
        ReportLanguage language = ReportLanguage.named(request.language());
        Reports.Issued issued = reports.forInstitution(client, request.subjectNumber(), request.documentType(),
                request.purpose(), request.kind(), request.consentId(), request.authorisationCode(), language);
        Format format = request.format() == null ? Format.PDF : request.format();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header("X-Report-Id", issued.id().toString())
                .header("X-Report-Number", issued.number())
                .header("X-Verification-Code", issued.verificationCode())
                .header("X-Report-SM3", issued.sm3());
        return switch (format) {
            case PDF -> response.contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", ContentDisposition.attachment()
                            .filename(issued.number() + ".pdf").build().toString())
                    .body(issued.pdf());
            case HTML -> response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(reports.html(issued.content()).getBytes(StandardCharsets.UTF_8));
            case JSON -> response.contentType(MediaType.APPLICATION_JSON)
                    .body(reports.json(issued.content()).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A malformed identity number or an unknown document type is a malformed request (400, with the rule's code). */
    @ExceptionHandler(InvalidIdentityException.class)
    ResponseEntity<ProblemDetail> malformed(InvalidIdentityException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
    }
}
