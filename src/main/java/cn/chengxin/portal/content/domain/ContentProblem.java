package cn.chengxin.portal.content.domain;

import cn.chengxin.shared.CodedProblem;

/** A content rule broken, with its stable code. */
public class ContentProblem extends CodedProblem {

    public ContentProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static ContentProblem invalid(String code, String message) {
        return new ContentProblem(code, Kind.INVALID_INPUT, message);
    }
}
