package cn.chengxin.measures.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.measures.CheckResult;
import cn.chengxin.measures.Checks;
import cn.chengxin.measures.Lifts;
import cn.chengxin.measures.MeasuresProblem;
import cn.chengxin.measures.Scenario;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.AcceptHeader;
import cn.chengxin.shared.web.DeferredAnswer;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 联合奖惩核查接口: called by departments' approval systems inside their workflows ("应查必查"). */
@RestController
@RequiresPermission(Permission.API_SUBJECT_CHECK)
@Tag(name = "measures", description = "联合奖惩核查与反馈")
@Refuses(status = 403, value = "CHECK_DEPARTMENT_REQUIRED")
class ChecksApi {

    /** The codes the application's error handling answers an unreadable or an invalid body with. */
    private static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    private static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final Checks checks;
    private final Lifts lifts;
    private final JsonMapper json;
    private final ObjectReader feedbacks;
    private final Validator validator;

    ChecksApi(Checks checks, Lifts lifts, JsonMapper json, Validator validator) {
        this.checks = checks;
        this.lifts = lifts;
        this.json = json;
        this.feedbacks = json.readerFor(Feedback.class);
        this.validator = validator;
    }

    private static final String DOCUMENT_TYPE = "The type of the subject's document, for a person without a mainland "
            + "identity number: PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT (or any DocumentType code, or its Chinese "
            + "label such as 护照). Leave it out for a resident identity number or a unified social credit code, "
            + "which are recognised from the number.";

    private static final List<MediaType> JSON_ONLY = List.of(MediaType.APPLICATION_JSON);

    private static final String GROUNDS = "Each entry has an 'id'; each measure names in 'basedOn' the ids of the "
            + "entries it rests on (every entry in force on a list it follows; empty for an incentive granted for a "
            + "clean record, listType CLEAN_RECORD). Dispute marks (异议处理中) are on each entry ('disputed') and on "
            + "each measure: a measure's 'disputed' is true when every entry it rests on is marked, so it may fall "
            + "with the objections; a measure that also rests on an undisputed entry is not, as it stands whatever "
            + "their outcome (an objection decides the entry it contests, whose own mark stays in 'entries'). The "
            + "answer's 'disputed' says whether any entry is. An administrative review or lawsuit pending against an "
            + "entry itself (行政复议/诉讼) is in its 'proceedings' (ADMINISTRATIVE_REVIEW, LAWSUIT), one pending "
            + "against the decision of the record the entry rests on in its 'recordProceedings' (the same codes; "
            + "empty for an entry another platform issued): the entry keeps its effect and its measures apply "
            + "meanwhile, but may fall with the outcome. No incentive (kind INCENTIVE) is answered while an entry "
            + "on the black or grey list is in force, whatever red entry or clean record the subject also has. "
            + "'asResponsiblePerson' (a person only; empty for most): for each entry in force of an organisation for "
            + "which the person is, on the day of the check, the legal representative, principal person in charge or "
            + "a directly responsible person ('role': LEGAL_REPRESENTATIVE, PRINCIPAL, DIRECTLY_RESPONSIBLE), the "
            + "'organisation' (its 'name' and 'maskedNumber'), the organisation's 'entryId' and the 'measures' the "
            + "department applies in the scenario that reach such persons, each with its own legal basis (法释〔2015〕17号 "
            + "第三条第二款: the consumption and travel restrictions of a unit that defaults). The person is not listed: "
            + "the organisation's entry is not in 'entries', and these measures are apart from the person's own "
            + "'measures'; feedback is owed on them as on any other (their codes are the check's).";

    private static final String CLEAN_RECORD = "'cleanRecordThreeYears' is answered only to a department that grants a "
            + "clean-record incentive (绿色通道, 容缺受理) to such a subject in the scenario, and is null to any other: "
            + "true for a subject the platform keeps a file on with no negative record in the last three years that "
            + "is usable for punishment (not a minor penalty) and that the department may read (publicly shared, or "
            + "within its data scope), and nothing on the black or grey list. Whether the platform knows the subject "
            + "is not answered.";

    private static final String SUBJECT_BUDGET = "CHECK_BUDGET_EXHAUSTED (429, with Retry-After; RATE_LIMITED is "
            + "the key's request rate, a limit of its own) when the client's budget of "
            + "subjects a minute (chengxin.measures.check-subjects-per-minute, 12,000 by default, never less than the "
            + "largest batch or the key's request rate) cannot pay for the subjects now; the batch is refused whole, "
            + "and sent again after Retry-After it passes.";

