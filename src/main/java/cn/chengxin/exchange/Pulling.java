package cn.chengxin.exchange;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.chengxin.exchange.domain.Backoff;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.JobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pulls the feed of each partner marked to be pulled (gaps review xxviii J7; issue #9: "delivered over HTTPS (push and
 * pull by cursor)"): a platform that takes no inbound connections, a county behind the government network boundary,
 * reads what its parent queues for it. The GET is signed as docs/exchange-format.md says (operation {@code pull},
 * argument the cursor); the answer is checked and applied by {@link Receiving#pulled} exactly as a pushed batch, and
 * its cursor stored in the transaction that applies it. Pulling again from that cursor acknowledges the answer at the
 * partner, so a turn pulls until an answer comes back empty.
 *
 * <p>One partner at a time, by one node: a node claims a partner's pull for {@link #CLAIM} in one statement, so two
 * nodes never pull the same partner at once, and a node that dies holding the claim holds it no longer. A failure —
 * the partner unreachable, its answer refused (a bad signature, a replayed batch, …) — keeps the cursor, waits the
 * {@link Backoff} as a failed push does, and shows on the console with the partner.
 */
@Component
class Pulling {

    private static final Logger log = LoggerFactory.getLogger(Pulling.class);
    static final String FEED_PATH = "/api/v1/exchange/feed";
    /** How long a node holds a partner's pull: beyond the request's 30 s timeout and the answer's application. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int ANSWERS_PER_TURN = 20;

    private final JdbcExchange store;
    private final PartnerRequests requests;
    private final Receiving receiving;
    private final Clock clock;

    Pulling(JdbcExchange store, PartnerRequests requests, Receiving receiving, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.receiving = receiving;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chengxin.exchange.pull-interval:PT10S}")
    void scheduled() {
        pullDue(clock.instant());
    }

    /**
     * Pulls every partner marked to be pulled that is due at {@code now} and that no other node is pulling.
     *
     * @return how many messages changed what this platform holds
     */
    int pullDue(Instant now) {
        int applied = 0;
        for (Partner partner : store.partners()) {
            if (partner.enabled() && partner.pull() && partner.baseUrl() != null) {
                applied += pullFrom(partner, now);
            }
        }
        return applied;
    }

    private int pullFrom(Partner partner, Instant now) {
        int applied = 0;
        for (int turn = 0; turn < ANSWERS_PER_TURN; turn++) {
            Optional<Long> cursor = store.claimPull(partner.code(), now, clock.instant().plus(CLAIM));
            if (cursor.isEmpty()) {
                return applied;
            }
            try {
                Exchange.Acknowledgement answer = receiving.pulled(fetch(partner, cursor.get()),
                        next -> store.pulled(partner.code(), next, clock.instant()));
                applied += answer.applied();
                if (answer.received() == 0) {
                    return applied;
                }
            } catch (ExchangeProblem refused) {
                failed(partner, now, refused.code() + "：" + refused.getMessage());
                return applied;
            } catch (IOException e) {
                failed(partner, now, e.getClass().getSimpleName() + ": " + e.getMessage());
                return applied;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(partner, now, "interrupted");
                return applied;
            } catch (RuntimeException e) {
                // Not the partner's answer (those above are the partner's state, on its page): the platform's own.
                failed(partner, now, e.getClass().getSimpleName() + ": " + e.getMessage());
                JobOutcome.failed("pull from " + partner.code(), e);
                return applied;
            }
        }
        return applied;
    }

    /** The partner's answer to our signed GET of its feed after {@code after}, as the partner's own. */
    private SignedBatch fetch(Partner partner, long after) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = requests.send(partner, FEED_PATH, "after=" + after, "pull",
                Long.toString(after), null);
        // Named from the partner asked, whatever the answer says: only its key verifies what it answers.
        return new SignedBatch(partner.code(), response.body(),
                response.headers().firstValue(SignedBatch.DIGEST).orElse(null),
                response.headers().firstValue(SignedBatch.SIGNATURE).orElse(null));
    }

    private void failed(Partner partner, Instant now, String reason) {
        int failures = store.partner(partner.code()).map(p -> p.pullState().failures()).orElse(0) + 1;
        Instant next = now.plus(Backoff.after(failures));
        String shown = PartnerTexts.shown(reason, 400);
        store.pullFailed(partner.code(), failures, next, shown);
        log.warn("Pull from {} failed ({} in a row), next try at {}: {}", partner.code(), failures, next, shown);
    }
}
