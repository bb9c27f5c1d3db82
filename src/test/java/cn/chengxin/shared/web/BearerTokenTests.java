package cn.chengxin.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reader of {@code Authorization: Bearer} the API keys' and the operations token's filters share. */
class BearerTokenTests {

    @Test
    void noHeaderOrABlankOneIsAnonymous() {
        assertThat(BearerToken.of(new MockHttpServletRequest()).absent()).isTrue();
        assertThat(BearerToken.of("  ").presented()).isEqualTo(BearerToken.Presented.NONE);
    }

    @Test
    void anotherSchemeIsNoBearer() {
        BearerToken basic = BearerToken.of("Basic dXNlcjpwYXNz");
        assertThat(basic.presented()).isEqualTo(BearerToken.Presented.OTHER_SCHEME);
        assertThat(basic.token()).isNull();
        assertThat(BearerToken.of("Bearer").presented()).as("no token after the scheme")
                .isEqualTo(BearerToken.Presented.OTHER_SCHEME);
    }

    @Test
    void theSchemeIsMatchedInAnyCaseAndTheTokenKeptAsSent() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "bEARER  cx_key \t");
        BearerToken token = BearerToken.of(request);
        assertThat(token.bearer()).isTrue();
        assertThat(token.token()).as("each filter trims as it did").isEqualTo(" cx_key \t");
    }
}
