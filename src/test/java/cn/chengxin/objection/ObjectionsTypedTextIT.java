package cn.chengxin.objection;

import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #5: the credit office's decision and the notes it types about a case are kept and shown as written, to the
 * subject too, and so never hold a resident identity number (RULES.md §10); they are refused before anything is done.
 * (A pause's reason and a department's answer are refused by their domain rules, ObjectionPause and DepartmentAnswer.)
 */
@IntegrationTest
class ObjectionsTypedTextIT {

    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");

    @Autowired
    Objections objections;

    @Test
    void aDecisionWhoseReasonsHoldANumberIsRefused() {
        assertRefused("reasons", () -> {
            objections.decide(UUID.randomUUID(), 1, Outcome.UPHOLD, "经核实，" + NUMBER + " 的记录无误");
            return null;
        });
    }

    @Test
    void aProceedingsNoteHoldingANumberIsRefused() {
        assertRefused("note", () -> objections.flagProceeding("11010519491231002X", null, "驻市监罚〔2026〕1号",
                RecordProceeding.Kind.ADMINISTRATIVE_REVIEW, "申请人 " + NUMBER + " 已提起行政复议"));
    }

    private static void assertRefused(String field, Callable<?> action) {
        Throwable refused = catchThrowable(() -> as("office-clerk", action));
        assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo(field);
    }
}
