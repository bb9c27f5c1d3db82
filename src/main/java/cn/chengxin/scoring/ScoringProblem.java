package cn.chengxin.scoring;

import cn.chengxin.shared.CodedProblem;

/** A refused scoring action, with its stable code. */
public class ScoringProblem extends CodedProblem {

    public ScoringProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
