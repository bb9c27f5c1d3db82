package cn.chengxin.portal.tipoff.domain;

import cn.chengxin.shared.CodedProblem;

/** A tip-off refused, with its stable code. */
public class TipOffProblem extends CodedProblem {

    public TipOffProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static TipOffProblem invalid(String code, String message) {
        return new TipOffProblem(code, Kind.INVALID_INPUT, message);
    }
}
