package cn.chengxin.account.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.LeanEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class LeanApiLaneTests {

    private static final String BODY = "{\"subjectNumber\":\"x\"}";

    /** A lean endpoint that answers only bodies containing "answer", recording what it was given. */
    private final List<String> given = new ArrayList<>();
    private final LeanEndpoint endpoint = new LeanEndpoint() {
        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/api/v1/checks";
        }

        @Override
        public Permission permission() {
            return Permission.API_SUBJECT_CHECK;
        }

        @Override
        public boolean answer(byte[] body, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            String text = new String(body, StandardCharsets.UTF_8);
            given.add(text);
            if (text.contains("fail")) {
                throw new IllegalStateException("broken");
            }
            if (!text.contains("answer")) {
                return false;
            }
            response.getWriter().write("lean");
            return true;
        }
    };
    private final LeanApiLane lane = new LeanApiLane(List.of(endpoint));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClientHoldingThePermissionIsAnsweredOnTheLane() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        Outcome outcome = send(request("POST", "/api/v1/checks", "{\"answer\":1}"));
        assertThat(outcome.answered()).isEqualTo("lean");
        assertThat(outcome.passedOn()).isFalse();
    }

    @Test
    void aDeclinedRequestGoesOnWithItsBodyToBeReadAgain() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        Outcome outcome = send(request("POST", "/api/v1/checks", BODY));
        assertThat(given).containsExactly(BODY);
        assertThat(outcome.passedOn()).isTrue();
        assertThat(outcome.bodyDownstream()).isEqualTo(BODY);
        assertThat(outcome.answered()).isEmpty();
    }

    @Test
    void whatTheLaneCannotJudgeInFullIsNeverGivenToTheEndpoint() throws Exception {
        // No key (the chain then refuses with 401), a key without the permission (403), not an API client at all.
        assertPassedOnUnread(request("POST", "/api/v1/checks", "{\"answer\":1}"));
        signIn(Permission.API_REPORT_QUERY);
        assertPassedOnUnread(request("POST", "/api/v1/checks", "{\"answer\":1}"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "staff", null, List.of(new SimpleGrantedAuthority(Permission.API_SUBJECT_CHECK.code()))));
        assertPassedOnUnread(request("POST", "/api/v1/checks", "{\"answer\":1}"));

        signIn(Permission.API_SUBJECT_CHECK);
        // Another path, method or a query string, a body longer than the lane reads or sent without its length.
        assertPassedOnUnread(request("POST", "/api/v1/checks/batch", "{\"answer\":1}"));
        assertPassedOnUnread(request("PUT", "/api/v1/checks", "{\"answer\":1}"));
        MockHttpServletRequest query = request("POST", "/api/v1/checks", "{\"answer\":1}");
        query.setQueryString("lang=en");
        assertPassedOnUnread(query);
        assertPassedOnUnread(request("POST", "/api/v1/checks",
                "{\"answer\":\"" + "a".repeat(LeanApiLane.LARGEST_BODY) + "\"}"));
        MockHttpServletRequest unannounced = new MockHttpServletRequest("POST", "/api/v1/checks") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        unannounced.setContent("{\"answer\":1}".getBytes(StandardCharsets.UTF_8));
        assertPassedOnUnread(unannounced);
    }

    @Test
    void aFailureOnTheLaneIsAnsweredAsAProblemWithAReferenceAsOnTheRegularPath() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        lane.doFilter(request("POST", "/api/v1/checks", "{\"fail\":1}"), response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("broken")
                .containsPattern("\"reference\":\"[0-9a-f-]{36}\"");
    }

    @Test
    void aBodyShorterThanAnnouncedGoesOnAsItCameWithoutReachingTheEndpoint() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        MockHttpServletRequest shorter = new MockHttpServletRequest("POST", "/api/v1/checks") {
            @Override
            public long getContentLengthLong() {
                return 40;
            }
        };
        shorter.setContent("{\"answer\":1}".getBytes(StandardCharsets.UTF_8));
        Outcome outcome = send(shorter);
        assertThat(given).isEmpty();
        assertThat(outcome.passedOn()).isTrue();
        assertThat(outcome.bodyDownstream()).isEqualTo("{\"answer\":1}");
    }

    /**
     * A body whose reading fails (Tomcat's report of a caller that stopped sending part-way) goes on without reaching
     * the endpoint, and whoever reads it next meets the same failure: the regular path answers it, where thrown on
     * from here it left the API's error handling out.
     */
    @Test
    void aBodyWhoseReadingFailsGoesOnToMeetTheSameFailureWithoutReachingTheEndpoint() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        IOException cutShort = new java.io.EOFException("cut short");
        MockHttpServletRequest broken = new MockHttpServletRequest("POST", "/api/v1/checks") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new org.springframework.mock.web.DelegatingServletInputStream(new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw cutShort;
                    }
                });
            }
        };
        broken.setContent("{\"answer\":1}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        IOException[] metDownstream = new IOException[1];
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                try {
                    req.getInputStream().readAllBytes();
                } catch (IOException failure) {
                    metDownstream[0] = failure;
                }
            }
        });

        lane.doFilter(broken, response, chain);

        assertThat(given).isEmpty();
        assertThat(chain.getRequest()).isNotNull();
        assertThat(metDownstream[0]).isSameAs(cutShort);
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void aBodyOfTheLargestLengthReadIsStillGivenToTheEndpoint() throws Exception {
        signIn(Permission.API_SUBJECT_CHECK);
        String body = "{\"answer\":\"" + "a".repeat(LeanApiLane.LARGEST_BODY - 13) + "\"}";
        assertThat(body).hasSize(LeanApiLane.LARGEST_BODY);
        assertThat(send(request("POST", "/api/v1/checks", body)).answered()).isEqualTo("lean");
    }

    private void assertPassedOnUnread(MockHttpServletRequest request) throws Exception {
        String sent = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
        Outcome outcome = send(request);
        assertThat(outcome.bodyDownstream()).isEqualTo(sent);
        assertThat(given).as(request.getMethod() + " " + request.getRequestURI()).isEmpty();
        assertThat(outcome.passedOn()).isTrue();
        assertThat(outcome.answered()).isEmpty();
    }

    private static MockHttpServletRequest request(String method, String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static void signIn(Permission permission) {
        ApiClientPrincipal client = new ApiClientPrincipal(UUID.randomUUID(), "测试系统", "测试局", "", "ck_test",
                Set.of(permission), 600);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                client, null, List.of(new SimpleGrantedAuthority(ApiKeyAuthenticationFilter.API_CLIENT),
                        new SimpleGrantedAuthority(permission.code()))));
    }

    private record Outcome(boolean passedOn, String bodyDownstream, String answered) {
    }

    private Outcome send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] downstream = new String[1];
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                downstream[0] = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        lane.doFilter(request, response, chain);
        return new Outcome(chain.getRequest() != null, downstream[0], response.getContentAsString());
    }
}
