package cn.chengxin.inquiry;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.inquiry.persistence.JdbcReportCarries;
import cn.chengxin.listing.ListEntry;

/**
 * What the report being assembled carries, gathered by {@link ReportAssembler} as it keeps a record or a list entry,
 * and kept with the report ({@link SupersededReports}) so that its verification can tell when they change (finding G5).
 */
final class ReportCarries {

    private final List<JdbcReportCarries.CarriedRecord> records = new ArrayList<>();
    private final List<JdbcReportCarries.CarriedEntry> entries = new ArrayList<>();

    void record(FileEntry entry) {
        records.add(new JdbcReportCarries.CarriedRecord(entry.recordKey(), entry.version(), entry.publicationEnd()));
    }

    void entry(ListEntry entry) {
        entries.add(new JdbcReportCarries.CarriedEntry(entry.id(), entry.validUntil()));
    }

    List<JdbcReportCarries.CarriedRecord> records() {
        return List.copyOf(records);
    }

    List<JdbcReportCarries.CarriedEntry> entries() {
        return List.copyOf(entries);
    }
}
