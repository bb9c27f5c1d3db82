package cn.chengxin.audit;

import java.io.IOException;
import java.util.Set;

import cn.chengxin.support.AuditedActions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 审计日志 names each action in words, {@code audit.action.<action>} or else the subject's {@code access.action.<action>}
 * (K7): every action the sources record, read from the sources so that one added tomorrow is found, has a label in
 * both languages. The failure lists the actions that have none.
 */
class AuditActionLabelsTests {

    @Test
    void everyRecordedActionHasALabelInBothLanguages() throws IOException {
        Set<String> actions = AuditedActions.recorded(false);
        assertThat(actions).as("the scan finds the actions it is known to").contains("subject.view", "audit.verify",
                "account.user.create", "catalog.withdraw.approve", "exchange.refuse", "objection.merge");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            assertThat(AuditedActions.unlabelled(actions, bundle, "audit.action.", "access.action."))
                    .as("recorded actions with neither audit.action.* nor access.action.* in " + bundle).isEmpty();
        }
    }
}
