package cn.chengxin.listing;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.RecordsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the lists current: proposals after every stored chunk and after a rule is saved, effect after notice
 * periods, exit at validity, the green channel's marks after an item's nature changes.
 */
@Component
class ListingJobs {

    private static final Logger log = LoggerFactory.getLogger(ListingJobs.class);

    private final Listing listing;

    ListingJobs(Listing listing) {
        this.listing = listing;
    }

    /** In bulk, after the chunk's transaction committed (ARCHITECTURE.md: set-based). */
    @ApplicationModuleListener
    void on(RecordsChanged changed) {
        Listing.Evaluation result = listing.evaluate(changed.subjectIds());
        if (result.proposed() + result.ended() > 0) {
            log.info("Lists re-evaluated for {} subjects ({}): {} proposed, {} ended", changed.subjectIds().size(),
                    changed.cause(), result.proposed(), result.ended());
        }
    }

    /** The green channel follows an item that becomes negative or stops being so, not the holder's next record. */
    @ApplicationModuleListener
    void on(ItemVersionApproved approved) {
        int marked = listing.itemRevised(approved);
        if (marked > 0) {
            log.info("Last negative records marked again for {} subjects after item {} v{}", marked, approved.code(),
                    approved.version());
        }
    }

    /** A new or changed rule reaches the subjects who already hold records of its items. */
    @ApplicationModuleListener
    void on(ListRuleSaved saved) {
        int changed = listing.ruleSaved(saved);
        if (changed > 0) {
            log.info("Lists re-evaluated after rule {} v{}: {} entries proposed or ended", saved.code(),
                    saved.version(), changed);
        }
    }

    @Scheduled(fixedDelayString = "${chengxin.listing.tick:PT30S}", initialDelayString = "${chengxin.listing.tick:PT30S}")
    void tick() {
        int activated = listing.activateDue();
        int expired = listing.expireDue();
        if (activated + expired > 0) {
            log.info("Lists: {} entries took effect, {} ended at their validity", activated, expired);
        }
    }
}
