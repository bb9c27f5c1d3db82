package cn.chengxin.scoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.ScoreModel;
import org.springframework.context.MessageSource;

/**
 * Grade codes as scores store them ({@code AAA}, {@code VERY_GOOD}) named for a chart's reader: the translation the
 * self-service score page uses ({@code me.score.grade.*}) where there is one, else the label of the model that
 * defines the grade (the active model's first, so a grade shared by two models reads as today's), else the code.
 * Ordered as the active model lists its bands, then any grade of earlier models.
 */
final class GradeNames {

    private final Map<String, String> labels = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    GradeNames(ScoreModel active, List<ScoreModel> others, MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        for (GradeBand band : active.grades()) {
            labels.putIfAbsent(band.grade(), band.label());
        }
        for (ScoreModel model : others) {
            for (GradeBand band : model.grades()) {
                labels.putIfAbsent(band.grade(), band.label());
            }
        }
    }

    String name(String grade) {
        String translated = messages.getMessage("me.score.grade." + grade, null, null, locale);
        return translated != null ? translated : labels.getOrDefault(grade, grade);
    }

    /** The grades present, in the models' order (best known first as the model lists them), unknown ones last. */
    List<String> ordered(List<String> present) {
        Set<String> wanted = new LinkedHashSet<>(present);
        List<String> ordered = new ArrayList<>();
        labels.keySet().stream().filter(wanted::contains).forEach(ordered::add);
        wanted.stream().filter(grade -> !labels.containsKey(grade)).forEach(ordered::add);
        return ordered;
    }
}
