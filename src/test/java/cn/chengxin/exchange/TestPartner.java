package cn.chengxin.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.wire.SignedBatch;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Another platform in the same test: its own code and SM2 key, declared to ours as a partner; it signs batches and
 * pulls as a real partner would, over the HTTP API.
 */
final class TestPartner {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500));

    final String code;
    final String name;
    final SigningKeys.SigningKey key = SigningKeys.of(SigningKeys.generatePrivateKey());
    /** Every test partner's key by code, so that a fake platform reached at an address can open what it receives. */
    private static final java.util.Map<String, SigningKeys.SigningKey> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The public key of the platform it sends to (ours once declared): batches are encrypted for it. */
    private volatile String receiverKey = SigningKeys.of(SigningKeys.generatePrivateKey()).publicKey();

    private TestPartner(String code, String name) {
        this.code = code;
        this.name = name;
        KEYS.put(code, key);
    }

    /** The batch inside a signed envelope addressed to a test partner, decrypted with that partner's key. */
    static Batch open(SignedBatch signed) {
        String to = tools.jackson.databind.json.JsonMapper.builder().build().readTree(signed.body()).get("to")
                .asString();
        return cn.chengxin.exchange.wire.BatchCodec.read(signed.open(to, KEYS.get(to)));
    }

    /** The batch inside our signed answer to this partner (a pull, a fetch), decrypted with its key. */
    Batch read(SignedBatch answer) {
        return cn.chengxin.exchange.wire.BatchCodec.read(answer.open(code, key));
    }

    /** Exact batch bytes (in clear), encrypted for the receiver and signed: for batches the codec would not write. */
    SignedBatch seal(String to, byte[] batch) {
        return SignedBatch.seal(code, to, batch, key, receiverKey);
    }

    /** A fresh partner code (never declared before in this test JVM). */
    static TestPartner fresh(String namePrefix) {
        String code = "T" + (10_000 + NEXT.incrementAndGet());
        return new TestPartner(code, namePrefix + code);
    }

    TestPartner declaredAs(Exchange exchange, Relation relation, PlatformLevel level, String baseUrl) {
        exchange.savePartner(new PartnerSetting(code, name, level, relation, baseUrl, key.publicKey()));
        receiverKey = exchange.platform().publicKey();
        return this;
    }

    SignedBatch sign(String to, Instant at, List<ExchangeMessage> messages) {
        return SignedBatch.sign(new Batch(ExchangeFormats.V1, UUID.randomUUID(), code, to, at, null, messages),
                key, receiverKey);
    }

    /** A batch in {@code format}, a test batch when {@code test} (gaps review xxxvii R6). */
    SignedBatch sign(String to, Instant at, List<ExchangeMessage> messages, String format, boolean test) {
        return SignedBatch.sign(new Batch(format, UUID.randomUUID(), code, to, at, null, messages, test ? true : null),
                key, receiverKey);
    }

    /** Its answer to a pull by {@code to}: a batch with the cursor to pull after next, encrypted and signed. */
    SignedBatch answer(String to, Instant at, long cursor, List<ExchangeMessage> messages) {
        return SignedBatch.sign(new Batch(ExchangeFormats.V1, UUID.randomUUID(), code, to, at, cursor, messages),
                key, receiverKey);
    }

    static ResultActions push(MockMvc mvc, SignedBatch batch) throws Exception {
        return push(mvc, batch.from(), batch.body(), batch.digest(), batch.signature());
    }

    static ResultActions push(MockMvc mvc, String from, byte[] body, String digest, String signature)
            throws Exception {
        return mvc.perform(post("/api/v1/exchange/batches").contentType(MediaType.APPLICATION_JSON)
                .header(SignedBatch.PLATFORM, from).header(SignedBatch.DIGEST, digest)
                .header(SignedBatch.SIGNATURE, signature).content(body));
    }

    ResultActions pull(MockMvc mvc, String platform, long after, Instant at) throws Exception {
        return mvc.perform(get("/api/v1/exchange/feed").param("after", Long.toString(after))
                .param("at", at.toString()).header(SignedBatch.PLATFORM, code)
                .header(SignedBatch.SIGNATURE, signature("pull", platform, Long.toString(after), at)));
    }

    ResultActions reconciliation(MockMvc mvc, String platform, java.time.LocalDate day, Instant at) throws Exception {
        return mvc.perform(get("/api/v1/exchange/reconciliation").param("day", day.toString())
                .param("at", at.toString()).header(SignedBatch.PLATFORM, code)
                .header(SignedBatch.SIGNATURE, signature("reconcile", platform, day.toString(), at)));
    }

    ResultActions relayed(MockMvc mvc, String platform, java.time.LocalDate day, Instant at) throws Exception {
        return mvc.perform(get("/api/v1/exchange/reconciliation/relayed").param("day", day.toString())
                .param("at", at.toString()).header(SignedBatch.PLATFORM, code)
                .header(SignedBatch.SIGNATURE, signature("relayed", platform, day.toString(), at)));
    }

    ResultActions fetch(MockMvc mvc, String platform, String keys, Instant at) throws Exception {
        byte[] body = keys.getBytes(StandardCharsets.UTF_8);
        return mvc.perform(post("/api/v1/exchange/reconciliation/relayed").param("at", at.toString())
                .contentType(MediaType.APPLICATION_JSON).content(body).header(SignedBatch.PLATFORM, code)
                .header(SignedBatch.SIGNATURE, signature("fetch", platform,
                        cn.chengxin.exchange.wire.BatchCodec.digest(body), at)));
    }

    private String signature(String operation, String platform, String argument, Instant at) {
        byte[] request = (operation + "\n" + code + "\n" + platform + "\n" + argument + "\n" + at)
                .getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(key.sign(request));
    }
}