    private static final String SCENARIO = "The business the check is made for; SCENARIO_REQUIRED (422) without it.";
    private static final String PURPOSE = "Why the check is made (the approval item or case number), 1 to 200 "
            + "characters; PURPOSE_REQUIRED (422) when missing, blank or longer; FREE_TEXT_HOLDS_IDENTITY_NUMBER (422) "
            + "when it holds a resident identity number, which belongs in subjectNumber only.";

    private static final String REFERENCE = "The department's own reference for the case the subject is checked for "
            + "(案件号/业务流水号), optional, at most 64 characters: kept with the check and answered with it, in "
            + "feedback-owed and in lifted, so that answers are matched to cases; REFERENCE_TOO_LONG (422) when longer, "
            + "FREE_TEXT_HOLDS_IDENTITY_NUMBER (422, the detail names the field) when it holds a resident identity "
            + "number.";

    record CheckRequest(@NotNull @Size(max = 40) String subjectNumber,
                        @Schema(description = DOCUMENT_TYPE, example = "PASSPORT", requiredMode = NOT_REQUIRED)
                        @Size(max = 40) String documentType,
                        @Schema(requiredMode = REQUIRED, description = SCENARIO) Scenario scenario,
                        @Schema(requiredMode = REQUIRED, maxLength = 200, description = PURPOSE) String purpose,
                        @Schema(description = REFERENCE, example = "京朝市监处字〔2026〕118号", maxLength = 64,
                                requiredMode = NOT_REQUIRED) String reference) {
    }

    /** One subject of a batch: its number, when needed its document type, and the department's case reference. */
    record BatchSubject(@NotNull @Size(max = 40) String subjectNumber,
                        @Schema(description = DOCUMENT_TYPE, example = "PASSPORT", requiredMode = NOT_REQUIRED)
                        @Size(max = 40) String documentType,
                        @Schema(description = REFERENCE, example = "YW-2026-000118", maxLength = 64,
                                requiredMode = NOT_REQUIRED) String reference) {
    }

