package cn.chengxin.exchange.domain;

import java.util.Set;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpwardSharingTests {

    private static ItemDefinition item(String code) {
        return BaseCatalogue.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void byDefaultNegativeItemsUsableForPunishmentGoUpUnlessForAuthorisedQueryOnly() {
        UpwardSharing sharing = new UpwardSharing(Set.of());
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_GENERAL"))).isTrue();
        assertThat(sharing.shares(item("P_COURT_DEFAULTER"))).isTrue();
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_MINOR"))).as("not reported for individuals").isFalse();
        assertThat(sharing.shares(item("P_STUDENT_LOAN_DEFAULT"))).as("authorised query only").isFalse();
        assertThat(sharing.shares(item("P_COMMENDATION"))).as("good information").isFalse();
    }

    @Test
    void configuredItemsAreExactlyTheOnesThatGoUp() {
        UpwardSharing sharing = new UpwardSharing(Set.of("P_COMMENDATION", "P_STUDENT_LOAN_DEFAULT"));
        assertThat(sharing.shares(item("P_COMMENDATION"))).isTrue();
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_GENERAL"))).isFalse();
        assertThat(sharing.shares(item("P_STUDENT_LOAN_DEFAULT"))).isFalse();
    }
}
