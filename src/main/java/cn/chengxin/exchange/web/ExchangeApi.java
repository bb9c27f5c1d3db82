package cn.chengxin.exchange.web;

import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.Platform;
import cn.chengxin.exchange.ReconciliationSummary;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange endpoints other platforms call (docs/exchange-format.md). They carry no API key: a partner is
 * authenticated by the SM2 signature of what it sends, checked against the key declared for it, so the endpoints
 * are open at the HTTP layer and refuse in the facade (EXCHANGE_* problem codes).
 */
@RestController
@PublicEndpoint
@Tag(name = "exchange", description = "平台间信息交换（省级、国家平台与其他地区）")
class ExchangeApi {

    private final Exchange exchange;

    ExchangeApi(Exchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/api/v1/exchange/platform")
    @Operation(summary = "本平台的交换身份", description = "Code, name, level and the SM2 public key that verifies "
            + "this platform's batches: what a partner declares for it.")
    Platform platform() {
        return exchange.platform();
    }

    @PostMapping(value = "/api/v1/exchange/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "接收批次", description = "A batch from a declared partner, encrypted for this platform "
            + "(chengxin-sealed/1: SM4-GCM under a key wrapped with SM2 for this platform's public key) and signed "
            + "(headers Chengxin-Platform, Chengxin-Digest: sm3=<hex>, Chengxin-Signature: Base64 SM3withSM2 over the "
            + "exact body). Refused whole with EXCHANGE_PARTNER_UNKNOWN, EXCHANGE_SIGNATURE_INVALID, "
            + "EXCHANGE_DIGEST_MISMATCH, EXCHANGE_BATCH_UNENCRYPTED, EXCHANGE_BATCH_UNDECRYPTABLE, "
            + "EXCHANGE_BATCH_MALFORMED, EXCHANGE_BATCH_STALE, EXCHANGE_BATCH_REPLAYED, EXCHANGE_MESSAGE_INVALID, "
            + "EXCHANGE_RELAY_REFUSED, EXCHANGE_MINOR_LISTED; otherwise applied by (source platform, source id, version).")
    @Refuses(status = 403, value = {"EXCHANGE_PARTNER_UNKNOWN", "EXCHANGE_SIGNATURE_INVALID",
            "EXCHANGE_BATCH_MISADDRESSED", "EXCHANGE_RELAY_REFUSED"})
    @Refuses(status = 409, value = "EXCHANGE_BATCH_REPLAYED")
    @Refuses(status = 422, value = {"EXCHANGE_DIGEST_MISMATCH", "EXCHANGE_BATCH_UNENCRYPTED",
            "EXCHANGE_BATCH_UNDECRYPTABLE", "EXCHANGE_BATCH_MALFORMED", "EXCHANGE_FORMAT_UNSUPPORTED",
            "EXCHANGE_BATCH_STALE", "EXCHANGE_MESSAGE_INVALID", "EXCHANGE_MINOR_LISTED"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ExchangeReceipt receive(@RequestHeader(value = SignedBatch.PLATFORM, required = false) String from,
                                     @RequestHeader(value = SignedBatch.DIGEST, required = false) String digest,
                                     @RequestHeader(value = SignedBatch.SIGNATURE, required = false) String signature,
                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                             description = "the sealed batch, as its exact signed bytes",
                                             content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                     schema = @Schema(type = "string", format = "binary")))
                                     @RequestBody byte[] body) {
        Exchange.Acknowledgement received = exchange.receive(from, body, digest, signature);
        return new ExchangeReceipt(received.batchId(), received.received(), received.applied());
    }

    /**
     * {@link Exchange.Acknowledgement} as answered: a schema of its own name, as a lift's acknowledgement is also an
     * acknowledgement (gaps review xxxvii R1).
     */
    record ExchangeReceipt(java.util.UUID batchId, int received, int applied) {
    }

    @GetMapping("/api/v1/exchange/feed")
    @Operation(summary = "拉取批次", description = "A partner pulls what is queued for it after the cursor; pulling from a "
            + "cursor acknowledges everything before it. The request is signed: Chengxin-Signature over "
            + "pull\\n<partner>\\n<this platform>\\n<after>\\n<at>. The answer is a batch signed by this platform.")
    @SignedBatchAnswer
    @Refuses(status = 403, value = {"EXCHANGE_PARTNER_UNKNOWN", "EXCHANGE_SIGNATURE_INVALID"})
    @Refuses(status = 422, value = "EXCHANGE_BATCH_STALE")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<byte[]> pull(@RequestHeader(value = SignedBatch.PLATFORM, required = false) String from,
                                @RequestHeader(value = SignedBatch.SIGNATURE, required = false) String signature,
                                @RequestParam(required = false) Long after,
                                @RequestParam(required = false) String at) {
        return signed(exchange.pull(from, after, at, signature));
    }

    private static ResponseEntity<byte[]> signed(SignedBatch batch) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(SignedBatch.PLATFORM, batch.from()).header(SignedBatch.DIGEST, batch.digest())
                .header(SignedBatch.SIGNATURE, batch.signature()).body(batch.body());
    }

