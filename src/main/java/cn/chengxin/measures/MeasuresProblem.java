package cn.chengxin.measures;

import java.time.Duration;

import cn.chengxin.shared.CodedProblem;

/** A refused check or feedback, with its stable code. */
public class MeasuresProblem extends CodedProblem {

    public MeasuresProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    /** @param retryAfter how long a {@link Kind#TOO_MANY} refusal asks the caller to wait */
    public MeasuresProblem(String code, Kind kind, String message, Duration retryAfter) {
        super(code, kind, message, retryAfter);
    }
}
