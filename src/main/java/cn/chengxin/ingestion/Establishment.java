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
 * and only the registration record says when it was. A record stored or replayed (a duplicate: the date may not have
 * reached the registry before a crash) counts; a revocation does not.
 */
final class Establishment {

    static final String REGISTRATION_ITEM = "O_REGISTRATION";
    static final String FIELD = "established_on";

    private Establishment() {
    }

    /** The dates of the chunk's registration records, by subject; the chunk's last for a subject stands. */
    static Map<UUID, LocalDate> datesIn(List<NewRecord> records, List<StoreOutcome> outcomes) {
        Map<UUID, LocalDate> dates = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            NewRecord r = records.get(i);
            if (!REGISTRATION_ITEM.equals(r.itemCode()) || r.action() == RecordAction.REVOKE
                    || outcomes.get(i).kind() == StoreOutcome.Kind.REFUSED) {
                continue;
            }
            String value = r.content().get(FIELD);
            try {
                if (value != null) {
                    dates.put(r.subjectId(), LocalDate.parse(value));
                }
            } catch (DateTimeParseException notInOneForm) {
                // Content fields are kept in one form (yyyy-MM-dd for dates); anything else is not a date to trust.
            }
        }
        return dates;
    }
}
