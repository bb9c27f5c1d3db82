package cn.chengxin.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.KeyProposalReview;
import cn.chengxin.account.persistence.JdbcRoleProposals;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A role widened reaches everyone who holds it at once (RULES.md §10: least privilege, separation of duties; gaps
 * review xxxi M3). One security administrator proposes the permissions a role gains ({@link
 * StaffDirectory#updateRolePermissions}); they are added only when another security administrator approves, never the
 * proposer. Every step is audited.
 */
@Service
public class RoleProposals {

    private final JdbcRoleProposals proposals;
    private final StaffDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    RoleProposals(JdbcRoleProposals proposals, StaffDirectory directory, AuditLog audit, Clock clock) {
        this.proposals = proposals;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The widenings waiting for a second security administrator, oldest first. */
    public List<RoleProposal> pending() {
        return proposals.pending();
    }

    /** How many widenings another administrator made wait for {@code reviewerId}'s decision (工作台, finding K6). */
    public long awaiting(String reviewerId) {
        return pending().stream().filter(p -> KeyProposalReview.mayDecide(p.proposedBy(), reviewerId)).count();
    }

    /** A security administrator other than the proposer approves: only now does the role gain the permissions. */
    @Transactional
    public void approve(UUID proposalId) {
        Actor by = AuditLog.currentActor();
        RoleProposal proposal = decidable(proposalId, by, "account.role.proposal.approve");
        directory.widenRole(proposal.roleId(), proposal.added(), by.actorName());
        decide(proposal, RoleProposal.Status.APPROVED, by, null);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.proposal.approve")
                .detail(AuditDetail.of("ROLE_WIDENING_APPROVED").with("role", proposal.roleCode())
                        .with("added", codes(proposal)).with("proposer", proposal.proposerName())));
    }

    /** A security administrator other than the proposer refuses: nothing is added, and it cannot be approved later. */
    @Transactional
    public void reject(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "不同意理由", note);
        Actor by = AuditLog.currentActor();
        RoleProposal proposal = decidable(proposalId, by, "account.role.proposal.reject");
        decide(proposal, RoleProposal.Status.REJECTED, by, note == null || note.isBlank() ? null : note.trim());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.proposal.reject")
                .detail(AuditDetail.of("ROLE_WIDENING_REJECTED").with("role", proposal.roleCode())
                        .with("added", codes(proposal)).with("proposer", proposal.proposerName())));
    }

    private void decide(RoleProposal proposal, RoleProposal.Status status, Actor by, String note) {
        if (!proposals.decide(proposal.id(), status, by.actorId(), by.actorName(), clock.instant(), note)) {
            throw decided();
        }
    }

    /** A pending proposal that {@code by} may decide: never their own (two persons, RULES.md §10). */
    private RoleProposal decidable(UUID proposalId, Actor by, String action) {
        RoleProposal proposal = proposals.lock(proposalId).orElseThrow(() -> new AccountProblem(
                "ROLE_PROPOSAL_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "该角色提议不存在"));
        if (proposal.status() != RoleProposal.Status.PENDING) {
            throw decided();
        }
        if (!KeyProposalReview.mayDecide(proposal.proposedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("OWN_ROLE_PROPOSAL").with("role", proposal.roleCode())));
            throw new AccountProblem("ROLE_PROPOSAL_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提出的增加角色权限提议：须由另一名安全管理员同意或不同意");
        }
        return proposal;
    }

    private static AccountProblem decided() {
        return new AccountProblem("ROLE_PROPOSAL_DECIDED", DomainProblem.Kind.CONFLICT, "该角色提议已由他人处理");
    }

    private static String codes(RoleProposal proposal) {
        return String.join(",", proposal.added().stream().map(Permission::code).toList());
    }
}