    /**
     * Subjects as a plain list of numbers (as the batch always took them) or, with their types, as subjects. The
     * scenario, the purpose and the batch's size are judged by {@link Checks}, with their own codes (SCENARIO_REQUIRED,
     * PURPOSE_REQUIRED, BATCH_TOO_LARGE) as for a single check, not as a generic VALIDATION_FAILED. An empty list
     * names no subject, as a missing one does, and is answered as one is (CHECK_SUBJECTS_REQUIRED, issue #5).
     */
    record BatchRequest(@Schema(description = "Numbers of resident identity documents or credit codes; give either "
                                + "this or 'subjects' (an empty list counts as not given)")
                        List<@NotNull @Size(max = 40) String> subjectNumbers,
                        @Schema(description = "Subjects with their document types; give either this or "
                                + "'subjectNumbers' (an empty list counts as not given)")
                        List<@NotNull @Valid BatchSubject> subjects,
                        @Schema(requiredMode = REQUIRED, description = SCENARIO) Scenario scenario,
                        @Schema(requiredMode = REQUIRED, maxLength = 200, description = PURPOSE) String purpose) {

        List<Checks.Subject> checked() {
            boolean numbersGiven = subjectNumbers != null && !subjectNumbers.isEmpty();
            boolean subjectsGiven = subjects != null && !subjects.isEmpty();
            if (numbersGiven && subjectsGiven) {
                throw new MeasuresProblem("CHECK_SUBJECTS_AMBIGUOUS", DomainProblem.Kind.INVALID_INPUT,
                        "请只用 subjectNumbers 或 subjects 之一列出核查主体");
            }
            if (!numbersGiven && !subjectsGiven) {
                throw new MeasuresProblem("CHECK_SUBJECTS_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                        "须以 subjectNumbers（证件号码）或 subjects（证件号码及证件类型）列出核查主体");
            }
            return subjectsGiven
                    ? subjects.stream().map(s -> new Checks.Subject(s.subjectNumber(), s.documentType(),
                            s.reference())).toList()
                    : subjectNumbers.stream().map(n -> new Checks.Subject(n, null)).toList();
        }
    }

    /**
     * The outcome is not validated here: missing, blank or longer than 200 characters, it is the one refusal
     * OUTCOME_REQUIRED (422) of {@link Checks#feedback}, not a missing outcome 400 and a blank one 422.
     */
    record Feedback(@NotNull @Size(max = 64) String measureCode, @NotNull Boolean applied,
                    @Schema(requiredMode = REQUIRED, maxLength = 200) String outcome, @Size(max = 1000) String note) {
    }

    @PostMapping("/api/v1/checks")
    @Operation(summary = "核查一个主体", description = "Answers the subject's list entries in force, the measures the "
            + "calling department applies in the scenario, dispute marks and a checkId for feedback. " + GROUNDS
            + " " + CLEAN_RECORD + " 'reference': " + REFERENCE + " The check is "
            + "audited before the answer (the subject sees it under 谁查询了我). SCENARIO_NOT_ALLOWED when the "
            + "department implements no measure in the scenario; CHECK_DEPARTMENT_REQUIRED (403) when the key is "
            + "bound to no department; ID_* codes for a malformed number; a passport "
            + "or travel-permit holder is checked with documentType (DOCUMENT_TYPE_UNKNOWN for a type not known, "
            + "DOCUMENT_FORMAT for a number not of the type); "
            + "AUDIT_UNAVAILABLE (503) when the check could not be stored, and then it did not happen; "
            + "NOT_ACCEPTABLE (406) when Accept allows no application/json, and then no check is made; "
            + SUBJECT_BUDGET)
    @ApiResponse(responseCode = "200", description = "the check, stored and audited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CheckResult.class)))
    @Refuses(status = 400, identityNumbers = true)
    @Refuses(status = 403, value = "SCENARIO_NOT_ALLOWED")
    @Refuses(status = 422, value = {"SCENARIO_REQUIRED", "PURPOSE_REQUIRED", "REFERENCE_TOO_LONG",
            "FREE_TEXT_HOLDS_IDENTITY_NUMBER"})
    @Refuses(status = 429, value = "CHECK_BUDGET_EXHAUSTED")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    void check(@Valid @RequestBody CheckRequest request, HttpServletRequest http, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        // The answer is written by hand, past Spring's content negotiation: refused here, as the batch is, before the
        // check is made and audited for an answer that could not be given.
        if (!AcceptHeader.allowsJson(http.getHeader(HttpHeaders.ACCEPT))) {
            throw new HttpMediaTypeNotAcceptableException(JSON_ONLY);
        }
        Checks.Started started = checks.start(request.subjectNumber(), request.documentType(), request.scenario(),
                request.purpose(), request.reference());
        // The answer leaves once the check and its audit event are durable; no thread waits for that meanwhile.
        DeferredAnswer.json(http, response, json.writeValueAsBytes(started.result()), started.durable(),
                AuditLog.LONGEST_WAIT, AuditUnavailableException::timedOut);
    }

    // Produces JSON only, said to Spring so that another Accept is refused before the subjects are checked: after,
    // every check would be stored and audited, and then the answer refused.
    @PostMapping(path = "/api/v1/checks/batch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "批量核查", description = "Up to 10,000 subjects, as 'subjectNumbers' (a list of numbers) or as "
            + "'subjects' (each with subjectNumber and, for a passport or travel-permit holder, documentType), not "
            + "both (CHECK_SUBJECTS_AMBIGUOUS) nor neither (CHECK_SUBJECTS_REQUIRED; an empty list counts as not "
            + "given); each item has its index (from "
            + "1) and either a result or the code and message of a malformed number or an unknown document type. "
            + "Each subject is a check of its own, made once: a subject named again (the same number and type, "
            + "however written) for the same case (the same 'reference', or none) has the same result and checkId at "
            + "each of its indexes; named for another case, it is a check of that case. Each subject may carry its "
            + "'reference': " + REFERENCE + " A reference refused refuses the whole batch. A result is as a single "
            + "check's: " + GROUNDS + " " + CLEAN_RECORD + " Each subject named costs the client's budget of "
            + "subjects one: " + SUBJECT_BUDGET)
    @Refuses(status = 403, value = "SCENARIO_NOT_ALLOWED")
    @Refuses(status = 422, value = {"CHECK_SUBJECTS_AMBIGUOUS", "CHECK_SUBJECTS_REQUIRED", "BATCH_TOO_LARGE",
            "SCENARIO_REQUIRED", "PURPOSE_REQUIRED", "REFERENCE_TOO_LONG", "FREE_TEXT_HOLDS_IDENTITY_NUMBER"})
    @Refuses(status = 429, value = "CHECK_BUDGET_EXHAUSTED")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    List<Checks.BatchItem> batch(@Valid @RequestBody BatchRequest request) {
        return checks.checkBatch(request.checked(), request.scenario(), request.purpose());
    }

    @GetMapping("/api/v1/checks/feedback-owed")
    @Operation(summary = "待反馈的核查", description = "The checks this system's department made (with any of its keys: a "
            + "key issued to replace a revoked one finds what the old one left) whose measures still owe feedback, "
            + "oldest first, with the measures lacking it and the purpose and 'reference' the check gave: up to "
            + "'limit' (at most "
            + "100) after the check 'after' (a "
            + "checkId from an earlier answer's 'next'; from the oldest without it). 'total' is how many it owes in "
            + "all; 'next' is absent on the last batch. Only the calling department's checks; no subject is named. "
            + "AFTER_CHECK_UNKNOWN (422) when 'after' is not a check this department made; CHECK_DEPARTMENT_REQUIRED "
            + "(403) when the key is bound to no department.")
    @Refuses(status = 422, value = "AFTER_CHECK_UNKNOWN")
    Checks.OwedFeedback owed(@RequestParam(required = false) UUID after,
                             @RequestParam(defaultValue = "100") int limit) {
        return checks.owedByCaller(after, limit);
    }

    @GetMapping("/api/v1/checks/lifted")
    @Operation(summary = "应解除的措施", description = "The checks this system's department made (with any of its keys) "
            + "whose measures it fed back as applied and whose list entries (the 'basedOn' of the answer) have all "
            + "ended since — expiry, repair, an upheld objection, the basis revoked: the measures are to be lifted at "
            + "once (失信惩戒随名单移出而停止). Each names the check ('checkId', 'checkedAt', 'scenario', the 'purpose' it "
            + "gave, its 'reference' if it gave one), the measures applied ('measureCodes'), the day the last entry "
            + "ended ('endedOn') and why "
            + "('exitReason'), and whether its staff acknowledged it on the console ('acknowledgedAt'). Oldest first, "
            + "up to 'limit' (at most 100) after the position 'after' (an earlier answer's 'next'; from the first "
            + "without it); 'next' is absent on the last batch; 'unacknowledged' is how many are not acknowledged. "
            + "Only the calling department's; no subject is named. A check whose entries all ended before its "
            + "feedback was complete no longer owes feedback (it leaves feedback-owed). AFTER_LIFTED_INVALID (422) "
            + "for a negative 'after'; CHECK_DEPARTMENT_REQUIRED (403) when the key is bound to no department.")
    @Refuses(status = 422, value = "AFTER_LIFTED_INVALID")
    Lifts.LiftedBatch lifted(@RequestParam(required = false) Long after,
                             @RequestParam(defaultValue = "100") int limit) {
        return lifts.liftedForCaller(after, limit);
    }

    @PostMapping("/api/v1/checks/lifted/{seq}/acknowledgement")
    @Operation(summary = "确认已解除措施", description = "This system's department confirms that it lifted the measures "
            + "of the lifted check at position 'seq' (the 'seq' of GET /api/v1/checks/lifted), as its staff can on "
            + "the console; audited. Answers the position and when it was acknowledged ('acknowledgedAt'). Sent again "
            + "(a retry, or after the staff acknowledged it on the console) it answers 200 with the first "
            + "acknowledgement and records nothing more. LIFTED_UNKNOWN (404) when the department has no lifted check "
            + "at that position (another department's is not its own); CHECK_DEPARTMENT_REQUIRED (403) when the key "
            + "is bound to no department.")
    @Refuses(status = 404, value = "LIFTED_UNKNOWN")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    LiftAcknowledgement acknowledgeLifted(@PathVariable long seq) {
        Lifts.Acknowledgement acknowledged = lifts.acknowledgeByCaller(seq);
        return new LiftAcknowledgement(acknowledged.seq(), acknowledged.acknowledgedAt());
    }

    /**
     * {@link Lifts.Acknowledgement} as answered: a schema of its own name, as the exchange's batch receipt is also
     * an acknowledgement (gaps review xxxvii R1).
     */
    record LiftAcknowledgement(long seq, java.time.Instant acknowledgedAt) {
    }

    @PostMapping(path = "/api/v1/checks/{id}/feedback",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @Operation(summary = "反馈措施实施情况", description = "Once per measure of a check, by the department that made the check, "
            + "with any of its keys: "
            + "whether the measure was applied, the outcome and a note. The same feedback sent again (a retry after a "
            + "lost answer) is answered 204 as the first time; other feedback on the measure is FEEDBACK_EXISTS (409). "
            + "CHECK_UNKNOWN (404) for a check this department did not make; CHECK_DEPARTMENT_REQUIRED (403) "
            + "when the key is bound to no department; MEASURE_NOT_IN_CHECK (422) for a measure "
            + "the check's answer did not list; FREE_TEXT_HOLDS_IDENTITY_NUMBER (422, the detail names the field) when "
            + "the outcome or the note holds a resident identity number; OUTCOME_REQUIRED (422) for an outcome "
            + "missing, blank or longer than 200 characters. Feedback is owed (feedbackRequired) on the measures that "
            + "followed a list entry; on an incentive granted for a clean record (listType CLEAN_RECORD) none is owed, but "
            + "feedback on it is taken and counted, as joint rewards are fed back too. Feedback refused (any of the "
            + "codes above, MALFORMED_REQUEST or VALIDATION_FAILED for a body that does not read or breaks a "
            + "constraint, UNSUPPORTED_MEDIA_TYPE (415) for a body that is not JSON, NOT_FOUND (404) for an id that "
            + "is no UUID, BODY_TOO_LARGE (413) for a body past the bound, declared or as it is read) is audited as refused, with "
            + "its code.")
    @ApiResponse(responseCode = "204", description = "the feedback, stored and audited")
    @Refuses(status = 404, value = "CHECK_UNKNOWN")
    @Refuses(status = 409, value = "FEEDBACK_EXISTS")
    @Refuses(status = 422, value = {"MEASURE_NOT_IN_CHECK", "OUTCOME_REQUIRED", "FREE_TEXT_HOLDS_IDENTITY_NUMBER"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<Void> feedback(@PathVariable UUID id,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                          content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                  schema = @Schema(implementation = Feedback.class)))
                                  @RequestBody(required = false) byte[] body, HttpServletRequest http)
            throws BindException {
        // Judged here from now on, and any refusal audited here or by Checks: not again by FeedbackRefusals.
        http.setAttribute(FeedbackRefusals.JUDGED, Boolean.TRUE);
        Feedback feedback = readFeedback(id, body, http);
        checks.feedback(id, feedback.measureCode(), feedback.applied(), feedback.outcome(), feedback.note());
        return ResponseEntity.noContent().build();
    }

    /**
     * The feedback's body read and validated here rather than by Spring before the handler, so that a body refused is
     * audited as refused feedback (issue #5) and then answered as Spring's reading would be: MALFORMED_REQUEST (400)
     * when it is no JSON of a feedback, VALIDATION_FAILED (400) with the fields when it breaks a constraint.
     */
    private Feedback readFeedback(UUID id, byte[] body, HttpServletRequest http) throws BindException {
        Feedback feedback;
        try {
            feedback = body == null || body.length == 0 ? null : feedbacks.readValue(body);
        } catch (JacksonException unreadable) {
            throw refused(id, MALFORMED_REQUEST, new HttpMessageNotReadableException("JSON parse error: "
                    + unreadable.getOriginalMessage(), unreadable, new ServletServerHttpRequest(http)));
        }
        if (feedback == null) {
            throw refused(id, MALFORMED_REQUEST, new HttpMessageNotReadableException(
                    "Required request body is missing", new ServletServerHttpRequest(http)));
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(feedback, "feedback");
        new SpringValidatorAdapter(validator).validate(feedback, errors);
        if (errors.hasErrors()) {
            BindException invalid = new BindException(errors);
            checks.feedbackRefused(id, VALIDATION_FAILED, invalid);
            throw invalid;
        }
        return feedback;
    }

    private <E extends RuntimeException> E refused(UUID id, String code, E refusal) {
        checks.feedbackRefused(id, code, refusal);
        return refusal;
    }
}
