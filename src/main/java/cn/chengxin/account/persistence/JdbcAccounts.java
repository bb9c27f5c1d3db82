package cn.chengxin.account.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiKeyProposal;
import cn.chengxin.account.DepartmentProposal;
import cn.chengxin.account.InstitutionViolation;
import cn.chengxin.account.OwnAccount;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.account.Department;
import cn.chengxin.account.Role;
import cn.chengxin.account.StaffUser;
import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.shared.security.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account schema; the only class that reads or writes it. */
@Repository
public class JdbcAccounts {

    private final JdbcClient jdbc;

    public JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- departments ----------------------------------------------------------------------------

    public List<Department> departments() {
        return jdbc.sql("SELECT id, code, name, kind, data_scope, active, shared_read_scope FROM account.department ORDER BY code")
                .query((rs, n) -> department(rs)).list();
    }

    public Optional<Department> department(UUID id) {
        return jdbc.sql("SELECT id, code, name, kind, data_scope, active, shared_read_scope FROM account.department WHERE id = ?")
                .param(id).query((rs, n) -> department(rs)).optional();
    }

    public Optional<Department> departmentByCode(String code) {
        return jdbc.sql("SELECT id, code, name, kind, data_scope, active, shared_read_scope FROM account.department WHERE code = ?")
                .param(code).query((rs, n) -> department(rs)).optional();
    }

    public void updateDataScope(UUID departmentId, List<String> scope) {
        jdbc.sql("UPDATE account.department SET data_scope = ? WHERE id = ?")
                .params(scope.toArray(String[]::new), departmentId).update();
    }

    public void updateSharedReadScope(UUID departmentId, List<String> items) {
        jdbc.sql("UPDATE account.department SET shared_read_scope = ? WHERE id = ?")
                .params(items.toArray(String[]::new), departmentId).update();
    }

    /** Marks a department established or not (gaps review xliii X11: 未设立 is {@code active = false}). */
    public void updateDepartmentActive(UUID departmentId, boolean active) {
        jdbc.sql("UPDATE account.department SET active = ? WHERE id = ?").params(active, departmentId).update();
    }

    /** The department's API keys not revoked. */
    public long liveApiClientsOf(UUID departmentId) {
        return jdbc.sql("SELECT count(*) FROM account.api_client WHERE department_id = ? AND revoked_at IS NULL")
                .param(departmentId).query(Long.class).single();
    }

