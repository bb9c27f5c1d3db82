package cn.chengxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTests {

    @Test
    void noAcceptOrOneThatJsonSatisfiesAllowsJson() {
        for (String accept : new String[] {null, "", " ", "*/*", "application/json", "application/*",
                "APPLICATION/JSON; charset=UTF-8", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "application/json, text/plain, */*", "text/plain, application/json;q=0.5",
                "application/json;q=0.001", "*/*;q=0.1, application/json;q=0.2", "application/json;q=0.5, */*;q=0",
                "application/json, */*;q=0"}) {
            assertThat(AcceptHeader.allowsJson(accept)).as(accept).isTrue();
        }
    }

    @Test
    void anAcceptJsonDoesNotSatisfyRefusesJson() {
        for (String accept : new String[] {"application/xml", "text/html", "text/csv;q=0.9, application/xml",
                "application/json-seq", "application/jsonx", "text/*", "image/*;q=0.8",
                // q=0: "not acceptable"; the most specific range covering JSON decides (RFC 9110 §12.5.1).
                "application/json;q=0", "application/json; q=0.000", "*/*;q=0", "application/json;q=0, */*;q=1",
                "application/*;q=0, */*"}) {
            assertThat(AcceptHeader.allowsJson(accept)).as(accept).isFalse();
        }
    }
}
