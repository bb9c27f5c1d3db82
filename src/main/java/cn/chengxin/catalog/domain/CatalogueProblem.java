package cn.chengxin.catalog.domain;

import cn.chengxin.shared.CodedProblem;

/** A catalogue rule broken, with its stable code. */
public class CatalogueProblem extends CodedProblem {

    public CatalogueProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    /** No such item, or no such approved version of it (drafts and pending versions are no one's to read by API). */
    public static CatalogueProblem versionNotFound() {
        return new CatalogueProblem("ITEM_NOT_FOUND", Kind.NOT_FOUND, "信用信息目录中没有该事项或该版本");
    }

    public static CatalogueProblem invalid(String code, String message) {
        return new CatalogueProblem(code, Kind.INVALID_INPUT, message);
    }
}
