package cn.chengxin.inquiry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Service;

/**
 * The papers scanned with counter services (gaps review xxxi M2; 征信业管理条例 Art. 18 para. 2: the authorisation
 * kept as proof): listed beside the clerk's services and opened by the clerk who served the person. Each opening is a
 * look at the person's data and is audited about the person (RULES.md §10).
 */
@Service
public class CounterPapers {

    private final JdbcCounterPapers store;
    private final SubjectRegistry subjects;
    private final AuditLog audit;

    CounterPapers(JdbcCounterPapers store, SubjectRegistry subjects, AuditLog audit) {
        this.store = store;
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
        return store.find(paperId).filter(p -> p.clerkId().equals(clerk.actorId())).map(p -> {
            audit.record(AuditEntry.of(AuditCategory.QUERY, "counter.paper.download").by(clerk)
                    .subject(subjects.pseudonymOf(p.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("COUNTER_PAPER").with("paper", p.id())));
            return new Download(p.filename(), p.contentType(), p.content());
        });
    }
}
