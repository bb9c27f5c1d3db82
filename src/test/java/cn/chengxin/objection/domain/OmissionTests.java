package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** K8 of gaps-review-xxix: what an objection that a record is missing (信息遗漏) must say, and how it may end. */
class OmissionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void whatIsMissingIsRequiredTheDecisionNumberAndDateAreOptionalAndAnIdentityNumberIsKeptMasked() {
        Omission o = Omission.of("  2026 年被评为市级劳动模范，身份证 411702198001010011  ", " ", null, TODAY);
        assertThat(o.missing()).startsWith("2026 年被评为市级劳动模范").doesNotContain("411702198001010011");
        assertThat(o.decisionNumber()).isNull();
        assertThat(o.decidedOn()).isNull();
        assertThat(Omission.of("表彰", "驻人社表〔2026〕7号", TODAY, TODAY).decisionNumber())
                .isEqualTo("驻人社表〔2026〕7号");

        assertThat(code(() -> Omission.of(" ", null, null, TODAY))).isEqualTo("OBJECTION_OMISSION_MISSING");
        assertThat(code(() -> Omission.of("很".repeat(Omission.MAX_MISSING + 1), null, null, TODAY)))
                .isEqualTo("OBJECTION_OMISSION_MISSING");
        assertThat(code(() -> Omission.of("表彰", "号".repeat(Omission.MAX_DECISION_NUMBER + 1), null, TODAY)))
                .isEqualTo("OBJECTION_OMISSION_DECISION");
        assertThat(code(() -> Omission.of("表彰", null, TODAY.plusDays(1), TODAY)))
                .isEqualTo("OBJECTION_OMISSION_DECISION");
    }

    @Test
    void anOmissionEndsAsSupplementedOrUpheldOnly() {
        assertThat(Omission.decisions()).containsExactly(Outcome.SUPPLEMENT, Outcome.UPHOLD);
        assertThat(DepartmentAnswer.SUPPLEMENT.suggests()).isEqualTo(Outcome.SUPPLEMENT);
        assertThat(DepartmentAnswer.check(DepartmentAnswer.SUPPLEMENT, null, "已补报")).isNull();
    }

    private static String code(Runnable r) {
        return catchThrowableOfType(CodedProblem.class, r::run).code();
    }
}
