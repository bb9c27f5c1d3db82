package cn.chengxin.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.domain.Reconciliation;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation (RULES.md §11): every night, for each partner we push to, we ask what it holds of our messages of
 * the day before, and of each day of the week before that still differed, and compare count and digest with what it
 * acknowledged; the messages missing or behind there are queued again (the partner applies them idempotently; a
 * message it refused for what it says stays set aside) and the differences are listed in the console. A version of
 * ours the partner holds but we never sent is a conflict: we are authoritative for what we collected, so it is
 * listed for the credit office and nothing is overwritten. With the parent we also reconcile downward
 * ({@link Adopting}): where what it relayed to us differs from what we hold, its state is adopted. We answer the
 * same questions for our partners.
 * <p>
 * A night no instance was up at the hour (all stopped for a release) is not lost (gaps review xxxviii S6): an instance
 * starting after it runs the night at once ({@link cn.chengxin.shared.jdbc.MissedDays}), and every night takes up,
 * besides the days that still differ, the days of the week before that an enabled partner has no reconciliation of
 * although it had one before (the nights missed), each for its own day.
 */
@Component
class Reconciling extends ScheduledDailyJob {

    private static final Logger log = LoggerFactory.getLogger(Reconciling.class);
    static final String PATH = "/api/v1/exchange/reconciliation";
    static final int LISTED = 100;
    /** How far back a day that still differs is reconciled again, night after night. */
    static final int LOOK_BACK_DAYS = 7;
    /** The job's row in shared.cluster_job. */
    static final String JOB = "exchange.reconcile";
    /** When the night's reconciliation starts, Beijing time. */
    static final String CRON = "${chengxin.exchange.reconcile-cron:0 30 2 * * *}";
    /** How long the instance that took the night is shown holding it: a partner's answer takes up to 30 s. */
    static final java.time.Duration HOLD = java.time.Duration.ofHours(1);

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final PartnerRequests requests;
    private final Adopting adopting;
    private final JsonMapper json;
    private final AuditLog audit;

    Reconciling(JdbcExchange store, ExchangeSettings settings, PartnerRequests requests, Adopting adopting,
                JsonMapper json, AuditLog audit, Clock clock, ClusterJobs jobs, @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.store = store;
        this.settings = settings;
        this.requests = requests;
        this.adopting = adopting;
        this.json = json;
        this.audit = audit;
    }

