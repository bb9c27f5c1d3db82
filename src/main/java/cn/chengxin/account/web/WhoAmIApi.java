package cn.chengxin.account.web;

import java.util.List;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an integrator check a key: which client, organisation and permissions it stands for. */
@RestController
@Tag(name = "account", description = "接口客户端")
class WhoAmIApi {

    @AuthenticatedEndpoint("a client asking about its own key")
    @GetMapping("/api/v1/whoami")
    @Operation(summary = "当前接口客户端", description = "Requires Authorization: Bearer <key>. 401 API_KEY_INVALID "
            + "for an unknown or revoked key, 401 API_KEY_EXPIRED for an expired one, 429 RATE_LIMITED with "
            + "Retry-After over the client's rate.")
    Client whoAmI(@AuthenticationPrincipal ApiClientPrincipal client) {
        return describe(client);
    }

    static Client describe(ApiClientPrincipal client) {
        return new Client(client.name(), client.organisation(), client.keyPrefix(),
                client.permissions().stream().map(Permission::code).sorted().toList(), client.ratePerMinute());
    }

    record Client(String name, String organisation, String keyPrefix, List<String> permissions, int ratePerMinute) {
    }
}
