package cn.chengxin.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import cn.chengxin.shared.security.Actor;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #3: text PostgreSQL cannot store (a NUL, an unpaired surrogate) in one caller's event, which arrived by a way
 * no form check covers, must fail at most that caller, never the strangers who share its group commit. The text is
 * made storable before it is hashed, with a marker saying so, so that the stored event is the hashed one.
 */
@IntegrationTest
class AuditUnstorableTextIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    /** Callers at the same time, so that their events share group commits. */
    private final ExecutorService callers = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aNulInOneCallersActorFailsNoOtherCaller() {
        List<CompletableFuture<Long>> recorded = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.unstorable-shared").detail("n" + i)
                        .by(new Login(i == 7 ? "mal\u0000lory" : "user" + i))), callers)).toList();

        long failed = recorded.stream().filter(f -> {
            try {
                f.join();
                return false;
            } catch (CompletionException e) {
                return true;
            }
        }).count();

        assertThat(failed).as("no caller fails for another's text").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.unstorable-shared'")
                .query(Long.class).single()).isEqualTo(20);
        Map<String, Object> bad = jdbc.sql("SELECT actor_name, detail FROM audit.event"
                + " WHERE action = 'test.unstorable-shared' AND actor_name LIKE 'mal%'").query().singleRow();
        assertThat(bad.get("actor_name")).isEqualTo("mal\uFFFDlory");
        assertThat((String) bad.get("detail")).startsWith("n7").contains("U+FFFD").contains("actor_name");
        assertThat(verification.verify().findings()).as("the stored text is the hashed text").isEmpty();
    }

    @Test
    void anUnpairedSurrogateIsStoredAsItWasHashed() {
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.unstorable-surrogate")
                .purpose("核查\uD800用途", "依据").detail((String) null));

        Map<String, Object> stored = jdbc.sql("SELECT purpose, detail FROM audit.event"
                + " WHERE action = 'test.unstorable-surrogate'").query().singleRow();
        assertThat(stored.get("purpose")).isEqualTo("核查\uFFFD用途");
        assertThat((String) stored.get("detail")).contains("purpose");
        assertThat(verification.verify().findings()).isEmpty();
    }

    @Test
    void aSignInWithANulInTheUserNameIsAnsweredAsAWrongPasswordAndAudited() {
        WebClient web = new WebClient(port);
        web.get("/console/login");

        WebClient.Page answer = web.post("/console/login", Map.of("username", "nul\u0000user", "password", "x"));

        assertThat(answer.redirectsTo("/console/login?error")).as(answer.toString()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.login.password'"
                        + " AND actor_name = ? AND result = 'DENIED'").param("nul\uFFFDuser").query(Long.class)
                .single()).isEqualTo(1);
    }

    private record Login(String actorName) implements Actor {
        @Override
        public ActorKind actorKind() {
            return ActorKind.STAFF;
        }

        @Override
        public String actorId() {
            return "login:" + actorName;
        }

        @Override
        public String organisation() {
            return "";
        }
    }
}
