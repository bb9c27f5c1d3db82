package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.subject.domain.TypedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ObjectionPauseTests {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    @Test
    void aPauseKeepsItsReasonAsTypedWithoutSurroundingSpace() {
        assertThat(ObjectionPause.of(ObjectionPause.Kind.TESTING, " 送检 ", RECEIVED, RECEIVED.plusDays(5), RECEIVED)
                .reason()).isEqualTo("送检");
    }

    /** Kept and shown with the case: no identity number in it (RULES.md §10). */
    @Test
    void aReasonHoldingAnIdentityNumberIsRefused() {
        String number = "41170219850612345" + ResidentIdentityNumber.checkCharFor("41170219850612345");
        TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> ObjectionPause.of(ObjectionPause.Kind.EXPERT_REVIEW, "申请人 " + number + " 的材料送专家评审",
                        RECEIVED, RECEIVED.plusDays(5), RECEIVED));
        assertThat(refused.field()).isEqualTo("reason");
        assertThat(refused.getMessage()).contains("中止原因");
    }
}
