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

    @Override
    public String toString() {
        return maskedName;
    }
}
