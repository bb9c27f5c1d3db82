package cn.chengxin.listing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.LegacySourceIds;
import cn.chengxin.listing.domain.ListRule;

/**
 * The back-loaded records the migrated decisions of a batch rest on (gaps review xliii X2; README 迁移与切换: the records
 * are loaded before the lists): for a row, the subject's one record shown today that the row's rule lists on (its item,
 * its condition) and that is the same decision — the record the old platform knew by the row's
 * {@code legacy_source_id} when the row names one, else the record of the decision's document number. None when no
 * record, or more than one, is that decision: an entry on a record it does not rest on would end with another's
 * revocation, so an ambiguous decision is stored on none, as before, and ends by its last day or an exit.
 */
final class BackLoadedRecords {

    private final Map<UUID, List<FileEntry>> files;
    private final Map<UUID, String> legacyIds;
    private final LocalDate today;

    private BackLoadedRecords(Map<UUID, List<FileEntry>> files, Map<UUID, String> legacyIds, LocalDate today) {
        this.files = files;
        this.legacyIds = legacyIds;
        this.today = today;
    }

    /**
     * The records of the rows' subjects, with the old ids of those records when a row names one (read only then: the
     * rows of most files name none).
     */
    static BackLoadedRecords of(Collection<MigratedRow> rows, Map<UUID, List<FileEntry>> files,
                                LegacySourceIds legacy, LocalDate today) {
        Map<UUID, String> legacyIds = Map.of();
        if (rows.stream().anyMatch(r -> r.legacySourceId() != null)) {
            Set<UUID> keys = new HashSet<>();
            files.values().forEach(file -> file.forEach(r -> keys.add(r.recordKey())));
            legacyIds = legacy.of(keys);
        }
        return new BackLoadedRecords(files, legacyIds, today);
    }

    /** The key of the record the row's decision rests on, if exactly one is it. */
    Optional<UUID> of(MigratedRow row, ListRule rule) {
        List<UUID> found = files.getOrDefault(row.subjectId(), List.of()).stream()
                .filter(r -> r.asOn(today).status().shown() && rule.proposes(r.itemCode(), r.content()))
                .filter(r -> row.legacySourceId() != null ? row.legacySourceId().equals(legacyIds.get(r.recordKey()))
                        : r.decisionNumber() != null && r.decisionNumber().strip().equals(row.documentNumber()))
                .map(FileEntry::recordKey).distinct().toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
