package cn.chengxin.account;

import java.io.Serializable;
import java.util.UUID;

import cn.chengxin.shared.security.Actor;

/** A signed-in citizen: their account, the credit subject they are, and their name masked for the log. */
public record CitizenPrincipal(UUID accountId, UUID subjectId, String subjectPseudonym, String maskedName)
        implements Actor, Serializable {

    @Override
    public ActorKind actorKind() {
        return ActorKind.CITIZEN;
    }

    @Override
    public String actorId() {
        return accountId.toString();
    }

    @Override
    public String actorName() {
        return maskedName;
    }

    @Override
    public String organisation() {
        return "";
    }

    /**
     * The name the citizen's sign-in sessions are indexed under in the session table (V101), so that they can be ended
     * when the password changes: the principal's own name is the masked name, which two people may share. The colon
     * keeps it apart from every staff user name.
     */
    public static String sessionIndexOf(UUID accountId) {
        return "citizen:" + accountId;
    }

    @Override
    public String toString() {
        return maskedName;
    }
}
