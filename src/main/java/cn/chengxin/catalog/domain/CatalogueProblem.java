package cn.chengxin.catalog.domain;

import cn.chengxin.shared.CodedProblem;

/** A catalogue rule broken, with its stable code. */
public class CatalogueProblem extends CodedProblem {

    public CatalogueProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static CatalogueProblem invalid(String code, String message) {
        return new CatalogueProblem(code, Kind.INVALID_INPUT, message);
    }
}
