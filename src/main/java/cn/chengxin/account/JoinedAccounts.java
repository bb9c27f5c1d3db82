package cn.chengxin.account;

import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.subject.SubjectsJoined;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's two credit files became one (gaps review xxx L1; {@link SubjectsJoined}): the citizen account of the
 * joined subject, its notices, agreement to their electronic service and 个人信息权利请求, pending registrations and account reviews are
 * the kept subject's (as V75 moved accounts for re-keyed subjects), in the approval's transaction. A person holds one
 * account: when both subjects have one, the join is refused ({@code SUBJECT_JOIN_TWO_ACCOUNTS}) until one of them is
 * closed at the window.
 */
@Component
class JoinedAccounts {

    private final JdbcClient jdbc;

    JoinedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubjectsJoined joined) {
        if (jdbc.sql("SELECT count(*) FROM account.citizen WHERE subject_id IN (?, ?)")
                .params(joined.keptId(), joined.joinedId()).query(Long.class).single() > 1) {
            throw new AccountProblem("SUBJECT_JOIN_TWO_ACCOUNTS", Kind.CONFLICT,
                    "两份档案各有一个个人账户：请先在窗口注销其中一个，再合并档案");
        }
        for (String table : java.util.List.of("citizen", "pending_registration", "citizen_account_proposal")) {
            jdbc.sql("UPDATE account." + table + " SET subject_id = ?, subject_pseudonym = ? WHERE subject_id = ?")
                    .params(joined.keptId(), joined.keptPseudonym(), joined.joinedId()).update();
        }
        // With the notices go the agreements to their electronic service (V670): one account, so one in force at most;
        // and the person's requests about their information (V1010), which are theirs whichever file they were under.
        for (String table : java.util.List.of("notice", "electronic_service_agreement", "rights_request")) {
            jdbc.sql("UPDATE account." + table + " SET subject_id = ? WHERE subject_id = ?")
                    .params(joined.keptId(), joined.joinedId()).update();
        }
    }
}
