package cn.chengxin.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.domain.Backoff;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Refusal;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.MessageRefusals;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes each partner's outbox over HTTP (or through its Kafka topic, {@link KafkaLink}), oldest message first, in signed batches, until the partner acknowledges;
 * a failure holds the whole queue of that partner (so the order per subject is kept) and waits the {@link Backoff}
 * before the next try — except a message the partner refuses for what it says, which is set aside. Identity numbers are read from the subject register only here, and each disclosure is in
 * the audit log.
 */
@Component
class Pushing {

    private static final Logger log = LoggerFactory.getLogger(Pushing.class);
    static final String BATCHES_PATH = "/api/v1/exchange/batches";
    private static final int BATCHES_PER_TURN = 20;
    /** How long a turn holds a partner's push: beyond a batch's 30 s request and its acknowledgement (as pulling). */
    static final Duration CLAIM = Pulling.CLAIM;
    private static final JsonMapper PROBLEMS = JsonMapper.builder().build();

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<KafkaLink> kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Pushing(JdbcExchange store, ExchangeSettings settings, SubjectRegistry subjects, AuditLog audit, Clock clock,
            ObjectProvider<KafkaLink> kafka) {
        this.kafka = kafka;
        this.store = store;
        this.settings = settings;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chengxin.exchange.push-interval:PT2S}")
    void scheduled() {
        JobAmount.add(pushDue(clock.instant()));
    }

    /**
     * Pushes to every partner that is due at {@code now} and that no other instance is pushing; returns how many
     * messages were acknowledged.
     */
    synchronized int pushDue(Instant now) {
        int acknowledged = 0;
        for (Partner partner : store.partners()) {
            if (partner.enabled() && partner.baseUrl() != null
                    && (partner.nextAttemptAt() == null || !partner.nextAttemptAt().isAfter(now))) {
                UUID turn = Ids.newId();
                try {
                    acknowledged += pushTo(partner, now, turn);
                } finally {
                    store.releasePush(partner.code(), turn);
                }
            }
        }
        return acknowledged;
    }

    /**
     * A turn of pushes to the partner, each batch under the turn's claim on the partner ({@link #CLAIM}, claimed again
     * before each batch): two instances never send the same waiting messages (gaps review xxxiii N5), and the partner
     * gets them in queue order.
     */
    private int pushTo(Partner partner, Instant now, UUID claim) {
        int acknowledged = 0;
        int size = settings.batchSize();
        for (int turn = 0; turn < BATCHES_PER_TURN; turn++) {
            if (!store.claimPush(partner.code(), claim, now, clock.instant().plus(CLAIM))) {
                return acknowledged;
            }
            List<JdbcExchange.Waiting> waiting = store.waiting(partner.code(), 0, size);
            if (waiting.isEmpty()) {
                return acknowledged;
            }
            UUID batchId = Ids.newId();
            List<Long> seqs = waiting.stream().map(JdbcExchange.Waiting::seq).toList();
            store.attempted(seqs, batchId);
            SignedBatch signed = SignedBatch.sign(batch(batchId, partner.code(), waiting, clock.instant()),
                    settings.key(), partner.publicKey());
            Failure failure = send(partner, signed);
            if (failure != null && failure.messageRefused() != null) {
                // Sending it again is refused again: find the message by halves and set it aside, so that it does
                // not hold everything queued behind it; the console shows it with the partner's code.
                if (waiting.size() > 1) {
                    size = waiting.size() / 2;
                    continue;
                }
                store.setAside(seqs.get(0), failure.messageRefused(), failure.partnerReason(), clock.instant());
                setAsideNoted(partner.code(), seqs.get(0), failure.messageRefused(), failure.reason());
                size = settings.batchSize();
                continue;
            }
            if (failure != null) {
                int failures = partner.failures() + 1;
                Instant next = now.plus(Backoff.after(failures));
                store.pushFailed(partner.code(), failures, next, failure.reason());
                log.warn("Push to {} failed ({} in a row), next try at {}: {}", partner.code(), failures, next,
                        failure.reason());
                return acknowledged;
            }
            acknowledged += store.acknowledge(partner.code(), seqs, clock.instant());
            store.pushSucceeded(partner.code(), clock.instant());
            partner = store.partner(partner.code()).orElseThrow();
        }
        return acknowledged;
    }

