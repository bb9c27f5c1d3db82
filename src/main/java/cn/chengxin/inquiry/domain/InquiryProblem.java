package cn.chengxin.inquiry.domain;

import cn.chengxin.shared.CodedProblem;

/** A refused consent, query or report, with its stable code. */
public class InquiryProblem extends CodedProblem {

    public InquiryProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
