package cn.chengxin.scoring;

import java.util.Set;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}). In the approval's transaction
 * the joined subject's score history (its grade notices with it), requests for human review and refusal of automated
 * grading are the kept subject's, and its current scores go (they were computed on half a file). Once it commits the kept subject
 * is rescored on the whole file, resumed from the event publication log should the instance stop before.
 * A refusal of automated grading by either is the kept subject's. Where both have a request for review open (one is
 * allowed per person), the joined subject's stays under its id for the office to answer.
 */
@Component
class JoinedScores {

    private final JdbcClient jdbc;
    private final Scoring scoring;

    JoinedScores(JdbcClient jdbc, Scoring scoring) {
        this.jdbc = jdbc;
        this.scoring = scoring;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        // Grade notices are read from the history (V38).
        jdbc.sql("UPDATE scoring.score_history SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
        jdbc.sql("""
                        UPDATE scoring.review SET subject_id = ? WHERE subject_id = ?
                           AND (outcome IS NOT NULL
                                OR NOT EXISTS (SELECT 1 FROM scoring.review k
                                                WHERE k.subject_id = ? AND k.outcome IS NULL))""")
                .params(joined.keptId(), joined.joinedId(), joined.keptId()).update();
        jdbc.sql("""
                        INSERT INTO scoring.automated_grading_refusal (subject_id, since)
                        SELECT ?, since FROM scoring.automated_grading_refusal WHERE subject_id = ?
                        ON CONFLICT (subject_id) DO UPDATE SET since = LEAST(scoring.automated_grading_refusal.since,
                                                                              EXCLUDED.since)""")
                .params(joined.keptId(), joined.joinedId()).update();
        jdbc.sql("DELETE FROM scoring.automated_grading_refusal WHERE subject_id = ?").param(joined.joinedId())
                .update();
        jdbc.sql("DELETE FROM scoring.score WHERE subject_id = ?").param(joined.joinedId()).update();
    }

    @ApplicationModuleListener
    void rescore(SubjectsJoined joined) {
        scoring.rescore(Set.of(joined.keptId()));
    }
}
