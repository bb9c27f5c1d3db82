package cn.chengxin.subject.web;

import cn.chengxin.shared.security.PublicEndpoint;
import java.time.LocalDate;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.shared.web.ApiDeprecated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
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
    @Operation(summary = "校验证件号码", description = "The number is 'subjectNumber' and its type, when given, "
            + "'documentType' (a code such as PASSPORT or its Chinese label; inferred from the number without it), as "
            + "on every other API. The earlier names 'number' and 'type' (a code only) are still read, deprecated: an "
            + "answer to a request using them carries Deprecation, Sunset and Link headers (docs/api-changelog.md). "
            + "Valid numbers return 200 with the normalised type, the mask ('maskedNumber'; 'masked' is its deprecated "
            + "alias) and, for numbers that carry them (GB 11643), the birth year (`birthYear`, never the whole date, "
            + "which would reveal the masked digits) and gender; "
            + "invalid ones 400 problem+json (as on every API) with a specific code (ID_CHECKSUM, ID_BIRTH_DATE, "
            + "ID_REGION, ID_FORMAT, USCC_CHECKSUM, …).")
    @cn.chengxin.shared.web.Refuses(status = 400, identityNumbers = true)
    ValidationResult validate(@Valid @RequestBody ValidateNumber request) throws BindException {
        IdentityDocument document = registry.validate(request.typeNamed(), request.numberGiven());
        Integer birthYear = null;
        String gender = null;
        if (document.type().carriesBirthDate()) {
            ResidentIdentityNumber id = ResidentIdentityNumber.parse(document.number(), LocalDate.MAX);
            birthYear = id.birthDate().getYear(); // never the date: see the class comment
            gender = id.gender().code();
        }
        return new ValidationResult(true, document.type(), document.type().label(), document.subjectKind().name(),
                document.masked(), document.masked(), birthYear, gender);
    }

    /**
     * The number to check and its type, named as on every other API ({@code subjectNumber}, {@code documentType});
     * {@code number} and {@code type} are the names this API used first, read still but deprecated (gaps review
     * xxxvii R5).
     */
    record ValidateNumber(@Size(max = 64) String subjectNumber, @Size(max = 64) String documentType,
                          @ApiDeprecated(since = DEPRECATED, sunset = SUNSET, change = CHANGE)
                          @Schema(deprecated = true, description = "Deprecated: use subjectNumber") @Size(max = 64)
                          String number,
                          @ApiDeprecated(since = DEPRECATED, sunset = SUNSET, change = CHANGE)
                          @Schema(deprecated = true, description = "Deprecated: use documentType") DocumentType type) {

        /** The number sent, under either name; a missing one is refused naming the field the caller used. */
        String numberGiven() throws BindException {
            String given = subjectNumber != null && !subjectNumber.isBlank() ? subjectNumber : number;
            if (given == null || given.isBlank()) {
                String field = number != null || type != null ? "number" : "subjectNumber";
                BindException missing = new BindException(this, "request");
                missing.addError(new FieldError("request", field, "不能为空"));
                throw missing;
            }
            return given;
        }

        /** The type named, under either name; {@code null}: inferred from the number. */
        DocumentType typeNamed() {
            DocumentType named = DocumentType.named(documentType);
            return named != null ? named : type;
        }

        /** The number is personal data: keep it out of any accidental log of this request. */
        @Override
        public String toString() {
            return "ValidateNumber[documentType=" + (documentType != null ? documentType : type) + "]";
        }
    }

    /** {@code masked} is the deprecated alias of {@code maskedNumber}, the name every other API uses. */
    record ValidationResult(boolean valid, DocumentType documentType, String documentTypeLabel, String subjectKind,
                            String maskedNumber,
                            @Schema(deprecated = true, description = "Deprecated: use maskedNumber") String masked,
                            Integer birthYear, String gender) {
    }

    private static final String DEPRECATED = "2026-12-06";
    private static final String SUNSET = "2027-12-31";
    private static final String CHANGE = "2026-12-06-identity-validations";
}
