package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.NegativeMark;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.subject.ResponsibleLink;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The entries in force and the date of each subject's last negative record, in memory by subject pseudonym, so
 * that a check needs no database read. Each instance follows the listing change feeds every 250 ms, so a change is
 * visible on every instance within a second ({@link FeedCursor} explains the gaps); and the entries other platforms
 * issued, from the exchange's feed of what it received ("一处失信，处处受限", RULES.md §11). A change whose transaction
 * commits after the cursor stepped over its number is read again by the periodic {@link #reconcile()}.
 *
 * <p>Next to them, the responsible persons of each organisation with an entry here, by the person's pseudonym (review
 * xxv H2; 法释〔2015〕17号 第三条第二款), so that a check of a person finds the organisations they answer for with one map
 * look-up, none for most persons: read again when the organisation's entries change, and when its responsible persons
 * do (the registry's change feed, followed as the listing's); the reconciliation reads them all again. The entries other
 * platforms issued about an organisation reach its responsible persons as ours do ("一处失信，处处受限", RULES.md §11):
 * such an entry names its subject by pseudonym only, so the registry is asked which subjects those of a page of the
 * exchange's feed are (one query a page, off the checks' path), and an organisation's links are kept while it has an
 * entry here of either kind.
 */
@Component
class CheckIndex {

