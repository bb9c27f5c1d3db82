package cn.chengxin.repair;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.repair.persistence.JdbcRepairs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches record changes for records with an open repair application (G8): revoked, deleted by an objection, expired
 * (the night's windows included), repaired another way, archived, replaced by a new version — the application ends;
 * put in dispute — its deadline pauses; back from dispute — it runs again ({@link Repairs#recordChanged}).
 * Synchronously, so that the record's change and the application's commit together, as objections do
 * ({@code objection/RecordsTakenDown}).
 */
@Component
class RecordsUnderRepair {

    private final JdbcRepairs store;
    private final CreditFile creditFile;
    private final Repairs repairs;

    RecordsUnderRepair(JdbcRepairs store, CreditFile creditFile, Repairs repairs) {
        this.store = store;
        this.creditFile = creditFile;
        this.repairs = repairs;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        if (changed.records().isEmpty()) {
            return;
        }
        List<RepairApplication> open = store.openOn(changed.records().stream()
                .map(RecordStatesChanged.ChangedRecord::recordKey).collect(Collectors.toSet()));
        if (open.isEmpty()) {
            return;
        }
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(open.stream().map(RepairApplication::subjectId)
                .collect(Collectors.toSet()));
        for (RepairApplication a : open) {
            files.getOrDefault(a.subjectId(), List.of()).stream().filter(e -> e.recordKey().equals(a.recordKey()))
                    .findFirst().ifPresent(record -> repairs.recordChanged(a, record));
        }
    }
}
