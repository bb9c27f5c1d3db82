package cn.chengxin.objection.domain;

import cn.chengxin.shared.CodedProblem;
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
}
