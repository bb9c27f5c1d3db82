package cn.chengxin.subject.domain;

import cn.chengxin.shared.CodedProblem;

/** A subject registry rule broken, with its stable code. */
public class SubjectProblem extends CodedProblem {

    public SubjectProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
