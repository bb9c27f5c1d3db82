package cn.chengxin.catalog;

import java.util.List;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.FieldType;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: an item's name and legal basis are public on the portal's catalogue, and its withdrawal and review notes
 * are kept with its versions: none keeps a resident identity number (RULES.md §10); a company's credit code is no
 * such number.
 */
@IntegrationTest
class CatalogueTypedTextIT {

    private static final String CODE = "FREE_TEXT_HOLDS_IDENTITY_NUMBER";
    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");
    /** A valid unified social credit code of digits only, whose check character also fits GB 11643. */
    private static final String CREDIT_CODE = "914101057390124487";

    @Autowired
    Catalogue catalogue;

    @Autowired
    MockMvc mvc;

    @Test
    void anItemWhoseNameOrBasisHoldsANumberIsRefusedAndNotKept() throws Exception {
        String code = "P_TYPED_" + System.nanoTime() % 100000;
        for (ItemDefinition item : List.of(item(code, "测试事项 " + NUMBER, "《测试法》第一条"),
                item(code, "测试事项", "《测试法》第一条，经办人 " + NUMBER))) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("maker", () -> catalogue.draft(item, "新增")));
            assertThat(refused).as(item.toString()).isNotNull();
        }
        assertThat(catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> as("maker", () -> catalogue.draft(item(code, "测试事项", "《测试法》"), "据 " + NUMBER))).field())
                .isEqualTo("changeNote");
        assertThat(catalogue.history(code)).as("nothing kept").isEmpty();

        as("maker", () -> catalogue.draft(item(code, "测试事项", "《测试法》第一条；主管单位统一社会信用代码 "
                + CREDIT_CODE), "新增"));
        assertThat(catalogue.history(code)).singleElement()
                .satisfies(i -> assertThat(i.definition().legalBasis()).contains(CREDIT_CODE));
    }

    @Test
    void theItemFormRefusedForANumberShowsItsTextsAgainMasked() throws Exception {
        String code = "P_TYPED_FORM_" + System.nanoTime() % 100000;
        String page = mvc.perform(post("/console/catalog/draft").with(staff("catalog:edit")).with(csrf())
                        .param("creating", "true").param("code", code).param("name", "测试事项")
                        .param("subjectType", "PERSON").param("nature", "NEGATIVE")
                        .param("category", "ADMINISTRATIVE_PENALTY").param("domain", "GENERAL")
                        .param("sharing", "PUBLIC").param("severity", "GENERAL").param("updateCycle", "DAILY")
                        .param("usableForPunishment", "true").param("providers", "MARKET")
                        .param("legalBasis", "依据 " + NUMBER).param("fields", "facts|事实|TEXT|是|"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(CODE, "「法律法规依据」", "依据 " + Masking.identityNumber(NUMBER) + "</textarea>")
                .doesNotContain(NUMBER);
        assertThat(catalogue.history(code)).isEmpty();
    }

    /**
     * A field's label and its choices title and fill the columns of every record of the item, wherever it is shown:
     * neither keeps a resident identity number; a choice that is a long case or file number is no such number. The
     * form refused comes back with its field list masked.
     */
    @Test
    void aFieldLabelOrChoiceHoldingANumberIsRefusedAndACaseNumberIsNot() throws Exception {
        String code = "P_TYPED_FIELDS_" + System.nanoTime() % 100000;
        for (FieldDefinition field : List.of(FieldDefinition.text("agent", "经办人 " + NUMBER, false),
                new FieldDefinition("kind", "类别", FieldType.CHOICE, true, 0, List.of("本人", "代办人" + NUMBER)))) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("maker", () -> catalogue.draft(item(code, field), "新增")));
            assertThat(refused).as(field.toString()).isNotNull();
            assertThat(refused.code()).isEqualTo(CODE);
            assertThat(refused.field()).isEqualTo("fields");
        }
        assertThat(catalogue.history(code)).as("nothing kept").isEmpty();

        String page = mvc.perform(post("/console/catalog/draft").with(staff("catalog:edit")).with(csrf())
                        .param("creating", "true").param("code", code).param("name", "测试事项")
                        .param("subjectType", "PERSON").param("nature", "NEGATIVE")
                        .param("category", "ADMINISTRATIVE_PENALTY").param("domain", "GENERAL")
                        .param("sharing", "PUBLIC").param("severity", "GENERAL").param("updateCycle", "DAILY")
                        .param("usableForPunishment", "true").param("providers", "MARKET")
                        .param("legalBasis", "《测试法》第一条")
                        .param("fields", "facts|事实|TEXT|是|\nkind|类别|CHOICE|是|本人,代办人" + NUMBER))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(CODE, "「字段选项」", "kind|类别|CHOICE|是|本人,代办人" + Masking.identityNumber(NUMBER))
                .doesNotContain(NUMBER);
        assertThat(catalogue.history(code)).isEmpty();

        FieldDefinition caseNumbers = new FieldDefinition("case_batch", "（2026）豫1702执1234号 档案号 202603010000123456789",
                FieldType.CHOICE, false, 0, List.of("202603010000123456789", "CREDIT " + CREDIT_CODE));
        as("maker", () -> catalogue.draft(item(code, caseNumbers), "新增"));
        assertThat(catalogue.history(code)).singleElement().satisfies(i -> assertThat(i.definition().fields())
                .contains(caseNumbers));
    }

    @Test
    void aWithdrawalOrAReviewHoldingANumberIsRefusedAndTheItemStaysAsItWas() throws Exception {
        String code = "P_TYPED_WD_" + System.nanoTime() % 100000;
        as("maker", () -> catalogue.draft(item(code, "测试事项", "《测试法》第一条"), "新增"));
        as("maker", () -> {
            catalogue.submit(code);
            return null;
        });
        for (String note : List.of("同意 " + NUMBER, "退回 " + NUMBER)) {
            String page = mvc.perform(post("/console/catalog/{code}/" + (note.startsWith("同意") ? "approve" : "reject"),
                            code).with(staff("catalog:approve")).with(csrf()).param("version", "1").param("note", note))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(CODE, "id=\"note-refused\"").doesNotContain(NUMBER);
        }
        assertThat(catalogue.history(code)).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(CatalogueItem.Status.PENDING));
        as("checker", () -> {
            catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
            return null;
        });

        String page = mvc.perform(post("/console/catalog/{code}/withdraw", code).with(staff("catalog:edit"))
                        .with(csrf()).param("reason", "当事人 " + NUMBER + " 申请").param("basis", "《补充目录》"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(CODE, "id=\"reason-refused\"", "「废止理由」",
                "当事人 " + Masking.identityNumber(NUMBER) + " 申请</textarea>", "value=\"《补充目录》\"")
                .doesNotContain(NUMBER);
        assertThat(catalogue.history(code)).as("no withdrawal proposed").hasSize(1);
    }

    private static ItemDefinition item(String code, String name, String legalBasis) {
        return item(code, name, legalBasis, List.of(FieldDefinition.text("facts", "事实", true)));
    }

    private static ItemDefinition item(String code, FieldDefinition field) {
        return item(code, "测试事项", "《测试法》第一条", List.of(FieldDefinition.text("facts", "事实", true), field));
    }

    private static ItemDefinition item(String code, String name, String legalBasis, List<FieldDefinition> fields) {
        return new ItemDefinition(code, name, SubjectType.PERSON, Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY,
                Domain.GENERAL, fields, List.of("MARKET"), legalBasis, Sharing.PUBLIC, Severity.GENERAL, null, null,
                null, true, true, false, UpdateCycle.DAILY, false, null);
    }

    private static RequestPostProcessor staff(String permission) {
        return user("catalogue-staff").authorities(List.of("STAFF", "console:home", permission).stream()
                .map(SimpleGrantedAuthority::new).toList());
    }
}
