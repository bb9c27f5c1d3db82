package cn.chengxin.account;

import cn.chengxin.shared.DomainProblem;

/** A refused account operation, with its stable code. */
public class AccountProblem extends RuntimeException implements DomainProblem {

    private final String code;
    private final Kind kind;

    public AccountProblem(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
