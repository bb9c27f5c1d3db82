package cn.chengxin.platform.web;

import cn.chengxin.shared.web.Problems;

/** Stable codes of the problems the platform itself reports (modules add theirs via DomainProblem). */
final class ProblemCodes {

    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String CONFLICT = "CONFLICT";
    static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
    /** An uploaded file past the multipart bound; the same code as ingestion's own file limit. */
    static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    static final String INTERNAL_ERROR = Problems.INTERNAL_ERROR;
    /** A refusal whose status no code above names: its type link still finds a page ({@link ProblemTypes}). */
    static final String HTTP_ERROR = "HTTP_ERROR";

    private ProblemCodes() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            default -> status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
        };
    }
}
