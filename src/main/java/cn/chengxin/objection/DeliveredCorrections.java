package cn.chengxin.objection;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.objection.persistence.JdbcObjections;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches what collection stores for the corrections objections decided as 更正 or 补充 await ({@code Outcome}):
 * synchronously, so that the corrected version and the end of its dispute mark commit together.
 */
@Component
class DeliveredCorrections {

    private final JdbcObjections store;
    private final Objections objections;

    DeliveredCorrections(JdbcObjections store, Objections objections) {
        this.store = store;
        this.objections = objections;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        if (!RecordStatesChanged.STORED.equals(changed.cause()) || changed.records().isEmpty()) {
            return;
        }
        Set<UUID> subjects = new HashSet<>();
        Set<UUID> records = new HashSet<>();
        changed.records().forEach(r -> {
            subjects.add(r.subjectId());
            records.add(r.recordKey());
        });
        Set<UUID> awaited = store.withCorrectionDecided(subjects, records);
        changed.records().stream().filter(r -> awaited.contains(r.recordKey()))
                .forEach(r -> objections.correctionDelivered(r.subjectId(), r.recordKey()));
    }
}
