package cn.chengxin.exchange;

import cn.chengxin.subject.FurtherDocumentHeld;
import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the entries received from other
 * platforms under the joined subject's pseudonym are the kept subject's (as V78 moved them for re-keyed subjects;
 * change_seq carries them into the check index), and the messages still to send about the joined subject are sent
 * about the kept one. In the approval's transaction. So are those received under a further document's own pseudonym
 * before its holder took it ({@link FurtherDocumentHeld}).
 */
@Component
class JoinedReceived {

    private final JdbcClient jdbc;

    JoinedReceived(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        moveReceived(joined.joinedPseudonym(), joined.keptPseudonym());
        jdbc.sql("UPDATE exchange.outbox SET subject_id = ? WHERE subject_id = ?")
                .params(joined.keptId(), joined.joinedId()).update();
    }

    /** Received under a further document's own pseudonym before its holder took it: the holder's from now on. */
    @EventListener
    void on(FurtherDocumentHeld held) {
        moveReceived(held.documentPseudonym(), held.holderPseudonym());
    }

    private void moveReceived(String from, String to) {
        jdbc.sql("""
                        UPDATE exchange.received
                           SET subject_pseudonym = ?, change_seq = nextval('exchange.received_seq')
                         WHERE subject_pseudonym = ?""")
                .params(to, from).update();
    }
}
