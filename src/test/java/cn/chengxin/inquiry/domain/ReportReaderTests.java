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
            DataScope.of("COURT", List.of("J_COURT_JUDGEMENT"), List.of()));
    private final ReportReader office = new ReportReader("CREDIT_OFFICE", "市信用办", DataScope.everyItem());

    @Test
    void aDepartmentSeesItsOwnAndItsItemsEntriesAndThePublishedBlackAndRedOnesOnly() {
        assertThat(court.seesEntry(ListType.GREY, "TAX", "P_TAX_ARREARS", "TAX", false)).isFalse();
        assertThat(court.seesEntry(ListType.GREY, "TAX", null, null, true)).as("a grey entry by hand is never public")
                .isFalse();
        assertThat(court.seesEntry(ListType.BLACK, "TAX", "P_TAX_ARREARS", "TAX", false)).isFalse();
        assertThat(court.seesEntry(ListType.BLACK, "TAX", "P_TAX_MAJOR", "TAX", true)).isTrue();
        assertThat(court.seesEntry(ListType.RED, null, null, null, true)).isTrue();
        assertThat(court.seesEntry(ListType.GREY, "COURT", null, null, true)).isTrue();
        assertThat(court.seesEntry(ListType.GREY, null, "J_COURT_JUDGEMENT", "COURT", false)).isTrue();
        assertThat(court.seesEntry(ListType.GREY, "TAX", "J_COURT_JUDGEMENT", "TAX", false))
                .as("another department's entry on its own record of an item of the scope").isFalse();
        assertThat(office.seesEntry(ListType.GREY, "TAX", "P_TAX_ARREARS", "TAX", false)).isTrue();
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
        assertThat(ReportReader.byKind().seesRecord(Sharing.GOVERNMENT, "P_TAX_ARREARS", "TAX")).isTrue();
    }

    @Test
    void aDepartmentSeesPublicRecordsAndItsOwnOfItsScopesItemsOnly() {
        assertThat(court.seesRecord(Sharing.PUBLIC, "P_ADMIN_PENALTY_GENERAL", "MARKET")).isTrue();
        assertThat(court.seesRecord(Sharing.GOVERNMENT, "P_TAX_ARREARS", "TAX")).isFalse();
        assertThat(court.seesRecord(Sharing.GOVERNMENT, "J_COURT_JUDGEMENT", "COURT")).isTrue();
        assertThat(court.seesRecord(Sharing.GOVERNMENT, "J_COURT_JUDGEMENT", "OTHER_COURT")).isFalse();
    }

    /** F1: a government-shared item delivered by several agencies; one reads another's only when granted. */
    @Test
    void anotherAgencysRecordOfASharedItemNeedsTheItemGrantedForReading() {
        ReportReader police = new ReportReader("PUBLIC_SECURITY", "市公安局",
                DataScope.of("PUBLIC_SECURITY", List.of("P_ADMIN_PENALTY_MINOR"), List.of()));
        assertThat(police.seesRecord(Sharing.GOVERNMENT, "P_ADMIN_PENALTY_MINOR", "PUBLIC_SECURITY")).isTrue();
        assertThat(police.seesRecord(Sharing.GOVERNMENT, "P_ADMIN_PENALTY_MINOR", "MARKET")).isFalse();
        ReportReader granted = new ReportReader("PUBLIC_SECURITY", "市公安局",
                DataScope.of("PUBLIC_SECURITY", List.of("P_ADMIN_PENALTY_MINOR"), List.of("P_ADMIN_PENALTY_MINOR")));
        assertThat(granted.seesRecord(Sharing.GOVERNMENT, "P_ADMIN_PENALTY_MINOR", "MARKET")).isTrue();
    }
}
