package cn.chengxin.inquiry.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

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

    /**
     * The line on pending administrative reviews and lawsuits (RULES.md §5): how many records carry one; null when
     * none does.
     */
    public String proceedings(ReportContent r) {
        long records = Stream.of(r.goodRecords(), r.negativeRecords(), r.otherRecords()).flatMap(List::stream)
                .filter(x -> !x.proceedings().isEmpty()).count();
        return records == 0 ? null
                : "行政复议、行政诉讼待结：信用记录 " + records + " 条（已在上文状态栏标注）。";
    }
}
