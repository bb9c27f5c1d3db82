package cn.chengxin.measures;

import cn.chengxin.shared.CodedProblem;

/** A refused check or feedback, with its stable code. */
public class MeasuresProblem extends CodedProblem {

    public MeasuresProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
