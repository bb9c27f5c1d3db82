package cn.chengxin.listing;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the joined subject's list
 * entries, notices and waits for a birth date are the kept subject's, as V74 moved them for re-keyed subjects
 * (change_seq carries the entries into every instance's check index). The later of the two last negative records is
 * the kept subject's; the joined pseudonym's mark is cleared the same way. In the approval's transaction.
 */
@Component
class JoinedEntries {

    private final JdbcClient jdbc;

    JoinedEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("""
                        UPDATE listing.entry SET subject_id = ?, subject_pseudonym = ?,
                               change_seq = nextval('listing.change_seq')
                         WHERE subject_id = ?""")
                .params(joined.keptId(), joined.keptPseudonym(), joined.joinedId()).update();
        for (String table : java.util.List.of("notice", "awaiting_birth_date")) {
            jdbc.sql("UPDATE listing." + table + " SET subject_id = ? WHERE subject_id = ?")
                    .params(joined.keptId(), joined.joinedId()).update();
        }
        jdbc.sql("""
                        INSERT INTO listing.negative_mark (subject_pseudonym, last_negative)
                        SELECT ?, last_negative FROM listing.negative_mark
                         WHERE subject_pseudonym = ? AND last_negative IS NOT NULL
                        ON CONFLICT (subject_pseudonym) DO UPDATE
                            SET last_negative = GREATEST(listing.negative_mark.last_negative, EXCLUDED.last_negative),
                                change_seq = nextval('listing.mark_seq')""")
                .params(joined.keptPseudonym(), joined.joinedPseudonym()).update();
        jdbc.sql("""
                        UPDATE listing.negative_mark SET last_negative = NULL, change_seq = nextval('listing.mark_seq')
                         WHERE subject_pseudonym = ? AND last_negative IS NOT NULL""")
                .param(joined.joinedPseudonym()).update();
    }
}
