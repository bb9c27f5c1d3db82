package cn.chengxin.objection;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the objections raised on the
 * joined subject's records are the kept subject's, in the approval's transaction.
 */
@Component
class JoinedObjections {

    private final JdbcClient jdbc;

    JoinedObjections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("UPDATE objection.objection SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }
}
