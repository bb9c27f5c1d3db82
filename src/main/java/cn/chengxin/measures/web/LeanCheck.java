package cn.chengxin.measures.web;

import java.io.IOException;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.measures.Checks;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.AcceptHeader;
import cn.chengxin.shared.web.DeferredAnswer;
import cn.chengxin.shared.web.LeanEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check API's ordinary request ({@code POST /api/v1/checks}, {@link ChecksApi#check}) answered on the
 * {@link LeanEndpoint} lane: the same reading of the body (a plain body by {@link PlainCheckRequest}, any other by the
 * application's JSON mapper; the request's declared constraints), the same check and the same deferred, audited
 * answer, its JSON written by {@link CheckAnswerJson} as the mapper writes it. A request it cannot answer as {@link ChecksApi} would with 200 — a body that does not read or breaks a
 * constraint, a check refused with a code, another {@code Accept} or body type — is left to {@link ChecksApi}, which
 * refuses it with its code as before.
 */
@Component
class LeanCheck implements LeanEndpoint {

    private final Checks checks;
    private final JsonMapper json;
    private final ObjectReader requests;
    private final Validator validator;

    LeanCheck(Checks checks, JsonMapper json, Validator validator) {
        this.checks = checks;
        this.json = json;
        this.requests = json.readerFor(ChecksApi.CheckRequest.class);
        this.validator = validator;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/api/v1/checks";
    }

    @Override
    public Permission permission() {
        return Permission.API_SUBJECT_CHECK;
    }

    @Override
    public boolean answer(byte[] body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isPlainJson(request.getContentType()) || !AcceptHeader.allowsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return false;
        }
        // Most bodies are plain (strings without escapes): read, and their constraints judged, in code; any other is
        // read and validated as ChecksApi reads it, by the mapper and bean validation.
        ChecksApi.CheckRequest checked = PlainCheckRequest.read(body);
        if (checked != null) {
            if (!PlainCheckRequest.valid(checked)) {
                return false;
            }
        } else {
            try {
                checked = requests.readValue(body);
            } catch (JacksonException unreadable) {
                return false;
            }
            if (checked == null || !validator.validate(checked).isEmpty()) {
                return false;
            }
        }
        Checks.Started started;
        try {
            started = checks.startUnlessRefused(checked.subjectNumber(), checked.documentType(), checked.scenario(),
                    checked.purpose(), checked.reference());
        } catch (RuntimeException refused) {
            // Refused or failed before anything was stored or audited (the check's row and event are handed to the
            // audit log last, a refusal is not audited here): ChecksApi makes the check again, audits the refusal
            // once and answers it with its status and code, or the failure as the application's error handling does.
            return false;
        }
        // Written in code as the mapper writes it; a text the writer leaves (a lone surrogate) by the mapper.
        byte[] answer = CheckAnswerJson.write(started.result());
        DeferredAnswer.json(request, response, answer != null ? answer : json.writeValueAsBytes(started.result()),
                started.durable(), AuditLog.LONGEST_WAIT, AuditUnavailableException::timedOut);
        return true;
    }

    /** {@code application/json}, with no parameter or UTF-8 (JSON's own encoding): what Jackson reads as sent. */
    static boolean isPlainJson(String contentType) {
        if (contentType == null || !contentType.regionMatches(true, 0, "application/json", 0, 16)) {
            return false;
        }
        String rest = contentType.substring(16).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return rest.isEmpty() || rest.equals(";charset=utf-8") || rest.equals(";charset=\"utf-8\"");
    }
}
