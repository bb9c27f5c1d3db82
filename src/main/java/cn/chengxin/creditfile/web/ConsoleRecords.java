package cn.chengxin.creditfile.web;

import java.util.List;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.shared.security.DataScope;

/**
 * The records of a subject's file within a staff member's data scope that the console shows with their details, and
 * how many others it only counts. A record past its publication period (公示期满), repaired, revoked or archived is
 * "not displayed, not used" (RULES.md §4) and repair stops its "sharing and use" (RULES.md §6): department staff, who
 * decide on licences, subsidies and the like, see only the records that are shown ({@link RecordStatus#shown()}), as
 * the government report leaves the others out, and a count of the others so that they know these exist and may not
 * rely on them. The credit office, which handles objections, repairs and audits (RULES.md §12), sees every record.
 * Declined records (RULES.md §2) the page names by item apart, so they are neither shown nor counted here.
 *
 * @param entries      the records shown, with their details and history
 * @param notInForce   how many records of the scope are not shown because they no longer are (withheld details)
 */
record ConsoleRecords(List<FileEntry> entries, int notInForce) {

    static ConsoleRecords of(List<FileEntry> inScope, DataScope scope) {
        if (!scope.restricted()) {
            return new ConsoleRecords(inScope, 0);
        }
        List<FileEntry> shown = inScope.stream().filter(e -> e.status().shown()).toList();
        int stopped = (int) inScope.stream()
                .filter(e -> !e.status().shown() && e.status() != RecordStatus.DECLINED).count();
        return new ConsoleRecords(shown, stopped);
    }
}
