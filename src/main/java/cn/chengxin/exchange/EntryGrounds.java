package cn.chengxin.exchange;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.listing.ListEntry;
import org.springframework.stereotype.Component;

/**
 * The catalogue item of the record each list entry rests on, sent with the entry: rule codes are this platform's own,
 * item codes are the catalogue's, so the receiving platform tells by the item which of its rules, and so which measures
 * limited to a rule (a court's consumption restrictions, RULES.md §7), the entry answers to.
 */
@Component
class EntryGrounds {

    private final CreditFile creditFile;

    EntryGrounds(CreditFile creditFile) {
        this.creditFile = creditFile;
    }

    /** By entry id; an entry a department proposed without a record is absent. One query for the whole page. */
    Map<UUID, String> itemsOf(Collection<ListEntry> entries) {
        List<ListEntry> grounded = entries.stream().filter(e -> e.recordKey() != null).toList();
        if (grounded.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(grounded.stream().map(ListEntry::subjectId)
                .distinct().toList());
        Map<UUID, String> items = new HashMap<>();
        for (ListEntry e : grounded) {
            files.getOrDefault(e.subjectId(), List.of()).stream()
                    .filter(r -> Objects.equals(r.recordKey(), e.recordKey())).findFirst()
                    .ifPresent(r -> items.put(e.id(), r.itemCode()));
        }
        return items;
    }
}
