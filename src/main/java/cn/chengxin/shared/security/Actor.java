package cn.chengxin.shared.security;

/**
 * Who acts: implemented by the principals of signed-in staff, citizens and API clients, so that the audit
 * log can name the actor without knowing the account module.
 */
public interface Actor {

    ActorKind actorKind();

    /** Stable id of the account or client (not a personal number). */
    String actorId();

    /** What the audit log shows: a user name, a client name, a masked citizen name. */
    String actorName();

    /** The department or organisation acting; empty for citizens. */
    String organisation();

    /**
     * The catalogue items whose records the actor may see: none unless its department's scope names them or it is
     * the credit office (deny by default, RULES.md §10).
     */
    default DataScope dataScope() {
        return DataScope.noItem();
    }

    /** The code of the department acting (its remit and data scope apply), or empty when none. */
    default String departmentCode() {
        return "";
    }

    enum ActorKind {
        STAFF, CITIZEN, API_CLIENT, SYSTEM, ANONYMOUS
    }
}
