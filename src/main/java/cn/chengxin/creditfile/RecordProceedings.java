package cn.chengxin.creditfile;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.persistence.JdbcProceedings;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pending administrative review or lawsuit flagged on a record (RULES.md §5; Shenzhen Art. 43): staff flag it when
 * told of it and clear it when it ends; the flag shows with the record wherever the record shows, as the dispute mark
 * does: the credit file pages, the credit reports, the public disclosures and the messages to other platforms (each
 * reads the flags of all its records at once). The record itself does not change: the outcome of the proceeding
 * reaches the file as a correction or revocation like any other. Flagging and clearing publish
 * {@link RecordProceedingsChanged} in their transaction.
 */
@Service
public class RecordProceedings {

    public static final int MAX_NOTE = 500;

    private final JdbcProceedings store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordProceedings(JdbcProceedings store, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID flag(UUID subjectId, UUID recordKey, RecordProceeding.Kind kind, String note, String subjectPseudonym) {
        String text = note == null ? "" : note.strip();
        if (kind == null || text.isEmpty() || text.length() > MAX_NOTE) {
            throw new CodedProblem("PROCEEDING_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "须选择行政复议或行政诉讼，并写明案号或受理机关（不超过 " + MAX_NOTE + " 字）");
        }
        UUID id = Ids.newId();
        if (!store.insert(new RecordProceeding(id, subjectId, recordKey, kind, text,
                AuditLog.currentActor().actorName(), clock.instant()))) {
            throw new CodedProblem("PROCEEDING_ALREADY_FLAGGED", DomainProblem.Kind.CONFLICT, "该记录已标注" + kind.label());
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.proceeding.flag").subject(subjectPseudonym)
                .detail(AuditDetail.of("RECORD_PROCEEDING_FLAGGED")
                        .withLabel("proceeding", "objections.proceedingKind." + kind.name())));
        events.publishEvent(new RecordProceedingsChanged(subjectId, recordKey));
        return id;
    }

    @Transactional
    public void clear(UUID id) {
        JdbcProceedings.Flagged cleared = store.clear(id, AuditLog.currentActor().actorName(), clock.instant())
                .orElseThrow(() -> new CodedProblem("PROCEEDING_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "没有这项待结的行政复议或诉讼标注"));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.proceeding.clear").detail(id.toString()));
        events.publishEvent(new RecordProceedingsChanged(cleared.subjectId(), cleared.recordKey()));
    }

    /** The pending proceedings of the subject's records, by record key (for the credit file pages). */
    public Map<UUID, List<RecordProceeding>> pendingOf(UUID subjectId) {
        return store.pendingOf(subjectId).stream().collect(Collectors.groupingBy(RecordProceeding::recordKey));
    }

    /**
     * The pending proceedings of these records, whoever's they are, by record key: one query for a page or a report
     * that shows many records.
     */
    public Map<UUID, List<RecordProceeding>> pendingOn(Collection<UUID> recordKeys) {
        return store.pendingOn(recordKeys).stream().collect(Collectors.groupingBy(RecordProceeding::recordKey));
    }
}
