package cn.chengxin.account.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an integrator check its key: which client, organisation, department and permissions it stands for, the
 * networks it may be used from and when it stops being accepted (gaps review xxxvii-api R7), all read with the key (no
 * query: the check benchmark measures its floor here); and replace the key itself, so that the secret the approving
 * administrator saw stops working.
 */
@RestController
@Tag(name = "account", description = "接口客户端")
class WhoAmIApi {

    private final ApiClients clients;
    private final java.time.Clock clock;

    WhoAmIApi(ApiClients clients, java.time.Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @AuthenticatedEndpoint("a client asking about its own key")
    @GetMapping("/api/v1/whoami")
    @Operation(summary = "当前接口客户端", description = "Requires Authorization: Bearer <key>. The key's client and "
            + "organisation, its prefix (never the secret), kind (DEPARTMENT, INSTITUTION, PARTNER_PLATFORM), "
            + "departmentCode (the department a department's system acts for, else empty: the cause of 403 "
            + "CHECK_DEPARTMENT_REQUIRED), permissions, rate, allowedNetworks (addresses or CIDR blocks it may be used "
            + "from; empty: any; the cause of 403 API_KEY_ADDRESS_REFUSED), expiresAt (null: never) and endsAt with "
            + "daysLeft (when it stops being accepted: its expiry, or the end of the overlap after its holder rotated "
            + "it), and replaced (true once rotated: switch to the new key). Every answer to a key that stops within "
            + "30 days carries Chengxin-Key-Expires. 401 API_KEY_INVALID for an unknown, revoked or replaced key, "
            + "401 API_KEY_EXPIRED for an expired one, 429 RATE_LIMITED with Retry-After over the client's rate.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "the key as the platform holds it",
            headers = @Header(name = "Chengxin-Key-Expires", description = "on every API answer to a key that stops "
                    + "being accepted within 30 days: that instant (ISO-8601, UTC); renew or rotate it before",
                    schema = @Schema(type = "string", format = "date-time")))
    Client whoAmI(@AuthenticationPrincipal ApiClientPrincipal client) {
        return describe(client, clock.instant());
    }

    static Client describe(ApiClientPrincipal client, Instant now) {
        Instant ends = client.endsAt();
        return new Client(client.name(), client.organisation(), client.keyPrefix(),
                client.kind() == null ? null : client.kind().name(), client.departmentCode(),
                client.permissions().stream().map(Permission::code).sorted().toList(), client.ratePerMinute(),
                client.allowedAddresses(), client.expiresAt(), ends,
                ends == null ? null : Math.max(0, Duration.between(now, ends).toDays()),
                ends != null && ApiKeyValidity.expiringSoon(ends, now), client.replacedAt() != null);
    }

    /**
     * @param allowedNetworks the addresses and CIDR blocks the key may be used from; empty: any
     * @param expiresAt       the key's expiry; null: never (a demo key)
     * @param endsAt          when it stops being accepted: its expiry or the end of its rotation's overlap
     * @param daysLeft        whole days until {@code endsAt}; null when it never ends
     * @param endingSoon      whether that is within 30 days (the answers carry Chengxin-Key-Expires)
     * @param replaced        whether its holder rotated it: the new key is the one to use
     */
    record Client(String name, String organisation, String keyPrefix, String kind, String departmentCode,
                  List<String> permissions, int ratePerMinute, List<String> allowedNetworks, Instant expiresAt,
                  Instant endsAt, Long daysLeft, boolean endingSoon, boolean replaced) {
    }

    @AuthenticatedEndpoint("a client replacing its own key")
    @PostMapping("/api/v1/keys/rotate")
    @Operation(summary = "自行更换接口密钥", description = "Requires Authorization: Bearer <the key to replace>. Answers a "
            + "new key, bound exactly as the old one (organisation, department, permissions, rate, networks) and "
            + "expiring when it does, shown in this answer only: the platform keeps its hash, and no administrator "
            + "sees it. The old key keeps working for overlapMinutes (0 to 1,440; default 10) so that the system's "
            + "instances can switch, then is refused 401 API_KEY_INVALID: the key the approving administrator handed "
            + "over stops working. Rotate once the key is received. Sent again with the old key within the overlap "
            + "(the answer was lost), it ends the key made before and answers another. A demo key (published) is "
            + "refused 409 API_KEY_NOT_ROTATABLE. Audited (account.apiclient.rotate). The answer is not stored by "
            + "caches (Cache-Control: no-store).")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "the new key, shown once")
    @Refuses(status = 409, value = "API_KEY_NOT_ROTATABLE")
    @Refuses(status = 422, value = "API_KEY_OVERLAP")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<RotatedKey> rotate(@AuthenticationPrincipal ApiClientPrincipal client,
                                      @RequestBody(required = false) Rotation rotation) {
        int minutes = rotation == null || rotation.overlapMinutes() == null ? DEFAULT_OVERLAP_MINUTES
                : rotation.overlapMinutes();
        ApiClients.IssuedKey issued = clients.rotate(client, Duration.ofMinutes(minutes));
        Instant now = clock.instant();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RotatedKey(issued.key(), issued.prefix(), client.keyPrefix(), now.plus(Duration.ofMinutes(
                        minutes)), client.expiresAt()));
    }

    /** How long the old key keeps working after a rotation that names no overlap. */
    static final int DEFAULT_OVERLAP_MINUTES = 10;

    /** @param overlapMinutes how long the old key keeps working (0 to 1,440); default 10 */
    record Rotation(Integer overlapMinutes) {
    }

    /**
     * @param key            the new key, in clear: shown once, the platform cannot show it again
     * @param oldKeyEndsAt   when the old key stops being accepted
     * @param expiresAt      the new key's expiry, the old one's
     */
    record RotatedKey(String key, String keyPrefix, String oldKeyPrefix, Instant oldKeyEndsAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "RotatedKey[" + keyPrefix + "]";
        }
    }
}
