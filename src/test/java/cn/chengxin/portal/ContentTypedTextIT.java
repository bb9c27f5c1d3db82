package cn.chengxin.portal;

import java.util.List;

import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.UniqueText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Issue #5: a typical case or an article goes to the public site as written, so neither its texts nor its review
 * notes keep a resident identity number (RULES.md §10); a company's credit code is no such number.
 */
@IntegrationTest
class ContentTypedTextIT {

    private static final String CODE = "FREE_TEXT_HOLDS_IDENTITY_NUMBER";
    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");
    /** A valid unified social credit code of digits only, whose check character also fits GB 11643. */
    private static final String CREDIT_CODE = "914101057390124487";

    @Autowired
    ContentPublishing content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void anArticleWhoseTextHoldsANumberIsRefusedAndNothingIsKept() throws Exception {
        String title = "守信激励典型案例" + UniqueText.next();
        for (ArticleText text : List.of(new ArticleText(ArticleKind.CASE, title + " " + NUMBER, "", "正文"),
                new ArticleText(ArticleKind.CASE, title, "当事人 " + NUMBER, "正文"),
                new ArticleText(ArticleKind.CASE, title, "", "当事人身份证号 " + NUMBER + " 主动履行"))) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("writer", () -> content.draft(text)));
            assertThat(refused).as(text.toString()).isNotNull();
        }
        assertThat(articlesTitled(title + "%")).as("nothing kept").isZero();

        Article draft = as("writer", () -> content.draft(new ArticleText(ArticleKind.CASE, title, "",
                "某公司（统一社会信用代码 " + CREDIT_CODE + "）主动纠正失信行为")));
        TypedText.HoldsIdentityNumber edited = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> as("writer", () -> {
                    content.edit(draft.id(), draft.version(), new ArticleText(ArticleKind.CASE, title, "",
                            "法定代表人 " + NUMBER));
                    return null;
                }));
        assertThat(edited.field()).isEqualTo("body");
        assertThat(content.find(draft.id()).orElseThrow().body()).contains(CREDIT_CODE).doesNotContain(NUMBER);
    }

    @Test
    void theFormRefusedForANumberShowsTheTextAgainMaskedBesideTheField() throws Exception {
        String title = "诚信经营典型案例" + UniqueText.next();
        String page = mvc.perform(post("/console/content").with(staff("content:edit")).with(csrf())
                        .param("kind", "CASE").param("title", title).param("summary", "摘要")
                        .param("body", "当事人 " + NUMBER + " 主动履行"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(CODE, "id=\"body-refused\"", "「正文」", title,
                "当事人 " + Masking.identityNumber(NUMBER) + " 主动履行</textarea>").doesNotContain(NUMBER);
        assertThat(articlesTitled(title)).isZero();
    }

    @Test
    void aReviewNoteHoldingANumberIsRefusedAndTheArticleWaitsAsItWas() throws Exception {
        String title = "信用修复典型案例" + UniqueText.next();
        Article draft = as("writer", () -> content.draft(new ArticleText(ArticleKind.CASE, title, "", "正文")));
        as("writer", () -> {
            content.submit(draft.id(), draft.version());
            return null;
        });
        int pending = content.find(draft.id()).orElseThrow().version();

        String page = mvc.perform(post("/console/content/{id}/reject", draft.id()).with(staff("content:publish"))
                        .with(csrf()).param("version", Integer.toString(pending)).param("note", "核实 " + NUMBER))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(CODE, "id=\"note-refused\"", "「退回理由」",
                "value=\"核实 " + Masking.identityNumber(NUMBER) + "\"").doesNotContain(NUMBER);
        TypedText.HoldsIdentityNumber published = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> as("checker", () -> {
                    content.publish(draft.id(), pending, "同意 " + NUMBER, true);
                    return null;
                }));
        assertThat(published.field()).isEqualTo("note");
        Article waiting = content.find(draft.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(ArticleStatus.PENDING);
        assertThat(waiting.version()).isEqualTo(pending);

        as("checker", () -> {
            content.publish(draft.id(), pending, "同意发布，涉及企业 " + CREDIT_CODE, true);
            return null;
        });
        assertThat(content.published(draft.id())).isPresent();
    }

    private long articlesTitled(String pattern) {
        return jdbc.sql("SELECT count(*) FROM portal.article WHERE title LIKE ?").param(pattern).query(Long.class)
                .single();
    }

    private static RequestPostProcessor staff(String permission) {
        return user("content-staff").authorities(List.of("STAFF", "console:home", permission).stream()
                .map(SimpleGrantedAuthority::new).toList());
    }
}
