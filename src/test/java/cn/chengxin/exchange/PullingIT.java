package cn.chengxin.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Messages;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxviii J7 (issue #9: "delivered over HTTPS (push and pull by cursor)"): this platform as a county that
 * takes no inbound connections pulls what its parent queues for it. The parent is a platform on loopback
 * ({@link FakeParent}) that verifies our signed GET of its feed and answers with batches it signs, by cursor.
 */
@IntegrationTest
class PullingIT {

    @Autowired
    Exchange exchange;

    @Autowired
    Pulling pulling;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aPulledParentsBlackListEntryAndItsExitArriveAndAReplayedOrRepeatedAnswerChangesNothing() throws Exception {
        String number = numberBorn("19800312");
        String sourceId = "list/" + UUID.randomUUID();
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner city = parentAt(parent);
            try {
                exchange.setPulled(city.code, true);
                parent.feed.add(Messages.blackListEntry("411500", sourceId, 1, "EFFECTIVE", number, "司马青"));
                assertThat(pulling.pullDue(Instant.now())).isEqualTo(1);
                assertThat(held(sourceId)).isEqualTo("EFFECTIVE@1");
                assertThat(exchange.receivedAbout(pseudonymOf(number))).singleElement()
                        .satisfies(e -> assertThat(e.inForce()).isTrue());
                assertThat(parent.pulledAfter).as("the second pull acknowledges the first answer")
                        .containsExactly(0L, 1L);
                assertThat(parent.badSignatures).as("every GET signed as docs/exchange-format.md says").hasValue(0);
                assertThat(state(city).cursor()).isEqualTo(1);
                assertThat(state(city).lastAt()).isNotNull();

                parent.feed.add(Messages.blackListEntry("411500", sourceId, 2, "EXITED", number, "司马青"));
                assertThat(pulling.pullDue(Instant.now())).isEqualTo(1);
                assertThat(held(sourceId)).isEqualTo("EXITED@2");
                assertThat(exchange.receivedAbout(pseudonymOf(number))).singleElement()
                        .satisfies(e -> assertThat(e.inForce()).isFalse());
                assertThat(parent.pulledAfter).containsExactly(0L, 1L, 1L, 2L);
                assertThat(state(city).cursor()).isEqualTo(2);
                long batches = batches(city);
                long relayed = relayed(sourceId);

                // The last answer again, byte for byte: refused as a replay, the cursor stays.
                parent.replaysLastAnswer = true;
                assertThat(pulling.pullDue(Instant.now())).isZero();
                parent.replaysLastAnswer = false;
                assertThat(held(sourceId)).isEqualTo("EXITED@2");
                assertThat(batches(city)).isEqualTo(batches);
                assertThat(relayed(sourceId)).isEqualTo(relayed);
                assertThat(state(city).cursor()).isEqualTo(2);
                assertThat(state(city).failures()).isEqualTo(1);
                assertThat(state(city).lastError()).contains("EXCHANGE_BATCH_REPLAYED");

                // The same messages in a new answer (the parent lost our acknowledgements): applied by version, no
                // change, no second row; the answer's cursor is kept and the error cleared.
                parent.ignoresCursorOnce = true;
                assertThat(pulling.pullDue(Instant.now().plus(Duration.ofMinutes(1)))).isZero();
                assertThat(parent.pulledAfter).endsWith(2L, 2L);
                assertThat(held(sourceId)).isEqualTo("EXITED@2");
                assertThat(jdbc.sql("SELECT count(*) FROM exchange.received WHERE source_id = ?").param(sourceId)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(relayed(sourceId)).isEqualTo(relayed);
                assertThat(batches(city)).isEqualTo(batches + 1);
                assertThat(state(city).cursor()).isEqualTo(2);
                assertThat(state(city).lastError()).isNull();
            } finally {
                forget(city);
            }
        }
    }

    @Test
    void anAnswerWithABadSignatureIsRefusedTheCursorStaysAndTheConsoleShowsIt() throws Exception {
        String number = numberBorn("19810415");
        String sourceId = "list/" + UUID.randomUUID();
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner city = parentAt(parent);
            try {
                mvc.perform(post("/console/exchange/partners/" + city.code + "/pull").param("pull", "true")
                                .with(office()).with(csrf()))
                        .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey",
                                "exchange.pullSet"));
                assertThat(exchange.partners()).filteredOn(p -> p.code().equals(city.code)).singleElement()
                        .satisfies(p -> assertThat(p.pull()).isTrue());

                ExchangeMessage entry = Messages.blackListEntry("411500", sourceId, 1, "EFFECTIVE", number, "欧阳明");
                parent.feed.add(entry);
                parent.forgesAnswers = true;
                Instant failedAt = Instant.now();
                assertThat(pulling.pullDue(failedAt)).isZero();
                assertThat(held(sourceId)).isNull();
                assertThat(state(city).cursor()).isZero();
                assertThat(state(city).failures()).isEqualTo(1);
                assertThat(state(city).nextAt()).isAfter(failedAt);
                assertThat(state(city).lastError()).contains("EXCHANGE_SIGNATURE_INVALID");
                assertThat(exchange.refusedAttempts(10)).anySatisfy(r -> {
                    assertThat(r.partnerSent()).isEqualTo(city.code);
                    assertThat(r.operation()).isEqualTo("pullAnswer");
                    assertThat(r.code()).isEqualTo("EXCHANGE_SIGNATURE_INVALID");
                });
                assertThat(pulling.pullDue(failedAt.plusSeconds(1))).as("not before the backoff").isZero();
                assertThat(parent.pulledAfter).containsExactly(0L);

                String page = mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(page).contains("拉取连续失败 1 次", "EXCHANGE_SIGNATURE_INVALID", "停止拉取",
                        "拉取应答（本平台拉取）").doesNotContain(number);

                parent.forgesAnswers = false;
                assertThat(pulling.pullDue(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo(1);
                assertThat(held(sourceId)).isEqualTo("EFFECTIVE@1");
                assertThat(state(city).cursor()).isEqualTo(1);
                assertThat(state(city).failures()).isZero();
                assertThat(mvc.perform(get("/console/exchange").with(office())).andReturn().getResponse()
                        .getContentAsString()).contains("最近拉取");

                mvc.perform(post("/console/exchange/partners/" + city.code + "/pull").param("pull", "false")
                        .with(office()).with(csrf())).andExpect(flash().attribute("successKey", "exchange.pullSet"));
                parent.feed.add(Messages.blackListEntry("411500", sourceId, 2, "EXITED", number, "欧阳明"));
                assertThat(pulling.pullDue(Instant.now())).as("no longer pulled").isZero();
                assertThat(held(sourceId)).isEqualTo("EFFECTIVE@1");
            } finally {
                forget(city);
            }
            mvc.perform(post("/console/exchange/partners/" + city.code + "/pull").param("pull", "true")
                            .with(office()).with(csrf()))
                    .andExpect(flash().attribute("failureCode", "PARTNER_PULL_NEEDS_ADDRESS"));
        }
    }

    /** A parent on loopback declared to us at its address, answering as itself. */
    private TestPartner parentAt(FakeParent parent) {
        TestPartner city = TestPartner.fresh("信用市").declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE,
                parent.baseUrl());
        parent.signAs(city);
        return city;
    }

    /** The parent neither pulled nor pushed to any more: the other tests' pushes leave it alone. */
    private void forget(TestPartner city) {
        exchange.setPulled(city.code, false);
        city.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
    }

    private static String numberBorn(String birth) {
        return TestCitizens.withCheckCharacter("411500" + birth + String.format("%03d", System.nanoTime() % 1000));
    }

    private Partner.PullState state(TestPartner partner) {
        return exchange.partners().stream().filter(p -> p.code().equals(partner.code)).findFirst().orElseThrow()
                .pullState();
    }

    private String held(String sourceId) {
        return jdbc.sql("SELECT status || '@' || version FROM exchange.received WHERE source_platform = '411500' "
                + "AND source_id = ?").param(sourceId).query(String.class).optional().orElse(null);
    }

    private long batches(TestPartner partner) {
        return jdbc.sql("SELECT count(*) FROM exchange.inbound_batch WHERE partner_code = ?").param(partner.code)
                .query(Long.class).single();
    }

    private long relayed(String sourceId) {
        return jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE source_id = ?").param(sourceId)
                .query(Long.class).single();
    }

    private String pseudonymOf(String number) {
        return subjects.pseudonymOf(subjects.validate(null, number));
    }

    private static RequestPostProcessor office() {
        return user("office").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("exchange:manage"));
    }
}
