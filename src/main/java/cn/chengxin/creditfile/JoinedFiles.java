package cn.chengxin.creditfile;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the joined subject's records,
 * every version of them, their proceedings, unannounced changes and declined items are the kept subject's. In the
 * approval's transaction, so that the join commits whole. The records' trigger marks the kept subject's packed facts
 * stale; the joined subject's packed row goes. A declined item both had declined stays declined once.
 */
@Component
class JoinedFiles {

    private final JdbcClient jdbc;

    JoinedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        for (String table : java.util.List.of("record", "record_proceeding", "unannounced_change")) {
            jdbc.sql("UPDATE creditfile." + table + " SET subject_id = ? WHERE subject_id = ?")
                    .params(joined.keptId(), joined.joinedId()).update();
        }
        jdbc.sql("""
                        UPDATE creditfile.declined_item j SET ended_at = now()
                         WHERE j.subject_id = ? AND j.ended_at IS NULL
                           AND EXISTS (SELECT 1 FROM creditfile.declined_item k WHERE k.subject_id = ?
                                          AND k.item_code = j.item_code AND k.ended_at IS NULL)""")
                .params(joined.joinedId(), joined.keptId()).update();
        jdbc.sql("UPDATE creditfile.declined_item SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
        jdbc.sql("DELETE FROM creditfile.subject_facts WHERE subject_id = ?").param(joined.joinedId()).update();
        jdbc.sql("DELETE FROM creditfile.subject_facts_stale WHERE subject_id = ?").param(joined.joinedId()).update();
        jdbc.sql("INSERT INTO creditfile.subject_facts_stale (subject_id) VALUES (?)").param(joined.keptId()).update();
    }
}
