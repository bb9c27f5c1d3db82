package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.listing.ListType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandEntryRepairTests {

    private static final LocalDate ACT = LocalDate.of(2026, 5, 31);

    @Test
    void aBlackEntryIsSeriousAndAGreyOneGeneralFromTheDayOfTheAct() {
        RepairEligibility black = HandEntryRepair.eligibility(ListType.BLACK, ACT, false);
        assertThat(black.kind()).isEqualTo(RepairEligibility.Kind.FROM_DATE);
        assertThat(black.from()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(black.periodServed(LocalDate.of(2027, 5, 30))).isFalse();
        assertThat(black.periodServed(LocalDate.of(2027, 5, 31))).isTrue();

        assertThat(HandEntryRepair.eligibility(ListType.GREY, ACT, false).from()).isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void aRedEntryHasNothingToRepair() {
        assertThat(HandEntryRepair.eligibility(ListType.RED, ACT, true).kind())
                .isEqualTo(RepairEligibility.Kind.NOT_APPLICABLE);
    }

    @Test
    void aCourtsListingIsTheCourtsToEnd() {
        assertThat(HandEntryRepair.courtsListing("《最高人民法院关于公布失信被执行人名单信息的若干规定》", false)).isTrue();
        assertThat(HandEntryRepair.courtsListing("法释〔2015〕17号", false)).isTrue();
        assertThat(HandEntryRepair.courtsListing("国办发〔2020〕49号", true)).as("proposed by a court").isTrue();
        assertThat(HandEntryRepair.courtsListing("国办发〔2020〕49号", false)).isFalse();
        RepairEligibility court = HandEntryRepair.eligibility(ListType.BLACK, ACT, true);
        assertThat(court.kind()).isEqualTo(RepairEligibility.Kind.BY_AUTHORITY);
        assertThat(court.authority()).isEqualTo(RepairAuthority.COURT);
        assertThat(court.byPlatform()).isFalse();
    }
}
