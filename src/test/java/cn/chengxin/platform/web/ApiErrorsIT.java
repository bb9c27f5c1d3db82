package cn.chengxin.platform.web;

import java.nio.charset.StandardCharsets;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.shared.web.Problems;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every API failure is an RFC 9457 problem+json with a stable code, and never echoes the number sent. */
@IntegrationTest
class ApiErrorsIT {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private static final String VALIDATIONS = "/api/v1/identity/validations";

    @Autowired
    MockMvc mvc;

    @Test
    void aValidNumberIsAnsweredMasked() throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"110105491231002\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.documentType").value("RESIDENT_ID"))
                .andExpect(jsonPath("$.masked").value("1101**********002X"))
                .andExpect(jsonPath("$.birthYear").value(1949))
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.gender").value("F"));
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"91350100M000100Y43\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentType").value("UNIFIED_SOCIAL_CREDIT_CODE"));
    }

    /** 400, as every API answers a malformed number (gaps review xxxvii R5; ApiConventionsIT). */
    @Test
    void aWrongCheckCharacterIsA400WithItsOwnCode() throws Exception {
        MvcResult result = mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"RESIDENT_ID\",\"number\":\"110105194912310021\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ID_CHECKSUM"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("/problems/id-checksum"))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("110105194912310021");
    }

    @Test
    void otherRejectionsHaveTheirOwnCodes() throws Exception {
        expectCode("{\"number\":\"110105209912310029\"}", "ID_BIRTH_DATE");
        expectCode("{\"type\":\"RESIDENT_ID\",\"number\":\"12345\"}", "ID_FORMAT");
        expectCode("{\"type\":\"UNIFIED_SOCIAL_CREDIT_CODE\",\"number\":\"91350100M000100Y44\"}", "USCC_CHECKSUM");
    }

    @Test
    void malformedJsonIsMalformedRequest() throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON).content("{\"number\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void aFieldThatCannotBeReadIsNamedWithWhatItTakesButNotWithWhatWasSent() throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"resident_id\",\"number\":\"11010519491231002X\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("取值无效，可选值：RESIDENT_ID、"),
                        org.hamcrest.Matchers.containsString("PASSPORT"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "resident_id"))));
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":[\"11010519491231002X\"]}"))
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].message").value("类型不正确"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "11010519491231002X"))));
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON).content("{\"number\":"))
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        // A field no API defines (here an identity number sent as a name) is ignored, and never repeated.
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"11010519491231002X\",\"11010519491231002X\":true}"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "11010519491231002X"))));
    }

    @Test
    void aMissingFieldIsValidationFailedNamingTheField() throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    /**
     * A body past the API's bound (32 MB) is refused as too large, not read on as malformed JSON: before it is read when
     * its length is declared, as soon as it passes the bound when it comes in chunks.
     */
    @Test
    void aBodyPastTheBoundIsTooLargeWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] declared = ("{\"number\":\"" + "1".repeat(33 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON).content(declared))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BODY_TOO_LARGE"));

        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + VALIDATIONS))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(declared))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"BODY_TOO_LARGE\"");
    }

    @Test
    void aWrongMethodAndAWrongMediaTypeAreProblemsToo() throws Exception {
        mvc.perform(get(VALIDATIONS))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
        mvc.perform(post(VALIDATIONS).contentType(MediaType.TEXT_PLAIN).content("110105194912310021"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aProtectedEndpointWithoutCredentialsIsUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/subjects"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void thePlatformDescribesItsCity() throws Exception {
        mvc.perform(get("/api/v1/platform"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.siteTitle").value("信用驻马店"));
    }

    /** A passport number may have the shape of an old resident number; it says nothing of its holder's birth. */
    @Test
    void aPassportNumberShapedLikeAResidentNumberIsAnsweredWithoutABirthDate() throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PASSPORT\",\"number\":\"411702900101123\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentType").value("PASSPORT"))
                .andExpect(jsonPath("$.birthYear").doesNotExist())
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.gender").doesNotExist());
    }

    @Test
    void theOpenApiDocumentListsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/identity/validations'].post").exists())
                // A client generated from the document knows where its key goes, and which calls need none.
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/checks'].post.security[0].apiKey").exists())
                .andExpect(jsonPath("$.paths['/api/v1/identity/validations'].post.security").doesNotExist());
    }

    /** The codes are those the sources raise ({@link RaisedProblemCodes}), so that a new one is followed too. */
    @Test
    void everyProblemTypeLeadsToAPageExplainingIt() throws Exception {
        for (String code : RaisedProblemCodes.in(java.nio.file.Path.of("src/main/java")).all()) {
            mvc.perform(get(Problems.of(org.springframework.http.HttpStatus.BAD_REQUEST, code, "").getType()
                            .toString()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(code)));
        }
        mvc.perform(get("/problems/no-such-code")).andExpect(status().isNotFound());
    }

    private void expectCode(String body, String code) throws Exception {
        mvc.perform(post(VALIDATIONS).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void aMalformedIdInThePathIsNotFoundNotAServerError() throws Exception {
        mvc.perform(post("/api/v1/checks/not-a-uuid/feedback").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"M\",\"applied\":true,\"outcome\":\"已处理\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void aMalformedParameterIsValidationFailedNamingIt() throws Exception {
        mvc.perform(get("/api/v1/exchange/reconciliation/relayed").param("day", "yesterday")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("day"));
    }

    @Test
    void aMalformedPageKeyOnThePublicSiteIsABadRequestPage() throws Exception {
        // The public lists page by the key of an entry (gaps review xxxv P6), no longer by a number.
        mvc.perform(get("/lists").param("after", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/lists").param("type", "PURPLE")).andExpect(status().isBadRequest());
    }
}
