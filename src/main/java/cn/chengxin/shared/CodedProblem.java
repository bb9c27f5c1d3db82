package cn.chengxin.shared;

/**
 * The plain carrier of a {@link DomainProblem}: a stable code, a kind and a Chinese message. Modules extend
 * it for their own refusals (so a stack trace says which module refused) instead of each writing the same
 * class again.
 */
public class CodedProblem extends RuntimeException implements DomainProblem {

    private final String code;
    private final Kind kind;

    public CodedProblem(String code, Kind kind, String message) {
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
