package cn.chengxin.exchange.domain;

import java.util.Set;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Sharing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpwardSharingTests {

    private static ItemDefinition item(String code) {
        return BaseCatalogue.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** The same item with the catalogue's mark set or cleared (and the given sharing and use). */
    private static ItemDefinition marked(ItemDefinition d, boolean sharedUpward, Sharing sharing, boolean punishment) {
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), sharing, d.severity(), d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), punishment, d.usableForScoring(), sharedUpward,
                d.updateCycle(), d.linksToResponsiblePersons(), d.description());
    }

    @Test
    void theCatalogueMarkDecidesWhatGoesUp() {
        UpwardSharing sharing = new UpwardSharing(Set.of());
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_GENERAL"))).isTrue();
        assertThat(sharing.shares(item("P_COURT_DEFAULTER"))).isTrue();
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_MINOR"))).as("not reported for individuals").isFalse();
        assertThat(sharing.shares(item("P_STUDENT_LOAN_DEFAULT"))).as("authorised query only").isFalse();
        assertThat(sharing.shares(item("P_COMMENDATION"))).as("not marked").isFalse();

        ItemDefinition penalty = item("P_ADMIN_PENALTY_GENERAL");
        assertThat(sharing.shares(marked(penalty, false, Sharing.PUBLIC, true))).as("mark cleared").isFalse();
        ItemDefinition commendation = item("P_COMMENDATION");
        assertThat(commendation.nature()).isEqualTo(Nature.GOOD);
        assertThat(sharing.shares(marked(commendation, true, Sharing.PUBLIC, false)))
                .as("good information the catalogue marks").isTrue();
    }

    @Test
    void queryOnlyItemsAndNegativeItemsNotUsableForPunishmentNeverGoUpWhateverTheMark() {
        UpwardSharing sharing = new UpwardSharing(Set.of());
        ItemDefinition loan = item("P_STUDENT_LOAN_DEFAULT");
        assertThat(sharing.shares(marked(loan, true, Sharing.AUTHORISED_QUERY, true))).isFalse();
        ItemDefinition minor = item("P_ADMIN_PENALTY_MINOR");
        assertThat(sharing.shares(marked(minor, true, Sharing.GOVERNMENT, false))).isFalse();
    }

    /**
     * RULES.md §2, §11: a record goes up only if the item's version in force shares it and the version it was collected
     * under let it leave the platform; a later version never sends up what was collected on narrower terms.
     */
    @Test
    void aRecordGoesUpOnlyIfTheVersionItWasCollectedUnderLetItLeaveThePlatform() {
        UpwardSharing sharing = new UpwardSharing(Set.of());
        ItemDefinition loan = item("P_STUDENT_LOAN_DEFAULT");
        ItemDefinition queryOnly = marked(loan, false, Sharing.AUTHORISED_QUERY, true);
        ItemDefinition opened = marked(loan, true, Sharing.PUBLIC, true);
        assertThat(sharing.shares(opened, opened)).isTrue();
        assertThat(sharing.shares(opened, queryOnly)).as("opened later").isFalse();
        ItemDefinition penalty = item("P_ADMIN_PENALTY_GENERAL");
        assertThat(sharing.shares(penalty, marked(penalty, false, Sharing.PUBLIC, false)))
                .as("usable for punishment only later").isFalse();
        assertThat(sharing.shares(penalty, marked(penalty, false, Sharing.PUBLIC, true)))
                .as("collected before the mark was set").isTrue();
        assertThat(sharing.shares(queryOnly, opened)).as("narrowed later").isFalse();
        assertThat(sharing.shares(penalty, null)).isFalse();
    }

    @Test
    void anAgreementWithTheParentFurtherRestrictsTheMarkedItems() {
        UpwardSharing sharing = new UpwardSharing(Set.of("P_COURT_DEFAULTER", "P_COMMENDATION"));
        assertThat(sharing.shares(item("P_COURT_DEFAULTER"))).isTrue();
        assertThat(sharing.shares(item("P_ADMIN_PENALTY_GENERAL"))).as("marked, not agreed").isFalse();
        assertThat(sharing.shares(item("P_COMMENDATION"))).as("agreed, not marked").isFalse();
    }
}
