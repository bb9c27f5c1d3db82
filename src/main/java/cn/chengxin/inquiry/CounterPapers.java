package cn.chengxin.inquiry;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.persistence.JdbcCounterConsentReviews;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Service;

/**
 * The papers scanned with counter services (gaps review xxxi M2; 征信业管理条例 Art. 18 para. 2: the authorisation
 * kept as proof): listed beside the clerk's services and opened by the clerk who served the person, or by the second
 * clerk who reviews a consent recorded at the window. Each opening is a
 * look at the person's data and is audited about the person (RULES.md §10).
 */
@Service
public class CounterPapers {

    private final JdbcCounterPapers store;
    private final JdbcCounterConsentReviews reviews;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;

    CounterPapers(JdbcCounterPapers store, JdbcCounterConsentReviews reviews, SubjectRegistry subjects, AuditLog audit,
                  Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.clock = clock;
        this.subjects = subjects;
        this.audit = audit;
    }

    /** A paper's file, as it was checked on upload. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    public Map<UUID, List<JdbcCounterPapers.Listed>> ofVisits(Collection<UUID> visitIds) {
        return store.ofVisits(visitIds);
    }

    /** A paper of one of the clerk's own counter services; empty for anyone else's. */
    public Optional<Download> forClerk(Actor clerk, UUID paperId) {
        return store.find(paperId).filter(p -> p.clerkId().equals(clerk.actorId()))
                .map(p -> opened(clerk, p, AuditDetail.of("COUNTER_PAPER").with("paper", p.id())));
    }

    /**
     * A paper of a consent recorded at the window, for its second clerk (gaps review xxxi M2): while the consent waits,
     * any reviewer but the clerk who recorded it (who opens it as {@link #forClerk}); once decided, the reviewer who
     * decided it only. Empty for anyone else.
     */
    public Optional<Download> forReviewer(Actor reviewer, UUID paperId) {
        return store.find(paperId).filter(p -> p.consentId() != null && !p.clerkId().equals(reviewer.actorId()))
                .filter(p -> reviews.find(p.consentId()).filter(r -> r.waiting(clock.instant())
                        || reviewer.actorId().equals(r.reviewerId())).isPresent())
                .map(p -> opened(reviewer, p, AuditDetail.of("COUNTER_PAPER_REVIEW").with("paper", p.id())));
    }

    private Download opened(Actor by, JdbcCounterPapers.Stored p, AuditDetail detail) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "counter.paper.download").by(by)
                .subject(subjects.pseudonymOf(p.subjectId()).orElseThrow()).detail(detail));
        return new Download(p.filename(), p.contentType(), p.content());
    }
}