    public boolean insertDepartment(Department d) {
        return jdbc.sql("""
                        INSERT INTO account.department (id, code, name, kind, data_scope, active, shared_read_scope)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
                .params(d.id(), d.code(), d.name(), d.kind().name(), d.dataScope().toArray(String[]::new), d.active(),
                        d.sharedReadScope().toArray(String[]::new))
                .update() == 1;
    }

    private static Department department(ResultSet rs) throws SQLException {
        return new Department(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Department.Kind.valueOf(rs.getString(4)), strings(rs.getArray(5)), rs.getBoolean(6),
                strings(rs.getArray(7)));
    }

    // ---- roles ----------------------------------------------------------------------------------

    public List<Role> roles() {
        Map<UUID, Role> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT id, code, name, name_en, admin_kind FROM account.role ORDER BY admin_kind NULLS LAST, code")
                .query((rs, n) -> new Role(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5) == null ? null : AdminKind.valueOf(rs.getString(5)), Set.of()))
                .list().forEach(r -> roles.put(r.id(), r));
        Map<UUID, Set<Permission>> permissions = new LinkedHashMap<>();
        jdbc.sql("SELECT role_id, permission FROM account.role_permission")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> Permission.ofCode(e.getValue()).ifPresent(p -> permissions
                        .computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Permission.class)).add(p)));
        List<Role> out = new ArrayList<>();
        roles.values().forEach(r -> out.add(new Role(r.id(), r.code(), r.name(), r.englishName(), r.adminKind(),
                permissions.getOrDefault(r.id(), Set.of()))));
        return out;
    }

    public boolean insertRole(Role role) {
        int inserted = jdbc.sql("INSERT INTO account.role (id, code, name, name_en, admin_kind) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO NOTHING")
                .params(role.id(), role.code(), role.name(), role.englishName(),
                        role.adminKind() == null ? null : role.adminKind().name())
                .update();
        if (inserted == 1) {
            replaceRolePermissions(role.id(), role.permissions());
        }
        return inserted == 1;
    }

    public void replaceRolePermissions(UUID roleId, Set<Permission> permissions) {
        jdbc.sql("DELETE FROM account.role_permission WHERE role_id = ?").param(roleId).update();
        for (Permission p : permissions) {
            jdbc.sql("INSERT INTO account.role_permission (role_id, permission) VALUES (?, ?)")
                    .params(roleId, p.code()).update();
        }
    }

    // ---- staff users ----------------------------------------------------------------------------

    public List<StaffUser> staffUsers() {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.department_id, d.name,
                               coalesce(array_agg(r.name ORDER BY r.name) FILTER (WHERE r.id IS NOT NULL), '{}'),
                               u.totp_cipher IS NOT NULL, u.enabled, u.locked_until, u.last_login_at,
                               u.password_temporary, u.identity_masked
                        FROM account.staff_user u
                        JOIN account.department d ON d.id = u.department_id
                        LEFT JOIN account.staff_user_role ur ON ur.user_id = u.id
                        LEFT JOIN account.role r ON r.id = ur.role_id
                        GROUP BY u.id, d.name ORDER BY u.username""")
                .query((rs, n) -> new StaffUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), strings(rs.getArray(6)), rs.getBoolean(7),
                        rs.getBoolean(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                        rs.getBoolean(11), rs.getString(12)))
                .list();
    }

    /** Registers the blind index of the account holder's identity number, and the number masked (J4: 回避). */
    public void setStaffIdentity(UUID id, String pseudonym, String masked) {
        jdbc.sql("UPDATE account.staff_user SET identity_pseudonym = ?, identity_masked = ? WHERE id = ?")
                .params(pseudonym, masked, id).update();
    }

    /** The blind index of the identity number registered with the staff account, if any. */
    public Optional<String> staffIdentityPseudonym(UUID id) {
        return jdbc.sql("SELECT identity_pseudonym FROM account.staff_user WHERE id = ? "
                        + "AND identity_pseudonym IS NOT NULL").param(id).query(String.class).optional();
    }

    /** @param setBy who set a temporary password (the account id), {@code null} when it is not temporary */
    public boolean insertStaffUser(UUID id, String username, String displayName, UUID departmentId,
                                   String passwordHash, boolean temporary, String setBy) {
        return jdbc.sql("""
                        INSERT INTO account.staff_user (id, username, display_name, department_id, password_hash,
                                                        password_temporary, password_set_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                .params(id, username, displayName, departmentId, passwordHash, temporary, setBy).update() == 1;
    }

    /** Locks the user row for the rest of the transaction: role changes of one user are serialised. */
    public Optional<StaffCredentials> lockStaffUser(UUID id) {
        return jdbc.sql(STAFF_CREDENTIALS + " WHERE u.id = ? FOR UPDATE OF u").param(id)
                .query((rs, n) -> credentials(rs)).optional();
    }

    public Optional<StaffCredentials> staffCredentials(String username) {
        return jdbc.sql(STAFF_CREDENTIALS + " WHERE u.username = ?").param(username)
                .query((rs, n) -> credentials(rs)).optional();
    }

    public Optional<StaffCredentials> staffCredentials(UUID id) {
        return jdbc.sql(STAFF_CREDENTIALS + " WHERE u.id = ?").param(id).query((rs, n) -> credentials(rs)).optional();
    }

    private static final String STAFF_CREDENTIALS = """
            SELECT u.id, u.username, u.display_name, u.department_id, d.code, d.name, u.password_hash,
                   u.totp_cipher, u.totp_key_version, u.totp_last_step, u.failed_attempts, u.locked_until,
                   u.enabled AND d.active,
                   d.data_scope, d.kind, u.password_temporary, u.password_set_by, u.second_factor_reset_by,
                   d.shared_read_scope, u.password_set_at
            FROM account.staff_user u JOIN account.department d ON d.id = u.department_id""";

    private static StaffCredentials credentials(ResultSet rs) throws SQLException {
        return new StaffCredentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                (Integer) rs.getObject(9), rs.getLong(10), rs.getInt(11), instant(rs.getTimestamp(12)),
                rs.getBoolean(13), strings(rs.getArray(14)), Department.Kind.valueOf(rs.getString(15)),
                rs.getBoolean(16), rs.getString(17), rs.getString(18), strings(rs.getArray(19)),
                instant(rs.getTimestamp(20)));
    }

    public Set<Permission> permissionsOf(UUID userId) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        jdbc.sql("""
                        SELECT DISTINCT rp.permission FROM account.staff_user_role ur
                        JOIN account.role_permission rp ON rp.role_id = ur.role_id WHERE ur.user_id = ?""")
                .param(userId).query(String.class).list()
                .forEach(code -> Permission.ofCode(code).ifPresent(out::add));
        return out;
    }

    public List<AdminKind> adminKindsOf(List<UUID> roleIds) {
        if (roleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT admin_kind FROM account.role WHERE admin_kind IS NOT NULL AND id = ANY(?)")
                .param(roleIds.toArray(UUID[]::new)).query(String.class).list().stream().map(AdminKind::valueOf)
                .toList();
    }

    public List<UUID> roleIdsOf(UUID userId) {
        return jdbc.sql("SELECT role_id FROM account.staff_user_role WHERE user_id = ?").param(userId)
                .query(UUID.class).list();
    }

    /** Every role granted, with its holder and the holder's department: what the roles page checks for misplaced ones. */
    public List<Grant> grants() {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, d.name, d.kind, ur.role_id
                        FROM account.staff_user_role ur
                        JOIN account.staff_user u ON u.id = ur.user_id
                        JOIN account.department d ON d.id = u.department_id
                        ORDER BY u.username""")
                .query((rs, n) -> new Grant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Department.Kind.valueOf(rs.getString(5)), rs.getObject(6, UUID.class)))
                .list();
    }

    /** A role held by a staff user of a department of {@code departmentKind}. */
    public record Grant(UUID userId, String username, String displayName, String departmentName,
                        Department.Kind departmentKind, UUID roleId) {
    }

    public void replaceUserRoles(UUID userId, List<UUID> roleIds) {
        jdbc.sql("DELETE FROM account.staff_user_role WHERE user_id = ?").param(userId).update();
        for (UUID roleId : roleIds) {
            jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)").params(userId, roleId)
                    .update();
        }
    }

    public void updateStaffLockout(UUID id, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE account.staff_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .params(failures, timestamp(lockedUntil), id).update();
    }

    public void staffLoggedIn(UUID id, Instant at) {
        jdbc.sql("UPDATE account.staff_user SET last_login_at = ?, failed_attempts = 0, locked_until = NULL "
                + "WHERE id = ?").params(timestamp(at), id).update();
    }

    public void enrolSecondFactor(UUID id, byte[] cipher, int keyVersion, long usedStep) {
        jdbc.sql("UPDATE account.staff_user SET totp_cipher = ?, totp_key_version = ?, totp_last_step = ?, "
                + "second_factor_reset_by = NULL WHERE id = ?").params(cipher, keyVersion, usedStep, id).update();
    }

    /** Records the step just used, only if it is newer: two concurrent uses of one code cannot both pass. */
    public boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE account.staff_user SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step, id, step).update() == 1;
    }

    /** @param resetBy who reset it (an account id), kept until a new authenticator is enrolled; {@code null}: none */
    public void resetSecondFactor(UUID id, String resetBy) {
        jdbc.sql("UPDATE account.staff_user SET totp_cipher = NULL, totp_key_version = NULL, totp_last_step = 0, "
                + "second_factor_reset_by = ? WHERE id = ?").params(resetBy, id).update();
    }

    public void setStaffEnabled(UUID id, boolean enabled) {
        jdbc.sql("UPDATE account.staff_user SET enabled = ?, enabled_at = CASE WHEN ? AND NOT enabled THEN now() "
                + "ELSE enabled_at END WHERE id = ?").params(enabled, enabled, id).update();
    }

    /**
     * @param temporary whether its holder must change it at the next sign-in (set by someone else)
     * @param setBy     who set a temporary password (an account id); {@code null} for none or the platform itself
     */
    public void setStaffPassword(UUID id, String hash, boolean temporary, String setBy) {
        jdbc.sql("UPDATE account.staff_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
                + "password_temporary = ?, password_set_by = ?, password_set_at = now() WHERE id = ?")
                .params(hash, temporary, temporary ? setBy : null, id).update();
    }

    /**
     * Ends the users' sign-in sessions (Spring Session's table, V101), on every instance at once: each reads its
     * sessions from here on every request. A session's principal name is the staff member's user name (a citizen's is
     * {@code citizen:} and the account id, which holds a colon and so never equals one). The session {@code kept} survives: the
     * request making the change still writes to its own session row when it ends, which must then still be there.
     *
     * @param kept the id of the session to keep, or {@code ""} for none
     */
    public int endSessionsOf(List<String> usernames, String kept) {
        if (usernames.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM account.http_session WHERE principal_name = ANY(?) AND session_id <> ?")
                .params(usernames.toArray(String[]::new), kept).update();
    }

    /** The user names of the role's holders, whose sessions a change to the role ends. */
    public List<String> usernamesHolding(UUID roleId) {
        return jdbc.sql("""
                        SELECT u.username FROM account.staff_user u
                        JOIN account.staff_user_role ur ON ur.user_id = u.id WHERE ur.role_id = ?""")
                .param(roleId).query(String.class).list();
    }

    /** The user names of the department's staff, whose sessions a change to its data scope ends. */
    /**
     * The enabled staff accounts last used before {@code cutoff}, longest unused first, with the administrator kinds
     * they hold. An account's last use is the latest of its last sign-in, its password being set (a new account, a
     * reset) and its being enabled again.
     */
    public List<UnusedAccount> enabledUnusedSince(Instant cutoff) {
        return jdbc.sql("""
                        SELECT u.id, u.username, greatest(u.last_login_at, u.password_set_at, u.enabled_at) AS last_use,
                               coalesce(array_agg(DISTINCT r.admin_kind) FILTER (WHERE r.admin_kind IS NOT NULL), '{}')
                        FROM account.staff_user u
                        LEFT JOIN account.staff_user_role ur ON ur.user_id = u.id
                        LEFT JOIN account.role r ON r.id = ur.role_id
                        WHERE u.enabled AND greatest(u.last_login_at, u.password_set_at, u.enabled_at) < ?
                        GROUP BY u.id ORDER BY last_use, u.username""")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new UnusedAccount(rs.getObject(1, UUID.class), rs.getString(2),
                        instant(rs.getTimestamp(3)), strings(rs.getArray(4)).stream().map(AdminKind::valueOf).toList()))
                .list();
    }

    /** How many enabled accounts hold a role of the administrator kind. */
    public int enabledHoldersOf(AdminKind kind) {
        return jdbc.sql("""
                        SELECT count(DISTINCT u.id) FROM account.staff_user u
                        JOIN account.staff_user_role ur ON ur.user_id = u.id
                        JOIN account.role r ON r.id = ur.role_id
                        WHERE u.enabled AND r.admin_kind = ?""")
                .param(kind.name()).query(Integer.class).single();
    }

    /** An enabled staff account found unused, for the dormant-account job. */
    public record UnusedAccount(UUID id, String username, Instant lastUse, List<AdminKind> adminKinds) {
    }

    public List<String> usernamesIn(UUID departmentId) {
        return jdbc.sql("SELECT username FROM account.staff_user WHERE department_id = ?").param(departmentId)
                .query(String.class).list();
    }

    // ---- citizens -------------------------------------------------------------------------------

    public boolean insertCitizen(UUID id, UUID subjectId, String subjectPseudonym, String phonePseudonym,
                                 String phoneMasked, SealedPhone phone, String passwordHash, Instant verifiedAt) {
        return jdbc.sql("""
                        INSERT INTO account.citizen (id, subject_id, subject_pseudonym, phone_pseudonym, phone_masked,
                                                     phone_cipher, phone_key_version, password_hash, verified_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, subjectId, subjectPseudonym, phonePseudonym, phoneMasked, phone.cipher(),
                        phone.keyVersion(), passwordHash, timestamp(verifiedAt)).update() == 1;
    }

    /** A citizen's phone number as stored: SM4-GCM ciphertext and the key version that sealed it. */
    public record SealedPhone(byte[] cipher, int keyVersion) {
    }

    /** The sealed phone of the subject's citizen account, when there is an account and it has one. */
    public Optional<SealedPhone> phoneOf(UUID subjectId) {
        return jdbc.sql("""
                        SELECT phone_cipher, phone_key_version FROM account.citizen
                        WHERE subject_id = ? AND phone_cipher IS NOT NULL""").param(subjectId)
                .query((rs, n) -> new SealedPhone(rs.getBytes(1), rs.getInt(2))).optional();
    }

    /** {@link #phoneOf} of many subjects in one query: those with a phone on file. */
    public java.util.Map<UUID, SealedPhone> phonesOf(java.util.Collection<UUID> subjectIds) {
        java.util.Map<UUID, SealedPhone> phones = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT subject_id, phone_cipher, phone_key_version FROM account.citizen
                        WHERE subject_id = ANY(?::uuid[]) AND phone_cipher IS NOT NULL""")
                .param(subjectIds.toArray(UUID[]::new))
                .query((java.sql.ResultSet rs) -> {
                    phones.put(rs.getObject(1, UUID.class), new SealedPhone(rs.getBytes(2), rs.getInt(3)));
                });
        return phones;
    }

    public Optional<CitizenCredentials> citizenBySubjectPseudonym(String pseudonym) {
        return jdbc.sql(CITIZEN + " WHERE subject_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> citizen(rs)).optional();
    }

    public Optional<CitizenCredentials> citizenByPhonePseudonym(String pseudonym) {
        return jdbc.sql(CITIZEN + " WHERE phone_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> citizen(rs)).optional();
    }

    public Optional<CitizenCredentials> citizenById(UUID id) {
        return jdbc.sql(CITIZEN + " WHERE id = ?").param(id).query((rs, n) -> citizen(rs)).optional();
    }

    /** Locks the citizen's row for the rest of the transaction: concurrent sign-ins of one account are serialised. */
    public Optional<CitizenCredentials> lockCitizen(UUID id) {
        return jdbc.sql(CITIZEN + " WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> citizen(rs)).optional();
    }

    public boolean citizenExists(String subjectPseudonym, String phonePseudonym) {
        return jdbc.sql("SELECT count(*) FROM account.citizen WHERE subject_pseudonym = ? OR phone_pseudonym = ?")
                .params(subjectPseudonym, phonePseudonym).query(Long.class).single() > 0;
    }

    public void updateCitizenLockout(UUID id, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE account.citizen SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .params(failures, timestamp(lockedUntil), id).update();
    }

    public void citizenLoggedIn(UUID id, Instant at) {
        jdbc.sql("UPDATE account.citizen SET last_login_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
                .params(timestamp(at), id).update();
    }

    /** A new password for the citizen, which also lifts a lockout: its holder has just proved the phone on file. */
    public void setCitizenPassword(UUID id, String hash) {
        jdbc.sql("UPDATE account.citizen SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
                .params(hash, id).update();
    }

    /**
     * Ends the citizen's sign-in sessions on every instance, as {@link #endSessionsOf} does for staff. A citizen's
     * session is indexed under {@code sessionIndex} ({@code CitizenPrincipal.sessionIndexOf}), not under the principal's
     * name: that is the masked name, which two people may share.
     *
     * @param kept the id of the session to keep, or {@code ""} for none
     */
    public int endCitizenSessions(String sessionIndex, String kept) {
        return jdbc.sql("DELETE FROM account.http_session WHERE principal_name = ? AND session_id <> ?")
                .params(sessionIndex, kept).update();
    }

    /** The citizen's sealed phone by account, whatever its state: for the notices of a change to the account. */
    public Optional<SealedPhone> phoneOfAccount(UUID accountId) {
        return jdbc.sql("SELECT phone_cipher, phone_key_version FROM account.citizen WHERE id = ? "
                        + "AND phone_cipher IS NOT NULL").param(accountId)
                .query((rs, n) -> new SealedPhone(rs.getBytes(1), rs.getInt(2))).optional();
    }

    /** Suspends ({@code at} given) or resumes ({@code null}) a citizen account. */
    public boolean setCitizenSuspended(UUID id, Instant at) {
        return jdbc.sql("UPDATE account.citizen SET suspended_at = ? WHERE id = ?").params(timestamp(at), id)
                .update() == 1;
    }

    /** A new phone, proved by a code and checked against the real-name provider. */
    public boolean setCitizenPhone(UUID id, String phonePseudonym, String phoneMasked, SealedPhone phone,
                                   Instant verifiedAt) {
        return jdbc.sql("""
                        UPDATE account.citizen SET phone_pseudonym = ?, phone_masked = ?, phone_cipher = ?,
                                                   phone_key_version = ?, verified_at = ?
                        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM account.citizen o
                                                     WHERE o.phone_pseudonym = ? AND o.id <> ?)""")
                .params(phonePseudonym, phoneMasked, phone.cipher(), phone.keyVersion(), timestamp(verifiedAt), id,
                        phonePseudonym, id).update() == 1;
    }

    /**
     * Deletes a citizen account with its sealed phone (closure by the citizen, unbinding by the credit office). The
     * credit file is the subject's, not the account's: nothing of it goes. Pending recoveries go with it (V145).
     */
    public boolean deleteCitizen(UUID id) {
        return jdbc.sql("DELETE FROM account.citizen WHERE id = ?").param(id).update() == 1;
    }

    private static final String CITIZEN = """
            SELECT id, subject_id, subject_pseudonym, phone_masked, password_hash, failed_attempts, locked_until,
                   suspended_at, created_at, last_login_at
            FROM account.citizen""";

    private static CitizenCredentials citizen(ResultSet rs) throws SQLException {
        return new CitizenCredentials(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)));
    }

    // ---- citizen account proposals (V159) -------------------------------------------------------

    public boolean insertCitizenProposal(CitizenAccountProposal p) {
        return jdbc.sql("""
                        INSERT INTO account.citizen_account_proposal (id, citizen_id, subject_id, subject_pseudonym,
                            action, reason, proposed_by, proposer_name, proposed_at, phone_pseudonym, phone_masked,
                            phone_cipher, phone_key_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(p.id(), p.citizenId(), p.subjectId(), p.subjectPseudonym(), p.action(), p.reason(),
                        p.proposedBy(), p.proposerName(), timestamp(p.proposedAt()),
                        p.newPhone() == null ? null : p.newPhone().pseudonym(),
                        p.newPhone() == null ? null : p.newPhone().masked(),
                        p.newPhone() == null ? null : p.newPhone().sealed().cipher(),
                        p.newPhone() == null ? null : p.newPhone().sealed().keyVersion()).update() == 1;
    }

    public List<CitizenAccountProposal> pendingCitizenProposals() {
        return jdbc.sql(CITIZEN_PROPOSAL + " WHERE status = 'PENDING' ORDER BY proposed_at")
                .query((rs, n) -> citizenProposal(rs)).list();
    }

    public Optional<CitizenAccountProposal> lockCitizenProposal(UUID id) {
        return jdbc.sql(CITIZEN_PROPOSAL + " WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> citizenProposal(rs)).optional();
    }

    public boolean decideCitizenProposal(UUID id, String status, String by, String byName, Instant at) {
        return jdbc.sql("""
                        UPDATE account.citizen_account_proposal
                        SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?, phone_cipher = NULL,
                            phone_key_version = NULL
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status, by, byName, timestamp(at), id).update() == 1;
    }

    private static final String CITIZEN_PROPOSAL = """
            SELECT id, citizen_id, subject_id, subject_pseudonym, action, reason, proposed_by, proposer_name,
                   proposed_at, status, phone_pseudonym, phone_masked, phone_cipher, phone_key_version
            FROM account.citizen_account_proposal""";

    private static CitizenAccountProposal citizenProposal(ResultSet rs) throws SQLException {
        byte[] cipher = rs.getBytes(13);
        NewPhone phone = rs.getString(11) == null ? null : new NewPhone(rs.getString(11), rs.getString(12),
                cipher == null ? null : new SealedPhone(cipher, rs.getInt(14)));
        return new CitizenAccountProposal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10), phone);
    }

    /**
     * A proposal to suspend, resume or unbind a citizen account, or to bind a new phone to it, as stored (V159, V276).
     *
     * @param newPhone the phone a {@code REBIND_PHONE} proposal binds, else {@code null}
     */
    public record CitizenAccountProposal(UUID id, UUID citizenId, UUID subjectId, String subjectPseudonym,
                                         String action, String reason, String proposedBy, String proposerName,
                                         Instant proposedAt, String status, NewPhone newPhone) {
    }

    /** A phone to bind: its pseudonym, masked form and sealed number (the latter only while it waits, V276). */
    public record NewPhone(String pseudonym, String masked, SealedPhone sealed) {
    }

    /**
     * The account as its holder's copy shows it (no secret column read): the real name checked at the window when the
     * phone on file was bound by an approved {@code REBIND_PHONE}, whose decision set {@code verified_at} to its own
     * time (CitizenAccountDesk#approve), else online.
     */
    public Optional<OwnAccount> ownAccount(UUID id) {
        return jdbc.sql("""
                        SELECT c.phone_masked, c.created_at, c.verified_at, c.last_login_at, c.suspended_at,
                               EXISTS (SELECT 1 FROM account.citizen_account_proposal p
                                       WHERE p.citizen_id = c.id AND p.action = 'REBIND_PHONE'
                                         AND p.status = 'APPROVED' AND p.decided_at = c.verified_at)
                        FROM account.citizen c WHERE c.id = ?""").param(id)
                .query((rs, n) -> new OwnAccount(rs.getString(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)),
                        rs.getBoolean(6) ? OwnAccount.RealNameCheck.WINDOW : OwnAccount.RealNameCheck.ONLINE,
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), List.of()))
                .optional();
    }

    /**
     * What the window proposed and decided about the subject's accounts, this one and any closed or unbound before
     * (the proposals outlive the accounts they were about: V159), oldest first.
     */
    public List<OwnAccount.WindowDecision> windowDecisionsAbout(UUID subjectId) {
        return jdbc.sql("""
                        SELECT action, reason, proposed_at, proposer_name, status, decided_at, decider_name,
                               phone_masked
                        FROM account.citizen_account_proposal WHERE subject_id = ? ORDER BY proposed_at""")
                .param(subjectId)
                .query((rs, n) -> new OwnAccount.WindowDecision(rs.getString(1), rs.getString(2),
                        instant(rs.getTimestamp(3)), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    // ---- API clients ----------------------------------------------------------------------------

    /** A key issued to {@code institutionId}: its own id for a key that founds its institution. */
    public void insertApiClient(UUID id, UUID institutionId, String name, String organisation, ApiClient.Kind kind,
                                UUID departmentId, String prefix, String hash, Set<Permission> permissions,
                                int ratePerMinute, String createdBy, Instant expiresAt, List<String> allowedAddresses,
                                String anyAddressReason, String creditCode) {
        jdbc.sql("""
                        INSERT INTO account.api_client (id, institution_id, name, organisation, kind, department_id,
                                                        key_prefix, key_hash, permissions, rate_per_minute, created_by,
                                                        expires_at, allowed_addresses, any_address_reason, credit_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, institutionId, name, organisation, kind.name(), departmentId, prefix, hash,
                        permissions.stream().map(Permission::code).toArray(String[]::new), ratePerMinute, createdBy,
                        timestamp(expiresAt), allowedAddresses.toArray(String[]::new), anyAddressReason, creditCode)
                .update();
    }

    public List<ApiClient> apiClients() {
        return jdbc.sql(API_CLIENT + " ORDER BY c.revoked_at NULLS FIRST, c.created_at DESC")
                .query((rs, n) -> apiClient(rs)).list();
    }

    public Optional<ApiClient> apiClient(UUID id) {
        return jdbc.sql(API_CLIENT + " WHERE c.id = ?").param(id).query((rs, n) -> apiClient(rs)).optional();
    }

    public Optional<ApiClient> apiClientByHash(String hash) {
        return jdbc.sql(API_CLIENT + " WHERE c.key_hash = ?").param(hash).query((rs, n) -> apiClient(rs)).optional();
    }

    public boolean revokeApiClient(UUID id, Instant at, String by, ViolationGround ground, String reference) {
        return jdbc.sql("""
                        UPDATE account.api_client SET revoked_at = ?, revoked_by = ?, revoke_ground = ?,
                                                      revoke_reference = ?
                        WHERE id = ? AND revoked_at IS NULL""")
                .params(timestamp(at), by, ground.name(), reference, id).update() == 1;
    }

    /**
     * Marks the key replaced by its holder's rotation from {@code until} on; a key rotated already (its answer lost,
     * say) keeps the earlier instant of the two. False when it is revoked.
     */
    public boolean replaceApiClient(UUID id, Instant until) {
        return jdbc.sql("""
                        UPDATE account.api_client SET replaced_at = LEAST(coalesce(replaced_at, ?), ?)
                        WHERE id = ? AND revoked_at IS NULL""")
                .params(timestamp(until), timestamp(until), id).update() == 1;
    }

    /**
     * Ends at {@code at} the keys an earlier rotation of {@code rotatedFrom} made that are still accepted: the holder
     * rotating again asks for the key it did not receive, and only the newest answer's key stays.
     *
     * @return the prefixes of the keys ended
     */
    public List<String> endEarlierRotations(UUID rotatedFrom, Instant at) {
        return jdbc.sql("""
                        UPDATE account.api_client SET replaced_at = ?
                        WHERE rotated_from = ? AND revoked_at IS NULL AND (replaced_at IS NULL OR replaced_at > ?)
                        RETURNING key_prefix""")
                .params(timestamp(at), rotatedFrom, timestamp(at)).query(String.class).list();
    }

    /** A key made by its holder's rotation of {@code rotatedFrom}, bound as that key is and expiring when it does. */
    public void insertRotatedApiClient(UUID id, UUID rotatedFrom, String prefix, String hash, String createdBy) {
        jdbc.sql("""
                        INSERT INTO account.api_client (id, institution_id, name, organisation, kind, department_id,
                                                        key_prefix, key_hash, permissions, rate_per_minute, created_by,
                                                        expires_at, allowed_addresses, any_address_reason, credit_code,
                                                        rotated_from)
                        SELECT ?, institution_id, name, organisation, kind, department_id, ?, ?, permissions,
                               rate_per_minute, ?, expires_at, allowed_addresses, any_address_reason, credit_code, id
                        FROM account.api_client WHERE id = ?""")
                .params(id, prefix, hash, createdBy, rotatedFrom).update();
    }

    public void apiClientUsed(UUID id, Instant at) {
        jdbc.sql("UPDATE account.api_client SET last_used_at = ? WHERE id = ?").params(timestamp(at), id).update();
    }

    // ---- proposed department scopes and credit offices (F10: the security administrator approves) ---

    public void insertDepartmentProposal(DepartmentProposal p) {
        jdbc.sql("""
                        INSERT INTO account.department_proposal (id, kind, department_id, code, name, data_scope,
                                                                 shared_read_scope, reason, proposed_by, proposer_name,
                                                                 proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.kind().name(), p.departmentId(), p.code(), p.name(),
                        p.dataScope().toArray(String[]::new), p.sharedReadScope().toArray(String[]::new), p.reason(),
                        p.proposedBy(), p.proposerName(), timestamp(p.proposedAt()))
                .update();
    }

    public List<DepartmentProposal> pendingDepartmentProposals() {
        return jdbc.sql(DEPARTMENT_PROPOSAL + " WHERE status = 'PENDING' ORDER BY proposed_at")
                .query((rs, n) -> departmentProposal(rs)).list();
    }

    public boolean pendingDepartmentProposalFor(UUID departmentId) {
        return jdbc.sql("SELECT count(*) FROM account.department_proposal WHERE status = 'PENDING' AND department_id = ?")
                .param(departmentId).query(Long.class).single() > 0;
    }

    /** The proposal, locked until the transaction ends: of two administrators deciding at once, one decides. */
    public Optional<DepartmentProposal> lockDepartmentProposal(UUID id) {
        return jdbc.sql(DEPARTMENT_PROPOSAL + " WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> departmentProposal(rs)).optional();
    }

    /** Records the decision on a pending proposal; false when it was no longer pending. */
    public boolean decideDepartmentProposal(UUID id, DepartmentProposal.Status status, String by, String byName,
                                            Instant at, String note) {
        return jdbc.sql("""
                        UPDATE account.department_proposal
                        SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, timestamp(at), note, id).update() == 1;
    }

    private static final String DEPARTMENT_PROPOSAL = """
            SELECT id, kind, department_id, code, name, data_scope, shared_read_scope, reason, proposed_by,
                   proposer_name, proposed_at, status
            FROM account.department_proposal""";

    private static DepartmentProposal departmentProposal(ResultSet rs) throws SQLException {
        return new DepartmentProposal(rs.getObject(1, UUID.class), DepartmentProposal.Kind.valueOf(rs.getString(2)),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), strings(rs.getArray(6)),
                strings(rs.getArray(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                instant(rs.getTimestamp(11)), DepartmentProposal.Status.valueOf(rs.getString(12)));
    }

    // ---- proposed API keys (issue #3: a second administrator approves) --------------------------

    public void insertApiKeyProposal(ApiKeyProposal p) {
        jdbc.sql("""
                        INSERT INTO account.api_client_proposal (id, name, organisation, kind, department_id, permissions,
                                                                 rate_per_minute, proposed_by, proposer_name, proposed_at,
                                                                 allowed_addresses, renews, any_address_reason,
                                                                 credit_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.name(), p.organisation(), p.kind().name(), p.departmentId(),
                        p.permissions().stream().map(Permission::code).toArray(String[]::new), p.ratePerMinute(),
                        p.proposedBy(), p.proposerName(), timestamp(p.proposedAt()),
                        p.allowedAddresses().toArray(String[]::new), p.renews(), p.anyAddressReason(), p.creditCode())
                .update();
    }

    /** Whether a proposal renewing the key waits for a decision. */
    public boolean pendingRenewalOf(UUID clientId) {
        return jdbc.sql("SELECT count(*) FROM account.api_client_proposal WHERE status = 'PENDING' AND renews = ?")
                .param(clientId).query(Long.class).single() > 0;
    }

    public List<ApiKeyProposal> pendingApiKeyProposals() {
        return jdbc.sql(PROPOSAL + " WHERE p.status = 'PENDING' ORDER BY p.proposed_at")
                .query((rs, n) -> proposal(rs)).list();
    }

    /** The proposal, locked until the transaction ends: of two administrators deciding at once, one decides. */
    public Optional<ApiKeyProposal> lockApiKeyProposal(UUID id) {
        return jdbc.sql(PROPOSAL + " WHERE p.id = ? FOR UPDATE OF p").param(id).query((rs, n) -> proposal(rs))
                .optional();
    }

    /** Records the decision on a pending proposal; false when it was no longer pending. */
    public boolean decideApiKeyProposal(UUID id, ApiKeyProposal.Status status, String by, String byName, Instant at,
                                        String note, UUID clientId) {
        return jdbc.sql("""
                        UPDATE account.api_client_proposal
                        SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?, decision_note = ?, client_id = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, timestamp(at), note, clientId, id).update() == 1;
    }

    private static final String PROPOSAL = """
            SELECT p.id, p.name, p.organisation, p.kind, p.department_id, d.code, p.permissions, p.rate_per_minute,
                   p.proposed_by, p.proposer_name, p.proposed_at, p.status, p.allowed_addresses, p.renews, r.key_prefix,
                   p.any_address_reason, p.credit_code
            FROM account.api_client_proposal p LEFT JOIN account.department d ON d.id = p.department_id
                 LEFT JOIN account.api_client r ON r.id = p.renews""";

    private static ApiKeyProposal proposal(ResultSet rs) throws SQLException {
        Set<Permission> permissions = permissions(rs.getArray(7));
        return new ApiKeyProposal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                ApiClient.Kind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6), permissions,
                rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)),
                ApiKeyProposal.Status.valueOf(rs.getString(12)), strings(rs.getArray(13)), rs.getObject(14, UUID.class),
                rs.getString(15), rs.getString(16), rs.getString(17));
    }

    /** A stored array of permission codes, those no longer known left out. */
    private static Set<Permission> permissions(Array codes) throws SQLException {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        strings(codes).forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
        return permissions;
    }

    private static final String API_CLIENT = """
            SELECT c.id, c.name, c.organisation, c.kind, c.key_prefix, c.permissions, c.rate_per_minute, c.created_at,
                   c.created_by, c.revoked_at, c.last_used_at, d.code, c.expires_at, c.allowed_addresses,
                   c.institution_id, c.department_id, c.revoke_ground, c.revoke_reference, c.any_address_reason,
                   c.credit_code, c.rotated_from, c.replaced_at
            FROM account.api_client c LEFT JOIN account.department d ON d.id = c.department_id""";

    private static ApiClient apiClient(ResultSet rs) throws SQLException {
        Set<Permission> permissions = permissions(rs.getArray(6));
        return new ApiClient(rs.getObject(1, UUID.class), rs.getObject(15, UUID.class), rs.getString(2),
                rs.getString(3), ApiClient.Kind.valueOf(rs.getString(4)), rs.getString(12), rs.getString(5),
                permissions, rs.getInt(7), instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(13)), strings(rs.getArray(14)),
                rs.getObject(16, UUID.class), rs.getString(17) == null ? null : ViolationGround.valueOf(rs.getString(17)),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getObject(21, UUID.class),
                instant(rs.getTimestamp(22)));
    }

    // ---- the violation register (gaps review xxx L4) ----------------------------------------------

    public void insertInstitutionViolation(InstitutionViolation v) {
        jdbc.sql("""
                        INSERT INTO account.institution_violation (id, institution_id, organisation, ground, reference,
                                                                   banned_from, banned_until, proposed_by,
                                                                   proposer_name, proposed_at, credit_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.institutionId(), v.organisation(), v.ground().name(), v.reference(),
                        v.bannedFrom(), v.bannedUntil(), v.proposedBy(), v.proposerName(), timestamp(v.proposedAt()),
                        v.creditCode())
                .update();
    }

    /** Every entry, pending first, then newest first. */
    public List<InstitutionViolation> institutionViolations() {
        return jdbc.sql(VIOLATION + " ORDER BY status <> 'PENDING', proposed_at DESC")
                .query((rs, n) -> violation(rs)).list();
    }

    /** The entry, locked until the transaction ends: of two administrators deciding at once, one decides. */
    public Optional<InstitutionViolation> lockInstitutionViolation(UUID id) {
        return jdbc.sql(VIOLATION + " WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> violation(rs)).optional();
    }

    /** Records the decision on a pending entry; false when it was no longer pending. */
    public boolean decideInstitutionViolation(UUID id, InstitutionViolation.Status status, String by, String byName,
                                              Instant at, String note) {
        return jdbc.sql("""
                        UPDATE account.institution_violation
                        SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, timestamp(at), note, id).update() == 1;
    }

    private static final String VIOLATION = """
            SELECT id, institution_id, organisation, ground, reference, banned_from, banned_until, proposed_by,
                   proposer_name, proposed_at, status, decider_name, decided_at, decision_note, credit_code
            FROM account.institution_violation""";

    private static InstitutionViolation violation(ResultSet rs) throws SQLException {
        return new InstitutionViolation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                ViolationGround.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
                InstitutionViolation.Status.valueOf(rs.getString(11)), rs.getString(12), instant(rs.getTimestamp(13)),
                rs.getString(14), rs.getString(15));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public record StaffCredentials(UUID id, String username, String displayName, UUID departmentId,
                                   String departmentCode, String departmentName, String passwordHash,
                                   byte[] totpCipher, Integer totpKeyVersion, long totpLastStep, int failedAttempts,
                                   Instant lockedUntil, boolean enabled, List<String> dataScope,
                                   Department.Kind departmentKind, boolean passwordTemporary, String passwordSetBy,
                                   String secondFactorResetBy, List<String> sharedReadScope,
                                   Instant passwordSetAt) {

        public StaffCredentials {
            sharedReadScope = sharedReadScope == null ? List.of() : List.copyOf(sharedReadScope);
        }

        public StaffCredentials(UUID id, String username, String displayName, UUID departmentId,
                                String departmentCode, String departmentName, String passwordHash,
                                byte[] totpCipher, Integer totpKeyVersion, long totpLastStep, int failedAttempts,
                                Instant lockedUntil, boolean enabled, List<String> dataScope,
                                Department.Kind departmentKind, boolean passwordTemporary, String passwordSetBy,
                                String secondFactorResetBy) {
            this(id, username, displayName, departmentId, departmentCode, departmentName, passwordHash, totpCipher,
                    totpKeyVersion, totpLastStep, failedAttempts, lockedUntil, enabled, dataScope, departmentKind,
                    passwordTemporary, passwordSetBy, secondFactorResetBy, List.of(), null);
        }
    }

    public record CitizenCredentials(UUID id, UUID subjectId, String subjectPseudonym, String phoneMasked,
                                     String passwordHash, int failedAttempts, Instant lockedUntil,
                                     Instant suspendedAt, Instant createdAt, Instant lastLoginAt) {

        public CitizenCredentials(UUID id, UUID subjectId, String subjectPseudonym, String phoneMasked,
                                  String passwordHash, int failedAttempts, Instant lockedUntil) {
            this(id, subjectId, subjectPseudonym, phoneMasked, passwordHash, failedAttempts, lockedUntil, null, null,
                    null);
        }

        /** Suspended by the credit office (V159): no sign-in, no recovery, until it is resumed. */
        public boolean suspended() {
            return suspendedAt != null;
        }
    }
}
