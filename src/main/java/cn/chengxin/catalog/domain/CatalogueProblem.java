package cn.chengxin.catalog.domain;

import cn.chengxin.shared.DomainProblem;

/** A catalogue rule broken, with its stable code. */
public class CatalogueProblem extends RuntimeException implements DomainProblem {

    private final String code;
    private final Kind kind;

    public CatalogueProblem(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    public static CatalogueProblem invalid(String code, String message) {
        return new CatalogueProblem(code, Kind.INVALID_INPUT, message);
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
