package cn.chengxin.measures;

import cn.chengxin.subject.FurtherDocumentHeld;
import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the checks made on the joined
 * subject, with the feedback they owe and their lifted measures, are the kept subject's (as V77 moved them for
 * re-keyed subjects), in the approval's transaction. Once it commits, this instance's memory of registered subjects
 * answers the joined document with the kept subject ({@link KnownSubjects#joined}), and every other instance's within
 * 10 s ({@link KnownSubjects#followJoins}, S2 of gaps-review-xxxviii); the entries and received entries
 * follow through their change feeds. Checks made by a further document before its holder took it move to the holder
 * ({@link FurtherDocumentHeld}).
 */
@Component
class JoinedChecks {

    private final JdbcClient jdbc;
    private final KnownSubjects known;

    JoinedChecks(JdbcClient jdbc, KnownSubjects known) {
        this.jdbc = jdbc;
        this.known = known;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        jdbc.sql("UPDATE measures.check_made SET subject_pseudonym = ? WHERE subject_pseudonym = ?")
                .params(joined.keptPseudonym(), joined.joinedPseudonym()).update();
    }

    /** Checks made by a further document before its holder took it: the holder's from now on. */
    @EventListener
    void on(FurtherDocumentHeld held) {
        jdbc.sql("UPDATE measures.check_made SET subject_pseudonym = ? WHERE subject_pseudonym = ?")
                .params(held.holderPseudonym(), held.documentPseudonym()).update();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(SubjectsJoined joined) {
        known.joined(joined.joinedPseudonym(), joined.keptPseudonym());
    }
}
