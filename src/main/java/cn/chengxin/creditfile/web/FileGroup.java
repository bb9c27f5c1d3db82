package cn.chengxin.creditfile.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.creditfile.FileEntry;

/**
 * The records of a credit file of one nature, as the console shows them (issue #4: "good records, negative records
 * with severity"): 失信信息 first, the most serious first, then 守信信息, 基础信息 and 其他信息. A record whose item
 * the catalogue no longer knows counts as 其他信息 rather than disappearing.
 *
 * @param rows each record with the severity of its item ({@code null}: none, not a negative item)
 */
record FileGroup(Nature nature, List<Row> rows) {

    record Row(FileEntry entry, Severity severity) {
    }

    private static final List<Nature> ORDER = List.of(Nature.NEGATIVE, Nature.GOOD, Nature.BASIC, Nature.NEUTRAL);

    /** Most serious first; within a severity the file's own order (the sort is stable). */
    private static final Comparator<Row> BY_SEVERITY = Comparator.comparing(Row::severity,
            Comparator.nullsLast(Comparator.<Severity>reverseOrder()));

    /** @param itemOf the item version each record was stored under ({@code null}: unknown) */
    static List<FileGroup> of(List<FileEntry> entries, Function<FileEntry, ItemDefinition> itemOf) {
        Map<Nature, List<Row>> byNature = new EnumMap<>(Nature.class);
        for (FileEntry e : entries) {
            ItemDefinition item = itemOf.apply(e);
            Nature nature = item == null ? Nature.NEUTRAL : item.nature();
            Severity severity = nature == Nature.NEGATIVE ? item.severity() : null;
            byNature.computeIfAbsent(nature, n -> new ArrayList<>()).add(new Row(e, severity));
        }
        List<FileGroup> groups = new ArrayList<>();
        for (Nature nature : ORDER) {
            List<Row> rows = byNature.get(nature);
            if (rows != null) {
                if (nature == Nature.NEGATIVE) {
                    rows.sort(BY_SEVERITY);
                }
                groups.add(new FileGroup(nature, List.copyOf(rows)));
            }
        }
        return List.copyOf(groups);
    }
}
