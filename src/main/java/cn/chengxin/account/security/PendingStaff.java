package cn.chengxin.account.security;

import java.io.Serializable;
import java.util.UUID;

/** A staff member who passed the password step and still owes the second factor. */
public record PendingStaff(UUID userId, String username, boolean secondFactorEnrolled) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
