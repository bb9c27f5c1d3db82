package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.InstitutionBan;
import cn.chengxin.account.domain.InstitutionCode;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违规机构名单, the violation register of the institutions that query people's reports (征信机构及相关人员违规经营"黑名单",
 * 国办发〔2016〕98号 四(一), 镇江 四(一), 驻马店 四(一); RULES.md §7, last line; gaps review xxx L4). A system administrator,
 * who runs the keys, proposes an entry — the institution, a ground from a closed list, the reference of the decision,
 * the first and last day of the ban — and a security administrator, another person, confirms or rejects it (双人复核,
 * RULES.md §10, as department scopes are). A confirmed entry refuses new keys and renewals for the institution within
 * its days ({@link ApiClients}, API_CLIENT_INSTITUTION_BANNED) and revokes its live keys ({@link BannedInstitutionKeys}). Every step is audited; the auditor reads the register.
 */
@Service
public class InstitutionViolations {

    private final JdbcAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InstitutionViolations(JdbcAccounts accounts, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every entry, pending first, then newest first. */
    public List<InstitutionViolation> register() {
        return accounts.institutionViolations();
    }

    /**
     * Proposes an entry for an institution keys were issued to, checked now as it would be confirmed.
     *
     * @return the entry's id
     */
    @Transactional
    public UUID propose(UUID institutionId, ViolationGround ground, String reference, LocalDate from,
                        LocalDate until) {
        return propose(institutionId, ground, reference, from, until, null);
    }

    /**
     * As {@link #propose(UUID, ViolationGround, String, LocalDate, LocalDate)}, naming the institution's unified social
     * credit code (统一社会信用代码, GB 32100-2015; refused API_CLIENT_CREDIT_CODE when not valid); blank: the code its
     * newest key carries, if any. The confirmed entry then holds every institution of that code, however its name is
     * written (gaps review xxx L4).
     */
    @Transactional
    public UUID propose(UUID institutionId, ViolationGround ground, String reference, LocalDate from,
                        LocalDate until, String creditCode) {
        ApiInstitution institution = institution(institutionId);
        String typedCode = ApiClients.creditCode(creditCode);
        String code = typedCode != null ? typedCode : institution.creditCode();
        if (ground == null) {
            throw new AccountProblem("INSTITUTION_VIOLATION_GROUND", DomainProblem.Kind.INVALID_INPUT,
                    "请选择违规事由：违规查询、超范围使用、泄露或其他");
        }
        String ref = ApiClients.reference(reference);
        if (!InstitutionBan.validPeriod(from, until)) {
            throw new AccountProblem("INSTITUTION_VIOLATION_PERIOD", DomainProblem.Kind.INVALID_INPUT,
                    "禁入期限须有起止日期，截止日期不早于起始日期，且不超过 " + InstitutionBan.MAX_YEARS + " 年");
        }
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        accounts.insertInstitutionViolation(new InstitutionViolation(id, institution.id(), institution.organisation(),
                ground, ref, from, until, by.actorId(), by.actorName(), clock.instant(),
                InstitutionViolation.Status.PENDING, null, null, null, code));
        AuditDetail detail = described(AuditDetail.of("VIOLATION_PROPOSED"), institution.organisation(), ground, ref,
                from, until);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.institution.violation.propose")
                .detail(code == null ? detail : detail.with("creditCode", code)));
        return id;
    }

