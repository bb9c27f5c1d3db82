package cn.chengxin.objection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.objection.persistence.JdbcObjections;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches record changes for records taken out of display with an objection open on them: linked copies whose origin
 * was deleted, stopped or repaired ({@link Objections#endWithOrigin}), and records their department revoked — a REVOKE
 * row through collection, from its system or its console ({@link Objections#endWithRevocation}). Synchronously, so
 * that the record's change and the end of the case commit together. A window that ended is no decision and leaves its
 * case open (RULES.md §4, §5).
 */
@Component
class RecordsTakenDown {

    private final JdbcObjections store;
    private final CreditFile creditFile;
    private final Objections objections;

    RecordsTakenDown(JdbcObjections store, CreditFile creditFile, Objections objections) {
        this.store = store;
        this.creditFile = creditFile;
        this.objections = objections;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        if (RecordStatesChanged.WINDOWS.equals(changed.cause()) || changed.records().isEmpty()) {
            return;
        }
        List<Objection> open = store.openOn(changed.records().stream().map(RecordStatesChanged.ChangedRecord::recordKey)
                .collect(Collectors.toSet()));
        if (open.isEmpty()) {
            return;
        }
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(open.stream().map(Objection::subjectId)
                .collect(Collectors.toSet()));
        for (Objection o : open) {
            files.getOrDefault(o.subjectId(), List.of()).stream().filter(e -> e.recordKey().equals(o.recordKey()))
                    .findFirst().ifPresent(record -> {
                        if (record.linked() && !record.status().shown()) {
                            objections.endWithOrigin(o, record);
                        } else if (!record.linked() && record.status() == RecordStatus.REVOKED) {
                            objections.endWithRevocation(o, record);
                        }
                    });
        }
    }
}
