package cn.chengxin.inquiry.domain;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Sharing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportScopeTests {

    @Test
    void eachRequesterSeesOnlyWhatTheSharingAttributeAllows() {
        ReportScope self = new ReportScope(ReportKind.SELF_FULL, Requester.SELF, null);
        ReportScope bank = new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.LENDING);
        ReportScope state = new ReportScope(ReportKind.GOVERNMENT, Requester.GOVERNMENT, null);
        Category penalty = Category.ADMINISTRATIVE_PENALTY;
        for (Sharing sharing : Sharing.values()) {
            assertThat(self.includes(sharing, penalty, true)).isTrue();
            assertThat(self.includes(sharing, penalty, false)).as("no longer shown").isFalse();
        }
        assertThat(bank.includes(Sharing.PUBLIC, penalty, true)).isTrue();
        assertThat(bank.includes(Sharing.AUTHORISED_QUERY, penalty, true)).isTrue();
        assertThat(bank.includes(Sharing.GOVERNMENT, penalty, true)).isFalse();
        assertThat(state.includes(Sharing.GOVERNMENT, penalty, true)).isTrue();
        assertThat(state.includes(Sharing.AUTHORISED_QUERY, penalty, true)).isFalse();
    }

    @Test
    void anOccupationalReportCarriesOccupationalCategoriesAndNoScore() {
        ReportScope job = new ReportScope(ReportKind.OCCUPATIONAL, Requester.INSTITUTION, Purpose.EMPLOYMENT);
        assertThat(job.includes(Sharing.PUBLIC, Category.QUALIFICATION, true)).isTrue();
        assertThat(job.includes(Sharing.PUBLIC, Category.JUDICIAL, true)).isTrue();
        assertThat(job.includes(Sharing.PUBLIC, Category.ADMINISTRATIVE_PAYMENT, true)).isFalse();
        assertThat(job.showsScore()).isFalse();
        assertThat(new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.LENDING).showsScore()).isTrue();
        assertThat(new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.EMPLOYMENT).showsScore())
                .isFalse();
        assertThat(new ReportScope(ReportKind.SELF_FULL, Requester.SELF, null).showsScore()).isTrue();
    }

    @Test
    void kindsAreForTheirRequestersOnly() {
        assertThatThrownBy(() -> new ReportScope(ReportKind.SELF_FULL, Requester.INSTITUTION, Purpose.LENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportScope(ReportKind.GOVERNMENT, Requester.SELF, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** RULES.md §2, §9: a state organ's looks are government-only; a report others are shown lists shared ones. */
    @Test
    void onlyThePersonsFullReportAndAStateOrgansListEveryQuery() {
        assertThat(new ReportScope(ReportKind.SELF_FULL, Requester.SELF, null).showsEveryQuery()).isTrue();
        assertThat(new ReportScope(ReportKind.GOVERNMENT, Requester.GOVERNMENT, null).showsEveryQuery()).isTrue();
        assertThat(new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.LENDING).showsEveryQuery())
                .isFalse();
        assertThat(new ReportScope(ReportKind.OCCUPATIONAL, Requester.INSTITUTION, Purpose.EMPLOYMENT)
                .showsEveryQuery()).isFalse();
        assertThat(new ReportScope(ReportKind.OCCUPATIONAL, Requester.SELF, null).showsEveryQuery())
                .as("handed to an employer").isFalse();
    }

    /**
     * RULES.md §8, PIPL Art. 24: while the person refuses automated grading, a lender's, a landlord's or a state
     * organ's report leaves the score out and says why; the person's own keeps it; a report that never carries the
     * score (an employer's) is not changed and does not tell of the refusal.
     */
    @Test
    void aRefusalOfAutomatedGradingWithholdsTheScoreFromEveryReportButThePersonsOwn() {
        ReportScope lending = new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.LENDING);
        ReportScope tenancy = new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.TENANCY);
        ReportScope state = new ReportScope(ReportKind.GOVERNMENT, Requester.GOVERNMENT, null);
        ReportScope own = new ReportScope(ReportKind.SELF_FULL, Requester.SELF, null);
        ReportScope employer = new ReportScope(ReportKind.AUTHORISED, Requester.INSTITUTION, Purpose.EMPLOYMENT);
        for (ReportScope other : new ReportScope[] {lending, tenancy, state}) {
            assertThat(other.showsScore(false)).as(other.toString()).isTrue();
            assertThat(other.showsScore(true)).as(other.toString()).isFalse();
            assertThat(other.withholdsScoreFor(true)).as(other.toString()).isTrue();
            assertThat(other.withholdsScoreFor(false)).as(other.toString()).isFalse();
        }
        assertThat(own.showsScore(true)).isTrue();
        assertThat(own.withholdsScoreFor(true)).isFalse();
        assertThat(employer.showsScore(true)).isFalse();
        assertThat(employer.withholdsScoreFor(true)).as("never carries it: nothing withheld").isFalse();
    }
}
