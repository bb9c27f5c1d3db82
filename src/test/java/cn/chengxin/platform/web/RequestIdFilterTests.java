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

    /** Review: the id is stored unmasked in the audit event; an identity number in it would be kept in clear. */
    @Test
    void replacesAnIdHoldingAnIdentityNumber() throws Exception {
        for (String given : new String[] {"41172219900307123X", "req-41172219900307123X", "411722.19900307.123X",
                "411722-19900307-123X", "dept.4117221990.0307123X"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/whoami");
            request.addHeader(RequestIdFilter.HEADER, given);
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request, response, new MockFilterChain());

            assertThat(response.getHeader(RequestIdFilter.HEADER)).as(given).isNotEqualTo(given);
            assertThat(UUID.fromString(response.getHeader(RequestIdFilter.HEADER)).version()).isEqualTo(4);
        }
    }

    @Test
    void keepsIdsHoldingOtherNumbers() {
        assertThat(RequestIdFilter.mayHoldIdentityNumber("019a9c3e-7f21-7c3b-9d1e-5a6b7c8d9e0f")).isFalse();
        assertThat(RequestIdFilter.mayHoldIdentityNumber("batch-20261122-000042")).isFalse();
        assertThat(RequestIdFilter.mayHoldIdentityNumber("1763793600123")).isFalse();
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