    @GetMapping("/api/v1/exchange/reconciliation")
    @Operation(summary = "对账", description = "What this platform holds of the calling partner's messages made on a day: "
            + "the latest version per source id, their count and SM3 digest. Signed like a pull, with operation "
            + "reconcile and the day as argument.")
    @Refuses(status = 403, value = {"EXCHANGE_PARTNER_UNKNOWN", "EXCHANGE_SIGNATURE_INVALID"})
    @Refuses(status = 422, value = "EXCHANGE_BATCH_STALE")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ReconciliationSummary reconciliation(
            @RequestHeader(value = SignedBatch.PLATFORM, required = false) String from,
            @RequestHeader(value = SignedBatch.SIGNATURE, required = false) String signature,
            @RequestParam(required = false) java.time.LocalDate day, @RequestParam(required = false) String at) {
        return exchange.reconciliationFor(from, day, at, signature);
    }

    @GetMapping("/api/v1/exchange/reconciliation/relayed")
    @Operation(summary = "对账（下行）", description = "What this platform relayed to the calling child on a day, issued by "
            + "other platforms: the latest version per <source platform>:<source id>, their count and SM3 digest. "
            + "Signed like a pull, with operation relayed and the day as argument.")
    @Refuses(status = 403, value = {"EXCHANGE_PARTNER_UNKNOWN", "EXCHANGE_SIGNATURE_INVALID"})
    @Refuses(status = 422, value = "EXCHANGE_BATCH_STALE")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ReconciliationSummary relayed(@RequestHeader(value = SignedBatch.PLATFORM, required = false) String from,
                                  @RequestHeader(value = SignedBatch.SIGNATURE, required = false) String signature,
                                  @RequestParam(required = false) java.time.LocalDate day,
                                  @RequestParam(required = false) String at) {
        return exchange.relayedFor(from, day, at, signature);
    }

    @PostMapping(value = "/api/v1/exchange/reconciliation/relayed", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "对账取回", description = "The calling child fetches messages this platform relayed to it, to adopt "
            + "their state ({\"keys\": [\"<source platform>:<source id>\", …]}, at most 1,000). Signed like a pull, "
            + "with operation fetch and the hex SM3 of the body as argument; the answer is a batch signed by this "
            + "platform.")
    @SignedBatchAnswer
    @Refuses(status = 403, value = {"EXCHANGE_PARTNER_UNKNOWN", "EXCHANGE_SIGNATURE_INVALID"})
    @Refuses(status = 422, value = {"EXCHANGE_BATCH_STALE", "EXCHANGE_BATCH_MALFORMED"})
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    ResponseEntity<byte[]> fetchRelayed(@RequestHeader(value = SignedBatch.PLATFORM, required = false) String from,
                                        @RequestHeader(value = SignedBatch.SIGNATURE, required = false) String signature,
                                        @RequestParam(required = false) String at,
                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(
                                                        type = "string", format = "binary")))
                                        @RequestBody(required = false) byte[] keys) {
        return signed(exchange.relayedMessages(from, keys, at, signature));
    }
}
