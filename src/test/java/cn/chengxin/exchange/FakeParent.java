package cn.chengxin.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Reconciliation;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provincial platform on loopback that accepts our pushed batches only with our valid signature and digest (and
 * opens them with the key of the test partner they are encrypted for, the one declared at its address), and
 * that can be taken down (it answers 503) to test the outbox's retries, or refuse some messages. Signing as {@link #signAs} a declared
 * partner, it also answers the downward reconciliation with what it says it {@link #relayed} to us, and our pulls of
 * its {@link #feed} (verifying our signature of each; it can replay an answer or forge its signature).
 */
final class FakeParent implements AutoCloseable {

    private final HttpServer server;
    private final String ourPublicKey;
    final List<ExchangeMessage> received = new CopyOnWriteArrayList<>();
    /** The pushed bodies exactly as they came over the wire. */
    final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    final List<ExchangeMessage> relayed = new CopyOnWriteArrayList<>();
    private volatile TestPartner signer;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    volatile boolean down;
    /** Messages it refuses as a nation refuses a relay it does not take (403 EXCHANGE_RELAY_REFUSED). */
    volatile java.util.function.Predicate<ExchangeMessage> refuses = m -> false;

    /** What it queues for us to pull, by position: the cursor after the n-th message is n. */
    final List<ExchangeMessage> feed = new CopyOnWriteArrayList<>();
    /** The cursors our pulls asked to start after, in order. */
    final List<Long> pulledAfter = new CopyOnWriteArrayList<>();
    /** Answers a pull with its last answer that had messages, byte for byte (a replay). */
    volatile boolean replaysLastAnswer;
    /** Answers the next pull from the start of the feed, whatever cursor is asked (as if it lost our acknowledgements). */
    volatile boolean ignoresCursorOnce;
    /** Signs its answers with a key other than the one declared for it. */
    volatile boolean forgesAnswers;
    private volatile SignedBatch lastAnswer;
    /** Runs as a pushed batch arrives, before it is answered: a test holds the answer there. */
    volatile Runnable onBatch = () -> { };

    FakeParent(String ourPublicKey) throws IOException {
        this.ourPublicKey = ourPublicKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(Pushing.BATCHES_PATH, exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            SignedBatch signed = new SignedBatch(exchange.getRequestHeaders().getFirst(SignedBatch.PLATFORM), body,
                    exchange.getRequestHeaders().getFirst(SignedBatch.DIGEST),
                    exchange.getRequestHeaders().getFirst(SignedBatch.SIGNATURE));
            bodies.add(body);
            onBatch.run();
            int status;
            byte[] answer = "{}".getBytes();
            if (down) {
                status = 503;
            } else if (!signed.signedBy(this.ourPublicKey) || !signed.digestMatches()) {
                badSignatures.incrementAndGet();
                status = 403;
                answer = ("{\"type\":\"/problems/exchange-signature-invalid\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"签名无效：批次须由发送平台的 SM2 私钥对报文原文签名\","
                        + "\"code\":\"EXCHANGE_SIGNATURE_INVALID\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else if (TestPartner.open(signed).messages().stream().anyMatch(refuses)) {
                status = 403;
                answer = "{\"code\":\"EXCHANGE_RELAY_REFUSED\",\"detail\":\"messages[0]: relay not taken\"}".getBytes();
            } else {
                Batch batch = TestPartner.open(signed);
                received.addAll(batch.messages());
                status = 200;
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext(Reconciling.PATH, exchange -> {
            String requester = exchange.getRequestHeaders().getFirst(SignedBatch.PLATFORM);
            LocalDate day = LocalDate.parse(exchange.getRequestURI().getQuery().replaceAll(".*day=([0-9-]+).*", "$1"));
            Map<String, Long> latest = new HashMap<>();
            received.stream().filter(m -> m.sourcePlatform().equals(requester))
                    .filter(m -> LocalDate.ofInstant(m.occurredAt(), ZoneId.of("Asia/Shanghai")).equals(day))
                    .forEach(m -> latest.merge(m.sourceId(), m.version(), Math::max));
            Reconciliation.Side side = new Reconciliation.Side(latest);
            byte[] answer = JsonMapper.builder().build().writeValueAsBytes(new ReconciliationSummary("FAKE", requester,
                    day, side.count(), side.digest(BatchCodec::digest), side.versions()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext(Adopting.PATH, exchange -> {
            String requester = exchange.getRequestHeaders().getFirst(SignedBatch.PLATFORM);
            byte[] answer;
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, Long> latest = new HashMap<>();
                relayed.forEach(m -> latest.merge(Reconciliation.key(m.sourcePlatform(), m.sourceId()), m.version(),
                        Math::max));
                Reconciliation.Side side = new Reconciliation.Side(latest);
                answer = JsonMapper.builder().build().writeValueAsBytes(new ReconciliationSummary(signer == null ? "FAKE" : signer.code, null,
                        LocalDate.now(ZoneId.of("Asia/Shanghai")), side.count(), side.digest(BatchCodec::digest),
                        side.versions()));
            } else {
                List<String> keys = JsonMapper.builder().build().readValue(exchange.getRequestBody().readAllBytes(),
                        Keys.class).keys();
                Map<String, ExchangeMessage> latest = new HashMap<>();
                relayed.forEach(m -> latest.merge(Reconciliation.key(m.sourcePlatform(), m.sourceId()), m,
                        (a, b) -> a.version() >= b.version() ? a : b));
                SignedBatch batch = signer.sign(requester, java.time.Instant.now(), keys.stream()
                        .filter(latest::containsKey).map(latest::get).toList());
                exchange.getResponseHeaders().add(SignedBatch.PLATFORM, batch.from());
                exchange.getResponseHeaders().add(SignedBatch.DIGEST, batch.digest());
                exchange.getResponseHeaders().add(SignedBatch.SIGNATURE, batch.signature());
                answer = batch.body();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext(Pulling.FEED_PATH, exchange -> {
            requests.incrementAndGet();
            String requester = exchange.getRequestHeaders().getFirst(SignedBatch.PLATFORM);
            String query = exchange.getRequestURI().getQuery();
            long after = Long.parseLong(query.replaceAll(".*after=([0-9]+).*", "$1"));
            String at = java.net.URLDecoder.decode(query.replaceAll(".*at=([^&]+).*", "$1"),
                    java.nio.charset.StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(SignedBatch.SIGNATURE);
            byte[] signedText = ("pull\n" + requester + "\n" + signer.code + "\n" + after + "\n" + at)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (signature == null || !cn.chengxin.audit.SigningKeys.verify(this.ourPublicKey, signedText,
                    java.util.Base64.getDecoder().decode(signature))) {
                badSignatures.incrementAndGet();
                byte[] refusal = "{\"code\":\"EXCHANGE_SIGNATURE_INVALID\",\"status\":403}".getBytes();
                exchange.sendResponseHeaders(403, refusal.length);
                exchange.getResponseBody().write(refusal);
                exchange.close();
                return;
            }
            pulledAfter.add(after);
            SignedBatch answer;
            if (replaysLastAnswer && lastAnswer != null) {
                answer = lastAnswer;
            } else {
                int from = ignoresCursorOnce ? 0 : (int) Math.min(after, feed.size());
                ignoresCursorOnce = false;
                List<ExchangeMessage> messages = List.copyOf(feed.subList(from, feed.size()));
                answer = signer.answer(requester, java.time.Instant.now(), from + messages.size(), messages);
                if (!messages.isEmpty()) {
                    lastAnswer = answer;
                }
            }
            if (forgesAnswers) {
                answer = new SignedBatch(answer.from(), answer.body(), answer.digest(), java.util.Base64.getEncoder()
                        .encodeToString(TestPartner.fresh("伪造").key.sign(answer.body())));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add(SignedBatch.PLATFORM, answer.from());
            exchange.getResponseHeaders().add(SignedBatch.DIGEST, answer.digest());
            exchange.getResponseHeaders().add(SignedBatch.SIGNATURE, answer.signature());
            exchange.sendResponseHeaders(200, answer.body().length);
            exchange.getResponseBody().write(answer.body());
            exchange.close();
        });
        server.start();
    }

    record Keys(List<String> keys) {
    }

    /** The province signs its answers as this partner (declared to us as our parent). */
    void signAs(TestPartner partner) {
        this.signer = partner;
    }

    /** The province loses every version of a message (a restore from an old backup, say). */
    void lose(String sourceId) {
        received.removeIf(m -> m.sourceId().equals(sourceId));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
