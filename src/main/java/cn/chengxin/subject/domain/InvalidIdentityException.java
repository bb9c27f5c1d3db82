package cn.chengxin.subject.domain;

import cn.chengxin.shared.DomainProblem;

/**
 * An identity document number failed validation. Deliberately carries only the rejection code: the
 * offending number must never reach a log or an error response in clear (RULES.md §10).
 */
public class InvalidIdentityException extends RuntimeException implements DomainProblem {

    private final IdentityRejection rejection;

    public InvalidIdentityException(IdentityRejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public IdentityRejection rejection() {
        return rejection;
    }

    @Override
    public String code() {
        return rejection.code();
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }

    /** A number that is not one is a malformed request: 400 on every API, whichever met it (gaps review xxxvii R5). */
    @Override
    public boolean malformedRequest() {
        return true;
    }
}
