package cn.chengxin.objection.domain;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.subject.domain.TypedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DepartmentAnswerTests {

    @Test
    void aCorrectionNamesTheCorrectedValues() {
        assertThat(catchThrowableOfType(CodedProblem.class, () -> DepartmentAnswer.check(DepartmentAnswer.CORRECT,
                " ", "录入错误")).code()).isEqualTo("OBJECTION_ANSWER_CORRECTIONS");
        assertThat(DepartmentAnswer.check(DepartmentAnswer.CORRECT, " 金额 2000 元 ", "录入错误")).isEqualTo("金额 2000 元");
    }

    @Test
    void everyAnswerGivesReasonsAndOnlyACorrectionKeepsValues() {
        assertThat(catchThrowableOfType(CodedProblem.class, () -> DepartmentAnswer.check(DepartmentAnswer.VERIFIED,
                null, "")).code()).isEqualTo("OBJECTION_ANSWER_INVALID");
        assertThat(catchThrowableOfType(CodedProblem.class, () -> DepartmentAnswer.check(null, null, "理由")).code())
                .isEqualTo("OBJECTION_ANSWER_INVALID");
        assertThat(DepartmentAnswer.check(DepartmentAnswer.DELETE, "忽略", "主体错误")).isNull();
    }

    @Test
    void eachAnswerPointsToTheOutcomeTheOfficeWillLikelyChoose() {
        assertThat(DepartmentAnswer.VERIFIED.suggests()).isEqualTo(Outcome.UPHOLD);
        assertThat(DepartmentAnswer.CORRECT.suggests()).isEqualTo(Outcome.CORRECT);
        assertThat(DepartmentAnswer.DELETE.suggests()).isEqualTo(Outcome.DELETE);
    }

    /** Kept as the department wrote them and shown to the credit office: no identity number (RULES.md §10). */
    @Test
    void reasonsOrCorrectionsHoldingAnIdentityNumberAreRefusedNamingTheField() {
        String number = "41170219850612345" + ResidentIdentityNumber.checkCharFor("41170219850612345");
        assertThat(catchThrowableOfType(TypedText.HoldsIdentityNumber.class, () -> DepartmentAnswer.check(
                DepartmentAnswer.VERIFIED, null, "经核 " + number + " 无误")).field()).isEqualTo("reasons");
        assertThat(catchThrowableOfType(TypedText.HoldsIdentityNumber.class, () -> DepartmentAnswer.check(
                DepartmentAnswer.CORRECT, "当事人 " + number, "录入错误")).field()).isEqualTo("corrections");
    }
}
