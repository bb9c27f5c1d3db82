package cn.chengxin.scoring.web;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;

import cn.chengxin.scoring.persistence.JdbcScores;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-service history chart, for templates ({@code @scoreCharts.history(history)}), and its name for a screen
 * reader ({@code @scoreCharts.summary(history)}, gaps review xxxv O9).
 */
@Component("scoreCharts")
public class ScoreCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    ScoreCharts(JsonMapper json, org.springframework.context.MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** Titled in the language the page is rendered in. */
    public String history(List<JdbcScores.HistoryPoint> points) {
        return Charts.line(json, messages.getMessage("me.score.chart", null,
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()), points.stream().map(p -> DAY.format(p.at())).toList(),
                points.stream().map(JdbcScores.HistoryPoint::score).toList());
    }

    /**
     * The chart's accessible name (WCAG 1.1.1): the trend in words — how many scores, the first and the last with their
     * days, the lowest and the highest — in the page's language; the table under the chart holds every point.
     */
    public String summary(List<JdbcScores.HistoryPoint> points) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<JdbcScores.HistoryPoint> scored = points.stream().filter(p -> p.score() != null).toList();
        if (scored.isEmpty()) {
            return messages.getMessage("me.score.chartNoScore", null, locale);
        }
        NumberFormat number = NumberFormat.getIntegerInstance(locale);
        JdbcScores.HistoryPoint first = scored.get(0);
        JdbcScores.HistoryPoint last = scored.get(scored.size() - 1);
        IntSummaryStatistics range = scored.stream().mapToInt(JdbcScores.HistoryPoint::score).summaryStatistics();
        return messages.getMessage("me.score.chartSummary", new Object[] {number.format(scored.size()),
                DATE.format(first.at()), number.format(first.score()), DATE.format(last.at()),
                number.format(last.score()), number.format(range.getMin()), number.format(range.getMax())}, locale);
    }
}
