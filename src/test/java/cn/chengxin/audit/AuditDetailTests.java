package cn.chengxin.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A structured detail (K7) is stored as text and read back as given; free text is never taken for one. */
class AuditDetailTests {

    @Test
    void aDetailIsStoredAsItsCodeAndValuesAndReadBackAsGiven() {
        AuditDetail detail = AuditDetail.of("PROPOSAL_APPROVED")
                .withLabel("action", "console.citizenAccounts.action.SUSPEND")
                .with("proposer", "甲; 乙\\丙").with("sessions", 2).with("hash", "#1").with("none", null);
        String stored = detail.toString();
        assertThat(stored).isEqualTo("reason=PROPOSAL_APPROVED; action=#console.citizenAccounts.action.SUSPEND; "
                + "proposer=甲\\; 乙\\\\丙; sessions=2; hash=\\#1; none=");

        AuditDetail read = AuditDetail.parse(stored).orElseThrow();
        assertThat(read.code()).isEqualTo("PROPOSAL_APPROVED");
        assertThat(read.values()).containsExactly(
                new AuditDetail.Value("console.citizenAccounts.action.SUSPEND", true),
                new AuditDetail.Value("甲; 乙\\丙", false), new AuditDetail.Value("2", false),
                new AuditDetail.Value("#1", false), new AuditDetail.Value("", false));
        assertThat(AuditDetail.parse(AuditDetail.of("NO_ACCOUNT").toString()).orElseThrow().values()).isEmpty();
    }

    @Test
    void freeTextIsNotADetail() {
        for (String text : List.of("SUSPEND approved (proposed by 甲); 1 session(s) ended", "reason=lower case",
                "reason=CODE; not a pair", "reason=CODE; 名=值", "", "用途：行政许可审查；显示 0 条")) {
            assertThat(AuditDetail.parse(text)).as(text).isEmpty();
        }
        assertThat(AuditDetail.parse(null)).isEmpty();
    }

    @Test
    void codesAndNamesAreChecked() {
        assertThatThrownBy(() -> AuditDetail.of("no code sent")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetail.of("CODE").with("two words", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdentityNumberInAValueIsMaskedAsInAnyDetail() {
        AuditEntry entry = AuditEntry.of(AuditCategory.SECURITY, "test.detail")
                .detail(AuditDetail.of("CODE").with("typed", "经核实 11010519491231002X 已履行"));
        assertThat(entry.detail()).isEqualTo("reason=CODE; typed=经核实 1101**********002X 已履行");
    }
}
