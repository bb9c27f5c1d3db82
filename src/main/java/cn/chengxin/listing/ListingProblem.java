package cn.chengxin.listing;

import cn.chengxin.shared.CodedProblem;

/** A refused listing action, with its stable code. */
public class ListingProblem extends CodedProblem {

    public ListingProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
