package cn.chengxin.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.chengxin.account.domain.KeyProposalReview;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a department sees is an authorisation (RULES.md §10: 三员分立, least privilege; F10). The system administrator
 * proposes a department's scopes — the items whose own records it sees and those whose records other departments
 * delivered it reads, with the duty they serve — or a department of the credit office's kind, which sees every
 * record; nothing changes until a security administrator, another person, approves. Only catalogue items may be
 * named, and there is only one credit office. Every step is audited.
 */
@Service
public class DepartmentProposals {

    private final JdbcAccounts accounts;
    private final StaffDirectory directory;
    private final ScopeItemCatalogue catalogue;
    private final DepartmentDeliveries deliveries;
    private final AuditLog audit;
    private final Clock clock;

    DepartmentProposals(JdbcAccounts accounts, StaffDirectory directory, ScopeItemCatalogue catalogue,
                        DepartmentDeliveries deliveries, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.catalogue = catalogue;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The proposals waiting for a security administrator's decision, oldest first. */
    public List<DepartmentProposal> pending() {
        return accounts.pendingDepartmentProposals();
    }

    /** How many proposals another administrator made wait for {@code reviewerId}'s decision (工作台, finding K6). */
    public long awaiting(String reviewerId) {
        return pending().stream().filter(p -> KeyProposalReview.mayDecide(p.proposedBy(), reviewerId)).count();
    }

    /**
     * Proposes a department's two scopes, each replaced as a whole, for the duty {@code reason} states: checked now
     * as it would be applied, so that the proposer hears of a mistake at once.
     */
    @Transactional
    public UUID proposeScopes(UUID departmentId, List<String> own, List<String> sharedRead, String reason) {
        Department department = accounts.department(departmentId).orElseThrow(() -> new AccountProblem(
                "DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "所选部门不存在"));
        if (department.kind() == Department.Kind.CREDIT_OFFICE) {
            throw new AccountProblem("DEPARTMENT_SCOPE_OF_CREDIT_OFFICE", DomainProblem.Kind.INVALID_INPUT,
                    "信用办按其类型查看全部记录，无需数据范围");
        }
        List<String> ownItems = catalogueItems(own);
        List<String> sharedItems = catalogueItems(sharedRead);
        String duty = duty(reason);
        if (accounts.pendingDepartmentProposalFor(departmentId)) {
            throw new AccountProblem("DEPARTMENT_PROPOSAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该部门已有待审核的数据范围提议，请等安全管理员处理后再提");
        }
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        accounts.insertDepartmentProposal(new DepartmentProposal(id, DepartmentProposal.Kind.SCOPE, departmentId,
                department.code(), department.name(), ownItems, sharedItems, duty, by.actorId(), by.actorName(),
                clock.instant(), DepartmentProposal.Status.PENDING));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.department.scope.propose")
                .detail(AuditDetail.of("DEPARTMENT_SCOPES_PROPOSED").with("department", department.code())
                        .with("own", StaffDirectory.items(ownItems)).with("shared", StaffDirectory.items(sharedItems))));
        return id;
    }

    /**
     * Creates a department of a kind other than the credit office's with no scope, and proposes {@code own} for it:
     * all or nothing, so that a refused scope leaves no department behind.
     */
    @Transactional
    public UUID createProposingScope(String code, String name, Department.Kind kind, List<String> own, String reason) {
        if (kind == Department.Kind.CREDIT_OFFICE) {
            return proposeCreditOffice(code, name, reason);
        }
        catalogueItems(own);
        duty(reason);
        Department created = directory.createDepartment(code, name, kind, List.of());
        return proposeScopes(created.id(), own, List.of(), reason);
    }

    /**
     * Proposes to mark a department of the seeded list 未设立 — the city has no such department — or, {@code
     * established}, to undo the mark (gaps review xliii X11), for the reason given. Only a department without users and
     * without a live API key is marked: whoever works for it is moved or disabled first; and never one that delivered
     * records, which name it as their provider. Never the credit office.
     */
    @Transactional
    public UUID proposeEstablishment(UUID departmentId, boolean established, String reason) {
        Department department = accounts.department(departmentId).orElseThrow(() -> new AccountProblem(
                "DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "所选部门不存在"));
        if (department.kind() == Department.Kind.CREDIT_OFFICE || department.active() == established) {
            throw new AccountProblem("DEPARTMENT_ESTABLISHMENT_UNCHANGED", DomainProblem.Kind.CONFLICT,
                    department.kind() == Department.Kind.CREDIT_OFFICE ? "信用办不能标记为未设立"
                            : established ? "该部门已是设立状态" : "该部门已标记为未设立");
        }
        TypedText.requireNoIdentityNumber("reason", "理由", reason);
        if (reason == null || reason.isBlank()) {
            throw new AccountProblem("DEPARTMENT_PROPOSAL_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    established ? "须写明设立该部门的依据" : "须写明本市未设立该部门的依据");
        }
        if (!established) {
            requireUnused(department);
        }
        if (accounts.pendingDepartmentProposalFor(departmentId)) {
            throw new AccountProblem("DEPARTMENT_PROPOSAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该部门已有待审核的提议，请等安全管理员处理后再提");
        }
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        accounts.insertDepartmentProposal(new DepartmentProposal(id, established ? DepartmentProposal.Kind.ESTABLISHED
                : DepartmentProposal.Kind.NOT_ESTABLISHED, departmentId, department.code(), department.name(),
                department.dataScope(), department.sharedReadScope(), reason.trim(), by.actorId(), by.actorName(),
                clock.instant(), DepartmentProposal.Status.PENDING));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.department.establishment.propose")
                .detail(AuditDetail.of(established ? "DEPARTMENT_ESTABLISHED_PROPOSED"
                        : "DEPARTMENT_NOT_ESTABLISHED_PROPOSED").with("department", department.code())));
        return id;
    }

    /**
     * A department with staff, a live key or delivered records is in use: it exists in the city, whatever the seeded
     * list says.
     */
    private void requireUnused(Department department) {
        int users = accounts.usernamesIn(department.id()).size();
        long keys = accounts.liveApiClientsOf(department.id());
        if (users > 0 || keys > 0) {
            throw new AccountProblem("DEPARTMENT_IN_USE", DomainProblem.Kind.CONFLICT,
                    "该部门有 " + users + " 个用户、" + keys + " 个未吊销的接口密钥，不能标记为未设立：请先调整其用户并吊销密钥");
        }        // Its records name it as their provider: marked 未设立, their data would have none (gaps review xliii X11).
        int items = deliveries.itemsDeliveredBy(department.code());
        if (items > 0) {
            throw new AccountProblem("DEPARTMENT_HAS_DELIVERED", DomainProblem.Kind.CONFLICT,
                    "该部门已报送 " + items + " 个目录事项的信用记录，这些记录以其为提供单位，不能标记为未设立");
        }
    }

    /** Proposes the credit office: a department that sees every record, of which there is only one. */
    @Transactional
    public UUID proposeCreditOffice(String code, String name, String reason) {
        String normalisedCode = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!normalisedCode.matches("[A-Z0-9_-]{2,32}") || name == null || name.isBlank()) {
            throw new AccountProblem("DEPARTMENT_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "部门代码须为 2–32 位大写字母、数字、下划线或连字符，名称不能为空");
        }
        String duty = duty(reason);
        requireNoCreditOffice();
        if (accounts.departmentByCode(normalisedCode).isPresent()) {
            throw new AccountProblem("DEPARTMENT_EXISTS", DomainProblem.Kind.CONFLICT, "部门代码已存在");
        }
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        accounts.insertDepartmentProposal(new DepartmentProposal(id, DepartmentProposal.Kind.CREDIT_OFFICE, null,
                normalisedCode, name.trim(), List.of(), List.of(), duty, by.actorId(), by.actorName(),
                clock.instant(), DepartmentProposal.Status.PENDING));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.department.creditoffice.propose")
                .detail(AuditDetail.of("CREDIT_OFFICE_PROPOSED").with("department", normalisedCode)));
        return id;
    }

    /** A security administrator other than the proposer approves: only now does anything change. */
    @Transactional
    public void approve(UUID proposalId) {
        Actor by = AuditLog.currentActor();
        DepartmentProposal proposal = decidable(proposalId, by, "account.department.proposal.approve");
        if (proposal.kind() == DepartmentProposal.Kind.CREDIT_OFFICE) {
            requireNoCreditOffice();
            directory.createDepartment(proposal.code(), proposal.name(), Department.Kind.CREDIT_OFFICE, List.of());
        } else if (proposal.kind() == DepartmentProposal.Kind.NOT_ESTABLISHED
                || proposal.kind() == DepartmentProposal.Kind.ESTABLISHED) {
            boolean established = proposal.kind() == DepartmentProposal.Kind.ESTABLISHED;
            Department department = accounts.department(proposal.departmentId()).orElseThrow(() ->
                    new AccountProblem("DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "所选部门不存在"));
            if (!established) {
                // Checked again: a user or a key may have been added meanwhile.
                requireUnused(department);
            }
            directory.applyEstablished(department, established, by.actorName(), proposal.proposerName());
        } else {
            // Checked again: an item may have left the catalogue, or the department closed, meanwhile.
            Department department = accounts.department(proposal.departmentId()).orElseThrow(() ->
                    new AccountProblem("DEPARTMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "所选部门不存在"));
            directory.applyScopes(department, catalogueItems(proposal.dataScope()),
                    catalogueItems(proposal.sharedReadScope()), by.actorName(), proposal.proposerName());
        }
        decide(proposal, DepartmentProposal.Status.APPROVED, by, null);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.department.proposal.approve")
                .detail(AuditDetail.of("DEPARTMENT_PROPOSAL_APPROVED").with("department", proposal.code())
                        .with("approver", by.actorName()).with("proposer", proposal.proposerName())
                        .with("duty", proposal.reason())));
    }

    /** A security administrator other than the proposer refuses: nothing changes, and it cannot be approved later. */
    @Transactional
    public void reject(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "不同意理由", note);
        Actor by = AuditLog.currentActor();
        DepartmentProposal proposal = decidable(proposalId, by, "account.department.proposal.reject");
        decide(proposal, DepartmentProposal.Status.REJECTED, by, note == null || note.isBlank() ? null : note.trim());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.department.proposal.reject")
                .detail(AuditDetail.of("DEPARTMENT_PROPOSAL_REJECTED").with("department", proposal.code())
                        .with("proposer", proposal.proposerName())));
    }

    private void decide(DepartmentProposal proposal, DepartmentProposal.Status status, Actor by, String note) {
        if (!accounts.decideDepartmentProposal(proposal.id(), status, by.actorId(), by.actorName(), clock.instant(),
                note)) {
            throw decided();
        }
    }

    /** A pending proposal that {@code by} may decide: never their own (two persons, RULES.md §10). */
    private DepartmentProposal decidable(UUID proposalId, Actor by, String action) {
        DepartmentProposal proposal = accounts.lockDepartmentProposal(proposalId).orElseThrow(() ->
                new AccountProblem("DEPARTMENT_PROPOSAL_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "该部门提议不存在"));
        if (proposal.status() != DepartmentProposal.Status.PENDING) {
            throw decided();
        }
        if (!KeyProposalReview.mayDecide(proposal.proposedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("DEPARTMENT_OWN_PROPOSAL").with("department", proposal.code())));
            throw new AccountProblem("DEPARTMENT_PROPOSAL_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提出的部门数据范围或信用办提议：须由另一名安全管理员同意或不同意");
        }
        return proposal;
    }

    private static AccountProblem decided() {
        return new AccountProblem("DEPARTMENT_PROPOSAL_DECIDED", DomainProblem.Kind.CONFLICT, "该部门提议已由他人处理");
    }

    private void requireNoCreditOffice() {
        if (accounts.departments().stream().anyMatch(d -> d.kind() == Department.Kind.CREDIT_OFFICE)) {
            throw new AccountProblem("CREDIT_OFFICE_EXISTS", DomainProblem.Kind.CONFLICT,
                    "平台只有一个信用办：已有信用办类部门，不能再建");
        }
    }

    private List<String> catalogueItems(List<String> items) {
        List<String> scope = StaffDirectory.dataScope(items == null ? List.of() : items);
        List<String> unknown = scope.stream().filter(code -> !catalogue.isCatalogueItem(code)).toList();
        if (!unknown.isEmpty()) {
            throw new AccountProblem("DEPARTMENT_SCOPE_UNKNOWN_ITEM", DomainProblem.Kind.INVALID_INPUT,
                    "数据范围只能列目录中的事项：" + String.join("、", unknown) + " 不在信用信息目录中");
        }
        return scope;
    }

    private static String duty(String reason) {
        TypedText.requireNoIdentityNumber("reason", "职责依据", reason);
        if (reason == null || reason.isBlank()) {
            throw new AccountProblem("DEPARTMENT_PROPOSAL_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须写明该部门查看这些记录所依据的职责");
        }
        return reason.trim();
    }
}