    private static final int PAGE = 5_000;
    /** 《最高人民法院关于公布失信被执行人名单信息的若干规定》, cited by every court-defaulter listing. */
    static final String COURT_LIST_PROVISIONS = "关于公布失信被执行人名单信息的若干规定";
    private static final String COURT_ITEM = "P_COURT_DEFAULTER";
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CheckIndex.class);

    private final Listing listing;
    private final Exchange exchange;
    private final SubjectRegistry subjects;
    private final Clock clock;
    private final TaskExecutor executor;
    // Replaced whole by a reconciliation; read without a lock by every check.
    private volatile Map<String, List<ListEntry>> bySubject = new ConcurrentHashMap<>();
    private volatile Map<String, LocalDate> lastNegative = new ConcurrentHashMap<>();
    private volatile Map<String, List<ReceivedEntry>> receivedBySubject = new ConcurrentHashMap<>();
    private volatile Links links = new Links();
    private final FeedCursor entries;
    private final FeedCursor responsibles;
    private final FeedCursor marks;
    private final FeedCursor received;
    private final AtomicBoolean reconciling = new AtomicBoolean();
    private volatile boolean loaded;
    /** When the last refresh that completed began: the index holds every change committed before then. */
    private volatile Instant freshAsOf;
    private volatile RulesByItem rules;

    /** {@code executor}: the one the modules' event listeners run on, so that a reconciliation holds no scheduler. */
    @Autowired
    CheckIndex(Listing listing, Exchange exchange, SubjectRegistry subjects, Clock clock,
               @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
        this(listing, exchange, subjects, clock, executor, GAP_PATIENCE);
    }

    CheckIndex(Listing listing, Exchange exchange, SubjectRegistry subjects, Clock clock, TaskExecutor executor,
               Duration gapPatience) {
        this.listing = listing;
        this.exchange = exchange;
        this.subjects = subjects;
        this.clock = clock;
        this.executor = executor;
        this.entries = new FeedCursor(gapPatience);
        this.marks = new FeedCursor(gapPatience);
        this.received = new FeedCursor(gapPatience);
        this.responsibles = new FeedCursor(gapPatience);
    }

    /**
     * A period in which a person answers for an organisation with an entry here, and the organisation's pseudonym,
     * under which its entries are kept.
     */
    record Answering(String organisationPseudonym, ResponsibleLink link) {
    }

    /**
     * The organisations the person answers for, or has answered for, that have an entry here, each period of each
     * (whether they hold it on a day is the check's to say, {@link cn.chengxin.measures.domain.ResponsiblePersons}).
     * A person who answers for none (most) costs one look-up.
     */
    List<Answering> answering(String personPseudonym) {
        if (!loaded) {
            refresh();
        }
        List<Answering> found = links.byPerson.get(personPseudonym);
        return found == null ? List.of() : found;
    }

    /**
     * The responsible persons kept: by person, and by organisation (its pseudonym and its links), so that what an
     * organisation had is taken away when its links are read again or its last entry goes.
     */
    private static final class Links {
        final Map<String, List<Answering>> byPerson = new ConcurrentHashMap<>();
        final Map<UUID, List<Answering>> byOrganisation = new ConcurrentHashMap<>();
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
        Instant began = clock.instant();
        Map<UUID, String> touched = new HashMap<>();
        if (!loaded) {
            // Every organisation's links are read with its entries below: the feed matters from here on only.
            responsibles.moveTo(subjects.lastResponsiblePersonsChange());
        }
        List<ListEntry> changes;
        do {
            changes = listing.changesSince(entries.position(), PAGE);
            changes.forEach(c -> apply(bySubject, c, touched));
        } while (entries.advance(changes.stream().map(ListEntry::changeSeq).toList(), clock.instant())
                && changes.size() == PAGE);
        // The numbers the cursors stepped over, read again once a patience (gaps review xxxviii S1): a change
        // committed late (an exit waiting for the audit log) is answered within seconds, not at the reconciliation,
        // which the lifts' look at late checks relies on (Lifts.LATE_CHECKS). Read after the feed: no row is in both.
        List<ListEntry> late = listing.changesIn(entries.toReread(began), PAGE);
        late.forEach(c -> apply(bySubject, c, touched));
        entries.found(late.stream().map(ListEntry::changeSeq).toList());
        List<ResponsibleLink.Changed> relinked;
        do {
            relinked = subjects.responsiblePersonsChangedSince(responsibles.position(), PAGE);
            relinked.forEach(c -> touch(links, c.organisationId(), touched));
        } while (responsibles.advance(relinked.stream().map(ResponsibleLink.Changed::seq).toList(), clock.instant())
                && relinked.size() == PAGE);
        List<NegativeMark> marked;
        do {
            marked = listing.negativeMarksSince(marks.position(), PAGE);
            marked.forEach(m -> apply(lastNegative, m));
        } while (marks.advance(marked.stream().map(NegativeMark::changeSeq).toList(), clock.instant())
                && marked.size() == PAGE);
        List<ReceivedEntry> arrived;
        do {
            arrived = exchange.receivedSince(received.position(), PAGE);
            arrived.forEach(c -> apply(receivedBySubject, c));
            touchSubjects(arrived.stream().map(ReceivedEntry::subjectPseudonym).collect(Collectors.toSet()), touched);
        } while (received.advance(arrived.stream().map(ReceivedEntry::changeSeq).toList(), clock.instant())
                && arrived.size() == PAGE);
        Exchange.ReceivedIn lateArrived = exchange.receivedIn(received.toReread(began), PAGE);
        lateArrived.entries().forEach(c -> apply(receivedBySubject, c));
        touchSubjects(lateArrived.entries().stream().map(ReceivedEntry::subjectPseudonym)
                .collect(Collectors.toSet()), touched);
        received.found(lateArrived.shown());
        relink(links, bySubject, receivedBySubject, touched);
        loaded = true;
        freshAsOf = began;
    }

    /**
     * When the last completed refresh began (null before the first): how far the index may be behind the database,
     * for monitoring (gaps review xxxiii N8). A volatile read: no lock, nothing on the checks' path.
     */
    Instant freshAsOf() {
        return freshAsOf;
    }

    /**
     * Hands a reconciliation to the executor, at most one at a time. A transaction can commit long after it took
     * its change numbers (the daily activation numbers every due entry in one statement, then writes a notice for
     * each; an exit waits for the audit log): by then every cursor has stepped over the gap and never reads it, and
     * the entry would stay out of checks (or its measures keep applying after its exit, RULES.md §7) until a restart.
     */
    @Scheduled(fixedDelayString = "${chengxin.measures.index-reconcile:PT5M}",
            initialDelayString = "${chengxin.measures.index-reconcile:PT5M}")
    void reconcileLater() {
        if (!loaded || !reconciling.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                reconcile();
            } catch (RuntimeException e) {
                log.warn("Check index: the reconciliation failed; the next one tries again", e);
            } finally {
                reconciling.set(false);
            }
        });
    }

    /**
     * Reads the three feeds again from their start into new maps and swaps them in. The reading holds no lock, so
     * the feeds keep being followed meanwhile; what changed after the positions taken at the start is read again
     * under the lock before the swap, so no change the followed maps hold is lost (a row read twice keeps its later
     * state: each read is in change order, the replay after the first).
     */
    void reconcile() {
        long entriesFrom;
        long marksFrom;
        long receivedFrom;
        long responsiblesFrom;
        synchronized (this) {
            entriesFrom = entries.position();
            marksFrom = marks.position();
            receivedFrom = received.position();
            responsiblesFrom = responsibles.position();
        }
        Map<String, List<ListEntry>> freshEntries = new ConcurrentHashMap<>();
        Map<String, LocalDate> freshMarks = new ConcurrentHashMap<>();
        Map<String, List<ReceivedEntry>> freshReceived = new ConcurrentHashMap<>();
        Map<UUID, String> organisations = new HashMap<>();
        readAll(freshEntries, freshMarks, freshReceived, 0, 0, 0, organisations, null);
        // Of the received entries, only the subjects of those in force: an ended one's subject has no link to keep.
        touchSubjects(freshReceived.keySet(), organisations);
        Links freshLinks = new Links();
        relink(freshLinks, freshEntries, freshReceived, organisations);
        synchronized (this) {
            Map<UUID, String> touched = new HashMap<>();
            Set<String> receivedSubjects = new HashSet<>();
            readAll(freshEntries, freshMarks, freshReceived, entriesFrom, marksFrom, receivedFrom, touched,
                    receivedSubjects);
            touchSubjects(receivedSubjects, touched);
            // Responsible persons changed since their links were read: read again, as refresh did for the old maps.
            long after = responsiblesFrom;
            List<ResponsibleLink.Changed> relinked;
            do {
                relinked = subjects.responsiblePersonsChangedSince(after, PAGE);
                relinked.forEach(c -> touch(freshLinks, c.organisationId(), touched));
                after = relinked.isEmpty() ? after : relinked.get(relinked.size() - 1).seq();
            } while (relinked.size() == PAGE);
            relink(freshLinks, freshEntries, freshReceived, touched);
            bySubject = freshEntries;
            lastNegative = freshMarks;
            receivedBySubject = freshReceived;
            links = freshLinks;
        }
    }

    /**
     * Reads the three feeds after the positions given into the maps: the organisations whose entries changed into
     * {@code touched}, the subjects of the received entries that changed into {@code receivedSubjects} (null: not
     * wanted).
     */
    private void readAll(Map<String, List<ListEntry>> toEntries, Map<String, LocalDate> toMarks,
                         Map<String, List<ReceivedEntry>> toReceived, long entriesAfter, long marksAfter,
                         long receivedAfter, Map<UUID, String> touched, Set<String> receivedSubjects) {
        List<ListEntry> changes;
        do {
            changes = listing.changesSince(entriesAfter, PAGE);
            changes.forEach(c -> apply(toEntries, c, touched));
            entriesAfter = changes.isEmpty() ? entriesAfter : changes.get(changes.size() - 1).changeSeq();
        } while (changes.size() == PAGE);
        List<NegativeMark> marked;
        do {
            marked = listing.negativeMarksSince(marksAfter, PAGE);
            marked.forEach(m -> apply(toMarks, m));
            marksAfter = marked.isEmpty() ? marksAfter : marked.get(marked.size() - 1).changeSeq();
        } while (marked.size() == PAGE);
        List<ReceivedEntry> arrived;
        do {
            arrived = exchange.receivedSince(receivedAfter, PAGE);
            arrived.forEach(c -> {
                apply(toReceived, c);
                if (receivedSubjects != null) {
                    receivedSubjects.add(c.subjectPseudonym());
                }
            });
            receivedAfter = arrived.isEmpty() ? receivedAfter : arrived.get(arrived.size() - 1).changeSeq();
        } while (arrived.size() == PAGE);
    }

    private static void apply(Map<String, LocalDate> to, NegativeMark mark) {
        if (mark.lastNegative() == null) {
            to.remove(mark.subjectPseudonym());
        } else {
            to.put(mark.subjectPseudonym(), mark.lastNegative());
        }
    }

    private static void apply(Map<String, List<ReceivedEntry>> to, ReceivedEntry change) {
        to.compute(change.subjectPseudonym(), (key, current) -> {
            List<ReceivedEntry> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(e -> e.key().equals(change.key()));
            if (change.inForce()) {
                next.add(change);
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    /** Marks the organisation's links to be read again when they are kept (it has an entry here). */
    private static void touch(Links kept, UUID organisation, Map<UUID, String> touched) {
        List<Answering> had = kept.byOrganisation.get(organisation);
        if (had != null && !had.isEmpty()) {
            touched.putIfAbsent(organisation, had.get(0).organisationPseudonym());
        }
    }

    /**
     * Marks the subjects registered under {@code pseudonyms} (those of received entries) to have their links read
     * again: the organisations among them, for a person has none. One query per page of them.
     */
    private void touchSubjects(Collection<String> pseudonyms, Map<UUID, String> touched) {
        List<String> all = List.copyOf(pseudonyms);
        for (int from = 0; from < all.size(); from += PAGE) {
            touched.putAll(subjects.subjectsUnder(all.subList(from, Math.min(all.size(), from + PAGE))));
        }
    }

    /**
     * Reads again the responsible persons of the {@code touched} organisations (id → pseudonym) that have an entry in
     * {@code entries} or {@code received}, and forgets those of the others: one query per page of organisations.
     */
    private void relink(Links kept, Map<String, List<ListEntry>> entries, Map<String, List<ReceivedEntry>> received,
                        Map<UUID, String> touched) {
        if (touched.isEmpty()) {
            return;
        }
        List<UUID> listed = touched.entrySet().stream()
                .filter(o -> entries.containsKey(o.getValue()) || received.containsKey(o.getValue()))
                .map(Map.Entry::getKey).toList();
        Map<UUID, List<ResponsibleLink>> read = new HashMap<>();
        for (int from = 0; from < listed.size(); from += PAGE) {
            read.putAll(subjects.responsibleLinksOf(listed.subList(from, Math.min(listed.size(), from + PAGE))));
        }
        touched.forEach((organisation, pseudonym) -> {
            List<Answering> had = kept.byOrganisation.remove(organisation);
            if (had != null) {
                had.forEach(a -> kept.byPerson.computeIfPresent(a.link().personPseudonym(), (p, current) -> {
                    List<Answering> rest = current.stream().filter(c -> c != a).toList();
                    return rest.isEmpty() ? null : rest;
                }));
            }
            List<ResponsibleLink> now = read.getOrDefault(organisation, List.of());
            if (now.isEmpty()) {
                return;
            }
            List<Answering> answering = now.stream().map(l -> new Answering(pseudonym, l)).toList();
            kept.byOrganisation.put(organisation, answering);
            answering.forEach(a -> kept.byPerson.merge(a.link().personPseudonym(), List.of(a), (current, added) -> {
                List<Answering> next = new ArrayList<>(current);
                next.addAll(added);
                return List.copyOf(next);
            }));
        });
    }

    /** {@link #apply}, noting an organisation whose entries changed, so that its links are read again. */
    private static void apply(Map<String, List<ListEntry>> to, ListEntry change, Map<UUID, String> touched) {
        apply(to, change);
        if (change.subjectKind() == SubjectKind.ORGANISATION && change.subjectId() != null) {
            touched.put(change.subjectId(), change.subjectPseudonym());
        }
    }

    private static void apply(Map<String, List<ListEntry>> to, ListEntry change) {
        to.compute(change.subjectPseudonym(), (key, current) -> {
            List<ListEntry> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(e -> e.id().equals(change.id()));
            if (change.status() == EntryStatus.EFFECTIVE) {
                next.add(change);
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }
}
