package cn.chengxin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.demo.DemoData;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * RULES.md §10: no clear identity number in any log. A scenario touching every path that handles numbers
 * runs with the interesting loggers turned up to DEBUG and TRACE (request handling, SQL and its parameters,
 * security, our own code); the captured output is then searched for anything that is an identity number.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoClearIdentityInLogsIT {

    private static final List<String> LOUD = List.of("cn.chengxin", "org.springframework.web",
            "org.springframework.jdbc", "org.springframework.security", "org.springframework.transaction",
            "org.apache.catalina", "org.apache.coyote", "com.zaxxer.hikari", "org.flywaydb");

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry registry;

    @Autowired
    DemoData demoData;

    @Autowired
    cn.chengxin.portal.TipOffDesk tipOffs;

    @LocalServerPort
    int port;

    private final Map<String, LogLevel> previous = new LinkedHashMap<>();

    @BeforeEach
    void turnLoggingUp() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        for (String logger : LOUD) {
            previous.put(logger, logging.getLoggerConfiguration(logger) == null ? null
                    : logging.getLoggerConfiguration(logger).getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.TRACE);
        }
    }

    @AfterEach
    void turnLoggingDown() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        previous.forEach(logging::setLogLevel);
    }

    @Test
    void aFullScenarioLeavesNoIdentityNumberInTheLogs(CapturedOutput output) throws Exception {
        // API, over real HTTP: valid 18- and 15-digit numbers, a bad checksum, a credit code, malformed JSON.
        for (String body : List.of("{\"number\":\"11010519491231002X\"}", "{\"number\":\"110105491231002\"}",
                "{\"number\":\"110105194912310021\"}", "{\"number\":\"91350100M000100Y43\"}",
                "{\"number\":\"411702199001011238\"")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/identity/validations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isBetween(200, 422);
        }
        // Registry: register, find, reveal, a rejected number.
        UUID id = registry.registerPerson(new NewPerson(registry.validate(DocumentType.RESIDENT_ID,
                "411702198505050025"), "陈晓燕", null, null, List.of(), List.of(), false));
        assertThat(registry.find(registry.validate(null, "411702198505050025"))).contains(id);
        assertThat(registry.revealNumber(id)).isPresent();
        assertThatThrownBy(() -> registry.validate(null, "411702198505050026"))
                .isInstanceOf(InvalidIdentityException.class);
        // Console search: found, unknown and invalid numbers.
        for (String number : List.of("411702198505050025", "411702199001011238", "411702199001011239")) {
            mvc.perform(post("/console/subjects").param("number", number).with(user("clerk").roles("STAFF"))
                    .with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        }
        // The public tip-off form: a reported valid number and a bad one.
        for (String number : List.of("411702198505050025", "411702198505050026")) {
            var challenge = tipOffs.challenge();
            mvc.perform(post("/tipoffs").param("subjectName", "陈晓燕").param("subjectNumber", number)
                    .param("facts", "冒用他人名义骗取补贴，金额较大。").param("challengeToken", challenge.token())
                    .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(challenge.question())))
                    .with(csrf()));
        }
        // The public lists and records: a number posted in the search box, and one written into the address by hand
        // (over HTTP, through Tomcat, whose request handling logs the request line at DEBUG).
        mvc.perform(post("/lists").param("q", "411702198505050025").with(csrf()));
        mvc.perform(post("/disclosures").param("q", "411702198505050025").with(csrf()));
        HttpResponse<String> byHand = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/lists?q=411702198505050025")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byHand.statusCode()).isEqualTo(200);
        assertThat(byHand.body()).doesNotContain("411702198505050025");
        // Bulk load of a small synthetic population.
        demoData.generate(300, 99L, message -> { });

        String logs = output.getAll();
        assertThat(logs).as("the loggers really were turned up").contains("/api/v1/identity/validations")
                .contains("TRACE");
        assertThat(ClearIdentityNumbers.valid18In(logs)).as("identity numbers in the logs").isEmpty();
        assertThat(logs).doesNotContain("110105491231002").doesNotContain("110105194912310021")
                .doesNotContain("411702199001011239").doesNotContain("411702198505050026");
    }

    /** The search above must be able to fail. */
    @Test
    void theSearchFindsANumberInALogLine() {
        assertThat(ClearIdentityNumbers.valid18In("2026-11-22 INFO  c.c.X - registered 411702199001011238 ok"))
                .containsExactly("411702199001011238");
        assertThat(ClearIdentityNumbers.valid18In("masked 4117**********1238, bad 411702199001011239")).isEmpty();
    }
}
