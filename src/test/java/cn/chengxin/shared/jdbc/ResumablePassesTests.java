package cn.chengxin.shared.jdbc;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumablePassesTests {

    /** Table and column names are written into the SQL: only plain names are taken, never anything else. */
    @Test
    void refusesATableOrColumnThatIsNotAPlainName() {
        for (String[] names : new String[][] {{"listing.rule_reevaluation; DROP TABLE x", "rule_code", "rule_version"},
                {"listing.rule_reevaluation", "rule_code = rule_code OR true", "rule_version"},
                {"listing.rule_reevaluation", "rule_code", "\"rule_version\""}}) {
            assertThatThrownBy(() -> new ResumablePasses(null, null, Clock.systemUTC(), names[0], names[1],
                    names[2])).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
