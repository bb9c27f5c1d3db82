package cn.chengxin.account.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.LeanEndpoint;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lean lane answers the check API's and whoami's ordinary requests as the regular path (Spring MVC) does, over
 * real HTTP: same status, same headers, same answer. A query string sends a request the regular way, so each request
 * is made both ways and the two answers compared.
 */
@IntegrationTest
class LeanApiLaneIT {

    private static final String CHECK = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\","
            + "\"purpose\":\"企业设立登记审查\"}";

    @LocalServerPort
    int port;

    @Autowired
    List<LeanEndpoint> endpoints;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JsonMapper json;

    @Autowired
    cn.chengxin.account.ApiClients clients;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiChainRunsTheLaneRightAfterTheKeyIsAuthenticated() {
        SecurityFilterChain api = chains.stream()
                .filter(c -> c.getFilters().stream().anyMatch(f -> f instanceof ApiKeyAuthenticationFilter))
                .findFirst().orElseThrow();
        List<Class<?>> filters = api.getFilters().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(filters.indexOf(LeanApiLane.class)).isEqualTo(filters.indexOf(ApiKeyAuthenticationFilter.class) + 1);
        assertThat(endpoints).extracting(e -> e.method() + " " + e.path())
                .contains("POST /api/v1/checks", "GET /api/v1/whoami");
    }

    @Test
    void eachLeanEndpointRequiresWhatItsMvcMappingDeclares() throws Exception {
        for (LeanEndpoint endpoint : endpoints) {
            HandlerMethod handler = (HandlerMethod) mappings.getHandler(
                    new MockHttpServletRequest(endpoint.method(), endpoint.path())).getHandler();
            java.lang.annotation.Annotation declared = PermissionInterceptor.declarationOf(handler);
            if (endpoint.permission() == null) {
                assertThat(declared).as(endpoint.path()).isInstanceOf(AuthenticatedEndpoint.class);
            } else {
                assertThat(declared).as(endpoint.path()).isInstanceOf(RequiresPermission.class);
                assertThat(((RequiresPermission) declared).value()).as(endpoint.path())
                        .containsExactly(endpoint.permission());
            }
        }
    }

    @Test
    void aCheckIsAnsweredOnTheLaneAsTheRegularPathAnswersIt() throws Exception {
        HttpResponse<String> lean = send(post("/api/v1/checks"));
        HttpResponse<String> regular = send(post("/api/v1/checks?via=mvc"));

        assertThat(lean.statusCode()).isEqualTo(200).isEqualTo(regular.statusCode());
        assertThat(headers(lean.headers())).isEqualTo(headers(regular.headers()));
        JsonNode a = json.readTree(lean.body());
        JsonNode b = json.readTree(regular.body());
        assertThat(a.get("checkId")).isNotEqualTo(b.get("checkId"));
        assertThat(withoutOwnId(a)).isEqualTo(withoutOwnId(b));
        assertThat(lean.body()).doesNotContain("11010519491231002X");
    }

