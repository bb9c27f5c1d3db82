package cn.chengxin.repair;

import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #5: what reviewers type about a repair application — the first review's note, the reasons of a refusal (which
 * the applicant reads), an extension's reason — is kept as written and so never holds a resident identity number
 * (RULES.md §10); it is refused before the application is looked at.
 */
@IntegrationTest
class RepairsTypedTextIT {

    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");

    @Autowired
    Repairs repairs;

    @Test
    void aReviewersTextsHoldingANumberAreRefusedNamingTheField() {
        UUID id = UUID.randomUUID();
        assertRefused("note", () -> {
            repairs.propose(id, 1, "申请人 " + NUMBER + " 已履行");
            return null;
        });
        assertRefused("reasons", () -> {
            repairs.refuse(id, 1, "申请人 " + NUMBER + " 未履行");
            return null;
        });
        assertRefused("reason", () -> {
            repairs.extend(id, 1, 5, "等待 " + NUMBER + " 补正材料");
            return null;
        });
    }

    private static void assertRefused(String field, Callable<?> action) {
        Throwable refused = catchThrowable(() -> as("repair-reviewer", action));
        assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo(field);
    }
}
