package cn.chengxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTests {

    @Test
    void noAcceptOrOneThatJsonSatisfiesAllowsJson() {
        for (String accept : new String[] {null, "", " ", "*/*", "application/json", "application/*",
                "APPLICATION/JSON; charset=UTF-8", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "application/json, text/plain, */*", "text/plain, application/json;q=0.5"}) {
            assertThat(AcceptHeader.allowsJson(accept)).as(accept).isTrue();
        }
    }

    @Test
    void anAcceptJsonDoesNotSatisfyRefusesJson() {
        for (String accept : new String[] {"application/xml", "text/html", "text/csv;q=0.9, application/xml",
                "application/json-seq", "application/jsonx", "text/*", "image/*;q=0.8"}) {
            assertThat(AcceptHeader.allowsJson(accept)).as(accept).isFalse();
        }
    }
}
