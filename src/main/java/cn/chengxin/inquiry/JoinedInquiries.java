package cn.chengxin.inquiry;

import java.util.List;

import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the joined subject's consents
 * (授权), reports, statements (本人声明), counter visits and their second-clerk reviews, and the older platform's consents
 * carried over, are the kept subject's, in the approval's transaction (audited there, under both pseudonyms). Else the
 * person would not see them in self-service, an institution's consent would not authorise a query of the one file the
 * person's numbers now find (RULES.md §9), and a report about them would not be found. Moving an id already moved
 * changes nothing: a redelivered event is harmless.
 *
 * Two consents of one institution for one purpose, one under each id, both stay: each was given on its own, for its
 * own term and use, and stands until the person withdraws it (PIPL Art. 15; RULES.md §9), which the person can now do
 * for either on one page; an institution's query uses the one it names, else one in force. The older platform's
 * consent carried over under both ids (one consent of the old platform, imported twice) keeps its two consents, but
 * the import's key of it (V821: person, institution, purpose, time) is the kept subject's only: the joined one's goes,
 * so that a rerun of the import, which finds the person by number and so the kept subject, does not carry it again.
 */
@Component
class JoinedInquiries {

    /** Every inquiry table keyed by the subject's id (none by its pseudonym); migrated_consent is moved on its own. */
    private static final List<String> TABLES = List.of("consent", "report", "statement", "counter_visit",
            "counter_consent_review");

    private final JdbcClient jdbc;

    JoinedInquiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        for (String table : TABLES) {
            jdbc.sql("UPDATE inquiry." + table + " SET subject_id = ? WHERE subject_id = ?")
                    .params(joined.keptId(), joined.joinedId()).update();
        }
        jdbc.sql("""
                        DELETE FROM inquiry.migrated_consent j
                        WHERE j.subject_id = ?
                          AND EXISTS (SELECT 1 FROM inquiry.migrated_consent k
                                      WHERE k.subject_id = ? AND k.institution_id = j.institution_id
                                        AND k.purpose = j.purpose AND k.granted_at = j.granted_at)""")
                .params(joined.joinedId(), joined.keptId()).update();
        jdbc.sql("UPDATE inquiry.migrated_consent SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }
}
