package cn.chengxin.scoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.scoring.persistence.JdbcScores;
import tools.jackson.databind.json.JsonMapper;

/** ECharts options built on the server; static/js/charts.js draws them. */
final class Charts {

    private Charts() {
    }

    /** Bars: one category axis, one series. */
    static String bars(JsonMapper json, String title, List<String> categories, List<? extends Number> values,
                       String unit) {
        return json.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of(),
                "xAxis", Map.of("type", "category", "data", categories),
                "yAxis", Map.of("type", "value", "name", unit),
                "series", List.of(Map.of("type", "bar", "data", values))));
    }

    /**
     * Stacked bars: grade counts per group (age band or district), one series per grade, named and ordered by
     * {@code grades} (codes as stored → names in the reader's language) and groups named by {@code groupName}.
     */
    static String stacked(JsonMapper json, String title, List<JdbcScores.GradeCount> counts, GradeNames grades,
                          java.util.function.UnaryOperator<String> groupName) {
        Set<String> groups = new LinkedHashSet<>();
        counts.forEach(c -> groups.add(c.band()));
        List<String> groupList = new ArrayList<>(groups);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String grade : grades.ordered(counts.stream().map(JdbcScores.GradeCount::grade).toList())) {
            long[] data = new long[groupList.size()];
            counts.stream().filter(c -> c.grade().equals(grade))
                    .forEach(c -> data[groupList.indexOf(c.band())] = c.subjects());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", grades.name(grade));
            s.put("type", "bar");
            s.put("stack", "grades");
            s.put("data", data);
            series.add(s);
        }
        return json.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of(), "legend", Map.of("top", 24),
                "grid", Map.of("top", 64),
                "xAxis", Map.of("type", "category", "data", groupList.stream().map(groupName).toList()),
                "yAxis", Map.of("type", "value"),
                "series", series));
    }

    /** One line per grade: how many subjects held it on each day. */
    static String trend(JsonMapper json, String title, List<JdbcScores.Snapshot> snapshots, GradeNames grades) {
        List<String> days = snapshots.stream().map(s -> s.day().toString()).distinct().toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String grade : grades.ordered(snapshots.stream().map(JdbcScores.Snapshot::grade).toList())) {
            long[] data = new long[days.size()];
            snapshots.stream().filter(s -> s.grade().equals(grade))
                    .forEach(s -> data[days.indexOf(s.day().toString())] = s.subjects());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", grades.name(grade));
            line.put("type", "line");
            line.put("data", data);
            series.add(line);
        }
        return json.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 24), "grid", Map.of("top", 64),
                "xAxis", Map.of("type", "category", "data", days),
                "yAxis", Map.of("type", "value"),
                "series", series));
    }

    /** A line over time (a subject's score history). */
    static String line(JsonMapper json, String title, List<String> times, List<Integer> values) {
        return json.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", times),
                "yAxis", Map.of("type", "value", "scale", true),
                "series", List.of(Map.of("type", "line", "step", "end", "data", values))));
    }
}
