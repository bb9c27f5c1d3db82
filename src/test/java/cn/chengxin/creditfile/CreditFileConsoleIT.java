package cn.chengxin.creditfile;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 信用档案 refuses a mistyped number in the reader's language (K7, as G13 asks of every page's refusal): an English
 * reader was shown the Chinese domain message.
 */
@IntegrationTest
class CreditFileConsoleIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aMistypedNumberIsRefusedInTheReadersLanguage() throws Exception {
        String mistyped = TestCitizens.withWrongCheckCharacter("11010519491231002X");
        String english = mvc.perform(post("/console/file").param("lang", "en").param("number", mistyped)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(staff("档案员甲", "subject:read")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("ID_CHECKSUM", "Wrong check character (GB 11643-1999)")
                .doesNotContain("身份号码校验码不正确");
        String chinese = mvc.perform(post("/console/file").param("number", mistyped)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(staff("档案员甲", "subject:read")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("ID_CHECKSUM").contains("身份号码校验码不正确").doesNotContain("Wrong check character");
    }
}
