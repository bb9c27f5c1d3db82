package cn.chengxin.portal;

import cn.chengxin.creditfile.RecordStatesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A typical case, or an article of any kind, goes off the public site with the record it reports (RULES.md §4, §6:
 * after a repair or the period the information is not displayed and publication stops). Listens in the transaction of
 * the record's change, as the exchange's queue does: the record and its article change together or not at all, and
 * none is left published in between. Every change of records (objections, repair, revocation, corrections, expiry) publishes the event.
 */
@Component
class WithdrawingCases {

    private static final Logger log = LoggerFactory.getLogger(WithdrawingCases.class);

    private final ContentPublishing content;

    WithdrawingCases(ContentPublishing content) {
        this.content = content;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        int withdrawn = content.withdrawArticlesReporting(changed.records());
        if (withdrawn > 0) {
            log.info("Withdrew {} articles whose records are no longer shown ({})", withdrawn, changed.cause());
        }
    }
}
