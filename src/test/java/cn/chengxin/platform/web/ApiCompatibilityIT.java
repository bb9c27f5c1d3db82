package cn.chengxin.platform.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document of {@code /api/v1} against the released one kept in docs/openapi-v1.json (gaps review xxxvii
 * R3): a breaking change ({@link ApiCompatibility}) fails here until a dated entry of docs/api-changelog.md names it;
 * any other difference fails only to ask for the snapshot to be taken again, so that the next breaking change is
 * measured against what was released. {@code -Dapi.snapshot=write} (or the environment's {@code API_SNAPSHOT=write})
 * writes the snapshot, and refuses to while a breaking change is not announced.
 */
@IntegrationTest
class ApiCompatibilityIT {

    static final Path SNAPSHOT = Path.of("docs/openapi-v1.json");
    private static final Path CHANGELOG = Path.of("docs/api-changelog.md");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String HOW = "take the snapshot again: ./mvnw -o -q verify -Dtest=NoSuchTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiCompatibilityIT -Dfailsafe.failIfNoSpecifiedTests=false "
            + "-Dspring-boot.repackage.skip=true -Dapi.snapshot=write (or API_SNAPSHOT=write), and commit "
            + SNAPSHOT + " with the change";

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentBreaksNothingReleasedWithoutAnEntryInTheChangelog() throws Exception {
        JsonNode now = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode released = JSON.readTree(Files.readString(SNAPSHOT));
        List<ApiCompatibility.Change> changes = ApiCompatibility.compare(released, now);
        String changelog = Files.readString(CHANGELOG);
        assertThat(BreakingNotice.violations(changelog)).as("breaking entries of " + CHANGELOG + " without their "
                + "notice (its policy, gaps review xliv Y5)").isEmpty();
        Set<String> announced = ApiCompatibility.announcedSince(changelog, ApiCompatibility.taken(released));
        java.util.Map<String, LocalDate> pending = BreakingNotice.pending(changelog, LocalDate.now(ZoneOffset.UTC));
        List<ApiCompatibility.Change> early = changes.stream()
                .filter(c -> c.breaking() && pending.containsKey(c.name())).toList();
        assertThat(early).as("breaking changes made before the day their entry announces (" + pending + "): the "
                + "old form is served until then").isEmpty();
        List<ApiCompatibility.Change> unannounced = changes.stream()
                .filter(c -> c.breaking() && !announced.contains(c.name())).toList();
        assertThat(unannounced).as("breaking changes of /api/v1 since the snapshot of " + ApiCompatibility
                .taken(released) + " that no entry of " + CHANGELOG + " dated since names (in backquotes, as "
                + "`POST /checks` or `CheckAnswer.registered`): make the change compatible (a deprecated alias, a new "
                + "optional field), or announce it there; then " + HOW).isEmpty();
        if (writing()) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(ApiCompatibility.normalised(now,
                    LocalDate.now(ZoneOffset.UTC))) + "\n");
            return;
        }
        assertThat(changes).as("the document changed compatibly since the snapshot: " + HOW).isEmpty();
    }

    private static boolean writing() {
        return "write".equals(System.getProperty("api.snapshot")) || "write".equals(System.getenv("API_SNAPSHOT"));
    }
}
