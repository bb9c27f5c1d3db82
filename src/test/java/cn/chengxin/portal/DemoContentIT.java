package cn.chengxin.portal;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo's public site shows typical cases, labelled synthetic, published by a second person like any other. */
@IntegrationTest
class DemoContentIT {

    @Autowired
    ContentPublishing content;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoPublishesLabelledCasesOnceThroughMakerChecker() throws Exception {
        DemoContent demo = new DemoContent(content, directory);
        demo.ensure();

        var published = content.all(ArticleStatus.PUBLISHED).stream()
                .filter(a -> a.body().startsWith(DemoContent.LABEL)).toList();
        assertThat(published).extracting(a -> a.kind()).contains(ArticleKind.CASE, ArticleKind.POLICY);
        assertThat(published).allSatisfy(a -> {
            assertThat(a.createdBy()).isEqualTo("clerk");
            assertThat(a.reviewedBy()).isEqualTo("reviewer");
        });
        assertThat(published).allSatisfy(a -> assertThat(ArticleText.paragraphs(a.body())).first()
                .as("the label stands alone").isEqualTo(DemoContent.LABEL));
        assertThat(demo.ensure()).as("written once").isZero();
        mvc.perform(get("/cases")).andExpect(status().isOk())
                .andExpect(content().string(containsString("失信被执行人履行义务后完成信用修复（演示案例）")));
    }
}
