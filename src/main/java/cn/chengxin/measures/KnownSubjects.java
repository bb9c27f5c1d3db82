package cn.chengxin.measures;

import cn.chengxin.subject.SubjectRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Whether the registry knows a checked subject, answered from memory for the subjects registered when the instance
 * started (every resident, in a city), and from the registry for the others, so that a subject registered a moment
 * ago, here or on another instance, is known at once. Only "known" is remembered: a number nobody holds is asked
 * again at its next check, since its holder may be registered meanwhile. A check needs this before it grants
 * incentives for a clean record (RULES.md §7): the platform can vouch for three years without a negative record
 * only for someone it keeps a file on.
 */
@Component
class KnownSubjects {

    private static final Logger log = LoggerFactory.getLogger(KnownSubjects.class);

    private final SubjectRegistry registry;
    /** Grows as it fills: a start-up count of the registry would need the database before it is migrated. */
    private final PrefixSet known = new PrefixSet();

    KnownSubjects(SubjectRegistry registry) {
        this.registry = registry;
    }

    boolean registered(String pseudonym) {
        long prefix = SubjectRegistry.pseudonymPrefix(pseudonym);
        if (known.contains(prefix)) {
            return true;
        }
        boolean registered = registry.registered(pseudonym);
        if (registered) {
            known.add(prefix);
        }
        return registered;
    }

    /** Loads the registry's subjects once the application is up; until then checks ask the registry. */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        long started = System.nanoTime();
        registry.eachPseudonymPrefix(known::add);
        log.info("{} registered subjects known to checks in {} ms", known.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
