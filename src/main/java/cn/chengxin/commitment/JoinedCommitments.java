package cn.chengxin.commitment;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the commitments (信用承诺) of the
 * joined subject are the kept subject's, in the approval's transaction.
 */
@Component
class JoinedCommitments {

    private final JdbcClient jdbc;

    JoinedCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("UPDATE commitment.commitment SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }
}
