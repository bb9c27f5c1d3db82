package cn.chengxin.exchange;

import cn.chengxin.shared.CodedProblem;

/** A refused exchange request (a batch, a pull, a partner setting), with its stable code. */
public class ExchangeProblem extends CodedProblem {

    public ExchangeProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
