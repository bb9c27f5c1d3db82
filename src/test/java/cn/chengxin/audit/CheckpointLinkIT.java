package cn.chengxin.audit;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public site's footer leads to the signed checkpoints, for anyone to keep (RULES.md §10: records traceable). */
@IntegrationTest
class CheckpointLinkIT {

    @Autowired
    MockMvc mvc;

    @Test
    void everyPublicPageLinksToTheCheckpointsInItsFooter() throws Exception {
        for (String path : new String[] {"/", "/lists", "/catalog"}) {
            String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            String footer = page.substring(page.indexOf("<footer"));
            assertThat(footer).as(path).contains("href=\"/audit/checkpoints\"", "公开审计检查点");
        }
        String english = mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(english.substring(english.indexOf("<footer"))).contains("Public audit checkpoints");
    }
}
