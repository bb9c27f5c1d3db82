package cn.chengxin.shared.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class NumberSearchesTests {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final NumberSearches.Found FOUND = new NumberSearches.Found("ab12", "4117**********0751", NOW);

    @Test
    void aTokenFindsItsLookUpInItsOwnSessionOnly() {
        MockHttpSession session = new MockHttpSession();
        String token = NumberSearches.keep(session, FOUND);

        assertThat(NumberSearches.find(session, token, NOW.plusSeconds(60))).contains(FOUND);
        assertThat(NumberSearches.find(new MockHttpSession(), token, NOW)).isEmpty();
        assertThat(NumberSearches.find(null, token, NOW)).isEmpty();
        assertThat(NumberSearches.find(session, "another", NOW)).isEmpty();
    }

    @Test
    void aTokenSaysNothingOfTheNumberOrItsPseudonym() {
        String token = NumberSearches.keep(new MockHttpSession(), FOUND);

        assertThat(token).matches("[A-Za-z0-9_-]{22}").doesNotContain("ab12").doesNotContain("0751");
        assertThat(NumberSearches.keep(new MockHttpSession(), FOUND)).isNotEqualTo(token);
    }

    @Test
    void aLookUpLastsItsLifetimeOnly() {
        MockHttpSession session = new MockHttpSession();
        String token = NumberSearches.keep(session, FOUND);

        assertThat(NumberSearches.find(session, token, NOW.plus(NumberSearches.LIFETIME).minusSeconds(1))).isPresent();
        assertThat(NumberSearches.find(session, token, NOW.plus(NumberSearches.LIFETIME))).isEmpty();
    }

    @Test
    void aSessionKeepsItsLatestLookUpsOnly() {
        MockHttpSession session = new MockHttpSession();
        String first = NumberSearches.keep(session, FOUND);
        String last = first;
        for (int i = 0; i < NumberSearches.KEPT; i++) {
            last = NumberSearches.keep(session, FOUND);
        }

        assertThat(NumberSearches.find(session, first, NOW)).isEmpty();
        assertThat(NumberSearches.find(session, last, NOW)).isPresent();
    }
}
