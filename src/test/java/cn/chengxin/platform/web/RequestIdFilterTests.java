package cn.chengxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void keepsAPlainTokenTheCallerSent() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/whoami");
        request.addHeader(RequestIdFilter.HEADER, "dept-42.req_0001");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("dept-42.req_0001");
    }

    @Test
    void replacesAnythingElseWithARandomUuid() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/whoami");
        request.addHeader(RequestIdFilter.HEADER, "<script>alert(1)</script>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        UUID id = UUID.fromString(response.getHeader(RequestIdFilter.HEADER));
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void newIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RequestIdFilter.newId());
        }
        assertThat(ids).hasSize(100_000);
    }
}
