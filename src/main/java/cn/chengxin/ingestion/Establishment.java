package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;

/**
 * An organisation's establishment date (成立日期) as its registration record (登记注册基本信息, O_REGISTRATION) gives
 * it, for the registry: an organisation established less than three years ago has no three clean years (RULES.md §7),
 * and only the registration record says when it was. A record stored counts; a replayed one (a duplicate) only where
 * the registry has no date yet (it may not have reached the registry before a crash), for an old version sent again
 * must not undo a correction; a revocation does not count.
 */
final class Establishment {

    static final String REGISTRATION_ITEM = "O_REGISTRATION";
    static final String FIELD = "established_on";

    private Establishment() {
    }

    /** Dates by subject: of records stored, and of records replayed. */
    record Dates(Map<UUID, LocalDate> stored, Map<UUID, LocalDate> replayed) {
    }

    /** The dates of the chunk's registration records, by subject; the chunk's last for a subject stands. */
    static Dates datesIn(List<NewRecord> records, List<StoreOutcome> outcomes) {
        Map<UUID, LocalDate> stored = new HashMap<>();
        Map<UUID, LocalDate> replayed = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            NewRecord r = records.get(i);
            if (!REGISTRATION_ITEM.equals(r.itemCode()) || r.action() == RecordAction.REVOKE
                    || outcomes.get(i).kind() == StoreOutcome.Kind.REFUSED) {
                continue;
            }
            String value = r.content().get(FIELD);
            try {
                if (value != null) {
                    (outcomes.get(i).kind() == StoreOutcome.Kind.STORED ? stored : replayed)
                            .put(r.subjectId(), LocalDate.parse(value));
                }
            } catch (DateTimeParseException notInOneForm) {
                // Content fields are kept in one form (yyyy-MM-dd for dates); anything else is not a date to trust.
            }
        }
        return new Dates(stored, replayed);
    }
}
