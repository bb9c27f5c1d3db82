package cn.chengxin.portal.web;

import java.io.IOException;
import java.util.Set;

import cn.chengxin.support.AuditedActions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "谁查询了我" lists every event recorded with the citizen as its subject and names its action from the bundles
 * ({@code access.action.<action>}): each action the sources record with {@code .subject(…)} is found here, read from
 * the sources so that one added tomorrow is found without anyone listing it ({@link AuditedActions}), and must have a
 * label in both languages.
 */
class AccessActionLabelsTests {

    /** The bench command's events name made-up subjects: no citizen ever sees them. */
    private static final Set<String> NOT_ABOUT_A_CITIZEN = Set.of("bench.check");

    @Test
    void everyActionRecordedAboutASubjectHasALabelInBothLanguages() throws IOException {
        Set<String> actions = AuditedActions.recorded(true);
        actions.removeAll(NOT_ABOUT_A_CITIZEN);
        assertThat(actions).as("the scan finds the actions it is known to").contains("subject.view", "repair.apply",
                "commitment.breach.refused", "objection.merge");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            assertThat(AuditedActions.unlabelled(actions, bundle, "access.action."))
                    .as("actions recorded about a subject with no access.action.* in " + bundle).isEmpty();
        }
        assertThat(AuditedActions.bundle("messages_en.properties").getProperty("access.action.other")).isNotBlank();
        assertThat(AuditedActions.bundle("messages.properties").getProperty("access.action.other")).isNotBlank();
    }
}
