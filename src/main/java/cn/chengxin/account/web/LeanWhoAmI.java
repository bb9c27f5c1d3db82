package cn.chengxin.account.web;

import java.io.IOException;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.AcceptHeader;
import cn.chengxin.shared.web.LeanEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/whoami} ({@link WhoAmIApi}) on the {@link LeanEndpoint} lane, as the check API is: the trivial
 * endpoint against which the check benchmark measures the server's HTTP floor takes the same path as the check, so
 * that their ratio compares the work of a check, not two different ways through the framework.
 */
@Component
class LeanWhoAmI implements LeanEndpoint {

    private final JsonMapper json;
    private final java.time.Clock clock;

    LeanWhoAmI(JsonMapper json, java.time.Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/api/v1/whoami";
    }

    @Override
    public Permission permission() {
        return null;
    }

    @Override
    public boolean answer(byte[] body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        // A range with a charset is answered with it by Spring MVC's negotiation: left to it.
        if (!AcceptHeader.allowsJson(accept) || accept != null && accept.toLowerCase(java.util.Locale.ROOT)
                .contains("charset")
                || !(SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                instanceof ApiClientPrincipal client)) {
            return false;
        }
        byte[] answer = json.writeValueAsBytes(WhoAmIApi.describe(client, clock.instant()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
        return true;
    }
}
