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

    ScoreCharts(JsonMapper json) {
        this.json = json;
    }

    public String history(List<JdbcScores.HistoryPoint> points) {
        return Charts.line(json, "信用分变化", points.stream().map(p -> DAY.format(p.at())).toList(),
                points.stream().map(JdbcScores.HistoryPoint::score).toList());
    }
}
