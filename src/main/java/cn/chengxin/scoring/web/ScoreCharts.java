package cn.chengxin.scoring.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.chengxin.scoring.persistence.JdbcScores;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The self-service history chart, for templates ({@code @scoreCharts.history(history)}). */
@Component("scoreCharts")
public class ScoreCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
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
}
