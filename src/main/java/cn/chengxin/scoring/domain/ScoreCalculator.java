package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Scores subjects with a score model (RULES.md §8; issue #6): see {@link CompiledModel} for the calculation. For
 * many subjects compile the model once and call {@link CompiledModel#score} on it.
 */
public final class ScoreCalculator {

    /** The model scored last, so that repeated one-off calls with the same model instance do not recompile it. */
    private static volatile CompiledModel lastCompiled;

    private ScoreCalculator() {
    }

    /** Prepares a valid model for scoring; refuses a model with {@link ScoreModel#problems()}. */
    public static CompiledModel compile(ScoreModel model) {
        return new CompiledModel(model);
    }

    /** Scores one subject on {@code today}; see {@link CompiledModel#score}. */
    public static ScoreOutcome score(ScoreModel model, LocalDate birthDate, LocalDate residentSince,
                                     List<ScoredRecord> records, LocalDate today) {
        CompiledModel compiled = lastCompiled;
        if (compiled == null || compiled.model() != model) {
            compiled = compile(model);
            lastCompiled = compiled;
        }
        return compiled.score(birthDate, residentSince, records, today);
    }
}
