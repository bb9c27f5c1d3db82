package cn.chengxin.repair;

import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    cn.chengxin.subject.SubjectRegistry subjects;

    @Autowired
    cn.chengxin.account.ApiClients apiClients;

    @Autowired
    cn.chengxin.account.StaffDirectory directory;

    @Autowired
    cn.chengxin.creditfile.CreditFile creditFile;

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

    /**
     * Issue #7: a number mistyped into a reviewer's text (its check character wrong) is not refused, and is still
     * personal data: the refusal's reasons, which the applicant reads, and an extension's reason are kept masked.
     */
    @Test
    void aMistypedNumberInAReviewersTextIsKeptAndShownMasked() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "侯误号");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕748号", "无照经营"),
                java.time.LocalDate.now().minusMonths(4));
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID id = repairs.apply(owner, creditFile.fileOf(owner).get(0).recordKey(), "已缴纳罚款", p.name(),
                java.util.List.of(new Repairs.Upload("PROOF", "缴款凭证" + p.number() + ".pdf",
                        "%PDF-1.4 缴款凭证".getBytes(java.nio.charset.StandardCharsets.UTF_8))), null);
        char wrong = p.number().charAt(17) == '1' ? '2' : '1';
        String mistyped = p.number().substring(0, 17) + wrong;
        String masked = Masking.identityNumber(mistyped);
        as("repair-reviewer", () -> {
            repairs.extend(id, repairs.find(id).version(), 5, "等待 " + mistyped + " 补正材料");
            repairs.refuse(id, repairs.find(id).version(), "申请人 " + mistyped + " 未履行");
            return null;
        });

        RepairApplication refused = repairs.find(id);
        assertThat(refused.reasons()).isEqualTo("申请人 " + masked + " 未履行");
        assertThat(refused.extensionReason()).isEqualTo("等待 " + masked + " 补正材料");
        String mine = mvc.perform(get("/me/repairs").with(authentication(Principals.citizen(subjects, owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(masked).doesNotContain(mistyped);

        // Issue #7: its material, named after the applicant's number, is shown to reviewers with it masked.
        assertThat(repairs.attachmentsOf(java.util.List.of(refused)).get(id).get(0).filename())
                .isEqualTo("缴款凭证" + Masking.identityNumber(p.number()) + ".pdf");
    }

    private static void assertRefused(String field, Callable<?> action) {
        Throwable refused = catchThrowable(() -> as("repair-reviewer", action));
        assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo(field);
    }
}
