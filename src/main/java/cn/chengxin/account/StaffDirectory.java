package cn.chengxin.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.account.domain.AdminPermissions;
import cn.chengxin.account.domain.AdminRoles;
import cn.chengxin.account.domain.BusinessRoles;
import cn.chengxin.account.domain.ScopeItems;
import cn.chengxin.account.domain.TemporaryPassword;
import cn.chengxin.account.domain.PasswordPolicy;
import cn.chengxin.account.domain.PasswordRule;
import cn.chengxin.account.domain.RoleReach;
import cn.chengxin.account.domain.RoleChange;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcRoleProposals;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments, roles and staff users, as the system and security administrators keep them. Every change
 * is audited before it commits; the separation of the three administrators is checked here and again by
 * a lock on the user row (two concurrent assignments cannot together break it).
 *
 * <p>A session keeps the rights its user signed in with. So a change to what a user may do (roles, a role's
 * permissions, disabling) or to how they prove who they are (password, authenticator) ends their sessions in the
 * same transaction (RULES.md §10: least privilege): they sign in again, with what the directory gives them now, or
 * not at all. So does a change to their department's data scope, which their sessions hold too.
 */
@Service
public class StaffDirectory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffDirectory.class);

    private final JdbcAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SubjectRegistry subjects;
    private final JdbcRoleProposals roleProposals;
    private final java.time.Clock clock;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    StaffDirectory(JdbcAccounts accounts, PasswordEncoder passwords, AuditLog audit, SubjectRegistry subjects,
                   JdbcRoleProposals roleProposals, java.time.Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.subjects = subjects;
        this.roleProposals = roleProposals;
        this.clock = clock;
    }

    public List<Department> departments() {
        return accounts.departments();
    }

    /** The departments' names by code: what pages show for the code a record, an entry or a batch carries. */
    public java.util.Map<String, String> departmentNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        departments().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    public List<Role> roles() {
        return accounts.roles();
    }

    public List<StaffUser> users() {
        return accounts.staffUsers();
    }

    /**
     * The name a staff member goes by, for the account id that records keep of who acted: people read names, and an
     * id tells them nothing. Empty when the id names no staff account (the platform's own {@code system}).
     */
    public Optional<String> displayName(String accountId) {
        return staff(accountId).map(JdbcAccounts.StaffCredentials::displayName);
    }

    /**
     * The department a staff member belongs to now, by the account id a record keeps of who acted: where a person was
     * served (the window of a counter service). Empty as {@link #displayName} is.
     */
    public Optional<String> departmentNameOf(String accountId) {
        return staff(accountId).map(JdbcAccounts.StaffCredentials::departmentName);
    }

    private Optional<JdbcAccounts.StaffCredentials> staff(String accountId) {
        UUID id;
        try {
            id = UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return accounts.staffCredentials(id);
    }

    @Transactional
    public Department createDepartment(String code, String name, Department.Kind kind, List<String> dataScope) {
        String normalisedCode = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!normalisedCode.matches("[A-Z0-9_-]{2,32}") || name == null || name.isBlank()) {
            throw new AccountProblem("DEPARTMENT_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "部门代码须为 2–32 位大写字母、数字、下划线或连字符，名称不能为空");
        }
        // Normalised as a change of scope is: the same items typed must give the same scope either way.
        Department department = new Department(Ids.newId(), normalisedCode, name.trim(), kind,
                dataScope(dataScope == null ? List.of() : dataScope), true);
        if (!accounts.insertDepartment(department)) {
            throw new AccountProblem("DEPARTMENT_EXISTS", DomainProblem.Kind.CONFLICT, "部门代码已存在");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.department.create").detail(normalisedCode));
        return department;
    }

    /**
     * Changes the catalogue items whose records the department's staff see (RULES.md §10: least privilege; none named,
     * none seen). The department's staff sign in again, as their sessions hold the scope they signed in with.
     */
    @Transactional
    public void changeDataScope(UUID departmentId, List<String> items) {
        List<String> scope = dataScope(items);
        Department department = accounts.department(departmentId).orElseThrow(() -> new AccountProblem(
                "DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "所选部门不存在"));
        accounts.updateDataScope(departmentId, scope);
        endSessionsOf(accounts.usernamesIn(departmentId));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.department.scope")
                .detail(AuditDetail.of("DEPARTMENT_SCOPE_CHANGED").with("department", department.code())
                        .with("from", items(department.dataScope())).with("to", items(scope))));
    }

    /**
     * Applies an approved scope proposal ({@link DepartmentProposals}): both lists replaced as a whole; the
     * department's staff sign in again, as their sessions hold the scopes they signed in with.
     */
    void applyScopes(Department department, List<String> own, List<String> sharedRead, String approver,
                     String proposer) {
        accounts.updateDataScope(department.id(), own);
        accounts.updateSharedReadScope(department.id(), sharedRead);
        endSessionsOf(accounts.usernamesIn(department.id()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.department.scope")
                .detail(AuditDetail.of("DEPARTMENT_SCOPES_APPLIED").with("department", department.code())
                        .with("ownFrom", items(department.dataScope())).with("ownTo", items(own))
                        .with("sharedFrom", items(department.sharedReadScope())).with("sharedTo", items(sharedRead))
                        .with("approver", approver).with("proposer", proposer)));
    }

    /**
     * Applies an approved proposal to mark a department 未设立 or to undo the mark (gaps review xliii X11): a department
     * not established owes no deliveries, answers no remit and signs nobody in ({@code active = false}).
     */
    void applyEstablished(Department department, boolean established, String approver, String proposer) {
        accounts.updateDepartmentActive(department.id(), established);
        endSessionsOf(accounts.usernamesIn(department.id()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "account.department.establishment")
                .detail(AuditDetail.of(established ? "DEPARTMENT_MARKED_ESTABLISHED" : "DEPARTMENT_MARKED_NOT_ESTABLISHED")
                        .with("department", department.code()).with("approver", approver).with("proposer", proposer)));
    }

    /** A scope's items for an audit detail, "—" for none (K7). */
    static String items(List<String> items) {
        return items.isEmpty() ? "—" : String.join(",", items);
    }

    static List<String> dataScope(List<String> items) {
        try {
            return ScopeItems.normalise(items);
        } catch (IllegalArgumentException notAnItem) {
            throw new AccountProblem("DEPARTMENT_SCOPE_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "数据范围须为目录事项代码（大写字母、数字、下划线），以逗号分隔");
        }
    }

    /**
     * A new user starts without roles: the security administrator grants them (三员分立). The first password is the
     * administrator's, so it is temporary: the user changes it at the first sign-in.
     */
    @Transactional
    public UUID createUser(String username, String displayName, UUID departmentId, String initialPassword) {
        return insertUser(username, displayName, departmentId, initialPassword, true);
    }

    /**
     * As {@link #createUser(String, String, UUID, String)}, registering its holder's identity number as well when one
     * is typed ({@link #registerIdentity}); a number that does not validate refuses the whole creation.
     */
    @Transactional
    public UUID createUser(String username, String displayName, UUID departmentId, String initialPassword,
                           String identityNumber) {
        IdentityDocument identity = identityNumber == null || identityNumber.isBlank() ? null
                : staffIdentity(identityNumber);
        UUID id = insertUser(username, displayName, departmentId, initialPassword, true);
        if (identity != null) {
            storeIdentity(id, username.trim().toLowerCase(java.util.Locale.ROOT), identity);
        }
        return id;
    }

    /**
     * Registers the identity number of the account's holder, so that they are refused every step of a case about
     * themselves ({@link CaseRecusal}, 回避): typed once by the system administrator, validated, and kept only as the
     * registry's blind index and masked (RULES.md §10: no number in clear). Replaces the one registered before.
     * Audited with the person as its subject, so they see that their number was registered to a staff account.
     */
    @Transactional
    public void registerIdentity(UUID userId, String identityNumber) {
        IdentityDocument identity = staffIdentity(identityNumber);
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        storeIdentity(userId, user.username(), identity);
    }

    /** A staff member is a Chinese citizen (《公务员法》第十三条): the number is a resident identity card's. */
    private IdentityDocument staffIdentity(String identityNumber) {
        return subjects.validate(DocumentType.RESIDENT_ID, identityNumber == null ? "" : identityNumber);
    }

    private void storeIdentity(UUID userId, String username, IdentityDocument identity) {
        String pseudonym = subjects.pseudonymOf(identity);
        accounts.setStaffIdentity(userId, pseudonym, identity.masked());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.identity").subject(pseudonym)
                .detail(AuditDetail.of("STAFF_IDENTITY_REGISTERED").with("user", username)));
    }

    /**
     * For demo data and tests only: a user whose password nobody handed over, so it is not temporary. An administrator
     * creating a user uses {@link #createUser}.
     */
    @Transactional
    public UUID createUserWithSettledPassword(String username, String displayName, UUID departmentId,
                                             String password) {
        return insertUser(username, displayName, departmentId, password, false);
    }

    private UUID insertUser(String username, String displayName, UUID departmentId, String initialPassword,
                            boolean temporary) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9._-]{1,31}") || displayName == null || displayName.isBlank()) {
            throw new AccountProblem("USER_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "用户名须以小写字母开头，2–32 位小写字母、数字、点、下划线或连字符；姓名不能为空");
        }
        Department department = accounts.department(departmentId).orElseThrow(() -> new AccountProblem(
                "DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "部门不存在"));
        if (!department.active()) {
            throw new AccountProblem("DEPARTMENT_NOT_ESTABLISHED", DomainProblem.Kind.CONFLICT,
                    "该部门在本市未设立，不能在其中新建用户");
        }
        requireStrong(initialPassword, name);
        UUID id = Ids.newId();
        if (!accounts.insertStaffUser(id, name, displayName.trim(), departmentId, passwords.encode(initialPassword),
                temporary, temporary ? actingStaffId().map(UUID::toString).orElse(null) : null)) {
            throw new AccountProblem("USER_EXISTS", DomainProblem.Kind.CONFLICT, "用户名已存在");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.create").detail(name));
        log.info("Staff user {} ({}) created", name, displayName.trim());
        return id;
    }

    @Transactional
    public void assignRoles(UUID userId, List<UUID> roleIds) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        Actor actor = AuditLog.currentActor();
        if (actor.actorKind() == Actor.ActorKind.STAFF && actor.actorId().equals(userId.toString())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.roles")
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("OWN_ROLES").with("user", user.username())));
            throw new AccountProblem("SELF_ASSIGNMENT", DomainProblem.Kind.FORBIDDEN, "不能为自己分配角色");
        }
        List<UUID> distinct = roleIds.stream().distinct().toList();
        List<AdminKind> kinds = accounts.adminKindsOf(distinct);
        try {
            AdminRoles.requireSeparated(kinds);
        } catch (RuntimeException violation) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.roles")
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("ADMIN_KINDS_SEPARATED")
                            .with("user", user.username()).with("kinds", kindCodes(kinds))));
            throw violation;
        }
        List<Role> granted = accounts.roles().stream().filter(r -> distinct.contains(r.id())).toList();
        if (AdminRoles.mixedWithBusiness(granted.stream().map(Role::adminKind).toList())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.roles")
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("ADMIN_WITH_BUSINESS_ROLE")
                            .with("user", user.username()).with("roles", String.join(",", roleCodes(distinct)))));
            throw new AccountProblem("ADMIN_WITH_BUSINESS_ROLE", DomainProblem.Kind.CONFLICT,
                    "管理员的账户不能同时持有业务角色：系统、安全、审计管理员只管理平台，不办理业务（三员分立、最小权限）");
        }
        Optional<Role> misplaced = accounts.roles().stream().filter(r -> distinct.contains(r.id()))
                .filter(r -> !r.grantableTo().contains(user.departmentKind())).findFirst();
        if (misplaced.isPresent()) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.roles")
                    .result(cn.chengxin.audit.AuditResult.DENIED)
                    .detail(AuditDetail.of("ROLE_NOT_FOR_DEPARTMENT_KIND").with("user", user.username())
                            .withLabel("kind", "console.departments.kind." + user.departmentKind())
                            .with("role", misplaced.get().code())));
            throw new AccountProblem("ROLE_NOT_FOR_DEPARTMENT_KIND", DomainProblem.Kind.FORBIDDEN,
                    "角色「" + misplaced.get().name() + "」含信用办的职责，只能授予信用办的用户；「" + user.departmentName()
                            + "」的用户不能持有（最小权限）");
        }
        accounts.replaceUserRoles(userId, distinct);
        endSessionsOf(List.of(user.username()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.roles")
                .detail(AuditDetail.of("ROLES_GRANTED").with("user", user.username())
                        .with("roles", items(roleCodes(distinct)))));
    }

    /**
     * 新建角色: a business role, e.g. a narrower set of permissions for a 区县信用办 clerk. It may hold business
     * permissions only ({@link BusinessRoles}, RULES.md §10: 三员分立 and least privilege); nobody holds it until the
     * security administrator grants it.
     */
    @Transactional
    public Role createRole(String code, String name, String englishName, Set<Permission> permissions) {
        String normalisedCode = BusinessRoles.normaliseCode(code);
        if (!BusinessRoles.valid(normalisedCode, name, englishName)) {
            throw new AccountProblem("ROLE_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "角色代码须以大写字母开头，2–32 位大写字母、数字或下划线；中文名称和英文名称不能为空，且不超过 50 个字符");
        }
        Optional<Permission> refused = BusinessRoles.firstNotAllowed(permissions);
        if (refused.isPresent()) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.create")
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("ROLE_PERMISSION_NOT_ALLOWED")
                            .with("role", normalisedCode).with("permission", refused.get().code())));
            throw new AccountProblem("PERMISSION_NOT_ALLOWED_FOR_ROLE", DomainProblem.Kind.INVALID_INPUT,
                    "权限「" + refused.get().label() + "」不能授予业务角色（三员分立）");
        }
        Role role = new Role(Ids.newId(), normalisedCode, name.trim(), englishName.trim(), null, permissions);
        if (!accounts.insertRole(role)) {
            throw new AccountProblem("ROLE_EXISTS", DomainProblem.Kind.CONFLICT, "角色代码已存在");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.create")
                .detail(AuditDetail.of("ROLE_CREATED").with("role", normalisedCode)
                        .with("permissions", String.join(",", permissions.stream().map(Permission::code).sorted()
                                .toList()))));
        return role;
    }

    /**
     * Changes a role's permissions for everyone who holds it. Taking permissions away applies at once; permissions
     * added become a proposal that another security administrator approves ({@link RoleProposals}; RULES.md §10,
     * gaps review xxxi M3), as one person adding, say, 政务查询 to 部门报送人员 would hand it to every submission
     * clerk at once. Both parts are checked now as they would be applied, so that the proposer hears of a mistake.
     *
     * @return whether the change took effect whole, or its additions wait for a second security administrator
     */
    @Transactional
    public RoleUpdate updateRolePermissions(UUID roleId, Set<Permission> permissions) {
        Role role = role(roleId);
        Set<Permission> wanted = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        requireMayHold(role, wanted);
        RoleChange change = RoleChange.between(role.permissions(), wanted);
        if (!change.widens()) {
            applyRolePermissions(role, change.narrowed(), null);
            return RoleUpdate.APPLIED;
        }
        Actor by = AuditLog.currentActor();
        if (!roleProposals.insert(Ids.newId(), roleId, change.added(), by.actorId(), by.actorName(), clock.instant())) {
            throw new AccountProblem("ROLE_PROPOSAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该角色已有待审核的增加权限提议，请等另一名安全管理员处理后再提");
        }
        if (change.narrows(role.permissions())) {
            applyRolePermissions(role, change.narrowed(), null);
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.permissions.propose")
                .detail(AuditDetail.of("ROLE_WIDENING_PROPOSED").with("role", role.code())
                        .with("added", codes(change.added()))));
        return RoleUpdate.PROPOSED;
    }

    /** What {@link #updateRolePermissions} did. */
    public enum RoleUpdate {
        /** The role holds the permissions asked for. */
        APPLIED,
        /** Any taken away are gone; those added wait for another security administrator ({@link RoleProposals}). */
        PROPOSED
    }

    /**
     * Adds an approved proposal's permissions ({@link RoleProposals}) to what the role holds now, checked again: a
     * department's user may have been granted the role meanwhile.
     */
    void widenRole(UUID roleId, java.util.Collection<Permission> added, String approval) {
        Role role = role(roleId);
        Set<Permission> widened = EnumSet.noneOf(Permission.class);
        widened.addAll(role.permissions());
        widened.addAll(added);
        requireMayHold(role, widened);
        applyRolePermissions(role, widened, approval);
    }

    private Role role(UUID roleId) {
        return accounts.roles().stream().filter(r -> r.id().equals(roleId)).findFirst().orElseThrow(() ->
                new AccountProblem("ROLE_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "角色不存在"));
    }

    /** Refuses permissions the role's kind may not hold (三员分立) and credit-office duties held outside it. */
    private void requireMayHold(Role role, Set<Permission> wanted) {
        for (Permission p : wanted) {
            boolean allowed = role.adminKind() != null ? AdminPermissions.allowedFor(role.adminKind()).contains(p)
                    : BusinessRoles.mayHold(p);
            if (!allowed) {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.permissions")
                        .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("ROLE_PERMISSION_NOT_ALLOWED")
                                .with("role", role.code()).with("permission", p.code())));
                throw new AccountProblem("PERMISSION_NOT_ALLOWED_FOR_ROLE", DomainProblem.Kind.INVALID_INPUT,
                        "权限「" + p.label() + "」不能授予角色「" + role.name() + "」（三员分立）");
            }
        }
        Optional<JdbcAccounts.Grant> outside = accounts.grants().stream().filter(g -> g.roleId().equals(role.id()))
                .filter(g -> !RoleReach.mayGrant(role.adminKind(), wanted, g.departmentKind())).findFirst();
        if (outside.isPresent()) {
            // The role would become the credit office's while a department's user holds it (RoleReach).
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.permissions")
                    .result(cn.chengxin.audit.AuditResult.DENIED)
                    .detail(AuditDetail.of("ROLE_HELD_OUTSIDE").with("role", role.code())
                            .with("user", outside.get().username())));
            throw new AccountProblem("ROLE_HELD_OUTSIDE_CREDIT_OFFICE", DomainProblem.Kind.CONFLICT,
                    "权限「" + RoleReach.firstCreditOfficeDuty(wanted).map(Permission::label).orElse("")
                            + "」属信用办的职责，而角色「" + role.name() + "」已授予「" + outside.get().departmentName()
                            + "」的用户：请先取消其授权，或另建角色");
        }
    }

    /** Stores the role's permissions; its holders sign in again, as their sessions hold the permissions they had. */
    private void applyRolePermissions(Role role, Set<Permission> permissions, String approvedBy) {
        accounts.replaceRolePermissions(role.id(), permissions);
        endSessionsOf(accounts.usernamesHolding(role.id()));
        AuditDetail detail = AuditDetail.of(approvedBy == null ? "ROLE_PERMISSIONS" : "ROLE_PERMISSIONS_APPROVED")
                .with("role", role.code()).with("permissions", codes(permissions));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.permissions")
                .detail(approvedBy == null ? detail : detail.with("approvedBy", approvedBy)));
    }

    private static String codes(java.util.Collection<Permission> permissions) {
        return String.join(",", permissions.stream().sorted().map(Permission::code).toList());
    }

    /**
     * The grants that break a rule checked when roles are granted, made before it was: a credit-office role held by a
     * user of another kind of department ({@link RoleReach}), and a business role held beside an administrator's
     * ({@link AdminRoles#mixedWithBusiness}, V307). They are listed for the security administrator, who revokes them
     * (or moves the user); nothing is revoked silently, as each grant was someone's decision.
     */
    public List<MisplacedGrant> misplacedGrants() {
        java.util.Map<UUID, Role> roles = new java.util.HashMap<>();
        accounts.roles().forEach(r -> roles.put(r.id(), r));
        List<JdbcAccounts.Grant> grants = accounts.grants().stream().filter(g -> roles.containsKey(g.roleId()))
                .toList();
        Set<UUID> administrators = new java.util.HashSet<>();
        grants.stream().filter(g -> roles.get(g.roleId()).adminKind() != null).forEach(g -> administrators.add(g.userId()));
        List<MisplacedGrant> misplaced = new ArrayList<>();
        for (JdbcAccounts.Grant g : grants) {
            Role role = roles.get(g.roleId());
            if (!role.grantableTo().contains(g.departmentKind())) {
                misplaced.add(MisplacedGrant.of(g, role, MisplacedGrant.Why.DEPARTMENT_KIND));
            } else if (role.adminKind() == null && administrators.contains(g.userId())) {
                misplaced.add(MisplacedGrant.of(g, role, MisplacedGrant.Why.BESIDE_ADMINISTRATOR));
            }
        }
        return misplaced;
    }

    /** A role held against a rule of granting ({@link #misplacedGrants}), and which rule. */
    public record MisplacedGrant(UUID userId, String username, String displayName, String departmentName,
                                 Department.Kind departmentKind, Role role, Why why) {

        static MisplacedGrant of(JdbcAccounts.Grant g, Role role, Why why) {
            return new MisplacedGrant(g.userId(), g.username(), g.displayName(), g.departmentName(),
                    g.departmentKind(), role, why);
        }

        public enum Why {
            /** A credit-office role held by a user of another kind of department. */
            DEPARTMENT_KIND,
            /** A business role held by an administrator. */
            BESIDE_ADMINISTRATOR
        }
    }

    @Transactional
    public void setEnabled(UUID userId, boolean enabled) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        if (!enabled) {
            requireMayDisable(user);
        }
        accounts.setStaffEnabled(userId, enabled);
        endSessionsOf(List.of(user.username()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, enabled ? "account.user.enable" : "account.user.disable")
                .detail(user.username()));
    }

    /** After a lost phone: the user enrols a new authenticator at the next login. */
    @Transactional
    public void resetSecondFactor(UUID userId) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        requireMayReset(user, "account.user.reset-second-factor");
        String admin = actingStaffId().map(UUID::toString).orElse(null);
        if (admin != null && user.passwordTemporary() && admin.equals(user.passwordSetBy())) {
            refuseBothFactors(user, "account.user.reset-second-factor");
        }
        accounts.resetSecondFactor(userId, admin);
        endSessionsOf(List.of(user.username()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.reset-second-factor")
                .detail(user.username()));
    }

    /**
     * The users whose password or authenticator the signed-in administrator may reset ({@link #requireMayReset}: not
     * their own, and an administrator only by one of the same kind), so that the users page offers the reset only
     * where it would be accepted.
     */
    public Set<UUID> resettableByCurrentAdmin() {
        Optional<UUID> actorId = actingStaffId();
        List<AdminKind> actorKinds = actorId.map(id -> accounts.adminKindsOf(accounts.roleIdsOf(id))).orElse(List.of());
        Set<UUID> resettable = new java.util.HashSet<>();
        for (StaffUser user : accounts.staffUsers()) {
            if (actorId.filter(user.id()::equals).isEmpty() && AdminRoles.mayResetCredentials(actorKinds,
                    accounts.adminKindsOf(accounts.roleIdsOf(user.id())))) {
                resettable.add(user.id());
            }
        }
        return resettable;
    }

    /**
     * Resets the password to a temporary one the platform makes up, and returns it: the administrator reads it once, on
     * the page that answers the reset, and hands it over.
     */
    @Transactional
    public String resetPasswordToGenerated(UUID userId) {
        String username = accounts.staffCredentials(userId).map(JdbcAccounts.StaffCredentials::username).orElse("");
        String generated = TemporaryPassword.generate(random, username);
        resetPassword(userId, generated);
        return generated;
    }

    @Transactional
    public void resetPassword(UUID userId, String newPassword) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        requireMayReset(user, "account.user.reset-password");
        String admin = actingStaffId().map(UUID::toString).orElse(null);
        if (admin != null && user.totpCipher() == null && admin.equals(user.secondFactorResetBy())) {
            refuseBothFactors(user, "account.user.reset-password");
        }
        requireStrong(newPassword, user.username());
        // Temporary: the administrator knows it, so its holder must replace it at the next sign-in.
        accounts.setStaffPassword(userId, passwords.encode(newPassword), true, admin);
        endSessionsOf(List.of(user.username()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.reset-password").detail(user.username()));
    }

    /**
     * Ends the users' sessions in this transaction. The request's own session, when its user is among them, is
     * ended after the commit instead ({@link CurrentSession}).
     */
    private void endSessionsOf(List<String> usernames) {
        accounts.endSessionsOf(usernames, CurrentSession.id());
        if (CurrentSession.signedInAsOneOf(usernames)) {
            CurrentSession.endAfterCommit();
        }
    }

    /**
     * 运维重置 (break-glass): resets a staff member's authenticator, and their password when one is given, from the
     * server's command line ({@code reset-staff-login}). With 三员分立 no administrator may reset another kind's
     * credentials in the console ({@link #requireMayReset}), so the only security or audit administrator who loses a
     * phone would otherwise be locked out for good. Whoever runs commands on the server already holds its database
     * and keys, so this hands them nothing new; it is audited as the system, naming the command, and ends the
     * account's sessions. Never reachable from the web: only the command calls it.
     *
     * @param newPassword the new password, or {@code null} to keep the current one
     */
    @Transactional
    public void resetAtServer(String username, String newPassword) {
        UUID id = accounts.staffCredentials(username).map(JdbcAccounts.StaffCredentials::id).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(id).orElseThrow();
        accounts.resetSecondFactor(id, null);
        if (newPassword != null) {
            requireStrong(newPassword, user.username());
            accounts.setStaffPassword(id, passwords.encode(newPassword), true, null);
        }
        endSessionsOf(List.of(user.username()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.reset-at-server")
                .detail(AuditDetail.of(newPassword != null ? "RESET_AT_SERVER_WITH_PASSWORD" : "RESET_AT_SERVER")
                        .with("user", user.username())));
    }

    /**
     * 首任管理员: creates an administrator of {@code kind} from the server's command line ({@code create-administrator}),
     * the only way a production start, which has no demo accounts, gets its first 系统管理员 and 安全管理员 (gaps review
     * xliii X1; RULES.md §10: 三员分立, GB/T 22239-2019 §8.1.4.2: no default account). The account is in the credit
     * office, holds only its kind's role, and its password is temporary: its holder changes it and enrols the
     * authenticator at the first sign-in, as every staff member does. Refused while an enabled administrator of that
     * kind exists ({@code ADMINISTRATOR_EXISTS}), when the console is the way (the system administrator creates, the
     * security administrator grants), unless {@code evenIfOneExists}, which the audit event names. Audited as the
     * system, naming the command. Never reachable from the web: only the command calls it.
     *
     * @param password the first password, or {@code null} to have one generated
     * @return the account and its first password (shown once by the command)
     */
    @Transactional
    public CreatedAtServer createAdministratorAtServer(String username, String displayName, AdminKind kind,
                                                      String password, boolean evenIfOneExists) {
        int enabled = accounts.enabledHoldersOf(kind);
        if (enabled > 0 && !evenIfOneExists) {
            throw new AccountProblem("ADMINISTRATOR_EXISTS", DomainProblem.Kind.CONFLICT, "已有 " + enabled
                    + " 名启用的" + kind.label() + "：其他账号由系统管理员在控制台创建、安全管理员授予角色（三员分立）");
        }
        Role role = accounts.roles().stream().filter(r -> r.adminKind() == kind).findFirst().orElseThrow(() ->
                new AccountProblem("ROLE_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, kind.label() + "的角色不存在"));
        UUID department = accounts.departmentByCode(CREDIT_OFFICE).map(Department::id).orElseThrow(() ->
                new AccountProblem("DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "信用办（CREDIT_OFFICE）不存在"));
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        String first = password != null ? password : TemporaryPassword.generate(random, name);
        UUID id = insertUser(name, displayName == null || displayName.isBlank() ? kind.label() : displayName,
                department, first, true);
        assignRoles(id, List.of(role.id()));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.created-at-server")
                .detail(AuditDetail.of(evenIfOneExists && enabled > 0 ? "ADMINISTRATOR_ADDED_AT_SERVER"
                        : "ADMINISTRATOR_CREATED_AT_SERVER").with("user", name).with("kind", kind.name())));
        return new CreatedAtServer(id, first);
    }

    /** The department whose users hold the administrators' roles ({@code RoleReach}), seeded by V6 in every profile. */
    private static final String CREDIT_OFFICE = "CREDIT_OFFICE";

    /** An account created on the server, with its temporary first password. */
    public record CreatedAtServer(UUID id, String password) {
    }

    /**
     * A reset hands the account to whoever sets the new password or enrols the new authenticator (RULES.md §10). So it is
     * refused for one's own account, where it would stand in for the old password and the second factor, and for an
     * administrator of another kind, whose account would then be the resetter's (三员分立,
     * {@link AdminRoles#mayResetCredentials}).
     */
    private void requireMayReset(JdbcAccounts.StaffCredentials user, String action) {
        requireMay(user, action, "SELF_RESET", "不能重置自己的密码或身份验证器：须由另一名管理员办理",
                "ADMIN_RESET_SEPARATED", "三员分立：管理员的密码或身份验证器只能由同类管理员重置");
    }

    /**
     * One administrator who reset both the password and the authenticator of an account would hold all it takes to sign
     * in as its holder: the temporary password they chose and a fresh enrolment (RULES.md §10: separation of duties).
     * So while the password one of them set is still temporary, or the authenticator one of them reset is not enrolled
     * again, the other factor is left to a different administrator.
     */
    private void refuseBothFactors(JdbcAccounts.StaffCredentials user, String action) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("BOTH_FACTORS_ONE_ADMIN").with("user", user.username())));
        throw new AccountProblem("BOTH_FACTORS_ONE_ADMIN", DomainProblem.Kind.FORBIDDEN,
                "同一名管理员不能同时重置该用户的密码和身份验证器：须由另一名管理员办理");
    }

    private static Optional<UUID> actingStaffId() {
        Actor actor = AuditLog.currentActor();
        return actor.actorKind() == Actor.ActorKind.STAFF ? staffId(actor.actorId()) : Optional.empty();
    }

    /**
     * Disabling takes an administrator out of the way: the system administrator who could disable the security or
     * audit administrator could act unwatched (三员分立), and one who disables oneself locks the account out with nobody
     * to notice. Refused as a reset is; enabling stays open (it hands no one an account).
     */
    private void requireMayDisable(JdbcAccounts.StaffCredentials user) {
        requireMay(user, "account.user.disable", "SELF_DISABLE", "不能停用自己的账号：须由另一名管理员办理",
                "ADMIN_DISABLE_SEPARATED", "三员分立：管理员只能由同类管理员停用");
    }

    private void requireMay(JdbcAccounts.StaffCredentials user, String action, String selfCode, String selfMessage,
                            String kindCode, String kindMessage) {
        Actor actor = AuditLog.currentActor();
        Optional<UUID> actorId = actor.actorKind() == Actor.ActorKind.STAFF ? staffId(actor.actorId()) : Optional.empty();
        if (actorId.filter(user.id()::equals).isPresent()) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("OWN_ACCOUNT").with("user", user.username())));
            throw new AccountProblem(selfCode, DomainProblem.Kind.FORBIDDEN, selfMessage);
        }
        List<AdminKind> actorKinds = actorId.map(id -> accounts.adminKindsOf(accounts.roleIdsOf(id))).orElse(List.of());
        List<AdminKind> targetKinds = accounts.adminKindsOf(accounts.roleIdsOf(user.id()));
        if (!AdminRoles.mayResetCredentials(actorKinds, targetKinds)) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                    .result(cn.chengxin.audit.AuditResult.DENIED).detail(AuditDetail.of("ADMIN_OF_OTHER_KIND")
                            .with("user", user.username()).with("kinds", kindCodes(targetKinds))));
            throw new AccountProblem(kindCode, DomainProblem.Kind.FORBIDDEN, kindMessage);
        }
    }

    private static Optional<UUID> staffId(String actorId) {
        try {
            return Optional.of(UUID.fromString(actorId));
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }

    private void requireStrong(String password, String username) {
        List<PasswordRule> broken = PasswordPolicy.violations(password == null ? "" : password, username, null);
        if (!broken.isEmpty()) {
            throw new AccountProblem(broken.get(0).code(), DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", broken.stream().map(PasswordRule::message).toList()));
        }
    }

    /** The kinds of administrator, each once, as codes (the roles' {@code admin_kind}). */
    private static String kindCodes(List<AdminKind> kinds) {
        return items(kinds.stream().filter(java.util.Objects::nonNull).map(Enum::name).distinct().sorted().toList());
    }

    private List<String> roleCodes(List<UUID> roleIds) {
        List<String> codes = new ArrayList<>();
        accounts.roles().stream().filter(r -> roleIds.contains(r.id())).forEach(r -> codes.add(r.code()));
        return codes;
    }
}
