package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A staff account as the console lists it (no secrets). {@code passwordTemporary}: an administrator set its password,
 * which its holder has yet to change. {@code identityMasked}: the holder's identity number as registered for recusal
 * ({@link CaseRecusal}), masked; {@code null} when none is.
 */
public record StaffUser(UUID id, String username, String displayName, UUID departmentId, String departmentName,
                        List<String> roleNames, boolean secondFactorEnrolled, boolean enabled, Instant lockedUntil,
                        Instant lastLoginAt, boolean passwordTemporary,
                        String identityMasked) {

    public StaffUser {
        roleNames = List.copyOf(roleNames);
    }
}
