package cn.chengxin.subject;

import java.util.List;

import cn.chengxin.shared.consistency.ConsistencyCheck;
import cn.chengxin.shared.consistency.Finding;
import cn.chengxin.shared.consistency.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One person, one credit file (RULES.md §1; gaps review xli V4): a number is held either as a subject's document or
 * as one subject's approved further document, never both. The two uniques are apart (V2, V289) and both writers take
 * {@code HeldDocuments}' lock; a writer that forgets it, or a hand-made fix, would leave one person with two files.
 * The night's check probes the registry's unique index once per approved further document (few: a clerk proposes
 * each), one statement; an example names both rows by id, never by number.
 */
@Component
class DocumentsHeldTwice implements ConsistencyCheck {

    static final String CHECK = "subject.document_held_twice";

    private final JdbcClient jdbc;

    DocumentsHeldTwice(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> checks() {
        return List.of(CHECK);
    }

    @Override
    public List<Finding> run(int examples) {
        Tally held = new Tally(CHECK, examples);
        jdbc.sql("""
                        SELECT f.id, s.id FROM subject.further_document f
                        JOIN subject.subject s ON s.document_type = f.document_type AND s.number_index = f.number_index
                        WHERE f.status = 'APPROVED'
                        ORDER BY f.id""")
                .query(rs -> {
                    held.add("further_document " + rs.getString(1) + " / subject " + rs.getString(2));
                });
        return List.of(held.finding());
    }
}