    @Test
    void theCheckEndpointAnswersAnOrdinaryRequestItselfAndDeclinesAMalformedOne() throws Exception {
        LeanEndpoint check = endpoints.stream().filter(e -> e.path().equals("/api/v1/checks")).findFirst()
                .orElseThrow();
        cn.chengxin.account.ApiClientPrincipal client = clients.authenticate(DemoAccounts.API_KEY).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client,
                null, List.of(new SimpleGrantedAuthority(ApiKeyAuthenticationFilter.API_CLIENT))));
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
            request.setContentType("application/json");
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(check.answer(CHECK.getBytes(StandardCharsets.UTF_8), request, response)).isTrue();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(json.readTree(response.getContentAsString()).get("maskedNumber").asString())
                    .isNotBlank().doesNotContain("19491231");

            MockHttpServletResponse untouched = new MockHttpServletResponse();
            assertThat(check.answer(CHECK.replace("002X", "0021").getBytes(StandardCharsets.UTF_8), request,
                    untouched)).isFalse();
            assertThat(untouched.isCommitted()).isFalse();
            assertThat(untouched.getContentAsByteArray()).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anOrdinaryCheckNeverReachesSpringMvcAndEachRequestIsCheckedOnceWhicheverPathAnswersIt() throws Exception {
        long before = storedChecks();
        MvcResult lean = mvc.perform(MockMvcRequestBuilders.post("/api/v1/checks")
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType("application/json").content(CHECK)).andReturn();
        assertThat(lean.getHandler()).as("answered on the lane, before Spring MVC").isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> storedChecks() == before + 1);

        // Declined by the lane (a charset it does not read), then checked by ChecksApi: once, not twice.
        MvcResult regular = mvc.perform(MockMvcRequestBuilders.post("/api/v1/checks")
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType("application/json;charset=utf8").content(CHECK)).andReturn();
        assertThat(regular.getHandler()).as("answered by Spring MVC").isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> storedChecks() == before + 2);

        // Refused on both paths: never stored.
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/checks")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType("application/json").content(CHECK.replace("企业设立登记审查", " ")))
                .andExpect(MockMvcResultMatchers.status().isUnprocessableContent());
        // Checks are stored after the answer, in order: once a later check is stored, the refused one would be too.
        barrierCheck(DemoAccounts.API_KEY);
        assertThat(storedChecks()).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE trim(purpose) = ''").query(Long.class)
                .single()).as("the refused check").isZero();
    }

    /** Sends a valid check with a purpose of its own and waits until it is stored. */
    private void barrierCheck(String key) throws Exception {
        String purpose = "企业设立登记审查 " + java.util.UUID.randomUUID();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/checks")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK.replace("企业设立登记审查", purpose)))).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM measures.check_made WHERE purpose = ?").param(purpose).query(Long.class)
                .single() == 1);
    }

    /**
     * A key bound to no department (issued before keys were bound to one) may not check: the lane declines it and the
     * regular path refuses it, the same on both, and neither keeps a check.
     */
    @Test
    void aKeyBoundToNoDepartmentIsRefusedOnTheLaneAsOnTheRegularPath() throws Exception {
        java.util.UUID market = jdbc.sql("SELECT id FROM account.department WHERE code = 'MARKET'")
                .query(java.util.UUID.class).single();
        cn.chengxin.account.ApiClients.IssuedKey unbound = clients.issue("旧版审批系统", "市市场监督管理局",
                cn.chengxin.account.ApiClient.Kind.DEPARTMENT, market,
                java.util.Set.of(cn.chengxin.shared.security.Permission.API_SUBJECT_CHECK), 6000);
        jdbc.sql("UPDATE account.api_client SET department_id = NULL WHERE id = ?").param(unbound.clientId())
                .update();

        HttpResponse<String> lean = send(post("/api/v1/checks").setHeader("Authorization", "Bearer " + unbound.key()));
        HttpResponse<String> regular = send(post("/api/v1/checks?via=mvc")
                .setHeader("Authorization", "Bearer " + unbound.key()));
        assertThat(lean.statusCode()).isEqualTo(403).isEqualTo(regular.statusCode());
        assertThat(headers(lean.headers())).isEqualTo(headers(regular.headers()));
        assertThat(json.readTree(lean.body()).get("code").asString()).isEqualTo("CHECK_DEPARTMENT_REQUIRED");
        assertThat(json.readTree(regular.body()).get("code").asString()).isEqualTo("CHECK_DEPARTMENT_REQUIRED");
        // Checks are stored after the answer, in order: once a later check is stored, a refused one would be too.
        barrierCheck(DemoAccounts.API_KEY);
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE client_id = ?")
                .param(unbound.clientId().toString()).query(Long.class).single()).isZero();
    }

    private long storedChecks() {
        return jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single();
    }

    @Test
    void whoamiIsAnsweredOnTheLaneAsTheRegularPathAnswersIt() throws Exception {
        HttpResponse<String> lean = send(get("/api/v1/whoami"));
        HttpResponse<String> regular = send(get("/api/v1/whoami?via=mvc"));

        assertThat(lean.statusCode()).isEqualTo(200).isEqualTo(regular.statusCode());
        assertThat(headers(lean.headers())).isEqualTo(headers(regular.headers()));
        assertThat(json.readTree(lean.body())).isEqualTo(json.readTree(regular.body()));
        assertThat(lean.body()).contains("api:subject:check");
    }

    @Test
    void whatTheLaneDeclinesIsRefusedWithTheRegularPathsCodes() throws Exception {
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("/api/v1/checks"))
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK.replace("002X", "0021"))));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("code").asString()).startsWith("ID_");

        HttpResponse<String> noPurpose = send(HttpRequest.newBuilder(uri("/api/v1/checks"))
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK.replace("企业设立登记审查", " "))));
        assertThat(noPurpose.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noPurpose.body()).get("code").asString()).isEqualTo("PURPOSE_REQUIRED");

        HttpResponse<String> xml = send(post("/api/v1/checks").header("Accept", "application/xml"));
        assertThat(xml.statusCode()).isEqualTo(406);

        HttpResponse<String> noKey = send(HttpRequest.newBuilder(uri("/api/v1/checks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHECK)));
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    /**
     * A body cut short — announced longer than sent, then the caller stops sending — fails to be read in Tomcat (a
     * failed read, not a short one). The lane gives the failure to the regular path, which answers it as it answers
     * a body it could not read: not the container's own HTML error page, as when the failure was thrown on.
     */
    @Test
    void aBodyCutShortIsAnsweredOnTheLaneAsTheRegularPathAnswersIt() throws Exception {
        String lean = cutShort("/api/v1/checks");
        String regular = cutShort("/api/v1/checks?via=mvc");

        assertThat(lean.lines().findFirst()).hasValue("HTTP/1.1 400 ")
                .isEqualTo(regular.lines().findFirst());
        assertThat(contentType(lean)).isEqualTo(contentType(regular)).doesNotContain("text/html");
        assertThat(lean).doesNotContain("<html");
        // As every API error: problem+json with a stable code, not the container's default error answer.
        assertThat(contentType(lean)).contains("application/problem+json");
        assertThat(lean).contains("\"code\":\"MALFORMED_REQUEST\"");
    }

    /** The raw answer to a check whose body stops part-way, the caller having closed its side of the connection. */
    private String cutShort(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + DemoAccounts.API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (CHECK.getBytes(StandardCharsets.UTF_8).length + 50) + "\r\n\r\n";
            socket.getOutputStream().write((head + CHECK.substring(0, 30)).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String contentType(String rawAnswer) {
        return rawAnswer.substring(0, rawAnswer.indexOf("\r\n\r\n")).lines()
                .filter(h -> h.toLowerCase().startsWith("content-type:")).findFirst().orElse("none");
    }

    private static ObjectNode withoutOwnId(JsonNode answer) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("checkId");
        copy.remove("checkedAt");
        return copy;
    }

    /**
     * Every header but those that differ by nature from one answer to the next; {@code RateLimit} is kept but for
     * how much of the rate is left and when it is full ({@code r=}, {@code t=}), which each request moves.
     */
    private static Map<String, List<String>> headers(HttpHeaders headers) {
        return headers.map().entrySet().stream()
                .filter(h -> !List.of("date", "x-request-id").contains(h.getKey().toLowerCase()))
                .collect(Collectors.toMap(h -> h.getKey().toLowerCase(),
                        h -> h.getKey().equalsIgnoreCase("ratelimit")
                                ? h.getValue().stream().map(v -> v.replaceAll(";r=\\d+;t=\\d+", ";r=*;t=*")).toList()
                                : h.getValue(),
                        (x, y) -> x, TreeMap::new));
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHECK));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + DemoAccounts.API_KEY).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
