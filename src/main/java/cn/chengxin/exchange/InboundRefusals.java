package cn.chengxin.exchange;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Component;

/**
 * Every inbound exchange request refused — a batch (over HTTP or Kafka), a pull, a reconciliation question — is a
 * security event (RULES.md §10: every operation traceable): audited as {@code exchange.refuse}, DENIED, with the
 * partner code the request named and the problem code, and kept for the console, where a partner missing from
 * configuration or with a wrong key shows as its refusals. Never an identity number: reasons name fields, not values,
 * and what the sender wrote is redacted.
 */
@Component
class InboundRefusals {

    static final String ACTION = "exchange.refuse";
    private static final int PARTNER_CHARS = 40;
    private static final int REASON_CHARS = 300;

    private final JdbcExchange store;
    private final AuditLog audit;
    private final Clock clock;

    InboundRefusals(JdbcExchange store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs the handling of a request from {@code partnerSent}; a refusal is recorded, then thrown on. When the audit
     * log cannot take it the caller gets that failure instead (fail closed): the sender tries again later.
     */
    <T> T audited(String partnerSent, String operation, Supplier<T> handling) {
        try {
            return handling.get();
        } catch (ExchangeProblem refused) {
            record(partnerSent, operation, refused);
            throw refused;
        }
    }

    /**
     * A message of a batch refused for what it says while the rest was applied (over Kafka, {@link
     * Receiving#receiveEach}): recorded as a refused batch is, with operation {@code message}.
     */
    void messageRefused(String partner, String code, String reason) {
        record(partner, "message", new ExchangeProblem(code, cn.chengxin.shared.DomainProblem.Kind.INVALID_INPUT,
                reason));
    }

    private void record(String partnerSent, String operation, ExchangeProblem refused) {
        String partner = shown(partnerSent, PARTNER_CHARS);
        String reason = shown(refused.getMessage(), REASON_CHARS);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, ACTION).result(AuditResult.DENIED)
                        .detail(AuditDetail.of("INBOUND_REFUSED").with("operation", operation)
                                .with("partner", partner.isEmpty() ? "-" : partner)
                                .withLabel("refusal", "problem." + refused.code()).with("message", reason)),
                JdbcExchange.REFUSED_ATTEMPTS,
                new RefusedAttempt(clock.instant(), partner, operation, refused.code(), reason));
    }

    /** The latest refusals, the latest first. */
    List<RefusedAttempt> recent(int limit) {
        return store.refusedAttempts(limit);
    }

    /** What a sender wrote, as it may be shown: no control characters, no identity number, cut to length. */
    private static String shown(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = IdentityRedaction.redact(text.replaceAll("\\p{Cntrl}", " ").strip());
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}
