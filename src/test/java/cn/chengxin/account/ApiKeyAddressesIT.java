package cn.chengxin.account;

import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An API key may name the networks it is used from (RULES.md §10): proposed with the key, approved with it, shown in
 * the console, and a call from elsewhere refused 403 API_KEY_ADDRESS_REFUSED before anything else is done.
 */
@IntegrationTest
class ApiKeyAddressesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    private final RequestPostProcessor admin = authentication(Principals.staff("addresses-admin", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));

    @Test
    void aKeyBoundToANetworkWorksFromItAndIsRefusedFromElsewhere() throws Exception {
        String name = "地址限定系统 " + UUID.randomUUID();
        UUID proposal = as("addresses-maker", () -> clients.propose(name, "某银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 60, "10.8.3.7/16, 2001:db8::1/32"));
        ApiClients.IssuedKey key = as("addresses-checker", () -> clients.approve(proposal));

        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key())
                        .with(from("10.8.200.1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("某银行"));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key())
                        .with(from("2001:db8:ffff::5")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key())
                        .with(from("10.9.0.1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("API_KEY_ADDRESS_REFUSED"));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("API_KEY_ADDRESS_REFUSED"));

        String page = mvc.perform(get("/console/api-clients").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String row = page.substring(page.lastIndexOf("<tr", page.indexOf(">" + key.prefix() + "<")));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("10.8.0.0/16, 2001:db8:0:0:0:0:0:0/32");
    }

    @Test
    void aKeyNamingNoNetworkForAWrittenReasonWorksFromAnywhere() throws Exception {
        UUID proposal = as("addresses-maker", () -> clients.propose("不限地址系统 " + UUID.randomUUID(), "某银行",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60, " ",
                "移动办公终端直接调用，地址不固定"));
        ApiClients.IssuedKey key = as("addresses-checker", () -> clients.approve(proposal));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()).with(from("198.51.100.4")))
                .andExpect(status().isOk());
    }

    @Test
    void aNameOrAMalformedBlockIsRefusedAtTheProposal() {
        for (String addresses : new String[] {"bank.example.com", "10.0.0.0/33", "10.0.0.0/abc", "0.0.0.0/0"}) {
            Throwable refused = catchThrowable(() -> as("addresses-maker", () ->
                    clients.propose("坏地址系统", "某银行", ApiClient.Kind.INSTITUTION, null,
                            Set.of(Permission.API_REPORT_QUERY), 60, addresses)));
            assertThat(refused).as(addresses).isInstanceOf(DomainProblem.class);
            assertThat(((DomainProblem) refused).code()).isEqualTo("API_CLIENT_ADDRESSES");
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