    private void setAsideNoted(String partner, long seq, String code, String reason) {
        log.warn("{} refused message #{} ({}): set aside", partner, seq, reason);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.setAside").detail(AuditDetail.of("MESSAGE_SET_ASIDE")
                .with("message", seq).with("partner", partner).with("code", code)));
    }

    /**
     * The partner's answer over Kafka naming messages of a batch of ours it refused for what they say (the rest it
     * applied): each is set aside as a message refused over HTTP is, shown on the console with the partner's code and
     * not sent again with the others (reconciliation leaves it too). Other codes are not the partner's to give here.
     *
     * @return how many messages were set aside
     */
    int setAside(String partner, MessageRefusals answer) {
        int setAside = 0;
        for (MessageRefusals.Refused refused : answer.refused()) {
            if (!Refusal.OF_A_MESSAGE.contains(refused.code()) || refused.sourceId() == null) {
                log.warn("{} answered batch {} with {} for message {}: not a refusal of a message, ignored", partner,
                        answer.batchId(), PartnerTexts.shown(refused.code(), 60), refused.index());
                continue;
            }
            String reason = refused.reason() == null ? null : PartnerTexts.shown(refused.reason(), 300);
            Optional<Long> seq = store.setAsideSent(partner, answer.batchId(), refused.sourcePlatform(),
                    refused.sourceId(), refused.version(), refused.code(), reason, clock.instant());
            if (seq.isPresent()) {
                setAsideNoted(partner, seq.get(), refused.code(), refused.code() + "：" + reason);
                setAside++;
            }
        }
        return setAside;
    }

    /** The waiting messages with the identity numbers filled in, each disclosure audited. */
    Batch batch(UUID batchId, String to, List<JdbcExchange.Waiting> waiting, Instant at) {
        List<ExchangeMessage> messages = new ArrayList<>(waiting.size());
        Map<UUID, String> pseudonyms = subjects.pseudonymsOf(waiting.stream().map(JdbcExchange.Waiting::subjectId)
                .distinct().toList());
        List<AuditEntry> disclosures = new ArrayList<>();
        for (JdbcExchange.Waiting w : waiting) {
            ExchangeMessage m = BatchCodec.readMessage(w.body());
            IdentityDocument document = subjects.revealNumber(w.subjectId()).orElseThrow(() ->
                    new IllegalStateException("queued message about an unknown subject " + w.subjectId()));
            messages.add(m.withSubjectNumber(document.number()));
            disclosures.add(AuditEntry.of(AuditCategory.PROCESSING, "exchange.send")
                    .subject(pseudonyms.get(w.subjectId()))
                    .purpose("向" + to + "平台报送信用信息", "国办发〔2016〕98号 信用信息共享")
                    .detail(AuditDetail.of("SENT_IN_BATCH").with("batch", batchId).with("source", m.sourceId())
                            .with("version", m.version())));
        }
        audit.recordAll(disclosures);
        // The lowest version that carries these messages, never above what the partner declares it reads (R6).
        String format = ExchangeFormats.forBatch(messages, settings.formatOf(to));
        return new Batch(format, batchId, settings.platform().code(), to,
                at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, ExchangeFormats.carried(messages, format));
    }

    /**
     * Why a push failed, as the console shows it on the partner's row; {@code messageRefused}: the partner's code when
     * it refused a message of the batch for what it says ({@link Refusal#OF_A_MESSAGE}), null when the batch or the
     * link failed (tried again after the backoff); {@code partnerReason}: the reason the partner gave (its problem's
     * detail), null when it gave none.
     */
    private record Failure(String reason, String messageRefused, String partnerReason) {

        /**
         * What a partner or its link says is stored and shown as our own text is: a partner of another make may echo
         * an identity number in its refusal ("subject.number 4115…X 校验不通过"), a proxy the batch itself.
         */
        Failure {
            reason = PartnerTexts.shown(reason, 400);
            partnerReason = partnerReason == null ? null : PartnerTexts.shown(partnerReason, 300);
        }

        Failure(String reason) {
            this(reason, null, null);
        }
    }

    /** @return null when the partner acknowledged the batch, else why not */
    private Failure send(Partner partner, SignedBatch batch) {
        if (partner.baseUrl().equals(KafkaLink.ADDRESS)) {
            KafkaLink link = kafka.getIfAvailable();
            if (link == null) {
                return new Failure(
                        "the Kafka transport is not configured (chengxin.exchange.kafka.bootstrap-servers)");
            }
            try {
                link.send(partner.code(), batch);
                return null;
            } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
                return new Failure("Kafka: " + e.getMessage());
            }
        }
        if (settings.insecure(partner.baseUrl())) {
            // Declared before plain HTTP was refused: nothing goes out in clear until its address is https.
            return new Failure("PARTNER_INSECURE_URL: plain http:// is not used, the partner's address must be https");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + BATCHES_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SignedBatch.PLATFORM, batch.from())
                .header(SignedBatch.DIGEST, batch.digest())
                .header(SignedBatch.SIGNATURE, batch.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return null;
            }
            String code = problemField(response.body(), "code");
            // Our earlier push arrived but its answer did not: the partner holds the batch already.
            if (response.statusCode() == 409 && "EXCHANGE_BATCH_REPLAYED".equals(code)) {
                return null;
            }
            boolean refusesAMessage = (response.statusCode() == 403 || response.statusCode() == 422)
                    && Refusal.OF_A_MESSAGE.contains(code);
            // A refusal (a signature the partner cannot verify, a stale clock, …) is read by its code and reason,
            // which the operators act on; anything else as the partner answered.
            String detail = problemField(response.body(), "detail");
            String reason = code == null ? PartnerTexts.shown(response.body(), 300)
                    : detail == null ? code : code + "：" + PartnerTexts.shown(detail, 300);
            return new Failure("HTTP " + response.statusCode() + " " + reason, refusesAMessage ? code : null, detail);
        } catch (IOException e) {
            return new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("interrupted");
        }
    }

    /** A text member ({@code code}, {@code detail}) of a problem+json answer, or null. */
    static String problemField(String body, String name) {
        try {
            JsonNode value = PROBLEMS.readTree(body).get(name);
            return value == null || !value.isString() ? null : value.asString();
        } catch (JacksonException notAProblem) {
            return null;
        }
    }

}
