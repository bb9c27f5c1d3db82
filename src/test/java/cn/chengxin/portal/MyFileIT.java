package cn.chengxin.portal;

import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 我的信用档案 as the person reads it about their own records. */
@IntegrationTest
class MyFileIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Catalogue catalogue;

    /**
     * Issue #4: each record shows the nature of the item version it was stored under. A later version making the item
     * neutral leaves a record stored before it a negative one (失信信息), while one stored after it is not.
     */
    @Test
    void eachRecordShowsTheNatureOfTheItemVersionItWasStoredUnder() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_MY_FILE_VER_", "按版本显示的行政处罚");
        TestCitizens.Person person = TestCitizens.register(subjects, "严本人");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), code, "驻市监罚〔2026〕851号");
        CatalogueVersions.draft(catalogue, CatalogueVersions.ofNature(catalogue.active(code).orElseThrow()
                .definition(), Nature.NEUTRAL));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), code, "驻市监罚〔2026〕852号");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();

        String page = mvc.perform(get("/me/file").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(row(page, "驻市监罚〔2026〕851号")).contains(">失信信息<").doesNotContain(">其他信息<");
        assertThat(row(page, "驻市监罚〔2026〕852号")).contains(">其他信息<").doesNotContain(">失信信息<");
    }

    /**
     * A statement refused (here too long) brings the person back to the form with the text as written, not an empty
     * one (issue #7), and adds nothing.
     */
    @Test
    void aRefusedStatementComesBackAsWritten() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "严声明");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        var citizen = authentication(Principals.citizen(subjects, subject));
        String text = "本人对信用档案中的记录说明如下：" + "相关罚款已于当月缴清，".repeat(50);

        var refused = mvc.perform(post("/me/statements").with(citizen).with(csrf()).param("text", text))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "STATEMENT_LENGTH"))
                .andExpect(flash().attribute("statementText", text)).andReturn();
        String page = mvc.perform(get("/me/file").with(citizen).with(cn.chengxin.support.Sessions.flashOf(refused)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(">" + text + "</textarea>").contains("STATEMENT_LENGTH");
        assertThat(page).doesNotContain("class=\"statement-text\"");
    }

    /** The row of the file's table that shows {@code decision}. */
    private static String row(String page, String decision) {
        String table = page.substring(page.indexOf("id=\"file\""), page.indexOf("</table>", page.indexOf("id=\"file\"")));
        return java.util.Arrays.stream(table.split("<tr")).filter(r -> r.contains(decision)).findFirst()
                .map(r -> r.substring(0, r.indexOf("</tr>"))).orElseThrow(() -> new AssertionError(decision
                        + " not shown"));
    }
}
