package cn.chengxin.inquiry.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.chengxin.inquiry.ReportContent;

/** Formatting for the report template: times in China Standard Time, whatever the server's zone. */
public final class ReportFormat {

    static final ReportFormat INSTANCE = new ReportFormat();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ReportFormat() {
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** The dispute line: how many records and list entries are marked 异议中. */
    public String disputes(ReportContent r) {
        long records = r.goodRecords().stream().filter(ReportContent.RecordLine::disputed).count()
                + r.negativeRecords().stream().filter(ReportContent.RecordLine::disputed).count()
                + r.otherRecords().stream().filter(ReportContent.RecordLine::disputed).count();
        long lists = r.lists().stream().filter(ReportContent.ListLine::disputed).count();
        return records + lists == 0 ? "无异议标注。"
                : "异议处理中：信用记录 " + records + " 条，名单 " + lists + " 项（已在上文标注「异议中」）。";
    }
}
