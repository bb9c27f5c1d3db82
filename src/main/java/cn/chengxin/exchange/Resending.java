package cn.chengxin.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.LegacySourceIds;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.creditfile.SubjectEntry;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a partner the current state again. Messages are queued when things change, for the partners declared at
 * that moment: a parent or child declared later never gets what existed before (and one restored from an old
 * backup lacks what it had). This queues, for the partner, the current message of everything in force it would
 * have been sent — to a parent our records of items shared upward and our black-list entries; to a parent or a
 * child what we relay to it from other platforms — page by page, each page in one statement. Receivers apply by
 * version, so sending again is harmless and running it twice changes nothing more.
 */
@Component
class Resending {

    private static final int PAGE = 1_000;
    private static final Set<RecordStatus> ANY_STATUS = Set.of(RecordStatus.values());

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final Catalogue catalogue;
    private final CreditFile creditFile;
    private final RecordProceedings proceedings;
    private final Listing listing;
    private final SubjectRegistry subjects;
    private final OutgoingMessages messages;
    private final EntryGrounds grounds;
    private final LegacySourceIds legacySourceIds;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Resending(JdbcExchange store, ExchangeSettings settings, Catalogue catalogue, CreditFile creditFile,
              RecordProceedings proceedings, Listing listing, SubjectRegistry subjects, OutgoingMessages messages,
              EntryGrounds grounds, LegacySourceIds legacySourceIds, AuditLog audit,
              PlatformTransactionManager transactions, Clock clock) {
        this.grounds = grounds;
        this.legacySourceIds = legacySourceIds;
        this.store = store;
        this.settings = settings;
        this.catalogue = catalogue;
        this.creditFile = creditFile;
        this.proceedings = proceedings;
        this.listing = listing;
        this.subjects = subjects;
        this.messages = messages;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    ResendReport resend(String partnerCode) {
        Partner partner = store.partner(partnerCode).filter(Partner::enabled)
                .orElseThrow(() -> new ExchangeProblem("EXCHANGE_PARTNER_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "未登记的交换平台"));
        Instant now = clock.instant();
        int records = 0;
        int entries = 0;
        if (partner.relation() == Relation.PARENT) {
            records = resendRecords(partner.code(), now);
            entries = resendEntries(partner.code(), now);
        }
        JdbcExchange.Relays relays = partner.relation() == Relation.PEER ? new JdbcExchange.Relays(0, 0)
                : resendRelayed(partner, now);
        ResendReport report = new ResendReport(records, entries, relays.queued(), relays.notKept());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.resend").detail(AuditDetail.of("RESENT")
                .with("partner", partner.code()).with("relation", partner.relation()).with("records", records)
                .with("entries", entries).with("relayed", relays.queued()).with("notKept", relays.notKept())));
        return report;
    }

    private int resendRecords(String partner, Instant now) {
        List<CatalogueItem> active = catalogue.active();
        SharedVersions sharing = new SharedVersions(settings.upward(), catalogue, active);
        Set<String> shared = active.stream().map(CatalogueItem::code).filter(sharing::itemShared)
                .collect(Collectors.toSet());
        int queued = 0;
        UUID after = null;
        List<SubjectEntry> page;
        do {
            page = creditFile.currentOfItems(shared, ANY_STATUS, after, PAGE);
            // A record collected while its item did not let it leave the platform is held back like one ended: sent
            // only if it was sent before (RULES.md §2, SharedVersions).
            List<SubjectEntry> due = withEndsSentBefore(page, r -> r.entry().status().shown()
                            && sharing.shares(r.entry()), r -> "record/" + r.entry().recordKey());
            Map<UUID, SubjectRegistry.Named> names = namesOf(due.stream().map(SubjectEntry::subjectId));
            Map<UUID, List<RecordProceeding>> pending = proceedings.pendingOn(due.stream()
                    .map(r -> r.entry().recordKey()).toList());
            Map<UUID, String> legacyIds = legacySourceIds.of(due.stream().map(r -> r.entry().recordKey()).toList());
            List<JdbcExchange.Outgoing> out = new ArrayList<>(due.size());
            for (SubjectEntry r : due) {
                SubjectRegistry.Named named = names.get(r.subjectId());
                if (named != null) {
                    // Version 0 stands in: the store keeps the version already sent, or draws a new one.
                    out.add(outgoing(r.subjectId(), messages.record(r.entry(), sharing.collectedUnder(r.entry()),
                            OutgoingMessages.subject(named.documentType(), named.name()),
                            pending.getOrDefault(r.entry().recordKey(), List.of()),
                            legacyIds.get(r.entry().recordKey()), 0, now)));
                }
            }
            queued += out.isEmpty() ? 0 : transaction.execute(tx -> store.resendRecords(partner,
                    settings.platform().code(), out, now));
            after = page.isEmpty() ? after : page.get(page.size() - 1).entry().recordKey();
        } while (page.size() == PAGE);
        return queued;
    }

    /** Black-list entries in force, and the exits of those that were sent up (RULES.md §6: the exit goes up too). */
    private int resendEntries(String partner, Instant now) {
        return resendEntries(partner, EntryStatus.EFFECTIVE, now) + resendEntries(partner, EntryStatus.EXITED, now);
    }

    private int resendEntries(String partner, EntryStatus status, Instant now) {
        int queued = 0;
        long after = 0;
        List<ListEntry> page;
        do {
            page = listing.entriesSince(status, ListType.BLACK, after, PAGE);
            List<ListEntry> due = status == EntryStatus.EFFECTIVE ? page
                    : withEndsSentBefore(page, e -> false, OutgoingMessages::sourceIdOf);
            Map<UUID, SubjectRegistry.Named> names = namesOf(due.stream().map(ListEntry::subjectId));
            Map<UUID, String> items = grounds.itemsOf(due);
            List<JdbcExchange.Outgoing> out = new ArrayList<>(due.size());
            for (ListEntry e : due) {
                SubjectRegistry.Named named = names.get(e.subjectId());
                if (named != null) {
                    out.add(outgoing(e.subjectId(), messages.entry(e, items.get(e.id()), OutgoingMessages.subject(named.documentType(),
                            named.name()), now)));
                }
            }
            queued += out.isEmpty() ? 0 : transaction.execute(tx -> store.resend(partner, out, now));
            after = page.isEmpty() ? after : page.get(page.size() - 1).changeSeq();
        } while (page.size() == PAGE);
        return queued;
    }

    /**
     * What of a page is sent again: what is in force, and what has ended (repaired, revoked, corrected, expired; an
     * entry exited) if it was ever sent up. RULES.md §6: the effect of a repair is pushed to the provincial and
     * national platforms; a parent restored from an old backup, or one whose copy missed the end, still shows the
     * thing in force until the end reaches it. Ends of things never sent up are not news to anyone.
     */
    private <T> List<T> withEndsSentBefore(List<T> page, java.util.function.Predicate<T> inForce,
                                           Function<T, String> sourceId) {
        List<String> ended = page.stream().filter(inForce.negate()).map(sourceId).toList();
        Set<String> sent = ended.isEmpty() ? Set.of() : store.everQueued(ended);
        return page.stream().filter(t -> inForce.test(t) || sent.contains(sourceId.apply(t))).toList();
    }

    /**
     * What reaches the partner by relay (see {@link Receiving}): a parent gets what came up from our children; a
     * child the list entries that came from the parent, the other children and the lists loaded here (records go up
     * only, {@link Relation#takesRelayed}), never what a peer sent.
     */
    private JdbcExchange.Relays resendRelayed(Partner partner, Instant now) {
        List<Partner> partners = store.partners();
        List<String> children = codes(partners, Relation.CHILD);
        List<String> peers = codes(partners, Relation.PEER);
        boolean entriesOnly = !partner.relation().takesRelayed(MessageKind.RECORD);
        return transaction.execute(tx -> partner.relation() == Relation.PARENT
                ? store.resendRelayed(partner.code(), children, peers, entriesOnly, now)
                : store.resendRelayed(partner.code(), null, peers, entriesOnly, now));
    }

    private static List<String> codes(List<Partner> partners, Relation relation) {
        return partners.stream().filter(p -> p.relation() == relation).map(Partner::code).toList();
    }

    private Map<UUID, SubjectRegistry.Named> namesOf(java.util.stream.Stream<UUID> ids) {
        return subjects.namesOf(ids.distinct().toList());
    }

    private static JdbcExchange.Outgoing outgoing(UUID subjectId, ExchangeMessage message) {
        return new JdbcExchange.Outgoing(subjectId, message, BatchCodec.writeMessage(message));
    }
}
