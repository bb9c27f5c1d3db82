package cn.chengxin.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlClientsTests {

    @Test
    void browsersAndClientsThatSayNothingGetAPage() {
        assertThat(HtmlClients.wantPage(accepting(null))).isTrue();
        assertThat(HtmlClients.wantPage(accepting("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(HtmlClients.wantPage(accepting("*/*"))).isTrue();
        assertThat(HtmlClients.wantPage(accepting("not a media type"))).isTrue();
    }

    @Test
    void programsAskingForJsonGetAProblem() {
        assertThat(HtmlClients.wantPage(accepting("application/json"))).isFalse();
        assertThat(HtmlClients.wantPage(accepting("application/problem+json"))).isFalse();
        assertThat(HtmlClients.wantPage(accepting("application/json, text/plain, */*"))).isFalse();
        assertThat(HtmlClients.wantPage(accepting("image/png"))).as("no HTML accepted at all").isFalse();
        assertThat(HtmlClients.wantPage(accepting("text/html;q=0, application/json"))).isFalse();
    }

    private static MockHttpServletRequest accepting(String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
