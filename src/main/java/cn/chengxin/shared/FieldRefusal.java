package cn.chengxin.shared;

/**
 * A {@link DomainProblem} caused by one field of what was sent, which a form shows its refusal beside (the web layer
 * knows nothing of the module that refused, only the field's name in the form or the request).
 */
public interface FieldRefusal extends DomainProblem {

    /** The field's name in the form or the request ({@code reasons}). */
    String field();
}
