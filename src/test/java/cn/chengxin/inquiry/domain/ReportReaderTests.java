package cn.chengxin.inquiry.domain;

import java.util.List;

import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.listing.ListType;
import cn.chengxin.shared.security.DataScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A department's government report is cut to the department as a whole (RULES.md §9, §10); others by kind. */
class ReportReaderTests {

    private final ReportReader court = new ReportReader("COURT", "市中级人民法院",
            DataScope.of(List.of("J_COURT_JUDGEMENT")));
    private final ReportReader office = new ReportReader("CREDIT_OFFICE", "市信用办", DataScope.everyItem());

    @Test
    void aDepartmentSeesItsOwnAndItsItemsEntriesAndThePublishedBlackAndRedOnesOnly() {
        assertThat(court.seesEntry(ListType.GREY, "TAX", "P_TAX_ARREARS", false)).isFalse();
        assertThat(court.seesEntry(ListType.GREY, "TAX", null, true)).as("a grey entry by hand is never public")
                .isFalse();
        assertThat(court.seesEntry(ListType.BLACK, "TAX", "P_TAX_ARREARS", false)).isFalse();
        assertThat(court.seesEntry(ListType.BLACK, "TAX", "P_TAX_MAJOR", true)).isTrue();
        assertThat(court.seesEntry(ListType.RED, null, null, true)).isTrue();
        assertThat(court.seesEntry(ListType.GREY, "COURT", null, true)).isTrue();
        assertThat(court.seesEntry(ListType.GREY, "TAX", "J_COURT_JUDGEMENT", false)).isTrue();
        assertThat(office.seesEntry(ListType.GREY, "TAX", "P_TAX_ARREARS", false)).isTrue();
    }

    @Test
    void aDepartmentGetsNoScoreNoWholeFileStatementAndOnlyItsOwnOrganisationsQueries() {
        assertThat(court.seesScore()).isFalse();
        assertThat(court.seesWholeFileStatements()).isFalse();
        assertThat(court.seesQueryBy("市中级人民法院")).isTrue();
        assertThat(court.seesQueryBy("市税务局")).isFalse();
        assertThat(court.seesQueryBy(null)).isFalse();
        assertThat(office.seesScore()).isTrue();
        assertThat(office.seesQueryBy("市税务局")).isTrue();
        assertThat(ReportReader.byKind().seesScore()).isTrue();
        assertThat(ReportReader.byKind().seesRecord(Sharing.GOVERNMENT, "P_TAX_ARREARS")).isTrue();
    }

    @Test
    void aDepartmentSeesPublicRecordsAndItsScopesItemsOnly() {
        assertThat(court.seesRecord(Sharing.PUBLIC, "P_ADMIN_PENALTY_GENERAL")).isTrue();
        assertThat(court.seesRecord(Sharing.GOVERNMENT, "P_TAX_ARREARS")).isFalse();
        assertThat(court.seesRecord(Sharing.GOVERNMENT, "J_COURT_JUDGEMENT")).isTrue();
    }
}
