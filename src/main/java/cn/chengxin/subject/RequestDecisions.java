package cn.chengxin.subject;

import java.util.UUID;

import cn.chengxin.subject.persistence.JdbcCorrectionRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the person who asked for a correction how their proposal was decided ({@link CorrectionRequestDecided}); a
 * proposal a clerk made on the office's own initiative has nobody waiting for it, and tells nobody.
 */
@Component
class RequestDecisions {

    private final JdbcCorrectionRequests requests;
    private final ApplicationEventPublisher events;

    RequestDecisions(JdbcCorrectionRequests requests, ApplicationEventPublisher events) {
        this.requests = requests;
        this.events = events;
    }

    void decided(UUID proposalId, UUID subjectId, String value, boolean approved, String note) {
        requests.ofProposal(proposalId).ifPresent(r -> events.publishEvent(new CorrectionRequestDecided(subjectId,
                r.field(), value, approved, note == null ? "" : note.strip())));
    }
}
