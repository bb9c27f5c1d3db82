package cn.chengxin.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.chengxin.exchange.persistence.JdbcExchange;
import org.springframework.stereotype.Service;

/**
 * The list entries other platforms issued about a subject (or the court's list loaded here) that bind them here
 * ("一处失信，处处受限", RULES.md §11): what the person, their reports and the clerk see of them (RULES.md §9: list
 * memberships with basis and validity; PIPL Art. 44), and the dispute mark an objection filed here puts on one
 * (RULES.md §5). Reading is not audited here: each caller records its look as it records the rest of what it shows.
 */
@Service
public class ReceivedEntries {

    private final JdbcExchange store;
    private final Clock clock;

    ReceivedEntries(JdbcExchange store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The entries in force today about the subject, as last received: issuing platform, list type, basis, validity
     * and dispute marks; the latest effective first. The same entries checks apply ({@link ReceivedEntry#inForce}).
     */
    public List<ReceivedEntry> of(String subjectPseudonym) {
        if (subjectPseudonym == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return store.receivedAbout(subjectPseudonym).stream().filter(e -> e.inForce(today))
                .sorted(Comparator.comparing(ReceivedEntry::effectiveFrom).reversed()).toList();
    }

    /** The entry in force about the subject with this key ({@link ReceivedEntry#key()}); empty for any other. */
    public Optional<ReceivedEntry> inForce(String subjectPseudonym, String key) {
        return of(subjectPseudonym).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /**
     * Sets or clears this platform's dispute mark on the entry (an objection filed or decided here, RULES.md §5):
     * checks show it disputed within the second, as the issuer's own mark; a version received later keeps it.
     */
    public void markObjected(String key, boolean objected) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            store.markObjected(key.substring(0, colon), key.substring(colon + 1), objected);
        }
    }
}