    /** A security administrator other than the proposer confirms: from now the institution's ban holds. */
    @Transactional
    public void confirm(UUID id) {
        Actor by = AuditLog.currentActor();
        InstitutionViolation entry = decidable(id, by, "account.institution.violation.confirm");
        decide(entry, InstitutionViolation.Status.CONFIRMED, by, null);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.institution.violation.confirm")
                .detail(described(AuditDetail.of("VIOLATION_CONFIRMED"), entry.organisation(), entry.ground(),
                        entry.reference(), entry.bannedFrom(), entry.bannedUntil())
                        .with("proposer", entry.proposerName())));
        events.publishEvent(new InstitutionBanConfirmed(entry));
    }

    /** A security administrator other than the proposer rejects: nothing is banned, and it cannot be confirmed later. */
    @Transactional
    public void reject(UUID id, String note) {
        TypedText.requireNoIdentityNumber("note", "不同意理由", note);
        Actor by = AuditLog.currentActor();
        InstitutionViolation entry = decidable(id, by, "account.institution.violation.reject");
        decide(entry, InstitutionViolation.Status.REJECTED, by, note == null || note.isBlank() ? null : note.trim());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.institution.violation.reject")
                .detail(AuditDetail.of("VIOLATION_REJECTED").with("organisation", entry.organisation())
                        .with("reference", entry.reference()).with("proposer", entry.proposerName())));
    }

    /**
     * Whether a confirmed ban in force today holds the institution, by its id, its unified social credit code or its
     * organisation's name (as for its keys): a citizen is not offered it, and cannot authorise it, for its reports
     * (gaps review xxx L4).
     */
    public boolean bans(ApiInstitution institution) {
        return banOf(institution.id(), institution.organisation(), institution.creditCode()).isPresent();
    }

    /**
     * The institutions keys were issued to that the entry holds ({@link #holds}): those whose consents are withdrawn
     * when it takes effect (gaps review xxx L4).
     */
    public List<UUID> institutionsHeld(InstitutionViolation entry) {
        return institutionsHeld(entry, accounts.apiClients());
    }

    private static List<UUID> institutionsHeld(InstitutionViolation entry, List<ApiClient> keys) {
        return keys.stream().filter(k -> holds(entry, k.institutionId(), k.organisation(), k.creditCode(), keys))
                .map(ApiClient::institutionId).distinct().toList();
    }

    /**
     * The confirmed entries not over on {@code day} (in force, or confirmed ahead of their first day), by each
     * institution keys were issued to that they hold ({@link #institutionsHeld}): one read of the register, and of the
     * keys only when such an entry exists ({@link BannedInstitutions}; gaps review xxxviii S7).
     */
    Map<UUID, List<InstitutionViolation>> heldNotOver(LocalDate day) {
        List<InstitutionViolation> notOver = register().stream()
                .filter(v -> v.status() == InstitutionViolation.Status.CONFIRMED && !v.bannedUntil().isBefore(day))
                .toList();
        if (notOver.isEmpty()) {
            return Map.of();
        }
        List<ApiClient> keys = accounts.apiClients();
        Map<UUID, List<InstitutionViolation>> held = new HashMap<>();
        for (InstitutionViolation entry : notOver) {
            institutionsHeld(entry, keys).forEach(i -> held.computeIfAbsent(i, x -> new ArrayList<>()).add(entry));
        }
        return held;
    }

    /**
     * The entry in force today that bans a new key for the institution {@code institutionId} (a renewal's; null for a
     * key proposed afresh), for an institution of the unified social credit code {@code creditCode}, or of the same
     * organisation name as {@code organisation} ({@link #holds}).
     */
    Optional<InstitutionViolation> banOf(UUID institutionId, String organisation, String creditCode) {
        LocalDate today = LocalDate.now(clock);
        List<InstitutionViolation> inForce = register().stream().filter(v -> v.inForce(today))
                .sorted(Comparator.comparing(InstitutionViolation::bannedUntil).reversed()).toList();
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        List<ApiClient> keys = accounts.apiClients();
        return inForce.stream().filter(v -> holds(v, institutionId, organisation, creditCode, keys)).findFirst();
    }

    /**
     * Whether the entry holds an institution: the entry's own, or one of the entry's unified social credit code or of
     * one its keys carry ({@link InstitutionCode#same}), or of the organisation's name, the entry's or one its keys
     * gave, written alike ({@link InstitutionBan#sameOrganisation}).
     */
    private static boolean holds(InstitutionViolation v, UUID institutionId, String organisation, String creditCode,
                                 List<ApiClient> keys) {
        return v.institutionId().equals(institutionId)
                || InstitutionCode.same(v.creditCode(), creditCode)
                || InstitutionBan.sameOrganisation(v.organisation(), organisation)
                || keys.stream().anyMatch(k -> k.institutionId().equals(v.institutionId())
                        && (InstitutionBan.sameOrganisation(k.organisation(), organisation)
                        || InstitutionCode.same(k.creditCode(), creditCode)));
    }

    private ApiInstitution institution(UUID institutionId) {
        return accounts.apiClients().stream().filter(k -> k.institutionId().equals(institutionId))
                .max(Comparator.comparing(ApiClient::createdAt)).map(ApiInstitution::of)
                .orElseThrow(() -> new AccountProblem("INSTITUTION_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "所选机构不存在"));
    }

    private void decide(InstitutionViolation entry, InstitutionViolation.Status status, Actor by, String note) {
        if (!accounts.decideInstitutionViolation(entry.id(), status, by.actorId(), by.actorName(), clock.instant(),
                note)) {
            throw decided();
        }
    }

    /** A pending entry that {@code by} may decide: never their own proposal (two persons, RULES.md §10). */
    private InstitutionViolation decidable(UUID id, Actor by, String action) {
        InstitutionViolation entry = accounts.lockInstitutionViolation(id).orElseThrow(() -> new AccountProblem(
                "INSTITUTION_VIOLATION_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "该违规机构名单条目不存在"));
        if (entry.status() != InstitutionViolation.Status.PENDING) {
            throw decided();
        }
        if (!KeyProposalReview.mayDecide(entry.proposedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("VIOLATION_OWN_PROPOSAL").with("organisation", entry.organisation())));
            throw new AccountProblem("INSTITUTION_VIOLATION_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提出的违规机构名单条目：须由另一名管理员确认或不同意");
        }
        return entry;
    }

    private static AccountProblem decided() {
        return new AccountProblem("INSTITUTION_VIOLATION_DECIDED", DomainProblem.Kind.CONFLICT,
                "该违规机构名单条目已由他人处理");
    }

    /**
     * A detail naming an entry of the register (K7): the organisation, the ground in the reader's language, the
     * reference and the ban's first and last day, in that order after the values {@code detail} holds.
     */
    static AuditDetail described(AuditDetail detail, String organisation, ViolationGround ground, String reference,
                                 LocalDate from, LocalDate until) {
        return detail.with("organisation", organisation).withLabel("ground", ground.messageKey())
                .with("reference", reference).with("from", from).with("until", until);
    }
}
