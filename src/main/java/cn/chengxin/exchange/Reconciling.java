package cn.chengxin.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.domain.Reconciliation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation (RULES.md §11): every night, for each partner we push to, we ask what it holds of our messages of
 * the day before and compare count and digest with what it acknowledged; the messages missing or behind there are
 * queued again (the partner applies them idempotently) and the differences are listed in the console. We answer
 * the same question for our partners.
 */
@Component
class Reconciling {

    private static final Logger log = LoggerFactory.getLogger(Reconciling.class);
    static final String PATH = "/api/v1/exchange/reconciliation";
    private static final int LISTED = 100;

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final PartnerRequests requests;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reconciling(JdbcExchange store, ExchangeSettings settings, PartnerRequests requests, JsonMapper json,
                AuditLog audit, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.requests = requests;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${chengxin.exchange.reconcile-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        reconcile(LocalDate.now(clock).minusDays(1));
    }

    /** Reconciles {@code day} with every partner we push to. */
    List<ReconciliationResult> reconcile(LocalDate day) {
        List<ReconciliationResult> results = new ArrayList<>();
        for (Partner partner : store.partners()) {
            if (partner.enabled() && partner.baseUrl() != null) {
                ReconciliationResult result = reconcile(partner, day);
                store.saveReconciliation(result);
                results.add(result);
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.reconcile").detail(day + ": "
                + results.stream().filter(ReconciliationResult::matched).count() + " of " + results.size()
                + " partners matched"));
        return results;
    }

    private ReconciliationResult reconcile(Partner partner, LocalDate day) {
        Reconciliation.Side ours = new Reconciliation.Side(store.sentOn(partner.code(), settings.platform().code(), day,
                clock.getZone().getId()));
        String ourDigest = ours.digest(BatchCodec::digest);
        Instant now = clock.instant();
        ReconciliationSummary theirs;
        try {
            theirs = ask(partner, day);
        } catch (IOException | RuntimeException e) {
            log.warn("Reconciliation with {} for {} failed: {}", partner.code(), day, e.getMessage());
            return new ReconciliationResult(partner.code(), day, ours.count(), null, ourDigest, null, List.of(), 0,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Reconciliation.Side held = new Reconciliation.Side(theirs.versions());
        List<String> behind = ourDigest.equals(theirs.digest()) ? List.of()
                : Reconciliation.behindAtReceiver(ours, held);
        int requeued = behind.isEmpty() ? 0 : store.requeue(partner.code(), behind);
        return new ReconciliationResult(partner.code(), day, ours.count(), theirs.count(), ourDigest, theirs.digest(),
                behind.subList(0, Math.min(LISTED, behind.size())), requeued, null, now);
    }

    private ReconciliationSummary ask(Partner partner, LocalDate day) throws IOException, InterruptedException {
        String at = clock.instant().toString();
        String query = "day=" + day + "&at=" + URLEncoder.encode(at, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + PATH + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .header(SignedBatch.PLATFORM, settings.platform().code())
                .header(SignedBatch.SIGNATURE, requests.sign("reconcile", partner.code(), day.toString(), at))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), ReconciliationSummary.class);
    }

    /** Our answer to a partner asking what we hold of its messages of {@code day}. */
    ReconciliationSummary answer(String requester, LocalDate day, String at, String signature) {
        Partner partner = requests.authenticate("reconcile", requester, String.valueOf(day), at, signature);
        if (day == null) {
            throw new ExchangeProblem("EXCHANGE_BATCH_MALFORMED", cn.chengxin.shared.DomainProblem.Kind.INVALID_INPUT,
                    "day: an ISO date");
        }
        Map<String, Long> versions = store.heldOn(partner.code(), day, clock.getZone().getId());
        Reconciliation.Side side = new Reconciliation.Side(versions);
        return new ReconciliationSummary(settings.platform().code(), partner.code(), day, side.count(),
                side.digest(BatchCodec::digest), side.versions());
    }
}
