package cn.chengxin.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import cn.chengxin.shared.ratelimit.HumanCheck;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public site answers odd input as the client's mistake or as plain text, never with a server error. */
@IntegrationTest
class PublicOddInputIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TipOffDesk desk;

    @LocalServerPort
    int port;

    /** Bytes that are no UTF-8 are decoded by the container itself, so over real HTTP: a 400, not a 500. */
    @Test
    void aSearchThatIsNoUtf8IsABadRequest() throws Exception {
        for (String path : new String[] {"/lists?q=%FF%FE", "/cases?q=%C0%AF", "/disclosures?q=%FF",
                "/licences?q=%FF", "/honours?q=%FE"}) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).doesNotContain("INTERNAL_ERROR");
        }
    }

    /**
     * A NUL, which PostgreSQL refuses in any text, is refused before anything runs (as in every form and API): a 400,
     * never a 500, and no tip-off filed.
     */
    @Test
    void aNulTypedIntoASearchOrATipOffIsRefusedAsTheClientsMistake() throws Exception {
        mvc.perform(get("/lists").param("q", "张\u0000三")).andExpect(status().isBadRequest());
        mvc.perform(get("/cases").param("q", "\u0000")).andExpect(status().isBadRequest());
        mvc.perform(get("/disclosures").param("q", "驻市监罚〔2025〕\u00001号")).andExpect(status().isBadRequest());
        mvc.perform(get("/licences").param("q", "驻市监许〔2025〕\u00001号")).andExpect(status().isBadRequest());
        mvc.perform(get("/honours").param("q", "驻文明表〔2025〕\u00001号")).andExpect(status().isBadRequest());
        HumanCheck.Challenge challenge = desk.challenge();
        mvc.perform(post("/tipoffs").with(csrf()).with(request -> {
                    request.setRemoteAddr("192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)));
                    return request;
                }).param("subjectName", "某\u0000公司").param("facts", "拖欠货款\u0000，拒不履行判决，涉及多家供应商。")
                        .param("challengeToken", challenge.token())
                        .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(challenge.question()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("data-field=\"receipt-code\""))));
    }
}
