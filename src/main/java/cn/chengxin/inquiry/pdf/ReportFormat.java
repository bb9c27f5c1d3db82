package cn.chengxin.inquiry.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import cn.chengxin.inquiry.ReportContent;
import org.springframework.context.MessageSource;

/**
 * Formatting for the report template in the report's language: times in China Standard Time, whatever the server's
 * zone; the summary lines in the words of {@code report.*} in the messages files.
 */
public final class ReportFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final MessageSource messages;
    private final Locale locale;

    ReportFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
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
        return records + lists == 0 ? message("report.disputes.none")
                : message("report.disputes", Long.toString(records), Long.toString(lists));
    }

    /**
     * The line on pending administrative reviews and lawsuits (RULES.md §5): how many records carry one; null when
     * none does.
     */
    public String proceedings(ReportContent r) {
        long records = Stream.of(r.goodRecords(), r.negativeRecords(), r.otherRecords()).flatMap(List::stream)
                .filter(x -> !x.proceedings().isEmpty()).count();
        return records == 0 ? null : message("report.proceedings", Long.toString(records));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
