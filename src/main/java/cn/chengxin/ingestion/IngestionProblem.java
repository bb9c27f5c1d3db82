package cn.chengxin.ingestion;

import cn.chengxin.shared.CodedProblem;

/** A submission refused as a whole (not a row error). */
public class IngestionProblem extends CodedProblem {

    public IngestionProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }
}
