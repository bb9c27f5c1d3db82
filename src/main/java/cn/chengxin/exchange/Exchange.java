package cn.chengxin.exchange;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.FeedCursor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Exchange with the provincial and national platforms and other regions (RULES.md §11): this platform's identity
 * and partners, the outbox of what goes upward (see {@link #queuedFor}), what was received from others (the check
 * index follows {@link #receivedSince}), and the two inbound operations, a pushed batch and a pull.
 */
@Service
public class Exchange {

    private static final Pattern PLATFORM_CODE = Pattern.compile("[0-9A-Z]{2,12}");

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final Receiving receiving;
    private final Reconciling reconciling;
    private final Adopting adopting;
    private final Resending resending;
    private final AuditLog audit;
    private final InboundRefusals refusals;
    private final ListLoads loads;
    private final Clock clock;

    Exchange(JdbcExchange store, ExchangeSettings settings, Receiving receiving, Reconciling reconciling,
             Adopting adopting, Resending resending, AuditLog audit, InboundRefusals refusals, ListLoads loads,
             Clock clock) {
        this.refusals = refusals;
        this.loads = loads;
        this.adopting = adopting;
        this.resending = resending;
        this.store = store;
        this.settings = settings;
        this.receiving = receiving;
        this.reconciling = reconciling;
        this.audit = audit;
        this.clock = clock;
    }

    /** The partners declared in configuration are (re)declared at every start. */
    @EventListener(ApplicationReadyEvent.class)
    void declareConfiguredPartners() {
        settings.declaredPartners().forEach(this::savePartner);
    }

    public Platform platform() {
        return settings.platform();
    }

    public List<Partner> partners() {
        return store.partners();
    }

    /** Declares a partner or changes one (its key, address, relation); refused when incomplete or malformed. */
    public void savePartner(PartnerSetting partner) {
        if (partner.code() == null || !PLATFORM_CODE.matcher(partner.code()).matches()
                || partner.code().equals(settings.platform().code())) {
            throw new ExchangeProblem("PARTNER_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "平台代码为 2–12 位数字或大写字母，且不能是本平台");
        }
        if (partner.name() == null || partner.name().isBlank() || partner.level() == null
                || partner.relation() == null) {
            throw new ExchangeProblem("PARTNER_INVALID", DomainProblem.Kind.INVALID_INPUT, "须写明平台名称、层级和关系");
        }
        if (!SigningKeys.validPublicKey(partner.publicKey())) {
            throw new ExchangeProblem("PARTNER_KEY_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "公钥须为 sm2p256v1 曲线上的非压缩点（65 字节）的 Base64");
        }
        if (partner.baseUrl() != null && !partner.baseUrl().matches("https?://[^\\s]{1,200}")
                && !partner.baseUrl().equals(KafkaLink.ADDRESS)) {
            throw new ExchangeProblem("PARTNER_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "推送地址须为 http(s) 地址，或 kafka: 表示经 Kafka 主题交换");
        }
        if (settings.insecure(partner.baseUrl())) {
            throw new ExchangeProblem("PARTNER_INSECURE_URL", DomainProblem.Kind.INVALID_INPUT,
                    "推送地址须为 https 地址：批次载有证件号码和姓名，不得明文传输");
        }
        store.savePartner(partner, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "exchange.partner.save")
                .detail(AuditDetail.of("PARTNER_SAVED").with("partner", partner.code())
                        .with("relation", partner.relation()).with("address", partner.baseUrl())));
    }

    /**
     * Marks a partner to be pulled, or not (gaps review xxviii J7; issue #9: "push and pull by cursor"): a platform
     * that takes no inbound connections (a county behind the government network boundary) reads what the partner
     * queues for it from the partner's feed at its address ({@link Pulling}); pushing to that address goes on as before.
     * Audited as the other changes of a partner are.
     *
     * @throws ExchangeProblem EXCHANGE_PARTNER_UNKNOWN for no such partner; PARTNER_PULL_NEEDS_ADDRESS when it has no
     *                         http(s) address to pull from
     */
    public void setPulled(String code, boolean pull) {
        Partner partner = store.partner(code).orElseThrow(() -> new ExchangeProblem("EXCHANGE_PARTNER_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "未登记的交换平台"));
        if (pull && (partner.baseUrl() == null || partner.baseUrl().equals(KafkaLink.ADDRESS))) {
            throw new ExchangeProblem("PARTNER_PULL_NEEDS_ADDRESS", DomainProblem.Kind.INVALID_INPUT,
                    "拉取须有对方平台的 http(s) 地址");
        }
        store.setPulled(code, pull);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "exchange.partner.pull")
                .detail(AuditDetail.of(pull ? "PARTNER_PULLED" : "PARTNER_NOT_PULLED").with("partner", code)
                        .with("address", pull ? partner.baseUrl() : null)));
    }

    /**
     * Queues for the partner the current message of everything in force it would have been sent (a partner declared
     * after records and entries existed never got them); idempotent, receivers apply by version.
     */
    public ResendReport resendCurrentState(String partnerCode) {
        return resending.resend(partnerCode);
    }

    /** The outbound messages about a subject, oldest first: what was queued, for whom, and whether it was delivered. */
    public List<QueuedMessage> queuedFor(UUID subjectId) {
        return store.queuedFor(subjectId);
    }

    /** The messages partners refused for what they say, set aside so as not to hold the rest, the latest first. */
    public List<QueuedMessage> setAside() {
        return store.setAside(100);
    }

    /**
     * The latest inbound requests refused (batches, pulls, reconciliation questions), the latest first: a partner
     * missing from configuration, or with a wrong key, shows here by the code it sends.
     */
    public List<RefusedAttempt> refusedAttempts(int limit) {
        return refusals.recent(limit);
    }

    /** How long back the page counts each partner's acknowledged messages (gaps-review-xxxv P9). */
    public static final java.time.Duration ACKNOWLEDGED_OVER = java.time.Duration.ofDays(7);

    /** Each partner's queue: waiting, oldest waiting, set aside, and acknowledged over {@link #ACKNOWLEDGED_OVER}. */
    public List<QueueSize> queueSizes() {
        return store.queueSizes(clock.instant().minus(ACKNOWLEDGED_OVER));
    }

    /** Received list entries changed after {@code seq}, oldest change first (the check index follows this feed). */
    public List<ReceivedEntry> receivedSince(long seq, int limit) {
        return store.receivedSince(seq, limit);
    }

    /**
     * What a follower of {@link #receivedSince} finds again in the numbers it stepped over ({@link
     * FeedCursor#skipped()}): the received list entries whose last change has one of them, oldest change first, and
     * every number that showed (records received take numbers of the same sequence, and are not followed).
     */
    public record ReceivedIn(List<ReceivedEntry> entries, List<Long> shown) {
    }

    public ReceivedIn receivedIn(List<FeedCursor.Skipped> spans, int limit) {
        if (spans.isEmpty()) {
            return new ReceivedIn(List.of(), List.of());
        }
        List<Long> shown = store.receivedNumbersIn(spans, limit);
        return new ReceivedIn(shown.isEmpty() ? List.of() : store.receivedNumbered(shown), shown);
    }

    /**
     * The list entries other platforms issued that changed last here, the latest first, with their dispute marks and
     * pending reviews or lawsuits: what the console shows of what arrived (names masked, no number).
     */
    public List<ReceivedEntry> latestReceivedEntries(int limit) {
        return store.latestReceived(limit);
    }

    /**
     * The list entries other platforms issued about the subject, as last received, in force or not: what a module that
     * decides on one subject at a time (benefits) reads, where the check index follows {@link #receivedSince}.
     */
    public List<ReceivedEntry> receivedAbout(String subjectPseudonym) {
        return store.receivedAbout(subjectPseudonym);
    }

    /** What a receiving platform answers for a batch it accepted: how many messages, how many changed its state. */
    public record Acknowledgement(UUID batchId, int received, int applied) {
    }

    /**
     * A batch pushed by a partner: {@code body} exactly as received, with the sender, digest and signature headers.
     *
     * @throws ExchangeProblem with a stable code when refused; nothing of the batch is applied then
     */
    public Acknowledgement receive(String from, byte[] body, String digest, String signature) {
        return receiving.receive(new SignedBatch(from, body, digest, signature));
    }

    /** A partner pulls its messages from {@code after}; the answer is a batch signed by this platform. */
    public SignedBatch pull(String requester, Long after, String at, String signature) {
        return refusals.audited(requester, "pull", () -> receiving.pull(requester, after, at, signature));
    }

    /** Reconciles {@code day} with every partner we push to now (the job does it nightly for the day before). */
    public List<ReconciliationResult> reconcile(java.time.LocalDate day) {
        return reconciling.reconcile(day);
    }

    public List<ReconciliationResult> reconciliations(int limit) {
        return store.reconciliations(limit);
    }

    /** A partner asks what we hold of its messages of {@code day} (signed like a pull). */
    public ReconciliationSummary reconciliationFor(String requester, java.time.LocalDate day, String at,
                                                   String signature) {
        return refusals.audited(requester, "reconcile", () -> reconciling.answer(requester, day, at, signature));
    }

    /** A child asks which messages of other platforms we relayed to it on {@code day} (signed like a pull). */
    public ReconciliationSummary relayedFor(String requester, java.time.LocalDate day, String at, String signature) {
        return refusals.audited(requester, "relayed", () -> adopting.relayedTo(requester, day, at, signature));
    }

    /** A child fetches messages we relayed to it, to adopt their state; the answer is a batch signed by us. */
    public SignedBatch relayedMessages(String requester, byte[] keys, String at, String signature) {
        return refusals.audited(requester, "fetch", () -> adopting.fetch(requester, keys, at, signature));
    }

    /**
     * Uploads the Supreme People's Court's list of court defaulters as a published CSV file
     * (docs/exchange-format.md) for review: nothing is applied yet. The answer is the preview, what approving it would
     * do as things stand: rows, new listings, removals and the rows refused with their line, code and reason.
     *
     * @throws ExchangeProblem LIST_FILE_UNREADABLE when the file is not such a list at all
     */
    public ListLoad uploadCourtDefaulters(String fileName, byte[] file) {
        return loads.upload(fileName, file);
    }

    /**
     * Approves an uploaded list file: each valid row becomes a black-list entry issued by the court's list, applied
     * like a received message (a removal outranks its listing) and passed on to the children.
     *
     * @throws ExchangeProblem LIST_LOAD_SELF_REVIEW when the person approving uploaded it, LIST_LOAD_DECIDED when it
     *                         was decided already, LIST_LOAD_NOT_FOUND
     */
    public LoadReport approveLoad(UUID loadId) {
        return loads.approve(loadId);
    }

    /** Sends an uploaded list file back unapplied (never by its uploader either). */
    public void rejectLoad(UUID loadId, String note) {
        loads.reject(loadId, note);
    }

    /** How many list files uploaded by someone else wait for {@code reviewerId}'s approval (工作台, finding K6). */
    public long loadsAwaiting(String reviewerId) {
        return loads.awaiting(reviewerId);
    }

    /** The list files waiting for a decision, then the latest decided. */
    public List<ListLoad> listLoads(int limit) {
        return loads.latest(limit);
    }
}