    /**
     * Once a night across the instances (gaps review xxxiii N5): the instance that takes the night asks the partners,
     * the others leave it (each would ask every partner, queue the same differences again and list them twice). A
     * night whose run failed is looked at again the next night ({@link #LOOK_BACK_DAYS}).
     */
    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        runDay(today());
    }

    /**
     * The night of {@code today}, if no instance took it (nor a later one): at its cron, or at the start of an
     * instance after its hour ({@link cn.chengxin.shared.jdbc.MissedDays}); the nights missed before it are taken up
     * by {@link #nightly(LocalDate)}'s look-back.
     */
    @Override
    public void runDay(LocalDate today) {
        if (!jobs.claimDay(JOB, today, HOLD)) {
            log.info("Reconciliation of {}: taken by another instance", today);
            return;
        }
        try {
            nightly(today);
        } finally {
            jobs.finished(JOB, today);
        }
    }

    /**
     * Yesterday, and each earlier day of the last {@link #LOOK_BACK_DAYS} whose differences are not resolved yet or
     * that was never reconciled with a partner reconciled before it: a day whose messages were queued again and
     * refused or lost again is not left behind after one night, nor is the day of a night no instance ran (S6).
     *
     * @return the days reconciled, the earliest first
     */
    List<LocalDate> nightly(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<LocalDate> days = new ArrayList<>(store.unresolvedDays(today.minusDays(LOOK_BACK_DAYS),
                yesterday.minusDays(1)));
        days.add(yesterday);
        days.forEach(this::reconcile);
        return days;
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
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.reconcile").detail(AuditDetail.of("PARTNERS_RECONCILED").with("day", day)
                .with("matched", results.stream().filter(ReconciliationResult::matched).count())
                .with("partners", results.size())));
        return results;
    }

    private ReconciliationResult reconcile(Partner partner, LocalDate day) {
        String self = settings.platform().code();
        Reconciliation.Side ours = new Reconciliation.Side(store.sentOn(partner.code(), self, day, zone()));
        String ourDigest = ours.digest(BatchCodec::digest);
        Instant now = clock.instant();
        ReconciliationSummary theirs;
        try {
            theirs = ask(partner, day);
        } catch (IOException | RuntimeException e) {
            log.warn("Reconciliation with {} for {} failed: {}", partner.code(), day, e.getMessage());
            return new ReconciliationResult(partner.code(), day, ours.count(), null, ourDigest, null, List.of(), 0, 0,
                    List.of(), List.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Reconciliation.Side held = new Reconciliation.Side(theirs.versions());
        boolean same = ourDigest.equals(theirs.digest());
        List<String> behind = same ? List.of() : Reconciliation.behindAtReceiver(ours, held);
        int requeued = behind.isEmpty() ? 0 : store.requeue(partner.code(), behind);
        List<String> conflicts = new ArrayList<>(same ? List.of() : ownConflicts(partner, ours, held));
        // Downward apart: a parent that cannot answer it (down, or an older release) still gets the upward repairs.
        Adopting.Outcome downward = Adopting.NOTHING;
        String error = null;
        if (partner.relation() == Relation.PARENT) {
            try {
                downward = adopting.fromParent(partner, day);
            } catch (IOException | RuntimeException e) {
                log.warn("Downward reconciliation with {} for {} failed: {}", partner.code(), day, e.getMessage());
                error = "relayed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        conflicts.addAll(downward.conflicts());
        return new ReconciliationResult(partner.code(), day, ours.count(), theirs.count(), ourDigest, theirs.digest(),
                first(behind), requeued, downward.adopted().size(), first(downward.adopted()), first(conflicts), error,
                now);
    }

    /** Our messages the partner holds in a version we never sent it (the day's differences only are looked up). */
    private List<String> ownConflicts(Partner partner, Reconciliation.Side ours, Reconciliation.Side held) {
        Map<String, Long> candidates = new java.util.HashMap<>();
        held.versions().forEach((id, version) -> {
            Long sent = ours.versions().get(id);
            if (sent == null || sent < version) {
                candidates.put(id, version);
            }
        });
        return candidates.isEmpty() ? List.of() : Reconciliation.unknownToSender(new Reconciliation.Side(candidates),
                store.latestSent(partner.code(), settings.platform().code(), List.copyOf(candidates.keySet())));
    }

    private static List<String> first(List<String> keys) {
        return keys.subList(0, Math.min(LISTED, keys.size()));
    }

    private String zone() {
        return clock.getZone().getId();
    }

    private ReconciliationSummary ask(Partner partner, LocalDate day) throws IOException, InterruptedException {
        byte[] answer = requests.send(partner, PATH, "day=" + day, "reconcile", day.toString(), null).body();
        return json.readValue(answer, ReconciliationSummary.class);
    }

    /** Our answer to a partner asking what we hold of its messages of {@code day}. */
    ReconciliationSummary answer(String requester, LocalDate day, String at, String signature) {
        Partner partner = requests.authenticate("reconcile", requester, String.valueOf(day), at, signature);
        requireDay(day);
        Map<String, Long> versions = store.heldOn(partner.code(), day, zone());
        Reconciliation.Side side = new Reconciliation.Side(versions);
        return new ReconciliationSummary(settings.platform().code(), partner.code(), day, side.count(),
                side.digest(BatchCodec::digest), side.versions());
    }

    static void requireDay(LocalDate day) {
        if (day == null) {
            throw new ExchangeProblem("EXCHANGE_BATCH_MALFORMED", cn.chengxin.shared.DomainProblem.Kind.INVALID_INPUT,
                    "day: an ISO date");
        }
    }
}
