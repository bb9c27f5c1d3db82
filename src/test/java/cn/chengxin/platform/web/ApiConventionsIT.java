package cn.chengxin.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.measures.Scenario;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.scoring.ProvidedBenefits;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestRecords;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an integrator may rely on across {@code /api/v1} (gaps review xxxvii R3, R5): one status for one code on every
 * API, a tolerant reader of requests, deprecated aliases that say so in their headers, and a document naming its
 * release and its compatibility rules.
 */
@IntegrationTest
class ApiConventionsIT {

    /** A resident identity number of 驻马店 whose check character is wrong (the review's measurement). */
    private static final String WRONG_CHECK_CHARACTER = "411702199001010531";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ProvidedBenefits provided;

    @Autowired
    JsonMapper json;

    @Autowired
    ObjectProvider<BuildProperties> build;

    /**
     * The same malformed number answers the same status and code on every API that takes one: 400 ID_CHECKSUM, where
     * benefits, commitments and validations answered 422 and checks and reports 400.
     */
    @Test
    void theSameMalformedNumberAnswersTheSameStatusAndCodeOnEveryApi() throws Exception {
        String number = "\"subjectNumber\":\"" + WRONG_CHECK_CHARACTER + "\"";
        Map<String, String[]> calls = Map.of(
                "/api/v1/identity/validations", new String[] {null, "{" + number + "}"},
                "/api/v1/checks", new String[] {DemoAccounts.API_KEY,
                        "{" + number + ",\"scenario\":\"INSPECTION\",\"purpose\":\"企业设立登记审查\"}"},
                "/api/v1/reports", new String[] {DemoAccounts.INSTITUTION_KEY, "{" + number + ",\"purpose\":\"LENDING\"}"},
                "/api/v1/benefits/check", new String[] {TestRecords.libraryKey(apiClients, directory, provided),
                        "{" + number + ",\"purpose\":\"免押金借阅办证\"}"},
                "/api/v1/commitments", new String[] {DemoAccounts.SUBMISSION_KEY,
                        "{" + number + ",\"kind\":\"TOLERANCE\",\"text\":\"本人承诺在 30 日内补交材料。\"}"});
        List<String> answers = new ArrayList<>();
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            var request = post(call.getKey()).contentType(MediaType.APPLICATION_JSON).content(call.getValue()[1]);
            if (call.getValue()[0] != null) {
                request.header("Authorization", "Bearer " + call.getValue()[0]);
            }
            MvcResult result = mvc.perform(request).andReturn();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            answers.add(call.getKey() + " " + result.getResponse().getStatus() + " "
                    + JsonPath.read(body, "$.code") + " " + JsonPath.read(body, "$.status"));
            assertThat(body).as(call.getKey()).doesNotContain(WRONG_CHECK_CHARACTER);
        }
        assertThat(answers).allSatisfy(a -> assertThat(a).endsWith(" 400 ID_CHECKSUM 400"));
    }

    /** The document says so too: a document number's codes are answered 400 by every operation that may meet them. */
    @Test
    void theDocumentListsTheIdentityCodesUnder400Only() throws Exception {
        String document = document();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
        List<String> elsewhere = new ArrayList<>();
        int under400 = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                for (var response : responses.entrySet()) {
                    Object examples = read(response.getValue(), "$.content['application/problem+json'].examples");
                    if (examples instanceof Map<?, ?> named && named.containsKey("ID_CHECKSUM")) {
                        if (response.getKey().equals("400")) {
                            under400++;
                        } else {
                            elsewhere.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        }
                    }
                }
            }
        }
        assertThat(elsewhere).isEmpty();
        assertThat(under400).isGreaterThanOrEqualTo(5);
    }

    /**
     * A tolerant reader: a field this release does not know (a newer client's) is ignored, on the lean check lane as
     * on the others; a known field that is wrong is still refused.
     */
    @Test
    void anUnknownFieldIsAcceptedAndAWrongKnownOneRefused() throws Exception {
        mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"11010519491231002X\",\"clientRelease\":\"2.4\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
        String check = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\",\"purpose\":\"企业设立登记审查\","
                + "\"approvalSystem\":{\"vendor\":\"某公司\",\"release\":3}}";
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(check))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checkId").isNotEmpty());
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(check.replace("INSPECTION", "inspection")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("scenario"));
    }

    /**
     * The validation's earlier field names are read still, deprecated: the answer says so (RFC 9745 Deprecation,
     * RFC 8594 Sunset, a Link to the changelog's entry), and the answer names the mask as every API does. A request
     * under the current names gets no such header.
     */
    @Test
    void aDeprecatedAliasIsAnsweredWithItsDeprecationHeaders() throws Exception {
        long since = LocalDate.parse("2026-12-06").atStartOfDay(ZoneId.of("Asia/Shanghai")).toEpochSecond();
        MvcResult old = mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"RESIDENT_ID\",\"number\":\"11010519491231002X\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Deprecation", "@" + since))
                .andExpect(header().string("Sunset", "Thu, 30 Dec 2027 16:00:00 GMT"))
                .andExpect(jsonPath("$.maskedNumber").value("1101**********002X"))
                .andExpect(jsonPath("$.masked").value("1101**********002X"))
                .andReturn();
        String link = old.getResponse().getHeader("Link");
        assertThat(link).isEqualTo("</api/v1/platform/api-changes#2026-12-06-identity-validations>; "
                + "rel=\"deprecation\"; type=\"text/markdown\"");
        mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"11010519491231002X\",\"documentType\":\"居民身份证\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentType").value("RESIDENT_ID"))
                .andExpect(header().doesNotExist("Deprecation"))
                .andExpect(header().doesNotExist("Sunset"));
        // The link leads to the entry, served by the platform itself.
        String changelog = mvc.perform(get("/api/v1/platform/api-changes"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(changelog).contains("id=\"2026-12-06-identity-validations\"", "subjectNumber", "maskedNumber");
        // A missing number is refused naming the field under the name the caller used.
        mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("subjectNumber"));
    }

    /**
     * One name for a check: an item owing feedback is {@code checkId}/{@code checkedAt} as in a check's answer, with
     * {@code id}/{@code at} kept beside them and marked deprecated in the document.
     */
    @Test
    void aCheckOwingFeedbackIsNamedAsEveryCheckIs() throws Exception {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-06T02:00:00Z");
        String written = json.writeValueAsString(new JdbcMeasures.Unreturned(id, at, "MARKET", Scenario.INSPECTION,
                "审查", null, List.of("NO_CIVIL_SERVICE")));
        assertThat((String) JsonPath.read(written, "$.checkId")).isEqualTo(id.toString());
        assertThat((String) JsonPath.read(written, "$.checkedAt")).isEqualTo(JsonPath.read(written, "$.at"));
        assertThat((String) JsonPath.read(written, "$.id")).isEqualTo(id.toString());
        String document = document();
        assertThat(JsonPath.<Boolean>read(document, "$.components.schemas.Unreturned.properties.id.deprecated"))
                .isTrue();
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.Unreturned.properties"))
                .containsKeys("checkId", "checkedAt");
    }

    /**
     * The document names the release it describes, not the path's constant {@code v1}, and its compatibility rules
     * with the changelog; the platform's own answer names the same release.
     */
    @Test
    void theDocumentNamesItsReleaseAndItsCompatibilityRules() throws Exception {
        String document = document();
        String version = JsonPath.read(document, "$.info.version");
        assertThat(version).isNotEqualTo("v1").isEqualTo(OpenApiConfiguration.release(build));
        assertThat(build.getIfAvailable()).as("the build records its release").isNotNull();
        assertThat(version).isEqualTo(build.getObject().getVersion());
        assertThat(JsonPath.<String>read(document, "$.info.description"))
                .contains("/api/v1/platform/api-changes", "ignore what you do not know", "Deprecation", "Sunset");
        assertThat(JsonPath.<Boolean>read(document,
                "$.components.schemas.ValidateNumber.properties.number.deprecated")).isTrue();
        mvc.perform(get("/api/v1/platform")).andExpect(jsonPath("$.release").value(version));
    }

    private String document() throws Exception {
        return mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Object read(Object json, String path) {
        try {
            return JsonPath.read(json, path);
        } catch (com.jayway.jsonpath.PathNotFoundException absent) {
            return null;
        }
    }
}
