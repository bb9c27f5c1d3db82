package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.account.domain.ApiKeys;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.MovingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Session xl: a key in use is read again by one request ahead of the end of the 5 s it is known for, the others going
 * on with the copy still valid — not by every request arriving once the copy has expired — and never used beyond
 * those 5 s.
 */
class ApiKeyReadAheadTests {

    private static final Instant START = Instant.parse("2026-12-07T03:00:00Z");

    private final JdbcAccounts accounts = mock(JdbcAccounts.class);
    private final BannedInstitutions banned = mock(BannedInstitutions.class);
    private final MovingClock clock = new MovingClock(START);
    private final ApiClients clients = new ApiClients(accounts, mock(AuditLog.class), clock, ApiKeyValidity.DEFAULT,
            mock(InstitutionViolations.class), banned);
    private final ApiKeys.Issued key = ApiKeys.issue(new SecureRandom());
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void oneRequestReadsABusyKeyAgainWhileTheOthersGoOnWithTheValidCopy() throws Exception {
        ApiClient client = client(null);
        CountDownLatch inSecondRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(banned.of(any(), any(), any())).thenReturn(new BannedInstitutions.Ban[0]);
        when(accounts.apiClientByHash(anyString())).thenAnswer(call -> {
            if (reads.incrementAndGet() == 2) {
                inSecondRead.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return Optional.of(client);
        });

        assertThat(clients.check(key.key()).client()).isPresent();
        clock.advance(Duration.ofMillis(3_900));
        assertThat(clients.check(key.key()).client()).isPresent();
        assertThat(reads.get()).as("known: no read within 4 s").isEqualTo(1);

        clock.advance(Duration.ofMillis(200)); // 4.1 s: read again ahead, by one request
        CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(
                () -> clients.check(key.key()).client().isPresent());
        assertThat(inSecondRead.await(5, TimeUnit.SECONDS)).as("one request reads the key ahead").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 100; i++) {
                assertThat(clients.check(key.key()).client()).as("the valid copy meanwhile").isPresent();
            }
        }, "the other requests wait for the read");
        assertThat(reads.get()).as("the others did not read it").isEqualTo(2);
        release.countDown();
        assertThat(reading.get(5, TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofMillis(3_000)); // 3 s after the read ahead: still known
        assertThat(clients.check(key.key()).client()).isPresent();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aKeyRevokedMeanwhileIsRefusedWithinTheFiveSeconds() {
        when(banned.of(any(), any(), any())).thenReturn(new BannedInstitutions.Ban[0]);
        when(accounts.apiClientByHash(anyString())).thenReturn(Optional.of(client(null)));
        assertThat(clients.check(key.key()).client()).isPresent();

        when(accounts.apiClientByHash(anyString())).thenReturn(Optional.of(client(START.plusSeconds(1))));
        clock.advance(Duration.ofMillis(3_000));
        assertThat(clients.check(key.key()).client()).as("the copy, within 4 s").isPresent();
        clock.advance(Duration.ofMillis(1_100));
        assertThat(clients.check(key.key()).client()).as("read ahead: revoked").isEmpty();
        assertThat(clients.check(key.key()).client()).as("and no copy left").isEmpty();
    }

    @Test
    void aCopyIsNeverUsedBeyondItsFiveSecondsEvenWhenTheReadAheadFailed() {
        when(banned.of(any(), any(), any())).thenReturn(new BannedInstitutions.Ban[0]);
        when(accounts.apiClientByHash(anyString())).thenReturn(Optional.of(client(null)));
        assertThat(clients.check(key.key()).client()).isPresent();

        when(accounts.apiClientByHash(anyString())).thenThrow(new IllegalStateException("database away"));
        clock.advance(Duration.ofMillis(4_500));
        try {
            clients.check(key.key());
        } catch (IllegalStateException expected) {
            // the one request that read ahead failed with the database
        }
        assertThat(clients.check(key.key()).client()).as("the copy, still within 5 s").isPresent();
        doReturn(Optional.of(client(START.plusSeconds(4)))).when(accounts).apiClientByHash(anyString());
        clock.advance(Duration.ofMillis(600));
        assertThat(clients.check(key.key()).client()).as("past 5 s: read, revoked").isEmpty();
    }

    private ApiClient client(Instant revokedAt) {
        UUID id = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
        return new ApiClient(id, id, "审批系统", "市市场监督管理局", ApiClient.Kind.DEPARTMENT, "MARKET", key.prefix(),
                Set.of(Permission.API_SUBJECT_CHECK), 600, START.minusSeconds(60), "admin", revokedAt, null,
                START.plus(Duration.ofDays(300)), List.of("127.0.0.1/32"), null, null, null, null, null, null, null);
    }
}
