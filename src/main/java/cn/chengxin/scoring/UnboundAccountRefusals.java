package cn.chengxin.scoring;

import cn.chengxin.account.CitizenAccountUnbound;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finding G1: the refusal of automated grading an account made before the credit office unbound it as registered in
 * the person's name is withdrawn ({@link ScoreReviews#undoRefusalSince}), in the unbinding's transaction.
 */
@Component
class UnboundAccountRefusals {

    private final ScoreReviews reviews;

    UnboundAccountRefusals(ScoreReviews reviews) {
        this.reviews = reviews;
    }

    @EventListener
    void on(CitizenAccountUnbound unbound) {
        reviews.undoRefusalSince(unbound.subjectId(), unbound.accountCreatedAt());
    }
}
