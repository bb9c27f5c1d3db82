package cn.chengxin.portal;

import cn.chengxin.subject.FurtherDocumentHeld;
import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the tip-offs naming the joined
 * subject, matched to it or kept under its pseudonym only, and the published cases linked to its records are the kept
 * subject's (as V76 moved tip-offs for re-keyed subjects), in the approval's transaction; so are tip-offs naming a
 * further document before its holder took it ({@link FurtherDocumentHeld}).
 */
@Component
class JoinedTipoffs {

    private final JdbcClient jdbc;

    JoinedTipoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("""
                        UPDATE portal.tipoff SET subject_id = ?, subject_pseudonym = ?
                         WHERE subject_id = ? OR subject_id IS NULL AND subject_pseudonym = ?""")
                .params(joined.keptId(), joined.keptPseudonym(), joined.joinedId(), joined.joinedPseudonym())
                .update();
        jdbc.sql("UPDATE portal.article_record SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }

    /** Tip-offs naming a further document before its holder took it: the holder's from now on. */
    @EventListener
    void on(FurtherDocumentHeld held) {
        jdbc.sql("""
                        UPDATE portal.tipoff SET subject_id = coalesce(subject_id, ?), subject_pseudonym = ?
                         WHERE subject_pseudonym = ?""")
                .params(held.subjectId(), held.holderPseudonym(), held.documentPseudonym()).update();
    }
}
