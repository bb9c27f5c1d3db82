package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConsentRuleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private final UUID subject = UUID.randomUUID();
    private final UUID bank = UUID.randomUUID();

    private Consent consent(Purpose purpose, boolean singleUse, int uses, Instant granted, Instant withdrawn) {
        return new Consent(UUID.randomUUID(), subject, bank, "信贷系统", "甲银行", purpose, singleUse, granted,
                granted.plus(30, ChronoUnit.DAYS), withdrawn, uses, null);
    }

    private String fault(Consent c, UUID subjectId, UUID clientId, Purpose purpose, Instant at) {
        return ConsentRule.check(c, subjectId, clientId, purpose, at).map(InquiryProblem::code).orElse("OK");
    }

    @Test
    void aConsentAllowsOnlyItsPersonInstitutionAndPurposeWhileValid() {
        Instant granted = NOW.minus(1, ChronoUnit.DAYS);
        Consent c = consent(Purpose.LENDING, true, 0, granted, null);
        assertThat(fault(c, subject, bank, Purpose.LENDING, NOW)).isEqualTo("OK");
        assertThat(fault(c, UUID.randomUUID(), bank, Purpose.LENDING, NOW)).isEqualTo("CONSENT_SUBJECT_MISMATCH");
        assertThat(fault(c, subject, UUID.randomUUID(), Purpose.LENDING, NOW)).isEqualTo("CONSENT_OTHER_INSTITUTION");
        assertThat(fault(c, subject, bank, Purpose.TENANCY, NOW)).isEqualTo("CONSENT_PURPOSE_MISMATCH");
        assertThat(fault(c, subject, bank, Purpose.LENDING, c.expiresAt())).isEqualTo("CONSENT_EXPIRED");
        assertThat(fault(c, subject, bank, Purpose.LENDING, c.expiresAt().minusSeconds(1))).isEqualTo("OK");
        assertThat(fault(consent(Purpose.LENDING, true, 1, granted, null), subject, bank, Purpose.LENDING, NOW))
                .isEqualTo("CONSENT_USED");
        assertThat(fault(consent(Purpose.LENDING, false, 7, granted, null), subject, bank, Purpose.LENDING, NOW))
                .isEqualTo("OK");
        assertThat(fault(consent(Purpose.LENDING, false, 0, granted, NOW), subject, bank, Purpose.LENDING, NOW))
                .isEqualTo("CONSENT_WITHDRAWN");
    }

    @Test
    void withoutAConsentPresentedAUsableOneIsChosenOrTheMostRelevantFaultReported() {
        Instant old = NOW.minus(5, ChronoUnit.DAYS);
        Consent withdrawnLending = consent(Purpose.LENDING, false, 0, old, old.plusSeconds(60));
        Consent tenancy = consent(Purpose.TENANCY, false, 0, NOW.minus(1, ChronoUnit.DAYS), null);
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentRule.choose(List.of(), subject, bank,
                Purpose.LENDING, NOW)).code()).isEqualTo("CONSENT_MISSING");
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentRule.choose(
                List.of(tenancy, withdrawnLending), subject, bank, Purpose.LENDING, NOW)).code())
                .isEqualTo("CONSENT_WITHDRAWN");
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentRule.choose(List.of(tenancy), subject, bank,
                Purpose.LENDING, NOW)).code()).isEqualTo("CONSENT_PURPOSE_MISMATCH");
        Consent fresh = consent(Purpose.LENDING, true, 0, NOW.minus(1, ChronoUnit.HOURS), null);
        assertThat(ConsentRule.choose(List.of(withdrawnLending, tenancy, fresh), subject, bank, Purpose.LENDING, NOW))
                .isEqualTo(fresh);
    }

    /**
     * G6 (RULES.md §9; 征信业管理条例 Art. 18, 20; PIPL Art. 6): every purpose fixes one kind of report. A hiring
     * consent gives the occupational report only; the credit purposes and the counterparty ones (bidding, business
     * cooperation) the authorised report. No kind asked for: the consent's; another: CONSENT_KIND_MISMATCH.
     */
    @Test
    void everyPurposeFixesTheOneKindOfReportItsConsentAllows() {
        Map<Purpose, ReportKind> expected = Map.of(Purpose.EMPLOYMENT, ReportKind.OCCUPATIONAL,
                Purpose.LENDING, ReportKind.AUTHORISED, Purpose.LEASING, ReportKind.AUTHORISED,
                Purpose.TENANCY, ReportKind.AUTHORISED, Purpose.BIDDING, ReportKind.AUTHORISED,
                Purpose.BUSINESS_COOPERATION, ReportKind.AUTHORISED);
        assertThat(expected.keySet()).as("every purpose decided").containsExactlyInAnyOrder(Purpose.values());
        Instant granted = NOW.minus(1, ChronoUnit.DAYS);
        for (Purpose purpose : Purpose.values()) {
            Consent c = consent(purpose, false, 0, granted, null);
            ReportKind allowed = expected.get(purpose);
            assertThat(c.reportKind()).as(purpose.name()).isEqualTo(allowed);
            assertThat(ConsentRule.kind(c, null)).as(purpose + ", no kind asked").isEqualTo(allowed);
            assertThat(ConsentRule.kind(c, allowed)).as(purpose + ", its kind asked").isEqualTo(allowed);
            for (ReportKind other : ReportKind.values()) {
                if (other != allowed) {
                    InquiryProblem refusal = catchThrowableOfType(InquiryProblem.class,
                            () -> ConsentRule.kind(c, other));
                    assertThat(refusal.code()).as(purpose + " asked " + other).isEqualTo("CONSENT_KIND_MISMATCH");
                    assertThat(refusal.kind()).isEqualTo(DomainProblem.Kind.FORBIDDEN);
                    assertThat(refusal.getMessage()).contains(purpose.label(), allowed.title());
                }
            }
        }
    }
}
