package cn.chengxin.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error a program meets is problem+json with a stable code, on the API and at a page's address alike (issue #2):
 * a program that takes no HTML is not answered the error page, nor the framework's JSON without a code; a browser still
 * reads the site's error page. Over real HTTP, so that the container's own error dispatch is walked too.
 */
@IntegrationTest
class ProgramErrorsIT {

    private static final String JSON = "application/json";
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownPageIsANotFoundProblemForAProgramAndThePageForABrowser() throws Exception {
        HttpResponse<String> program = send(get("/no-such-page").header("Accept", JSON));
        assertProblem(program, 404, "NOT_FOUND");
        HttpResponse<String> browser = send(get("/no-such-page").header("Accept", BROWSER));
        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void aMistypedParameterOfAPageIsAValidationProblem() throws Exception {
        assertProblem(send(get("/lists?after=first").header("Accept", JSON)), 400, "VALIDATION_FAILED");
    }

    @Test
    void aWrongMethodOnAPageIsAMethodProblem() throws Exception {
        var staff = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "program-errors", "n/a", java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/console")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(staff))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .header("Accept", JSON))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"))
                .andExpect(header().exists("Allow"));
    }

    /** A state-changing request without the form's token, from a program: refused as the console refuses it. */
    @Test
    void aPublicPageRefusingAProgramsRequestWithoutItsTokenIsAForbiddenProblem() throws Exception {
        assertProblem(send(get("/lists").method("DELETE", HttpRequest.BodyPublishers.noBody()).header("Accept", JSON)),
                403, "FORBIDDEN");
    }

    /** A form past the container's bound for a form (2 MB), sent by a program to a page: refused as too large. */
    @Test
    void aFormPastTheBoundIsATooLargeProblem() throws Exception {
        String form = "facts=" + "x".repeat(3 << 20);
        HttpResponse<String> refused = send(get("/tipoffs").header("Accept", JSON)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertProblem(refused, 413, "BODY_TOO_LARGE");
    }

    @Test
    void anUnknownApiPathAndAWrongApiMethodAreProblems() throws Exception {
        assertProblem(send(get("/api/v1/no-such-resource").header("Accept", JSON)
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY)), 404, "NOT_FOUND");
        assertProblem(send(get("/api/v1/no-such-resource").header("Accept", JSON)), 401, "UNAUTHENTICATED");
        // Even a client that asks for a page is answered a problem under /api/.
        assertProblem(send(get("/api/v1/no-such-resource").header("Accept", BROWSER)
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY)), 404, "NOT_FOUND");
        HttpResponse<String> wrongMethod = send(get("/api/v1/platform")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).header("Accept", JSON));
        assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
        assertProblem(send(get("/api/v1/identity/validations").header("Accept", JSON)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.body())
                .startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }
}
