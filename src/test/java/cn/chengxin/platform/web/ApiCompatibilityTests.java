package cn.chengxin.platform.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiCompatibility} sorts a change of the OpenAPI document into breaking and compatible as the promise of
 * docs/api-changelog.md does (gaps review xxxvii R3), each on a small document standing for the released one.
 */
class ApiCompatibilityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RELEASED = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1.0"},"servers":[{"url":"http://a"}],
             "paths":{"/api/v1/checks":{"post":{
               "parameters":[{"name":"dryRun","in":"query","required":false,"schema":{"type":"boolean"}}],
               "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Request"}}}},
               "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Answer"}}}},
                            "422":{"content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
              "/api/v1/lifted":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{
                 "type":"array","items":{"type":"string"}}}}}}}}},
             "components":{"schemas":{
               "Request":{"type":"object","required":["subjectNumber"],"properties":{
                 "subjectNumber":{"type":"string"},"purpose":{"type":"string"}}},
               "Answer":{"type":"object","properties":{
                 "checkId":{"type":"string","format":"uuid"},
                 "status":{"type":"string","enum":["LISTED","CLEAN"]},
                 "at":{"type":"string","format":"date-time"}}}}}}
            """;

    private static JsonNode released() {
        return JSON.readTree(RELEASED);
    }

    private static List<ApiCompatibility.Change> changed(String path, String json) {
        JsonNode now = released();
        JsonNode parent = now.at(path.substring(0, path.lastIndexOf('/')));
        String member = path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        if (json == null) {
            ((tools.jackson.databind.node.ObjectNode) parent).remove(member);
        } else {
            ((tools.jackson.databind.node.ObjectNode) parent).set(member, JSON.readTree(json));
        }
        return ApiCompatibility.compare(released(), now);
    }

    private static List<String> breaking(List<ApiCompatibility.Change> changes) {
        return changes.stream().filter(ApiCompatibility.Change::breaking).map(ApiCompatibility.Change::name).toList();
    }

    @Test
    void theSameDocumentHasNoChange() {
        assertThat(ApiCompatibility.compare(released(), released())).isEmpty();
    }

    @Test
    void aRemovedOperationOrFieldOrValueIsBreaking() {
        assertThat(breaking(changed("/paths/~1api~1v1~1lifted", null))).containsExactly("GET /lifted");
        assertThat(breaking(changed("/components/schemas/Answer/properties/at", null))).containsExactly("Answer.at");
        assertThat(breaking(changed("/components/schemas/Answer/properties/status",
                "{\"type\":\"string\",\"enum\":[\"LISTED\"]}"))).containsExactly("Answer.status=CLEAN");
        assertThat(breaking(changed("/components/schemas/Answer", null))).containsExactly("Answer");
        assertThat(breaking(changed("/paths/~1api~1v1~1checks/post/parameters", "[]")))
                .containsExactly("POST /checks query:dryRun");
        assertThat(breaking(changed("/paths/~1api~1v1~1checks/post/responses/200", null)))
                .containsExactly("POST /checks 200");
    }

    @Test
    void aChangedTypeIsBreaking() {
        assertThat(breaking(changed("/components/schemas/Answer/properties/checkId", "{\"type\":\"integer\"}")))
                .containsExactly("Answer.checkId");
        assertThat(breaking(changed("/components/schemas/Answer/properties/at", "{\"type\":\"string\"}")))
                .containsExactly("Answer.at");
        assertThat(breaking(changed("/paths/~1api~1v1~1lifted/get/responses/200/content/application~1json/schema",
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"))).containsExactly("GET /lifted 200[]");
        // An answer that may now be null breaks a reader; a request that may now be null breaks no sender.
        assertThat(breaking(changed("/components/schemas/Answer/properties/status",
                "{\"type\":[\"string\",\"null\"],\"enum\":[\"LISTED\",\"CLEAN\"]}"))).containsExactly("Answer.status");
        assertThat(breaking(changed("/components/schemas/Request/properties/purpose",
                "{\"type\":[\"string\",\"null\"]}"))).isEmpty();
    }

    @Test
    void aNewRequiredRequestFieldOrParameterIsBreakingAndANewAnswerFieldIsNot() {
        assertThat(breaking(changed("/components/schemas/Request/required", "[\"subjectNumber\",\"purpose\"]")))
                .containsExactly("Request.purpose");
        assertThat(breaking(changed("/components/schemas/Request/properties/department", "{\"type\":\"string\"}")))
                .isEmpty();
        assertThat(breaking(changed("/paths/~1api~1v1~1checks/post/parameters",
                "[{\"name\":\"dryRun\",\"in\":\"query\",\"schema\":{\"type\":\"boolean\"}},"
                        + "{\"name\":\"X-Office\",\"in\":\"header\",\"required\":true,\"schema\":{\"type\":\"string\"}}]")))
                .containsExactly("POST /checks header:X-Office");
        // Required in an answer is a promise more, and the answer's schema is no request's.
        assertThat(breaking(changed("/components/schemas/Answer/required", "[\"checkId\"]"))).isEmpty();
        List<ApiCompatibility.Change> added = changed("/components/schemas/Answer/properties/listedOn",
                "{\"type\":\"string\",\"format\":\"date\"}");
        assertThat(added).extracting(ApiCompatibility.Change::name).containsExactly("Answer.listedOn");
        assertThat(breaking(added)).isEmpty();
        assertThat(breaking(changed("/components/schemas/Answer/properties/status",
                "{\"type\":\"string\",\"enum\":[\"LISTED\",\"CLEAN\",\"OBJECTED\"]}"))).isEmpty();
        // A refusal no longer given is no client's loss.
        assertThat(changed("/paths/~1api~1v1~1checks/post/responses/422", null)).isEmpty();
    }

    @Test
    void theSnapshotLeavesOutTheReleaseAndTheServersAndIsSorted() {
        JsonNode snapshot = ApiCompatibility.normalised(released(), LocalDate.parse("2026-12-07"));
        assertThat(snapshot.has("servers")).isFalse();
        assertThat(snapshot.path("info").has("version")).isFalse();
        assertThat(ApiCompatibility.taken(snapshot)).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(snapshot.propertyNames()).containsExactly("components", "info", "openapi", "paths");
        assertThat(ApiCompatibility.compare(snapshot, released())).isEmpty();
    }

    @Test
    void aChangeIsAnnouncedByAnEntryDatedSinceTheSnapshotNamingIt() {
        String changelog = """
                # Changelog

                Text naming `Answer.intro` above every date.

                ## 2026-12-08

                ### `Answer.at` renamed
                `GET /lifted` too.

                ## 2026-12-06

                ### `Answer.status=CLEAN` is gone
                """;
        assertThat(ApiCompatibility.announcedSince(changelog, LocalDate.parse("2026-12-07")))
                .containsExactlyInAnyOrder("Answer.at", "GET /lifted");
        assertThat(ApiCompatibility.announcedSince(changelog, LocalDate.parse("2026-12-06")))
                .containsExactlyInAnyOrder("Answer.at", "GET /lifted", "Answer.status=CLEAN");
    }
}
