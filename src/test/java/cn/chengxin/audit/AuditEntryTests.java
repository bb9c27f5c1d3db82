package cn.chengxin.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEntryTests {

    /** Staff type free text that reaches the audit log (an exit reason, say): a number in it is stored masked. */
    @Test
    void aNumberTypedIntoTheDetailIsStoredMasked() {
        AuditEntry entry = AuditEntry.of(AuditCategory.PROCESSING, "listing.exit")
                .detail("严重失信主体名单 移出：经核实 11010519491231002X 已履行").subject("pseudonym");

        assertThat(entry.detail()).isEqualTo("严重失信主体名单 移出：经核实 1101**********002X 已履行");
        assertThat(AuditEntry.of(AuditCategory.QUERY, "measures.check").detail("check 019a9c3e-7f21-7c3b-9d1e")
                .detail()).isEqualTo("check 019a9c3e-7f21-7c3b-9d1e");
    }

    /** Some callers take the purpose and its basis from a form, so they are free text as much as the detail. */
    @Test
    void aNumberTypedIntoThePurposeIsStoredMasked() {
        AuditEntry entry = AuditEntry.of(AuditCategory.QUERY, "subject.view")
                .purpose("核查 11010519491231002X 的申请", "依据 11010519491231002X 的授权");

        assertThat(entry.purpose()).isEqualTo("核查 1101**********002X 的申请");
        assertThat(entry.legalBasis()).isEqualTo("依据 1101**********002X 的授权");
    }

    /** M5: a clerk's exit reason naming a passport or a phone was kept in clear for the audit log's ten years. */
    @Test
    void aPassportOrPhoneTypedIntoTheDetailIsStoredMasked() {
        AuditEntry entry = AuditEntry.of(AuditCategory.PROCESSING, "listing.exit")
                .detail("当事人护照 E12345678 已缴清，电话 13912345678").purpose("核查台胞证 12345678 持有人", null);

        assertThat(entry.detail()).isEqualTo("当事人护照 E1*****78 已缴清，电话 139****5678");
        assertThat(entry.purpose()).isEqualTo("核查台胞证 12****78 持有人");
    }
}
