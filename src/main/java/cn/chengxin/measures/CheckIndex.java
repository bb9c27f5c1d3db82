package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.NegativeMark;
import cn.chengxin.shared.FeedCursor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The entries in force and the date of each subject's last negative record, in memory by subject pseudonym, so
 * that a check needs no database read. Each instance follows the listing change feeds every 250 ms, so a change is
 * visible on every instance within a second ({@link FeedCursor} explains the gaps); and the entries other platforms
 * issued, from the exchange's feed of what it received ("一处失信，处处受限", RULES.md §11).
 */
@Component
class CheckIndex {

    private static final int PAGE = 5_000;
    /** 《最高人民法院关于公布失信被执行人名单信息的若干规定》, cited by every court-defaulter listing. */
    static final String COURT_LIST_PROVISIONS = "关于公布失信被执行人名单信息的若干规定";
    private static final String COURT_ITEM = "P_COURT_DEFAULTER";
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);

    private final Listing listing;
    private final Exchange exchange;
    private final Clock clock;
    private final ConcurrentHashMap<String, List<ListEntry>> bySubject = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LocalDate> lastNegative = new ConcurrentHashMap<>();
    private final FeedCursor entries = new FeedCursor(GAP_PATIENCE);
    private final FeedCursor marks = new FeedCursor(GAP_PATIENCE);
    private final ConcurrentHashMap<String, List<ReceivedEntry>> receivedBySubject = new ConcurrentHashMap<>();
    private final FeedCursor received = new FeedCursor(GAP_PATIENCE);
    private volatile boolean loaded;
    private volatile RulesByItem rules;

    CheckIndex(Listing listing, Exchange exchange, Clock clock) {
        this.listing = listing;
        this.exchange = exchange;
        this.clock = clock;
    }

    /** The subject's entries in force today. */
    List<ListEntry> inForce(String pseudonym) {
        if (!loaded) {
            refresh();
        }
        List<ListEntry> found = bySubject.get(pseudonym);
        if (found == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return found.stream().filter(e -> e.inForce(today)).toList();
    }

    /** The subject's entries issued by other platforms and in force today. */
    List<ReceivedEntry> receivedInForce(String pseudonym) {
        if (!loaded) {
            refresh();
        }
        List<ReceivedEntry> found = receivedBySubject.get(pseudonym);
        if (found == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return found.stream().filter(e -> e.inForce(today)).toList();
    }

    /**
     * The rule of ours an entry another platform issued answers to, by the item of the record it rests on (null: none
     * or several, {@link Listing#rulesByItem}). An entry from a platform that names no item but rests on the Supreme
     * People's Court's provisions on its list of defaulters is the court's listing, whoever relays it: it answers to
     * the rule for court-defaulter records, so the court's restrictions follow it (法释〔2015〕17号 第三条).
     */
    String ruleOf(ReceivedEntry entry) {
        String item = entry.item() != null ? entry.item()
                : entry.legalBasis() != null && entry.legalBasis().contains(COURT_LIST_PROVISIONS) ? COURT_ITEM : null;
        return item == null ? null : rulesByItem().get(entry.listType() + ":" + item);
    }

    /** Read again when a second old: a rule's edit reaches checks within the second, as an entry's does. */
    private Map<String, String> rulesByItem() {
        RulesByItem current = rules;
        Instant now = clock.instant();
        if (current == null || current.readAt().isBefore(now.minusSeconds(1))) {
            current = new RulesByItem(listing.rulesByItem(), now);
            rules = current;
        }
        return current.byItem();
    }

    private record RulesByItem(Map<String, String> byItem, Instant readAt) {
    }

    /** The decision date of the subject's last negative record in use ({@link NegativeMark}); null if none. */
    LocalDate lastNegative(String pseudonym) {
        if (!loaded) {
            refresh();
        }
        return lastNegative.get(pseudonym);
    }

    int subjects() {
        return bySubject.size();
    }

    @Scheduled(fixedDelayString = "${chengxin.measures.index-refresh:PT0.25S}")
    synchronized void refresh() {
        List<ListEntry> changes;
        do {
            changes = listing.changesSince(entries.position(), PAGE);
            changes.forEach(this::apply);
        } while (entries.advance(changes.stream().map(ListEntry::changeSeq).toList(), clock.instant())
                && changes.size() == PAGE);
        List<NegativeMark> marked;
        do {
            marked = listing.negativeMarksSince(marks.position(), PAGE);
            marked.forEach(m -> {
                if (m.lastNegative() == null) {
                    lastNegative.remove(m.subjectPseudonym());
                } else {
                    lastNegative.put(m.subjectPseudonym(), m.lastNegative());
                }
            });
        } while (marks.advance(marked.stream().map(NegativeMark::changeSeq).toList(), clock.instant())
                && marked.size() == PAGE);
        List<ReceivedEntry> arrived;
        do {
            arrived = exchange.receivedSince(received.position(), PAGE);
            arrived.forEach(this::apply);
        } while (received.advance(arrived.stream().map(ReceivedEntry::changeSeq).toList(), clock.instant())
                && arrived.size() == PAGE);
        loaded = true;
    }

    private void apply(ReceivedEntry change) {
        receivedBySubject.compute(change.subjectPseudonym(), (key, current) -> {
            List<ReceivedEntry> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(e -> e.key().equals(change.key()));
            if (change.inForce()) {
                next.add(change);
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    private void apply(ListEntry change) {
        bySubject.compute(change.subjectPseudonym(), (key, current) -> {
            List<ListEntry> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(e -> e.id().equals(change.id()));
            if (change.status() == EntryStatus.EFFECTIVE) {
                next.add(change);
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }
}
