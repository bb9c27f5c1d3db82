package cn.chengxin.ingestion;

import cn.chengxin.shared.DomainProblem;

/** A submission refused as a whole (not a row error). */
public class IngestionProblem extends RuntimeException implements DomainProblem {

    private final String code;
    private final Kind kind;

    public IngestionProblem(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
