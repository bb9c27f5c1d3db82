package cn.chengxin.commitment;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the commitments (信用承诺) of the
 * joined subject are the kept subject's, in the approval's transaction. A joined subject's commitment under a reference
 * the kept subject's commitment to the same department holds already (gaps review xxxiii N11, V366) is moved unbound:
 * both stay, as they were signed, and a resend of that reference answers the kept subject's.
 */
@Component
class JoinedCommitments {

    private final JdbcClient jdbc;

    JoinedCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("""
                        UPDATE commitment.commitment j SET reference_claim = NULL
                        WHERE j.subject_id = ? AND j.reference_claim IS NOT NULL
                          AND EXISTS (SELECT 1 FROM commitment.commitment k
                                      WHERE k.subject_id = ? AND k.department_code = j.department_code
                                        AND k.reference_claim = j.reference_claim)""")
                .params(joined.joinedId(), joined.keptId()).update();
        jdbc.sql("UPDATE commitment.commitment SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }
}
