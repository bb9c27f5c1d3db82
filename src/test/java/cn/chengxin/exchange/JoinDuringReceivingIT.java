package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Messages;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A join of a person's two files (合并信用档案) racing a batch another platform sent about the joined subject (session
 * xlv, engineer 3): the batch's messages are identified before its transaction, by the pseudonym of the document each
 * names, and applied and relayed in it. Whichever commits first, the received entry is the kept subject's, and so are
 * the rows queued to relay it on; nothing stays under the joined pseudonym or id (98号 三(一); RULES.md §1; issue #9).
 * Ordered with the database's own locks, watched in {@code pg_stat_activity}, as {@code JoinDuringIngestionIT} is.
 */
@IntegrationTest
class JoinDuringReceivingIT {

    private static final LocalDate BORN = LocalDate.of(1987, 9, 23);

    @Autowired
    Receiving receiving;

    @Autowired
    Exchange exchange;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The join commits after the batch was identified and before its transaction applies it: the approval is made and
     * held uncommitted while the batch is received, then committed. The entry comes from one city and goes on to
     * another.
     */
    @Test
    void aBatchIdentifiedBeforeAJoinAndAppliedAfterItGoesToTheKeptFile() throws Exception {
        TestPartner from = TestPartner.fresh("合并甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner.fresh("合并乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        Pair pair = JoinRaces.pair(subjects, "合并丙", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);
        ExchangeMessage entry = Messages.blackListEntry(from.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                pair.joinedNumber(), pair.name());

        CompletableFuture<Exchange.Acknowledgement> received = new TransactionTemplate(transactions).execute(tx -> {
            JoinRaces.approve(joining, proposal);
            CompletableFuture<Exchange.Acknowledgement> running = CompletableFuture.supplyAsync(() ->
                    receiving.receive(from.sign(exchange.platform().code(), Instant.now(), List.of(entry))));
            // Identified, the batch waits for the approval. Before the fix its entry was stored under the joined
            // pseudonym, and only its relaying waited.
            assertThat(JoinRaces.until(() -> JoinRaces.waiting(dataSource, "%subject.joins%")))
                    .as("the batch waited for the approval").isTrue();
            return running;
        });

        assertThat(received.get(30, TimeUnit.SECONDS).applied()).isEqualTo(1);
        assertOnKeptFileOnly(pair, entry);
    }

    /** A batch about the joined document after the join: the entry is the kept subject's, as the person's file reads. */
    @Test
    void aBatchAboutAFileJoinedBeforeGoesToTheKeptFile() throws Exception {
        TestPartner from = TestPartner.fresh("合并丁市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner.fresh("合并戊市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        Pair pair = JoinRaces.pair(subjects, "合并己", BORN);
        JoinRaces.approve(joining, JoinRaces.proposed(joining, pair));
        ExchangeMessage entry = Messages.blackListEntry(from.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                pair.joinedNumber(), pair.name());

        assertThat(receiving.receive(from.sign(exchange.platform().code(), Instant.now(), List.of(entry))).applied())
                .isEqualTo(1);

        assertOnKeptFileOnly(pair, entry);
        assertThat(exchange.receivedAbout(subjects.pseudonymOf(pair.kept()).orElseThrow()))
                .extracting(ReceivedEntry::sourceId).containsExactly(entry.sourceId());
    }

    /**
     * 信息交换 searched by the number the join retired (session xlvi, engineer 4): the entry another platform issued about
     * the joined subject is kept, since the join, under the kept subject's pseudonym, and the search finds it there, as
     * every search by a document finds its holder's file (98号 三(一)). Before, it looked under the retired number's own
     * pseudonym and found nothing.
     */
    @Test
    void aSearchByTheNumberAJoinRetiredFindsTheEntriesKeptUnderTheKeptSubject() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "合并丁", BORN);
        String sourceId = "list/" + UUID.randomUUID();
        TestRecords.receiveListEntry(jdbc, subjects.pseudonymOf(pair.joined()).orElseThrow(), "BLACK", sourceId,
                LocalDate.now().plusYears(1));
        JoinRaces.approve(joining, JoinRaces.proposed(joining, pair));

        String found = mvc.perform(post("/console/received").with(authentication(Principals.staff("received-join",
                        "CREDIT_OFFICE", Permission.OBJECTION_HANDLE))).with(csrf())
                        .param("number", pair.joinedNumber()).param("purpose", "OBJECTION_HANDLING"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(found).contains("data-entry=\"PROV41:" + sourceId + "\"").doesNotContain(pair.joinedNumber());
    }

    private void assertOnKeptFileOnly(Pair pair, ExchangeMessage entry) {
        assertThat(jdbc.sql("SELECT subject_pseudonym FROM exchange.received WHERE source_platform = ? AND source_id = ?")
                .params(entry.sourcePlatform(), entry.sourceId()).query(String.class).list())
                .containsExactly(subjects.pseudonymOf(pair.kept()).orElseThrow());
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.received WHERE subject_pseudonym = ?")
                .param(subjects.pseudonymOf(subjects.validate(null, pair.joinedNumber()))).query(Long.class).single()).as("nothing under the joined pseudonym")
                .isZero();
        assertThat(jdbc.sql("SELECT DISTINCT subject_id FROM exchange.outbox WHERE source_id = ?")
                .param(entry.sourceId()).query(UUID.class).list()).as("relayed on, under the kept subject")
                .containsExactly(pair.kept());
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single()).as("nothing queued under the joined id").isZero();
    }
}
