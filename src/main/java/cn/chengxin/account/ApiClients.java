package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.account.domain.AdminPermissions;
import cn.chengxin.account.domain.ApiKeys;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API clients: department systems, authorised institutions and partner platforms. A key is shown once
 * when issued and kept only as its SM3 hash; it is bound to an organisation and permission codes, can be
 * revoked at once, and records when it was last used (written at most once a minute per client, so the
 * check API's throughput does not pay a write per call).
 */
@Service
public class ApiClients {

    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    ApiClients(JdbcAccounts accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApiClient> clients() {
        return accounts.apiClients();
    }

    /** The key in clear: show it once, it cannot be recovered. */
    public record IssuedKey(UUID clientId, String key, String prefix) {
        @Override
        public String toString() {
            return "IssuedKey[" + prefix + "]";
        }
    }

    @Transactional
    public IssuedKey issue(String name, String organisation, ApiClient.Kind kind, UUID departmentId,
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
        ApiKeys.Issued issued = ApiKeys.issue(random);
        UUID id = Ids.newId();
        accounts.insertApiClient(id, name.trim(), organisation.trim(), kind, departmentId, issued.prefix(),
                issued.hash(), permissions, ratePerMinute, AuditLog.currentActor().actorName());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.issue")
                .detail(name.trim() + " (" + issued.prefix() + ")"));
        return new IssuedKey(id, issued.key(), issued.prefix());
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
                    "只有部门业务系统可以核查信用主体或报送信用信息，只有授权机构可以经授权查询信用报告；"
                            + kind.label() + "不能持有所选权限");
        }
    }

    /** For demo data only: a client with a key chosen in advance (documented in the README for dev). */
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
        accounts.insertApiClient(Ids.newId(), name, organisation, kind, departmentId, prefix, ApiKeys.hash(key),
                permissions, ratePerMinute, "demo");
        return true;
    }

    @Transactional
    public void revoke(UUID clientId) {
        recentlySeen.clear();
        if (!accounts.revokeApiClient(clientId, clock.instant(), AuditLog.currentActor().actorName())) {
            throw new AccountProblem("API_CLIENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "客户端不存在或已吊销");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.apiclient.revoke").detail(clientId.toString()));
        // A request on this instance until the commit still reads the key active and caches it: clear again after.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recentlySeen.clear();
            }
        });
    }

    /** The client a presented key belongs to, if the key is well-formed, known and not revoked. */
    public Optional<ApiClientPrincipal> authenticate(String presentedKey) {
        if (presentedKey == null || ApiKeys.prefixOf(presentedKey).isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(presentedKey);
        Instant now = clock.instant();
        Known known = recentlySeen.get(hash);
        Optional<ApiClient> client;
        if (known != null && known.readAt().plus(KNOWN_FOR).isAfter(now)) {
            client = Optional.of(known.client());
        } else {
            client = accounts.apiClientByHash(hash).filter(c -> !c.revoked());
            if (client.isPresent()) {
                if (recentlySeen.size() > 10_000) {
                    recentlySeen.clear();
                }
                recentlySeen.put(hash, new Known(client.get(), now));
            } else {
                recentlySeen.remove(hash);
            }
        }
        client.ifPresent(this::noteUse);
        return client.map(c -> new ApiClientPrincipal(c.id(), c.name(), c.organisation(), c.departmentCode(),
                c.keyPrefix(), c.permissions(), c.ratePerMinute()));
    }

    /**
     * Valid keys seen in the last {@link #KNOWN_FOR}: a department system calling thousands of times a second costs
     * no database read per call. A revocation here takes effect at once; on other instances within that time.
     */
    private static final java.time.Duration KNOWN_FOR = java.time.Duration.ofSeconds(5);
    private final java.util.Map<String, Known> recentlySeen = new java.util.concurrent.ConcurrentHashMap<>();

    private record Known(ApiClient client, Instant readAt) {
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
