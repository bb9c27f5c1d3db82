package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Records audit events. {@link #record} returns only once the event is durable in the tree (group commit:
 * events arriving within a few milliseconds share one transaction); if it cannot be stored the caller
 * gets {@link AuditUnavailableException} and must not carry out the action (fail closed).
 */
@Service
public class AuditLog {

    /** How long {@link #record} waits for durability before refusing; a caller of {@link #submit} waits as long. */
    public static final Duration LONGEST_WAIT = AuditWriter.LONGEST_WAIT;

    private final AuditWriter writer;
    private final Clock clock;

    AuditLog(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** @return the event's sequence number (its leaf index in the tree) */
    public long record(AuditEntry entry) {
        return writer.append(event(entry, currentActor(), truncateToMicros(clock.instant()), MDC.get("requestId")),
                null, null);
    }

    /**
     * Records the event and stores {@code row} with it in the same transaction (see {@link AuditedRows}); returns once
     * both are durable. If either cannot be stored, neither is, and the caller gets {@link AuditUnavailableException}.
     */
    public <T> long record(AuditEntry entry, AuditedRows<T> rows, T row) {
        return writer.append(event(entry, currentActor(), truncateToMicros(clock.instant()), MDC.get("requestId")),
                rows, row);
    }

    /**
     * Like {@link #record(AuditEntry, AuditedRows, Object)}, without blocking: for a caller that can give its answer
     * later (an asynchronous request) instead of holding a thread while the group commit gathers. The future
     * completes with the sequence number once event and row are durable, or exceptionally with
     * {@link AuditUnavailableException}; the caller must not act, nor answer as if it had, before that.
     */
    public <T> CompletableFuture<Long> submit(AuditEntry entry, AuditedRows<T> rows, T row) {
        return writer.submit(event(entry, currentActor(), truncateToMicros(clock.instant()), MDC.get("requestId")),
                rows, row);
    }

    /** Records many events at once, all or none of them (see below); returns once all are durable. */
    public List<Long> recordAll(List<AuditEntry> entries) {
        return recordAll(entries, null, null);
    }

    /**
     * Records many events, each with its row ({@code rows.get(i)} with {@code entries.get(i)}; {@code null}: none), in
     * one transaction however many they are; returns once all are durable. If any of them cannot be stored, none is,
     * and the caller gets {@link AuditUnavailableException}: a batch check answered 503 did not happen, in any part.
     */
    public <T> List<Long> recordAll(List<AuditEntry> entries, AuditedRows<T> store, List<T> rows) {
        if (rows != null && rows.size() != entries.size()) {
            throw new IllegalArgumentException("one row per event: " + rows.size() + " rows, " + entries.size()
                    + " events");
        }
        Actor current = currentActor();
        Instant now = truncateToMicros(clock.instant());
        String requestId = MDC.get("requestId");
        return writer.appendAll(entries.stream().map(entry -> event(entry, current, now, requestId)).toList(),
                store, rows);
    }

    private static EventRecord event(AuditEntry entry, Actor current, Instant at, String requestId) {
        Actor actor = entry.actor() != null ? entry.actor() : current;
        // The actor can be text someone typed: before a console login succeeds it is the user name as entered, and a
        // citizen who takes the console for the self-service site enters his identity number there (RULES.md §10).
        return new EventRecord(-1, at, entry.category(), actor.actorKind().name(),
                IdentityRedaction.redact(actor.actorId()), IdentityRedaction.redact(actor.actorName()),
                IdentityRedaction.redact(actor.organisation()), entry.action(), entry.subjectPseudonym(), entry.purpose(),
                entry.legalBasis(), entry.consentId(), entry.result(), requestId, entry.detail());
    }

    /** The signed-in principal, or the system itself when no one is (scheduled jobs, start-up). */
    public static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        if (authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName())) {
            return new SimpleActor(Actor.ActorKind.STAFF, authentication.getName(), authentication.getName(), "");
        }
        return authentication == null ? SimpleActor.SYSTEM : SimpleActor.ANONYMOUS;
    }

    /** PostgreSQL keeps microseconds: the leaf is computed from what is stored, so cut to that first. */
    private static Instant truncateToMicros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    record SimpleActor(ActorKind actorKind, String actorId, String actorName, String organisation) implements Actor {
        static final SimpleActor SYSTEM = new SimpleActor(ActorKind.SYSTEM, "system", "平台", "");
        static final SimpleActor ANONYMOUS = new SimpleActor(ActorKind.ANONYMOUS, "anonymous", "匿名访问者", "");
    }
}
