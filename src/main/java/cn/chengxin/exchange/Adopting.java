package cn.chengxin.exchange;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.Reconciliation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation downward (RULES.md §11: the national platform is authoritative on conflicts). We ask the parent
 * which messages of other platforms it relayed to us on a day, latest version each, and compare with what we hold;
 * those that differ — missing here, or held in another version, even a higher one that reached us from elsewhere —
 * we fetch in a batch the parent signs and adopt over whatever we hold, relaying them on to our children. Messages
 * we issued ourselves are never adopted: we are authoritative for what we collected, so a difference there is a
 * conflict for the credit office. As a parent we answer both questions for our children.
 */
@Component
class Adopting {

    static final String PATH = Reconciling.PATH + "/relayed";
    static final Outcome NOTHING = new Outcome(List.of(), List.of());
    private static final Pattern KEY = Pattern.compile("[0-9A-Z]{2,12}:(record|list)/[0-9a-zA-Z-]{1,64}");

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final PartnerRequests requests;
    private final Receiving receiving;
    private final Pushing pushing;
    private final JsonMapper json;
    private final Clock clock;

    Adopting(JdbcExchange store, ExchangeSettings settings, PartnerRequests requests, Receiving receiving,
             Pushing pushing, JsonMapper json, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.requests = requests;
        this.receiving = receiving;
        this.pushing = pushing;
        this.json = json;
        this.clock = clock;
    }

    /** Keys ({@code <source platform>:<source id>}) whose parent state was adopted, and conflicts about our own. */
    record Outcome(List<String> adopted, List<String> conflicts) {
    }

    Outcome fromParent(Partner parent, LocalDate day) throws IOException, InterruptedException {
        byte[] answer = requests.send(parent, PATH, "day=" + day, "relayed", day.toString(), null).body();
        Map<String, Long> relayed = json.readValue(answer, ReconciliationSummary.class).versions();
        Reconciliation.Downward downward = Reconciliation.fromParent(relayed, store.heldVersions(relayed.keySet()),
                settings.platform().code());
        List<String> adopted = new ArrayList<>();
        List<String> toAdopt = downward.toAdopt();
        for (int from = 0; from < toAdopt.size(); from += Batch.MAX_MESSAGES) {
            List<String> keys = toAdopt.subList(from, Math.min(from + Batch.MAX_MESSAGES, toAdopt.size()));
            byte[] request = json.writeValueAsBytes(Map.of("keys", keys));
            HttpResponse<byte[]> response = requests.send(parent, PATH, "", "fetch", BatchCodec.digest(request),
                    HttpRequest.BodyPublishers.ofByteArray(request));
            SignedBatch signed = new SignedBatch(response.headers().firstValue(SignedBatch.PLATFORM).orElse(null),
                    response.body(), response.headers().firstValue(SignedBatch.DIGEST).orElse(null),
                    response.headers().firstValue(SignedBatch.SIGNATURE).orElse(null));
            adopted.addAll(receiving.adopt(parent, signed, Set.copyOf(keys)));
        }
        return new Outcome(adopted, downward.conflicts());
    }

    /** Our answer to a child asking which messages of other platforms we relayed to it on {@code day}. */
    ReconciliationSummary relayedTo(String requester, LocalDate day, String at, String signature) {
        Partner partner = requests.authenticate("relayed", requester, String.valueOf(day), at, signature);
        Reconciling.requireDay(day);
        Reconciliation.Side side = new Reconciliation.Side(store.relayedOn(partner.code(), day,
                clock.getZone().getId()));
        return new ReconciliationSummary(settings.platform().code(), null, day, side.count(),
                side.digest(BatchCodec::digest), side.versions());
    }

    /**
     * Our answer to a child fetching messages we relayed to it ({@code {"keys": [...]}}, at most
     * {@value Batch#MAX_MESSAGES}): the latest version of each, in a batch we sign; each number disclosed is audited.
     */
    SignedBatch fetch(String requester, byte[] body, String at, String signature) {
        Partner partner = requests.authenticate("fetch", requester, BatchCodec.digest(body == null ? new byte[0]
                : body), at, signature);
        List<String> keys = keysOf(body);
        return SignedBatch.sign(pushing.batch(Ids.newId(), partner.code(), store.latestRelayed(partner.code(), keys),
                clock.instant()), settings.key(), partner.publicKey());
    }

    private List<String> keysOf(byte[] body) {
        List<String> keys = new ArrayList<>();
        if (body == null) {
            throw malformed();
        }
        try {
            JsonNode node = json.readTree(body).path("keys");
            if (!node.isArray() || node.isEmpty() || node.size() > Batch.MAX_MESSAGES) {
                throw malformed();
            }
            for (JsonNode key : node) {
                if (!key.isString() || !KEY.matcher(key.asString()).matches()) {
                    throw malformed();
                }
                keys.add(key.asString());
            }
        } catch (JacksonException e) {
            throw malformed();
        }
        return keys;
    }

    private static ExchangeProblem malformed() {
        return new ExchangeProblem("EXCHANGE_BATCH_MALFORMED", DomainProblem.Kind.INVALID_INPUT,
                "keys: 1 to " + Batch.MAX_MESSAGES + " of <source platform>:<source id>");
    }
}
