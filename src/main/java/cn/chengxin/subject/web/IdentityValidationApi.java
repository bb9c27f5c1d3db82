package cn.chengxin.subject.web;

import cn.chengxin.shared.security.PublicEndpoint;
import java.time.LocalDate;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks an identity document number against the national standards before a department submits it. The
 * answer shows the number masked only: the caller already has it, and responses end up in logs. For the same reason
 * it gives the birth year, not the birth date: the date is digits 7–14 of a GB 11643 number, and beside the mask
 * it would give them back (RULES.md §10).
 */
@PublicEndpoint
@RestController
@Tag(name = "identity", description = "证件号码校验 (GB 11643 / GB 32100)")
class IdentityValidationApi {

    private final SubjectRegistry registry;

    IdentityValidationApi(SubjectRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/api/v1/identity/validations")
    @Operation(summary = "校验证件号码", description = "Valid numbers return 200 with the normalised type, the mask "
            + "and, for numbers that carry them (GB 11643), the birth year (`birthYear`, never the whole date, which "
            + "would reveal the masked digits) and gender; "
            + "invalid ones 422 problem+json with a specific code (ID_CHECKSUM, ID_BIRTH_DATE, ID_REGION, "
            + "ID_FORMAT, USCC_CHECKSUM, …).")
    @cn.chengxin.shared.web.Refuses(status = 422, identityNumbers = true)
    ValidationResult validate(@Valid @RequestBody ValidateNumber request) {
        IdentityDocument document = registry.validate(request.type(), request.number());
        Integer birthYear = null;
        String gender = null;
        if (document.type().carriesBirthDate()) {
            ResidentIdentityNumber id = ResidentIdentityNumber.parse(document.number(), LocalDate.MAX);
            birthYear = id.birthDate().getYear(); // never the date: see the class comment
            gender = id.gender().code();
        }
        return new ValidationResult(true, document.type(), document.type().label(), document.subjectKind().name(),
                document.masked(), birthYear, gender);
    }

    record ValidateNumber(DocumentType type, @NotBlank @Size(max = 64) String number) {

        /** The number is personal data: keep it out of any accidental log of this request. */
        @Override
        public String toString() {
            return "ValidateNumber[type=" + type + "]";
        }
    }

    record ValidationResult(boolean valid, DocumentType documentType, String documentTypeLabel, String subjectKind,
                            String masked, Integer birthYear, String gender) {
    }
}
