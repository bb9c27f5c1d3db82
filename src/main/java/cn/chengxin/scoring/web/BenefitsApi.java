package cn.chengxin.scoring.web;

import java.util.List;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.scoring.BenefitsAnswer;
import cn.chengxin.scoring.ProvidedBenefits;
import cn.chengxin.scoring.ScoringProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.TypedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * 信用惠民核验: a provider of benefits (a department's system or an institution: the library, the bike company, the
 * hospital, the bank) asks which of its own benefits apply to a person now; audited like the other checks. A key is
 * answered only the benefits the credit office bound to it on the scoring page, each granted or not, without the grade,
 * the grades a benefit needs or the reason of a refusal (RULES.md §8, §10; PIPL Art. 6).
 */
@RestController
@RequiresPermission(Permission.API_BENEFITS_CHECK)
@Tag(name = "scoring", description = "信用惠民")
class BenefitsApi {

    private final ProvidedBenefits provided;
    private final SubjectRegistry subjects;
    private final AuditLog audit;

    BenefitsApi(ProvidedBenefits provided, SubjectRegistry subjects, AuditLog audit) {
        this.provided = provided;
        this.subjects = subjects;
        this.audit = audit;
    }

    record Request(@NotNull @Size(max = 40) String subjectNumber,
                   @Schema(description = "The type of the person's document, for one without a mainland identity "
                           + "number: PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT (or any DocumentType code, or its "
                           + "Chinese label such as 护照). Leave it out for a resident identity number.",
                           example = "PASSPORT", requiredMode = NOT_REQUIRED)
                   @Size(max = 40) String documentType,
                   @Schema(requiredMode = REQUIRED, maxLength = 200, description = "Why the check is made (the "
                           + "benefit applied for, or the case number), 1 to 200 characters; PURPOSE_REQUIRED (422) "
                           + "when missing, blank or longer.")
                   String purpose) {
    }

    record Benefit(@Schema(description = "The benefit's code in the 信用惠民 catalogue.", requiredMode = REQUIRED)
                   String code,
                   String name,
                   @Schema(description = "true: the benefit applies now; false: it does not (no reason is given); "
                           + "null: it rests on the grade and the person refuses automated grading (assessment "
                           + "MANUAL_REQUIRED): assess the person manually.", requiredMode = NOT_REQUIRED)
                   Boolean granted) {
    }

    record Answer(String maskedNumber,
                  @Schema(description = "Every benefit the calling client provides (bound to its key by the credit "
                          + "office), and whether it applies now. Nothing about other providers' benefits, the grade "
                          + "or the grades a benefit needs.")
                  List<Benefit> benefits,
                  @Schema(description = "AUTOMATED: the benefits were answered by the grade and the lists. "
                          + "MANUAL_REQUIRED: the person refuses to be judged by automated grading (PIPL Art. 24): "
                          + "benefits by grade are neither granted nor refused here (granted null); assess the person "
                          + "manually.", allowableValues = {"AUTOMATED", "MANUAL_REQUIRED"}, requiredMode = REQUIRED)
                  String assessment,
                  @Schema(description = "Why the assessment is manual: AUTOMATED_GRADING_REFUSED; null when automated.",
                          allowableValues = {"AUTOMATED_GRADING_REFUSED"}, requiredMode = NOT_REQUIRED)
                  String reasonCode) {
    }

    @PostMapping("/api/v1/benefits/check")
    @Operation(summary = "信用惠民核验", description = "Whether each benefit the calling client provides applies to the "
            + "person now (by grade or the red list; none while the person is on the black or grey list, here or "
            + "received). Only the client's own benefits, as {code, name, granted}: neither the grade nor the grades a "
            + "benefit needs, nor why one is not granted. A key bound to no benefit is refused (403 "
            + "BENEFITS_NOT_PROVIDED); the credit office binds benefits to the institutions (any of their keys holding "
            + "api:benefits:check, a renewed key included) on its scoring page. The check is audited. A person who refuses to be judged by automated grading (PIPL Art. "
            + "24) is answered assessment MANUAL_REQUIRED with reasonCode AUTOMATED_GRADING_REFUSED: a benefit by "
            + "grade is granted null. A passport or travel-permit holder is checked with documentType "
            + "(DOCUMENT_TYPE_UNKNOWN for a type not known, DOCUMENT_FORMAT for a number not of the type); without it "
            + "the number is inferred. A purpose holding a resident identity number is refused (422 "
            + "FREE_TEXT_HOLDS_IDENTITY_NUMBER).")
    @cn.chengxin.shared.web.Refuses(status = 403, value = "BENEFITS_NOT_PROVIDED")
    @cn.chengxin.shared.web.Refuses(status = 400, identityNumbers = true)
    @cn.chengxin.shared.web.Refuses(status = 422, value = {"PURPOSE_REQUIRED",
            "FREE_TEXT_HOLDS_IDENTITY_NUMBER"})
    @cn.chengxin.shared.web.Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    Answer check(@AuthenticationPrincipal ApiClientPrincipal client, @Valid @RequestBody Request request) {
        // A key that grants no benefit has nobody to check: refused before the person is looked up. Benefits are bound
        // to the institution, so a renewed key is answered as its predecessor (gaps review xxix K2).
        if (provided.providedBy(client.institutionId()).isEmpty()) {
            throw ProvidedBenefits.notProvided();
        }
        // Kept in the audit log, which the person and the credit office read: the person is named by subjectNumber,
        // which is pseudonymised; typed into the purpose the number would be kept in clear (RULES.md §10).
        // As for a joint-measures check (Checks): the audit log must say why the person's benefits were looked up.
        if (request.purpose() == null || request.purpose().isBlank() || request.purpose().length() > 200) {
            throw new ScoringProblem("PURPOSE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须写明核验事由（不超过 200 字），如办理的惠民事项或业务编号");
        }
        String purpose = TypedText.fromSystem("purpose", "核验事由", request.purpose());
        // A passport or travel-permit holder is named with the type; without one the number is inferred.
        IdentityDocument document = subjects.validate(DocumentType.named(request.documentType()),
                request.subjectNumber());
        String pseudonym = subjects.pseudonymOf(document);
        ProvidedBenefits.Answer answer = provided.answer(client.institutionId(), subjects.find(document));
        // What was answered, not only how much: the person and the credit office read which benefits were granted.
        List<String> granted = answer.benefits().stream().filter(b -> Boolean.TRUE.equals(b.granted()))
                .map(ProvidedBenefits.Outcome::code).toList();
        audit.record(AuditEntry.of(AuditCategory.QUERY, "scoring.benefits.check").subject(pseudonym)
                .purpose(purpose, "国办发〔2016〕98号（信用惠民）")
                .detail(AuditDetail.of(answer.manualAssessment() ? "BENEFITS_GRANTED_MANUAL" : "BENEFITS_GRANTED")
                        .with("granted", granted.size()).with("of", answer.benefits().size())
                        .with("benefits", String.join(",", granted))));
        List<Benefit> benefits = answer.benefits().stream().map(b -> new Benefit(b.code(), b.name(), b.granted()))
                .toList();
        return answer.manualAssessment()
                ? new Answer(document.masked(), benefits, "MANUAL_REQUIRED", BenefitsAnswer.AUTOMATED_GRADING_REFUSED)
                : new Answer(document.masked(), benefits, "AUTOMATED", null);
    }
}
