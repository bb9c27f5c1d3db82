package cn.chengxin.account;

import cn.chengxin.shared.CodedProblem;

/** A refused account operation, with its stable code. */
public class AccountProblem extends CodedProblem {

    public AccountProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
