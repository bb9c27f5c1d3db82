package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import cn.chengxin.account.domain.AdminPermissions;
import cn.chengxin.account.domain.AllowedAddresses;
import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.account.domain.ApiKeys;
import cn.chengxin.account.domain.InstitutionCode;
import cn.chengxin.account.domain.KeyAddressRule;
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
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API clients: department systems, authorised institutions and partner platforms. A key is proposed by one system
 * administrator and issued only when another approves (maker-checker, issue #3); it is shown once, to the approver,
 * and kept only as its SM3 hash; it is bound to an organisation and permission codes, can be
 * revoked at once, expires {@link ApiKeyValidity a year} (by default) after its issue, after which two administrators
 * issue its replacement through the same proposal (RULES.md §10), and records when it was last used (written at most
 * once a minute per client, so the check API's throughput does not pay a write per call).
 */
@Service
public class ApiClients {

    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiKeyValidity validity;
    private final InstitutionViolations violations;
    private final BannedInstitutions banned;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> banRefusalsAudited = new ConcurrentHashMap<>();

    ApiClients(JdbcAccounts accounts, AuditLog audit, Clock clock, ApiKeyValidity validity,
               InstitutionViolations violations, BannedInstitutions banned) {
        this.accounts = accounts;
        this.banned = banned;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
        this.violations = violations;
    }

    public List<ApiClient> clients() {
        return accounts.apiClients();
    }

    /**
     * Every institution keys were issued to, once each, named by its newest key, live or not: for naming an
     * institution that something is bound to (gaps review xxix K2).
     */
    public List<ApiInstitution> institutions() {
        return institutions(clients().stream());
    }

    /**
     * The institutions with a live key (neither revoked nor expired, RULES.md §10) holding {@code permission}, once
     * each, named by the newest such key: those a citizen may authorise, or the credit office bind a benefit to, now
     * (gaps review xxix K2: each key was offered as an institution, expired ones too).
     */
    public List<ApiInstitution> liveInstitutions(Permission permission) {
        Instant now = clock.instant();
        return institutions(clients().stream().filter(c -> c.live(now) && c.permissions().contains(permission)));
    }

    private static List<ApiInstitution> institutions(Stream<ApiClient> keys) {
        Map<UUID, ApiClient> newest = new LinkedHashMap<>();
        keys.sorted(Comparator.comparing(ApiClient::createdAt).reversed())
                .forEach(key -> newest.putIfAbsent(key.institutionId(), key));
        return newest.values().stream().map(ApiInstitution::of).toList();
    }

    /**
     * The key in clear: show it once, it cannot be recovered.
     *
     * @param institutionId the institution the key is issued to: the key's own id for a key proposed afresh
     */
    public record IssuedKey(UUID clientId, String key, String prefix, UUID institutionId) {
        @Override
        public String toString() {
            return "IssuedKey[" + prefix + "]";
        }
    }

    /** The proposals waiting for a second administrator's decision, oldest first. */
    public List<ApiKeyProposal> pendingProposals() {
        return accounts.pendingApiKeyProposals();
    }

    /** How many key proposals another administrator made wait for {@code reviewerId}'s decision (工作台, K6). */
    public long proposalsAwaiting(String reviewerId) {
        return pendingProposals().stream()
                .filter(p -> KeyProposalReview.mayDecide(p.proposedBy(), reviewerId)).count();
    }

    /**
     * How many keys in use expire within 30 days (RULES.md §10: a key is refused from its expiry on), each due a
     * successor before then, for the administrators' 工作台 (finding K6).
     */
    public long expiringSoon() {
        Instant now = clock.instant();
        // A key its holder rotated is counted as its successor, which expires when it does (R7).
        return clients().stream().filter(c -> !c.revoked() && !c.rotated() && c.expiringSoon(now)).count();
    }

    /**
     * How many keys in use answer from any address with nobody having said why — those issued before addresses were
     * required, or a partner platform's proposed without either — for the administrators' 工作台 (gaps review xxxi M7):
     * each is due a successor that names its callers' networks.
     */
    public long addressesUnexplained() {
        Instant now = clock.instant();
        return clients().stream().filter(c -> c.live(now) && c.addressesUnexplained()).count();
    }

    /**
     * Proposes a key for a program: checked now as it would be issued, so that the proposer hears of a mistake at once,
     * but nothing usable exists until another system administrator approves ({@link KeyProposalReview}, issue #3).
     *
     * @return the proposal's id
     */
    @Transactional
    public UUID propose(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                        Set<Permission> permissions, int ratePerMinute) {
        return propose(name, organisation, kind, departmentId, permissions, ratePerMinute, "");
    }

    /**
     * As {@link #propose(String, String, ApiClient.Kind, UUID, Set, int)}, the key usable only from the networks named
     * ({@link AllowedAddresses}: address literals or CIDR blocks); a department's or an institution's key must name
     * some (gaps review xxxi M7, {@link #propose(String, String, ApiClient.Kind, UUID, Set, int, String, String)}).
     */
    @Transactional
    public UUID propose(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                        Set<Permission> permissions, int ratePerMinute, String allowedAddresses) {
        return propose(name, organisation, kind, departmentId, permissions, ratePerMinute, allowedAddresses, null);
    }

    /**
     * As {@link #propose(String, String, ApiClient.Kind, UUID, Set, int, String)}, where a key naming no network
     * carries {@code anyAddressReason}: "any address" is an explicit choice, shown to the approving administrator and
     * kept with the key ({@link KeyAddressRule}, gaps review xxxi M7). A department's or an institution's key with
     * neither is refused API_CLIENT_ADDRESSES_REQUIRED.
     */
    @Transactional
    public UUID propose(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                        Set<Permission> permissions, int ratePerMinute, String allowedAddresses,
                        String anyAddressReason) {
        return propose(name, organisation, kind, departmentId, permissions, ratePerMinute, allowedAddresses,
                anyAddressReason, null);
    }

    /**
     * As {@link #propose(String, String, ApiClient.Kind, UUID, Set, int, String, String)}, for the institution of the
     * unified social credit code {@code creditCode} (统一社会信用代码, GB 32100-2015; optional, refused
     * API_CLIENT_CREDIT_CODE when it is not a valid code): carried by the key and its renewals, shown on its row, and
     * matched against the violation register, so a ban of "某某银行" holds "某某银行股份有限公司" of the same code (gaps
     * review xxx L4).
     */
    @Transactional
    public UUID propose(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                        Set<Permission> permissions, int ratePerMinute, String allowedAddresses,
                        String anyAddressReason, String creditCode) {
        requireValid(name, organisation, kind, departmentId, permissions, ratePerMinute);
        AllowedAddresses addresses = addresses(allowedAddresses);
        String code = creditCode(creditCode);
        requireNotBanned(null, organisation.trim(), code, name.trim(), "account.apiclient.propose");
        String reason = reasonToKeep(kind, addresses, anyAddressReason);
        Actor by = AuditLog.currentActor();
        ApiKeyProposal proposal = new ApiKeyProposal(Ids.newId(), name.trim(), organisation.trim(), kind,
                departmentId, null, permissions, ratePerMinute, by.actorId(), by.actorName(), clock.instant(),
                ApiKeyProposal.Status.PENDING, addresses.texts(), null, null, reason, code);
        accounts.insertApiKeyProposal(proposal);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.propose")
                .detail(KeyProposalDetails.proposed(proposal)));
        return proposal.id();
    }

    /**
     * 续签 (gaps review xxix K2; RULES.md §10): proposes the successor of a key — due within a year, or at once after
     * a leak, revoked or not — bound as the key is (organisation, kind, department, permissions, rate, addresses) and,
     * once another system administrator approves, issued to the key's institution: the citizens' consents to it and
     * the benefits bound to it hold for the new key. The old key stays valid until revoked, so the system can switch.
     * Refused API_CLIENT_INSTITUTION_BANNED while the violation register bans the institution (L4), and
     * API_CLIENT_RENEWAL_PENDING while a renewal of the key waits for a decision.
     *
     * @return the proposal's id
     */
    @Transactional
    public UUID proposeRenewal(UUID clientId) {
        return proposeRenewal(clientId, null, null);
    }

    /**
     * As {@link #proposeRenewal(UUID)}, the successor usable from {@code allowedAddresses} when given, else from the
     * key's; a key that answered from any address with no reason (one issued before M7) is renewed only with networks
     * or a reason written now ({@link KeyAddressRule}, gaps review xxxi M7), else API_CLIENT_ADDRESSES_REQUIRED.
     */
    @Transactional
    public UUID proposeRenewal(UUID clientId, String allowedAddresses, String anyAddressReason) {
        ApiClient key = accounts.apiClient(clientId).orElseThrow(() -> new AccountProblem("API_CLIENT_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "客户端不存在"));
        requireNotBanned(key.institutionId(), key.organisation(), key.creditCode(), key.name(),
                "account.apiclient.propose");
        if (accounts.pendingRenewalOf(clientId)) {
            throw new AccountProblem("API_CLIENT_RENEWAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该密钥的续签提议已在等待另一名系统管理员审核");
        }
        requireValid(key.name(), key.organisation(), key.kind(), key.departmentId(), key.permissions(),
                key.ratePerMinute());
        boolean asTheKey = allowedAddresses == null || allowedAddresses.isBlank();
        AllowedAddresses addresses = asTheKey ? AllowedAddresses.of(key.allowedAddresses())
                : addresses(allowedAddresses);
        String reason = reasonToKeep(key.kind(), addresses,
                anyAddressReason == null || anyAddressReason.isBlank() ? key.anyAddressReason() : anyAddressReason);
        Actor by = AuditLog.currentActor();
        ApiKeyProposal proposal = new ApiKeyProposal(Ids.newId(), key.name(), key.organisation(), key.kind(),
                key.departmentId(), key.departmentCode(), key.permissions(), key.ratePerMinute(), by.actorId(),
                by.actorName(), clock.instant(), ApiKeyProposal.Status.PENDING, addresses.texts(), key.id(),
                key.keyPrefix(), reason, key.creditCode());
        accounts.insertApiKeyProposal(proposal);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.propose")
                .detail(KeyProposalDetails.renewalProposed(proposal)));
        return proposal.id();
    }

    /** The reason kept with a key naming no network; refused when its kind must name networks or say why (M7). */
    private static String reasonToKeep(ApiClient.Kind kind, AllowedAddresses addresses, String reason) {
        try {
            if (reason != null) {
                TypedText.requireNoIdentityNumber("anyAddressReason", "不限地址的理由", reason);
            }
            return KeyAddressRule.reasonToKeep(kind.needsAddresses(), addresses, reason).orElse(null);
        } catch (KeyAddressRule.Refused e) {
            throw new AccountProblem("API_CLIENT_ADDRESSES_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "部门业务系统和授权机构的密钥须填写允许访问的地址；确需不限地址的，请写明理由（不超过 "
                            + KeyAddressRule.MAX_REASON + " 字），由审核的系统管理员确认");
        }
    }

    private static AllowedAddresses addresses(String text) {
        try {
            return AllowedAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AccountProblem("API_CLIENT_ADDRESSES", DomainProblem.Kind.INVALID_INPUT,
                    "允许访问的地址须为 IP 地址或 CIDR 网段（如 10.8.0.0/16），以逗号分隔，最多 32 个：" + e.getMessage());
        }
    }

    /**
     * Another system administrator's approval: only now is the key made, its hash stored and the key returned, to be
     * shown once to the approver, who hands it over (the key is never stored in clear, so it cannot wait for the
     * proposer to collect it). Checked again as at the proposal: the department may have been closed meanwhile.
     */
    @Transactional
    public IssuedKey approve(UUID proposalId) {
        Actor by = AuditLog.currentActor();
        ApiKeyProposal proposal = decidable(proposalId, by, "account.apiclient.approve");
        requireValid(proposal.name(), proposal.organisation(), proposal.kind(), proposal.departmentId(),
                proposal.permissions(), proposal.ratePerMinute());
        // A renewal's key joins its predecessor's institution; a key proposed afresh founds one (gaps review xxix K2).
        UUID renewed = proposal.renewal() ? accounts.apiClient(proposal.renews()).orElseThrow().institutionId() : null;
        // Checked again: the institution may have entered the violation register since the proposal (L4).
        requireNotBanned(renewed, proposal.organisation(), proposal.creditCode(), proposal.name(),
                "account.apiclient.approve");
        ApiKeys.Issued issued = ApiKeys.issue(random);
        UUID clientId = Ids.newId();
        UUID institutionId = renewed != null ? renewed : clientId;
        accounts.insertApiClient(clientId, institutionId, proposal.name(), proposal.organisation(), proposal.kind(),
                proposal.departmentId(), issued.prefix(), issued.hash(), proposal.permissions(),
                proposal.ratePerMinute(), proposal.proposerName(), validity.expiresAt(clock.instant()),
                proposal.allowedAddresses(), proposal.anyAddressReason(), proposal.creditCode());
        if (!accounts.decideApiKeyProposal(proposalId, ApiKeyProposal.Status.APPROVED, by.actorId(), by.actorName(),
                clock.instant(), null, clientId)) {
            throw proposalDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.approve")
                .detail(KeyProposalDetails.approved(proposal, issued.prefix())));
        return new IssuedKey(clientId, issued.key(), issued.prefix(), institutionId);
    }

    /** Another system administrator's refusal: no key is made, and the proposal cannot be approved afterwards. */
    @Transactional
    public void reject(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "不同意理由", note);
        Actor by = AuditLog.currentActor();
        ApiKeyProposal proposal = decidable(proposalId, by, "account.apiclient.reject");
        String reason = note == null || note.isBlank() ? null : note.trim();
        if (!accounts.decideApiKeyProposal(proposalId, ApiKeyProposal.Status.REJECTED, by.actorId(), by.actorName(),
                clock.instant(), reason, null)) {
            throw proposalDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.reject")
                .detail(AuditDetail.of("API_KEY_REJECTED").with("name", proposal.name())
                        .with("proposer", proposal.proposerName())));
    }

    /** A pending proposal that {@code by} may decide: never their own (maker-checker, RULES.md §10). */
    private ApiKeyProposal decidable(UUID proposalId, Actor by, String action) {
        ApiKeyProposal proposal = accounts.lockApiKeyProposal(proposalId).orElseThrow(() -> new AccountProblem(
                "API_CLIENT_PROPOSAL_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "该密钥提议不存在"));
        if (proposal.status() != ApiKeyProposal.Status.PENDING) {
            throw proposalDecided();
        }
        if (!KeyProposalReview.mayDecide(proposal.proposedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("API_KEY_OWN_PROPOSAL").with("name", proposal.name())));
            throw new AccountProblem("API_CLIENT_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提议的接口密钥（双人复核）：须由另一名系统管理员同意或不同意");
        }
        return proposal;
    }

    /**
     * No new key, nor a renewal, for an institution the violation register bans today (违规机构名单, gaps review xxx
     * L4; RULES.md §7): matched by the institution for a renewal, by its unified social credit code, and by the
     * organisation's name written alike ({@link InstitutionViolations#banOf}). The refusal is audited, so that the
     * auditor sees who tried.
     */
    private void requireNotBanned(UUID institutionId, String organisation, String creditCode, String name,
                                  String action) {
        Optional<InstitutionViolation> ban = violations.banOf(institutionId, organisation, creditCode);
        if (ban.isPresent()) {
            InstitutionViolation v = ban.get();
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).result(AuditResult.DENIED)
                    .detail(InstitutionViolations.described(AuditDetail.of("API_KEY_INSTITUTION_BANNED")
                            .with("name", name), v.organisation(), v.ground(), v.reference(), v.bannedFrom(),
                            v.bannedUntil())));
            throw new AccountProblem("API_CLIENT_INSTITUTION_BANNED", DomainProblem.Kind.CONFLICT,
                    "该机构已列入违规机构名单（" + v.ground().label() + "，" + v.reference() + "），" + v.bannedUntil()
                            + " 前不签发新密钥或续签");
        }
    }

    /** A unified social credit code typed, canonical, or null when none was typed (gaps review xxx L4). */
    static String creditCode(String typed) {
        try {
            return InstitutionCode.parse(typed).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new AccountProblem("API_CLIENT_CREDIT_CODE", DomainProblem.Kind.INVALID_INPUT,
                    "统一社会信用代码须为 18 位（不含 I、O、Z、S、V），且校验位正确（GB 32100-2015）；不知道的可不填");
        }
    }

    private static AccountProblem proposalDecided() {
        return new AccountProblem("API_CLIENT_PROPOSAL_DECIDED", DomainProblem.Kind.CONFLICT, "该密钥提议已由他人处理");
    }

    /**
     * Issues a key at once, with no second person: for the platform itself only — demo data, benchmarks and tests run
     * without any administrator. No console calls it (ArchitectureTests): an administrator's key goes through
     * {@link #propose} and another's {@link #approve}. The key answers only on this machine
     * ({@link AllowedAddresses#LOOPBACK}, gaps review xxxi M7), where the platform's own programs call from.
     */
    @Transactional
    public IssuedKey issue(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                           Set<Permission> permissions, int ratePerMinute) {
        return issue(name, organisation, kind, departmentId, permissions, ratePerMinute, null);
    }

    /** As {@link #issue(String, String, ApiClient.Kind, UUID, Set, int)}, to the institution of {@code creditCode}. */
    @Transactional
    public IssuedKey issue(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                           Set<Permission> permissions, int ratePerMinute, String creditCode) {
        requireValid(name, organisation, kind, departmentId, permissions, ratePerMinute);
        String code = creditCode(creditCode);
        ApiKeys.Issued issued = ApiKeys.issue(random);
        UUID id = Ids.newId();
        accounts.insertApiClient(id, id, name.trim(), organisation.trim(), kind, departmentId, issued.prefix(),
                issued.hash(), permissions, ratePerMinute, AuditLog.currentActor().actorName(),
                validity.expiresAt(clock.instant()), AllowedAddresses.LOOPBACK.texts(), null, code);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.issue")
                .detail(AuditDetail.of("API_KEY_ISSUED_LOOPBACK").with("name", name.trim())
                        .with("prefix", issued.prefix())));
        return new IssuedKey(id, issued.key(), issued.prefix(), id);
    }

    private void requireValid(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                              Set<Permission> permissions, int ratePerMinute) {
        if (name == null || name.isBlank() || organisation == null || organisation.isBlank()) {
            throw new AccountProblem("API_CLIENT_INVALID", DomainProblem.Kind.INVALID_INPUT, "名称和所属机构不能为空");
        }
        if (permissions.isEmpty() || permissions.stream().anyMatch(p -> AdminPermissions.isAdministrative(p)
                || p == Permission.CONSOLE_HOME || p == Permission.SELF_SERVICE)) {
            throw new AccountProblem("API_CLIENT_PERMISSIONS", DomainProblem.Kind.INVALID_INPUT,
                    "接口客户端须至少有一项业务权限，且不能持有管理员或个人权限");
        }
        if (ratePerMinute < 1 || ratePerMinute > 600_000) {
            throw new AccountProblem("API_CLIENT_RATE", DomainProblem.Kind.INVALID_INPUT, "速率限制须在 1–600000 次/分钟");
        }
        requireFitsKind(kind, departmentId, permissions);
    }

    /**
     * A department's system is bound to an active department, whose measures its checks answer and whose records it
     * submits; a key of another kind holds neither of those permissions (ApiClient.Kind, RULES.md §9, §10). Without
     * this, a bank's key holding api:subject:check checked any citizen for every measure no department was named for.
     */
    private void requireFitsKind(ApiClient.Kind kind, UUID departmentId, Set<Permission> permissions) {
        if (kind.needsDepartment() && (departmentId == null
                || accounts.department(departmentId).filter(Department::active).isEmpty())) {
            throw new AccountProblem("API_CLIENT_DEPARTMENT_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "部门业务系统须绑定一个在用的所属部门");
        }
        if (!permissions.stream().allMatch(kind::mayHold)) {
            throw new AccountProblem("API_CLIENT_KIND_PERMISSIONS", DomainProblem.Kind.INVALID_INPUT,
                    "只有部门业务系统可以核查信用主体或报送信用信息，只有授权机构可以经授权查询信用报告，合作平台不能核验信用惠民；"
                            + kind.label() + "不能持有所选权限");
        }
    }

    /**
     * For demo data only: a client with a key chosen in advance (documented in the README for dev). It has no expiry:
     * the key is published, the data synthetic, and a demo started again a year later still works. Being published,
     * it answers only on this machine ({@link AllowedAddresses#LOOPBACK}, gaps review xxxi M7), where the demo's
     * scripts and the README's examples call from.
     */
    @Transactional
    public boolean issueKnownKey(String key, String name, String organisation, ApiClient.Kind kind,
                                 Set<Permission> permissions, int ratePerMinute) {
        return issueKnownKey(key, name, organisation, null, kind, permissions, ratePerMinute);
    }

    @Transactional
    public boolean issueKnownKey(String key, String name, String organisation, UUID departmentId, ApiClient.Kind kind,
                                 Set<Permission> permissions, int ratePerMinute) {
        String prefix = ApiKeys.prefixOf(key).orElseThrow();
        if (accounts.apiClientByHash(ApiKeys.hash(key)).isPresent()) {
            return false;
        }
        requireFitsKind(kind, departmentId, permissions);
        UUID id = Ids.newId();
        accounts.insertApiClient(id, id, name, organisation, kind, departmentId, prefix, ApiKeys.hash(key),
                permissions, ratePerMinute, "demo", null, AllowedAddresses.LOOPBACK.texts(), null, null);
        return true;
    }

    /**
     * Revokes a key at once, for a ground from the closed list and the reference of the decision or case behind it
     * (gaps review xxx L4): the key, its ground and reference are recorded and audited, so that a revocation for a
     * violation can be entered in the violation register ({@link InstitutionViolations}) and shown to an inspector.
     */
    @Transactional
    public void revoke(UUID clientId, ViolationGround ground, String reference) {
        if (ground == null) {
            throw new AccountProblem("API_CLIENT_REVOKE_GROUND", DomainProblem.Kind.INVALID_INPUT,
                    "请选择吊销事由：违规查询、超范围使用、泄露或其他");
        }
        String ref = reference(reference);
        if (!revokeKey(clientId, ground, ref)) {
            throw new AccountProblem("API_CLIENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "客户端不存在或已吊销");
        }
        ApiClient key = accounts.apiClient(clientId).orElseThrow();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.revoke")
                .detail(AuditDetail.of("API_CLIENT_REVOKED").with("key", key.name()).with("prefix", key.keyPrefix())
                        .with("organisation", key.organisation()).withLabel("ground", ground.messageKey())
                        .with("reference", ref)));
    }

    /**
     * Revokes the live keys of the institution a confirmed ban of the violation register holds today (gaps review xxx
     * L4): the institution broke the rules, so it stops querying now, not only when its keys expire. Each key is
     * revoked for the ban's ground and reference, as the system administrator would, and audited with the entry.
     *
     * @return how many keys were revoked
     */
    @Transactional
    int revokeForBan(InstitutionViolation ban) {
        Instant now = clock.instant();
        int revoked = 0;
        for (ApiClient key : clients()) {
            if (key.institutionId().equals(ban.institutionId()) && key.live(now)
                    && revokeKey(key.id(), ban.ground(), ban.reference())) {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.revoke")
                        .detail(AuditDetail.of("API_CLIENT_REVOKED_FOR_BAN").with("key", key.name())
                                .with("prefix", key.keyPrefix()).with("organisation", key.organisation())
                                .withLabel("ground", ban.ground().messageKey()).with("reference", ban.reference())
                                .with("until", ban.bannedUntil())));
                revoked++;
            }
        }
        return revoked;
    }

    /** Marks the key revoked; the keys recently seen are forgotten now and again once this commits. */
    private boolean revokeKey(UUID clientId, ViolationGround ground, String reference) {
        boolean revoked = accounts.revokeApiClient(clientId, clock.instant(), AuditLog.currentActor().actorName(),
                ground, reference);
        forgetRecentlySeen();
        return revoked;
    }

    /** Forgets the keys recently seen, and the bans read with them, now and again once the transaction commits. */
    private void forgetRecentlySeen() {
        recentlySeen.clear();
        banned.forget();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // A request on this instance until the commit still reads the key active and caches it: clear again after.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recentlySeen.clear();
                banned.forget();
            }
        });
    }

    /** The longest overlap a rotation may ask for, during which the rotated key still works: a day. */
    public static final Duration LONGEST_OVERLAP = Duration.ofDays(1);

    /**
     * 密钥自行更换 (gaps review xxxvii-api R7): the system holding a key replaces it with a new one, answered only to it,
     * so that the key the approving system administrator saw (and anyone who saw it on the way) stops working once
     * the {@code overlap} is over (0 to {@link #LONGEST_OVERLAP}; the system's instances switch meanwhile). The new key
     * is bound exactly as the old one and expires when it does: a rotation changes the secret, never what two
     * administrators decided (RULES.md §10), so it needs no second person. Rotating again within the overlap (the
     * answer was lost) ends the key the earlier rotation made and answers another. Refused API_KEY_NOT_ROTATABLE for a
     * demo key, which is published and must keep working as the README says. Audited as the client's own act.
     */
    @Transactional
    public IssuedKey rotate(ApiClientPrincipal holder, Duration overlap) {
        if (overlap == null || overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw new AccountProblem("API_KEY_OVERLAP", DomainProblem.Kind.INVALID_INPUT,
                    "旧密钥的过渡时间须在 0 至 " + LONGEST_OVERLAP.toMinutes() + " 分钟之间");
        }
        ApiClient key = accounts.apiClient(holder.clientId()).filter(c -> c.live(clock.instant()))
                .orElseThrow(() -> new AccountProblem("API_CLIENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND,
                        "接口密钥不存在或已停用"));
        if (key.expiresAt() == null) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.rotate").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("API_KEY_DEMO_NOT_ROTATED").with("name", key.name())
                            .with("prefix", key.keyPrefix())));
            throw new AccountProblem("API_KEY_NOT_ROTATABLE", DomainProblem.Kind.CONFLICT,
                    "演示密钥是公开的，不能自行更换；请使用系统管理员签发的密钥");
        }
        Instant now = clock.instant();
        Instant until = now.plus(overlap);
        List<String> ended = accounts.endEarlierRotations(key.id(), now);
        if (!accounts.replaceApiClient(key.id(), until)) {
            throw new AccountProblem("API_CLIENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "接口密钥不存在或已停用");
        }
        ApiKeys.Issued issued = ApiKeys.issue(random);
        UUID id = Ids.newId();
        accounts.insertRotatedApiClient(id, key.id(), issued.prefix(), issued.hash(), key.name());
        forgetRecentlySeen();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.rotate")
                .detail(AuditDetail.of("API_KEY_ROTATED").with("name", key.name()).with("prefix", key.keyPrefix())
                        .with("successor", issued.prefix()).with("until", until)
                        .with("ended", ended.isEmpty() ? "—" : String.join(", ", ended))));
        return new IssuedKey(id, issued.key(), issued.prefix(), key.institutionId());
    }

    /** The reference of a decision or case (文号、案号): required, at most 100 characters, never an identity number. */
    static String reference(String reference) {
        if (reference == null || reference.isBlank() || reference.trim().length() > 100) {
            throw new AccountProblem("API_CLIENT_REFERENCE", DomainProblem.Kind.INVALID_INPUT,
                    "请填写决定文号或案号（不超过 100 字）");
        }
        TypedText.requireNoIdentityNumber("reference", "文号或案号", reference);
        return reference.trim();
    }

    /** The client a presented key belongs to, if the key is well-formed, known, not revoked and not expired. */
    public Optional<ApiClientPrincipal> authenticate(String presentedKey) {
        return check(presentedKey).client();
    }

    /**
     * What a presented key is: a client's valid key, an expired one, or nothing usable (malformed, unknown, revoked).
     * The expiry is compared with the instant read with the key, so an expired key costs no more than a valid one: the
     * check API is the hot path.
     */
    public KeyCheck check(String presentedKey) {
        return check(presentedKey, clock.instant());
    }

    /**
     * {@link #check(String)} at {@code now}. A key of an institution a confirmed ban of the violation register holds
     * at {@code now} is refused as {@code banned}, whether or not the night's revocation ran (gaps review xxxviii S7):
     * the bans are read with the key, so the request pays two instants compared.
     */
    KeyCheck check(String presentedKey, Instant now) {
        if (presentedKey == null || ApiKeys.prefixOf(presentedKey).isEmpty()) {
            return KeyCheck.INVALID;
        }
        String hash = ApiKeys.hash(presentedKey);
        Known known = recentlySeen.get(hash);
        if (known == null || !known.readAt().plus(KNOWN_FOR).isAfter(now) || known.claimRefresh(now)) {
            Optional<ApiClient> read = accounts.apiClientByHash(hash).filter(c -> !c.revoked());
            if (read.isEmpty()) {
                recentlySeen.remove(hash);
                return KeyCheck.INVALID;
            }
            if (recentlySeen.size() > 10_000) {
                recentlySeen.clear();
            }
            known = Known.of(read.get(), now, banned.of(read.get().institutionId(), now, KNOWN_FOR));
            recentlySeen.put(hash, known);
        }
        if (known.client().replaced(now)) {
            // Rotated by its holder, and the overlap it asked for is over: as a revoked key (R7).
            return KeyCheck.INVALID;
        }
        if (known.client().expired(now)) {
            return KeyCheck.EXPIRED;
        }
        if (known.bans().length > 0 && refusedForBan(known, now)) {
            return KeyCheck.BANNED;
        }
        noteUse(known.client());
        return known.check();
    }

    /**
     * A presented key's check: the client if the key is valid; {@code expired} if it is a client's key past its
     * expiry (RULES.md §10), answered API_KEY_EXPIRED so the system's operator knows to ask for its replacement;
     * {@code addresses}, the networks the client's key may be used from; {@code expiresAt}, when a valid key stops
     * being accepted (null: never, or no valid key), read with the key so that warning of it costs no query (R7);
     * {@code banned}, a key of an institution the violation register bans now (gaps review xxxviii S7).
     */
    public record KeyCheck(Optional<ApiClientPrincipal> client, boolean expired, AllowedAddresses addresses,
                           Instant expiresAt, boolean banned) {

        static final KeyCheck INVALID = new KeyCheck(Optional.empty(), false, AllowedAddresses.ANY, null, false);
        static final KeyCheck EXPIRED = new KeyCheck(Optional.empty(), true, AllowedAddresses.ANY, null, false);
        /** A key of an institution the violation register bans now, not revoked yet: refused as revoked (S7). */
        static final KeyCheck BANNED = new KeyCheck(Optional.empty(), false, AllowedAddresses.ANY, null, true);

        /**
         * When the key stops being accepted, if that is within {@link ApiKeyValidity#WARNING} of {@code now}: its
         * expiry, or the end of the overlap its holder asked for when rotating it, whichever comes first.
         */
        public Optional<Instant> endingSoon(Instant now) {
            return expiresAt != null && ApiKeyValidity.expiringSoon(expiresAt, now) ? Optional.of(expiresAt)
                    : Optional.empty();
        }
    }

    /**
     * Valid keys seen in the last {@link #KNOWN_FOR}: a department system calling thousands of times a second costs
     * no database read per call. A revocation here takes effect at once; on other instances within that time.
     */
    private static final java.time.Duration KNOWN_FOR = java.time.Duration.ofSeconds(5);
    /**
     * After this, one request of a key in use reads it again while the others go on with the copy still valid: had
     * every request of a busy key read it once the copy was past {@link #KNOWN_FOR}, every request arriving during
     * the read would read it too (session xl: three to a dozen check threads at once, 35 ms each on the loaded
     * database, every five seconds); a key nobody used in the last second is read as before.
     */
    private static final java.time.Duration REFRESH_AFTER = KNOWN_FOR.minusSeconds(1);
    private final java.util.Map<String, Known> recentlySeen = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A valid key's client as read at {@code readAt}, with what its check answers: the principal and its parsed
     * allowed addresses, built once per read rather than for every request (session xxxvii: parsing the addresses
     * was some 4% of a check's request-thread samples).
     */
    private record Known(ApiClient client, Instant readAt, KeyCheck check, BannedInstitutions.Ban[] bans,
                         java.util.concurrent.atomic.AtomicBoolean refreshing) {

        static Known of(ApiClient c, Instant readAt, BannedInstitutions.Ban[] bans) {
            return new Known(c, readAt, new KeyCheck(Optional.of(new ApiClientPrincipal(c.id(), c.institutionId(),
                    c.name(), c.organisation(), c.departmentCode(), c.keyPrefix(), c.permissions(),
                    c.ratePerMinute(), c.kind(), c.allowedAddresses(), c.expiresAt(), c.replacedAt())), false,
                    AllowedAddresses.of(c.allowedAddresses()), c.endsAt(), false), bans,
                    new java.util.concurrent.atomic.AtomicBoolean());
        }

        /** Whether the caller is the one request that reads the key again ahead of {@link #KNOWN_FOR}. */
        boolean claimRefresh(Instant now) {
            return !readAt.plus(REFRESH_AFTER).isAfter(now) && !refreshing.get()
                    && refreshing.compareAndSet(false, true);
        }
    }

    /**
     * Whether a ban holds the key's institution at {@code now}: the key is then refused until the night's revocation
     * ends it, audited as the key's own attempt at most once a minute per key and instance (a client retrying in a
     * loop does not fill the audit log).
     */
    private boolean refusedForBan(Known known, Instant now) {
        InstitutionViolation ban = BannedInstitutions.holding(known.bans(), now);
        if (ban == null) {
            return false;
        }
        ApiClient key = known.client();
        Instant audited = banRefusalsAudited.get(key.id());
        if (audited == null || !audited.plus(LAST_USED_GRANULARITY).isAfter(now)) {
            banRefusalsAudited.put(key.id(), now);
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.use")
                    .by(known.check().client().orElseThrow()).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("API_KEY_REFUSED_FOR_BAN").with("key", key.name())
                            .with("prefix", key.keyPrefix()).with("organisation", key.organisation())
                            .withLabel("ground", ban.ground().messageKey()).with("reference", ban.reference())
                            .with("until", ban.bannedUntil())));
        }
        return true;
    }

    /**
     * Whether a confirmed ban of the violation register holds the institution at {@code now}, whatever the night's
     * jobs did: for the use of a consent given to it (gaps review xxxviii S7). Read as the key check reads it, with no
     * query within {@link #KNOWN_FOR}.
     */
    public boolean banned(UUID institutionId, Instant now) {
        return banned.holding(institutionId, now, KNOWN_FOR) != null;
    }

    /** A ban confirmed here (in its transaction) is seen by this instance's next key check and consent use at once. */
    void banConfirmed() {
        forgetRecentlySeen();
    }

    private void noteUse(ApiClient client) {
        Instant now = clock.instant();
        Instant written = lastUsedWritten.get(client.id());
        if (written == null || written.plus(LAST_USED_GRANULARITY).isBefore(now)) {
            lastUsedWritten.put(client.id(), now);
            accounts.apiClientUsed(client.id(), now);
        }
    }
}
