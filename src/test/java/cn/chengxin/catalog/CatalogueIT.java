package cn.chengxin.catalog;

import java.util.List;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalogue on the real database: seeded, versioned, maker-checker, forbidden data refused. */
@IntegrationTest
class CatalogueIT {

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Test
    void theBaseCatalogueIsActiveFromTheFirstStart() throws Exception {
        assertThat(catalogue.active()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalogue.active("P_COURT_DEFAULTER")).get()
                .satisfies(i -> assertThat(i.definition().legalBasis()).contains("法释〔2017〕7号"));
        mvc.perform(get("/api/v1/catalog/items")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.definition.code == 'P_BLOOD_DONATION')].definition.nature").value("GOOD"))
                .andExpect(jsonPath("$[?(@.definition.code == 'P_COURT_DEFAULTER')].definition.sharedUpward")
                        .value(true))
                .andExpect(jsonPath("$[?(@.definition.code == 'P_ADMIN_PENALTY_MINOR')].definition.sharedUpward")
                        .value(false));
        mvc.perform(get("/catalog")).andExpect(status().isOk())
                .andExpect(content().string(containsString("失信被执行人信息")));
        // Recorded as a code with the count, which the audit log names in the reader's language (K7).
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'catalog.seed'").query(String.class)
                .single()).isEqualTo("reason=CATALOG_SEEDED; items="
                        + cn.chengxin.catalog.domain.BaseCatalogue.items().size());
    }

    /**
     * Gaps review xxx L6: the base catalogue has a licence item for persons, published (公开公示) as the other half of
     * 双公示, not usable to punish or score by; the item form tells the editor on which public page a 公开公示 item's
     * records appear.
     */
    @Test
    void theBaseCatalogueHasAPersonsLicenceAndTheFormSaysWhereAPublicItemAppears() throws Exception {
        ItemDefinition licence = catalogue.active("P_ADMIN_LICENCE").orElseThrow().definition();
        assertThat(licence.subjectType()).isEqualTo(SubjectType.PERSON);
        assertThat(licence.nature()).isEqualTo(Nature.BASIC);
        assertThat(licence.category()).isEqualTo(Category.ADMINISTRATIVE_LICENSING);
        assertThat(licence.sharing()).isEqualTo(Sharing.PUBLIC);
        assertThat(licence.legalBasis()).contains("《中华人民共和国行政许可法》第四十条");
        assertThat(licence.usableForPunishment() || licence.usableForScoring()).isFalse();
        assertThat(cn.chengxin.catalog.domain.PublicPage.of(licence))
                .contains(cn.chengxin.catalog.domain.PublicPage.LICENCES);

        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        String form = mvc.perform(get("/console/catalog/P_ADMIN_LICENCE/edit").with(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"sharing-hint\"", "“失信信息公示”", "“守信信息公示”", "“行政许可公示”");
        assertThat(mvc.perform(get("/console/catalog/P_ADMIN_LICENCE/edit").param("lang", "en").with(clerk))
                .andReturn().getResponse().getContentAsString())
                .contains("Published licences", "Published good records");
    }

    /**
     * The public catalogue names an item's subject type, nature, severity and sharing in the reader's language (issue
     * #5); in Chinese, the default, as before.
     */
    @Test
    void thePublicCatalogueNamesAttributesInTheReadersLanguage() throws Exception {
        String english = mvc.perform(get("/catalog").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("<td>Natural person</td>", "<td>Dishonesty information (Serious)</td>",
                        "<td>Public disclosure</td>")
                .doesNotContain("<td>自然人</td>", "<td>失信信息", "<td>公开公示</td>", "<td>授权查询</td>");
        String chinese = mvc.perform(get("/catalog")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(chinese).contains("<td>自然人</td>", "<td>失信信息（严重）</td>", "<td>公开公示</td>");
    }

    /**
     * Issue #4: the public catalogue gives no publication period for an item whose records are not published (a minor
     * penalty normally is not, RULES.md §4; nor is an item shared with government bodies or by authorised query only),
     * and names each item's providing departments from the directory; a code it lacks is left out (staff pages flag it).
     */
    @Test
    void thePublicCatalogueSaysWhatIsNotPublishedAndNamesWhoProvidesEachItem() throws Exception {
        String gone = "QCAT" + (System.nanoTime() % 100000);
        directory.createDepartment(gone, "已除名目录测试局", Department.Kind.DATA_PROVIDER, List.of());
        String code = "P_PROVIDED_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(new ItemDefinition(code, "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", true)),
                List.of("MARKET", gone), "《测试法》第一条", Sharing.PUBLIC, Severity.GENERAL, null, null, null, true,
                true, false, UpdateCycle.DAILY, false, null), "新增");
        catalogue.submit(code);
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM account.department WHERE code = ?").param(gone).update();

        String page = mvc.perform(get("/catalog")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(publicRow(page, "P_ADMIN_PENALTY_MINOR")).contains("<td>政务共享</td>", "<td>不公示</td>")
                .doesNotContain("最长");
        assertThat(publicRow(page, "P_TAX_ARREARS")).contains("<td>不公示</td>", "市税务局");
        assertThat(publicRow(page, "P_STUDENT_LOAN_DEFAULT")).as("authorised query only")
                .contains("<td>授权查询</td>", "<td>不公示</td>", "市教育局");
        assertThat(publicRow(page, "P_ADMIN_PENALTY_GENERAL")).contains("最长", "市市场监督管理局", "市公安局", "市生态环境局")
                .doesNotContain("不公示", ">MARKET<", ">PUBLIC_SECURITY<", ">ECOLOGY<", "未登记的单位代码");
        assertThat(publicRow(page, code)).as("a code the directory lacks is not for citizens to read")
                .contains(">市市场监督管理局<").doesNotContain(gone, "未登记的单位代码");
        String english = mvc.perform(get("/catalog").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(publicRow(english, "P_ADMIN_PENALTY_MINOR")).contains("<td>Not published</td>");
    }

    /** The public catalogue's row of an item in force. */
    private static String publicRow(String page, String code) {
        int at = page.indexOf("data-code=\"" + code + "\"");
        assertThat(at).as(code + " on the public catalogue").isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void aChangeIsANewVersionApprovedByAnotherPersonAndTheOldOneIsKept() {
        String code = "P_TEST_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, "《测试法》第一条"), "新增");
        catalogue.submit(code);
        assertThatThrownBy(() -> catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "自己审核"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'catalog.approve' AND result = 'DENIED' "
                + "AND detail LIKE ?").param("%item=" + code + ";%").query(String.class).single())
                .isEqualTo("reason=CATALOG_OWN_VERSION; item=" + code + "; version=1");
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        assertThat(catalogue.active(code)).get().extracting(CatalogueItem::version).isEqualTo(1);

        as("maker");
        catalogue.draft(item(code, "《测试法》第二条"), "依据修订");
        catalogue.submit(code);
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        List<CatalogueItem> history = catalogue.history(code);
        assertThat(history).extracting(CatalogueItem::version, CatalogueItem::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.ACTIVE),
                org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.RETIRED));
        assertThat(history.get(1).definition().legalBasis()).as("history is not rewritten").isEqualTo("《测试法》第一条");
        assertThat(history.get(0).submittedBy()).isEqualTo("maker");
        assertThat(history.get(0).decidedBy()).isEqualTo("checker");
        // The database refuses an active version approved by its submitter too.
        assertThatThrownBy(() -> jdbc.sql("UPDATE catalog.item SET decided_by = submitted_by WHERE code = ? "
                + "AND status = 'ACTIVE'").param(code).update()).hasMessageMatching(
                "(?s).*(item_four_eyes|item_editor_not_checker).*");
        SecurityContextHolder.clearContext();
    }

    @Test
    void whoeverRewroteADraftCannotApproveItEvenWhenAnotherSubmittedIt() {
        String code = "P_EDITED_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, "《测试法》第一条"), "新增");
        as("rewriter");
        catalogue.draft(item(code, "《测试法》第三条"), "改写依据");
        as("maker");
        catalogue.submit(code);
        as("rewriter");
        assertThatThrownBy(() -> catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        assertThat(catalogue.history(code).get(0).editors()).containsExactly("maker", "rewriter");
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        // The database refuses an active version approved by one of its editors too.
        assertThatThrownBy(() -> jdbc.sql("UPDATE catalog.item SET decided_by = 'rewriter' WHERE code = ? "
                + "AND status = 'ACTIVE'").param(code).update()).hasMessageContaining("item_editor_not_checker");
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutLegalBasisAnItemCannotBeSubmittedAndForbiddenFieldsCannotBeDrafted() {
        String code = "P_NOBASIS_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, ""), "草稿");
        assertThatThrownBy(() -> catalogue.submit(code)).isInstanceOf(CatalogueViolations.class)
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("LEGAL_BASIS_MISSING");
        ItemDefinition withBloodType = new ItemDefinition(code + "_B", "健康自述", SubjectType.PERSON, Nature.NEUTRAL,
                Category.SELF_DECLARED, Domain.GENERAL, List.of(FieldDefinition.text("blood", "血型", false)),
                List.of("HEALTH"), "某法", Sharing.GOVERNMENT, null, null, null, null, false, false,
                false, UpdateCycle.DAILY, false, null);
        assertThatThrownBy(() -> catalogue.draft(withBloodType, "")).extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("FIELD_FORBIDDEN");
        ItemDefinition deposits = new ItemDefinition(code + "_D", "个人存款信息", SubjectType.PERSON, Nature.NEUTRAL,
                Category.SELF_DECLARED, Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", false)),
                List.of("MARKET"), "某法", Sharing.GOVERNMENT, null, null, null, null, false, false,
                false, UpdateCycle.DAILY, false, null);
        assertThatThrownBy(() -> catalogue.draft(deposits, "")).extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("ITEM_FORBIDDEN");
        ItemDefinition infectious = new ItemDefinition(code + "_I", "健康承诺", SubjectType.PERSON, Nature.NEUTRAL,
                Category.SELF_DECLARED, Domain.GENERAL, List.of(FieldDefinition.text("ill", "是否患有传染病", false)),
                List.of("MARKET"), "某法", Sharing.GOVERNMENT, null, null, null, null, false, false,
                false, UpdateCycle.DAILY, false, null);
        assertThatThrownBy(() -> catalogue.draft(infectious, "")).extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("FIELD_FORBIDDEN");
        assertThat(catalogue.history(code + "_D")).isEmpty();
        SecurityContextHolder.clearContext();
    }

    @Test
    void theConsoleMarksAnItemSharedUpwardInANewVersionAndKeepsTheOldOneUnmarked() throws Exception {
        String code = approvedItem("P_UP_");
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        mvc.perform(get("/console/catalog/" + code + "/edit").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"sharedUpward\"")))
                .andExpect(content().string(containsString("向上级平台共享")));
        mvc.perform(itemForm(code, "PUBLIC").with(clerk).param("sharedUpward", "true")
                        .param("changeNote", "报送上级平台"))
                .andExpect(status().is3xxRedirection());
        as("maker");
        catalogue.submit(code);
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        SecurityContextHolder.clearContext();
        List<CatalogueItem> history = catalogue.history(code);
        assertThat(history).extracting(i -> i.definition().sharedUpward()).containsExactly(true, false);
        assertThat(jdbc.sql("SELECT shared_upward FROM catalog.item WHERE code = ? ORDER BY version")
                .param(code).query(Boolean.class).list()).containsExactly(false, true);
        mvc.perform(get("/console/catalog/" + code).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("向上级平台共享")));
        mvc.perform(itemForm(code, "AUTHORISED_QUERY").with(clerk).param("sharedUpward", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("UPWARD_NOT_FOR_AUTHORISED_QUERY")));
    }

    @Test
    void aNewItemSentBackIsListedAndReworkedFromTheTextTheCheckerRefused() throws Exception {
        String code = "P_SENTBACK_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, "《测试法》第九条"), "新增");
        catalogue.submit(code);
        as("checker");
        catalogue.reject(code, CatalogueVersions.pending(catalogue, code), "依据条款有误");
        SecurityContextHolder.clearContext();
        var clerk = user("maker").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));

        mvc.perform(get("/console/catalog").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/console/catalog/" + code).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("依据条款有误")))
                .andExpect(content().string(containsString("/console/catalog/" + code + "/edit")));
        mvc.perform(get("/console/catalog/" + code + "/edit").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("《测试法》第九条")));
        as("maker");
        catalogue.draft(item(code, "《测试法》第十条"), "按退回意见修改");
        SecurityContextHolder.clearContext();
        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.REJECTED));
    }

    /**
     * An auditor reads what an old version said (its legal basis, fields and periods) and who proposed and approved
     * it, from the item's history: each row links to its version, which is shown read-only.
     */
    @Test
    void anAuditorReadsAnOldVersionFromTheItemsHistory() throws Exception {
        String code = approvedItem("P_OLD_");
        as("maker");
        catalogue.draft(new ItemDefinition(code, "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(FieldDefinition.text("facts", "违法事实", true)),
                List.of("MARKET"), "《测试法》第二条", Sharing.PUBLIC, Severity.GENERAL, 6, 12, null, true, true, false,
                UpdateCycle.DAILY, false, null), "依据修订");
        catalogue.submit(code);
        as("reviewer");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意修订");
        SecurityContextHolder.clearContext();
        var auditor = user("auditor").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"));

        assertThat(page(get("/console/catalog/" + code).with(auditor)))
                .contains("href=\"/console/catalog/" + code + "/v/1\"", "href=\"/console/catalog/" + code + "/v/2\"");
        String old = page(get("/console/catalog/" + code + "/v/1").with(auditor));
        assertThat(old).contains("《测试法》第一条", ">事实</td>", "最短 3 个月，最长 12 个月", "已被新版本取代 v1",
                        "maker", "checker", "同意")
                .doesNotContain("《测试法》第二条", ">违法事实</td>", "/console/catalog/" + code + "/edit",
                        "/console/catalog/" + code + "/approve");
        assertThat(page(get("/console/catalog/" + code + "/v/2").with(auditor)))
                .contains("《测试法》第二条", ">违法事实</td>", "最短 6 个月，最长 12 个月", "已启用 v2", "reviewer",
                        "同意修订");
        mvc.perform(get("/console/catalog/" + code + "/v/3").with(auditor)).andExpect(status().isNotFound());
    }

    /**
     * The providing departments are departments of the directory: the form offers them by name, a code no department
     * has is refused (a typo would activate an item nobody can submit to), and pages show names beside the codes.
     */
    @Test
    void aClerkChoosesProvidersAmongTheDepartmentsAndAnUnknownCodeIsRefused() throws Exception {
        String code = approvedItem("P_REMIT_");
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        assertThat(page(get("/console/catalog/" + code + "/edit").with(clerk)))
                .contains("name=\"providers\" value=\"MARKET\" checked", "市市场监督管理局",
                        "name=\"providers\" value=\"TAX\"", "市税务局");

        mvc.perform(post("/console/catalog/draft").with(clerk).with(csrf()).param("code", code)
                        .param("name", "测试事项").param("subjectType", "PERSON").param("nature", "NEGATIVE")
                        .param("category", "ADMINISTRATIVE_PENALTY").param("domain", "GENERAL")
                        .param("sharing", "PUBLIC").param("severity", "GENERAL").param("updateCycle", "DAILY")
                        .param("usableForPunishment", "true").param("providers", "MARKT")
                        .param("legalBasis", "《测试法》第一条").param("fields", "facts|事实|TEXT|是|"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("PROVIDER_UNKNOWN")))
                .andExpect(content().string(containsString("MARKT")));
        assertThatThrownBy(() -> {
            as("maker");
            catalogue.draft(new ItemDefinition(code, "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                    Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", true)),
                    List.of("MARKT"), "《测试法》第一条", Sharing.PUBLIC, Severity.GENERAL, null, null, null, true, true,
                    false, UpdateCycle.DAILY, false, null), "");
        }).extracting(e -> ((DomainProblem) e).code()).isEqualTo("PROVIDER_UNKNOWN");
        SecurityContextHolder.clearContext();

        mvc.perform(post("/console/catalog/draft").with(clerk).with(csrf()).param("code", code)
                        .param("name", "测试事项").param("subjectType", "PERSON").param("nature", "NEGATIVE")
                        .param("category", "ADMINISTRATIVE_PENALTY").param("domain", "GENERAL")
                        .param("sharing", "PUBLIC").param("severity", "GENERAL").param("updateCycle", "DAILY")
                        .param("usableForPunishment", "true").param("providers", "MARKET", "TAX")
                        .param("legalBasis", "《测试法》第一条").param("fields", "facts|事实|TEXT|是|"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalogue.history(code).get(0).definition().providers()).containsExactly("MARKET", "TAX");
        assertThat(page(get("/console/catalog/" + code).with(clerk))).contains("市市场监督管理局", "市税务局");
    }

    /** An item seeded before its departments were set up keeps their codes when a clerk revises it. */
    @Test
    void aRevisionKeepsTheCodesOfTheVersionInForce() {
        ItemDefinition general = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        assertThat(general.providers()).contains("ECOLOGY");
        as("maker");
        CatalogueItem draft = catalogue.draft(general, "核对");
        assertThat(draft.definition().providers()).isEqualTo(general.providers());
        catalogue.discard("P_ADMIN_PENALTY_GENERAL", "测试后放弃");
        SecurityContextHolder.clearContext();
    }

    /** The console names an item's subject type, nature, category and other attributes in the reader's language. */
    @Test
    void theConsoleNamesAnItemsAttributesInTheReadersLanguage() throws Exception {
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        String item = "/console/catalog/P_COURT_DEFAULTER";
        assertThat(page(get(item).param("lang", "en").with(clerk)))
                .contains(">Natural person</dd>", ">Dishonesty information</dd>",
                        ">Judicial rulings and enforcement</dd>", ">Judicial proceedings</dd>", ">Serious</dd>",
                        ">Public disclosure</dd>", ">Daily</dd>", ">Text</td>", ">Choice：全部未履行、部分未履行</td>")
                .doesNotContain(">自然人</dd>", ">失信信息</dd>", ">公开公示</dd>", ">文本</td>");
        // Whether a field is required, too (issue #4: no 是/否 written into the template).
        assertThat(page(get(item).param("lang", "en").with(clerk))).contains(">Yes</td>").doesNotContain(">是</td>");
        // Who repairs it (RULES.md §7): the court that listed the person, not the platform.
        assertThat(page(get(item).param("lang", "en").with(clerk))).contains(">By the court that decided it");
        assertThat(page(get(item).with(clerk))).contains(">由作出决定的人民法院办理");
        assertThat(page(get(item).with(clerk)))
                .contains(">自然人</dd>", ">失信信息</dd>", ">司法裁判及执行信息</dd>", ">司法诉讼</dd>", ">严重</dd>",
                        ">公开公示</dd>", ">每日</dd>", ">文本</td>", ">选项：全部未履行、部分未履行</td>", ">是</td>");
        assertThat(page(get("/console/catalog").param("lang", "en").with(clerk)))
                .contains(">Dishonesty information</td>", ">Public disclosure</td>")
                .doesNotContain(">失信信息</td>", ">公开公示</td>");
        assertThat(page(get("/console/catalog").with(clerk))).contains(">失信信息</td>", ">公开公示</td>");
        assertThat(page(get(item + "/edit").param("lang", "en").with(clerk)))
                .contains(">Authorised query only</option>", ">Culture and tourism</option>", ">Quarterly</option>")
                .doesNotContain(">授权查询</option>", ">文化旅游</option>", ">每季度</option>");
        assertThat(page(get(item + "/edit").with(clerk)))
                .contains(">授权查询</option>", ">文化旅游</option>", ">每季度</option>");
    }

    /**
     * A period outside the national defaults of the item's severity (RULES.md §4) is allowed, as sector rules and
     * local laws differ, but shown: the form and the pages give the national defaults beside the periods, and warn
     * the maker and, before approving, the checker of the departure. The seeded items follow the defaults.
     */
    @Test
    void aPeriodDepartingFromTheNationalDefaultsIsShownToTheCheckerBeforeApproval() throws Exception {
        String code = approvedItem("P_LONG_");
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        var checker = user("checker").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:approve"));
        String seeded = page(get("/console/catalog/P_ADMIN_PENALTY_GENERAL").with(clerk));
        assertThat(seeded).contains("全国规定：最短 3 个月，最长 12 个月").doesNotContain("data-departures");
        assertThat(page(get("/console/catalog/P_ADMIN_PENALTY_GENERAL/edit").with(clerk)))
                .contains("全国规定：最短 3 个月，最长 12 个月").doesNotContain("data-departures");

        mvc.perform(itemForm(code, "PUBLIC").with(clerk).param("publicationMaxMonths", "60")
                        .param("changeNote", "按行业规定公示 5 年"))
                .andExpect(status().is3xxRedirection());
        String departure = "最长公示期限 60 个月，长于全国规定的一般失信信息最长 12 个月";
        assertThat(page(get("/console/catalog/" + code + "/edit").with(clerk))).contains("data-departures", departure);
        as("maker");
        catalogue.submit(code);
        SecurityContextHolder.clearContext();

        String review = page(get("/console/catalog/" + code).with(checker));
        assertThat(review.substring(0, review.indexOf("data-version=\"1\"")))
                .contains("data-status=\"PENDING\"", "全国规定：最短 3 个月，最长 12 个月", departure,
                        "/console/catalog/" + code + "/approve");
        assertThat(page(get("/console/catalog/" + code + "/v/2").with(checker))).contains(departure);
        assertThat(page(get("/console/catalog/" + code + "/v/1").with(checker))).doesNotContain("data-departures");
        assertThat(page(get("/console/catalog/" + code).param("lang", "en").with(checker)))
                .contains("National rule: at least 3 months, at most 12 months");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theConsoleFormShowsEveryProblemAtOnce() throws Exception {
        mvc.perform(post("/console/catalog/draft").with(user("clerk").authorities(
                                new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("catalog:edit")))
                        .with(csrf()).param("creating", "true").param("code", "p bad").param("name", "x")
                        .param("subjectType", "PERSON").param("nature", "NEGATIVE").param("category", "JUDICIAL")
                        .param("domain", "GENERAL").param("sharing", "PUBLIC").param("updateCycle", "DAILY")
                        .param("fields", "income|月收入|DECIMAL|否|\nbroken line"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("FIELD_LINE_FORMAT")));
        mvc.perform(post("/console/catalog/draft").with(user("clerk").authorities(
                                new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("catalog:edit")))
                        .with(csrf()).param("creating", "true").param("code", "p bad").param("name", "x")
                        .param("subjectType", "PERSON").param("nature", "NEGATIVE").param("category", "JUDICIAL")
                        .param("domain", "GENERAL").param("sharing", "PUBLIC").param("updateCycle", "DAILY")
                        .param("fields", "income|月收入|DECIMAL|否|"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("FIELD_FORBIDDEN")))
                .andExpect(content().string(containsString("ITEM_CODE_FORMAT")))
                .andExpect(content().string(containsString("SEVERITY_REQUIRED")));
    }

    /** The clerk reads which field was refused and what it would hold; wage arrears are no income (issue #4). */
    @Test
    void theConsoleFormNamesTheRefusedFieldAndWhatItWouldHold() throws Exception {
        mvc.perform(draftInConsole("arrears|拖欠工资及个人收入|DECIMAL|否|"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "字段「拖欠工资及个人收入」属于禁止采集的信息（个人收入，《征信业管理条例》第十四条）")));
        mvc.perform(draftInConsole("arrears|拖欠工资金额（元）|DECIMAL|否|"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ITEM_CODE_FORMAT")))
                .andExpect(content().string(not(containsString("FIELD_FORBIDDEN"))));
    }

    /** A draft the form refuses for its code, so that only the problems are looked at. */
    private static MockHttpServletRequestBuilder draftInConsole(String fields) {
        return post("/console/catalog/draft").with(user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("catalog:edit")))
                .with(csrf()).param("creating", "true").param("code", "p bad").param("name", "拖欠工资")
                .param("subjectType", "ORGANISATION").param("nature", "NEGATIVE").param("category", "JUDICIAL")
                .param("domain", "GENERAL").param("sharing", "PUBLIC").param("updateCycle", "DAILY")
                .param("fields", fields);
    }

    @Test
    void aWithdrawalIsAVersionProposedByOnePersonAndApprovedByAnother() {
        String code = approvedItem("P_WITHDRAWN_");
        as("proposer");
        assertThatThrownBy(() -> catalogue.proposeWithdrawal(code, " ", "《补充目录》"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("WITHDRAWAL_REASON_MISSING");
        CatalogueItem proposed = catalogue.proposeWithdrawal(code, "目录修订后不再列入", REVISION);
        assertThat(proposed.status()).isEqualTo(CatalogueItem.Status.PENDING);
        assertThat(proposed.withdrawal().basis()).isEqualTo(REVISION);
        assertThat(proposed.definition()).isEqualTo(catalogue.active(code).orElseThrow().definition());
        assertThatThrownBy(() -> catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "自己审核"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        assertThat(catalogue.active(code)).get().satisfies(i -> {
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.withdrawn()).as("not before a second person approves").isFalse();
        });

        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意废止");
        assertThat(catalogue.active(code)).as("still in force for the records collected under it").get()
                .satisfies(i -> {
                    assertThat(i.version()).isEqualTo(2);
                    assertThat(i.withdrawn()).isTrue();
                    assertThat(i.createdBy()).isEqualTo("proposer");
                    assertThat(i.decidedBy()).isEqualTo("checker");
                    assertThat(i.withdrawal().reason()).isEqualTo("目录修订后不再列入");
                });
        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "WITHDRAWN"), org.assertj.core.groups.Tuple.tuple(1, "RETIRED"));
        assertThatThrownBy(() -> catalogue.proposeWithdrawal(code, "再次废止", REVISION))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ITEM_WITHDRAWN");
        as("maker");
        assertThatThrownBy(() -> catalogue.draft(item(code, "《测试法》第二条"), "恢复"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ITEM_WITHDRAWN");
        SecurityContextHolder.clearContext();

        // The database refuses a withdrawal approved by its proposer, and one without its basis.
        assertThatThrownBy(() -> jdbc.sql("UPDATE catalog.item SET decided_by = 'proposer' WHERE code = ? "
                + "AND status = 'ACTIVE'").param(code).update()).hasMessageMatching(
                "(?s).*(item_four_eyes|item_editor_not_checker).*");
        assertThatThrownBy(() -> jdbc.sql("UPDATE catalog.item SET withdrawal_basis = ' ' WHERE code = ? "
                + "AND status = 'ACTIVE'").param(code).update()).hasMessageContaining("item_withdrawal_reasoned");
        assertThat(jdbc.sql("SELECT action || ' ' || result || ' ' || coalesce(purpose, '') || ' '"
                        + " || coalesce(legal_basis, '') FROM audit.event WHERE action LIKE 'catalog.withdraw.%' "
                        + "AND detail LIKE ? ORDER BY seq").param("%item=" + code + ";%").query(String.class).list())
                .containsExactly("catalog.withdraw.propose SUCCESS 目录修订后不再列入 " + REVISION,
                        "catalog.withdraw.approve DENIED  ",
                        "catalog.withdraw.approve SUCCESS 目录修订后不再列入 " + REVISION);
    }

    @Test
    void aWithdrawalWaitsForTheVersionBeingPreparedAndMayBeSentBack() {
        String code = approvedItem("P_KEPT_");
        as("maker");
        catalogue.draft(item(code, "《测试法》第二条"), "依据修订");
        assertThatThrownBy(() -> catalogue.proposeWithdrawal(code, "目录修订后不再列入", REVISION))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ITEM_IN_PREPARATION");
        catalogue.submit(code);
        as("checker");
        catalogue.reject(code, CatalogueVersions.pending(catalogue, code), "依据未变");

        as("proposer");
        catalogue.proposeWithdrawal(code, "目录修订后不再列入", REVISION);
        as("checker");
        catalogue.reject(code, CatalogueVersions.pending(catalogue, code), "修订目录仍保留该事项");
        SecurityContextHolder.clearContext();
        assertThat(catalogue.active(code)).get().satisfies(i -> {
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.withdrawn()).isFalse();
        });
        assertThat(catalogue.history(code)).extracting(CatalogueItem::state)
                .containsExactly("WITHDRAWAL_REJECTED", "REJECTED", "ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'catalog.withdraw.reject' AND detail = ?")
                .param(code + " v3").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void inTheConsoleOneProposesAWithdrawalAnotherApprovesAndTheItemStaysListedAsWithdrawn() throws Exception {
        String code = approvedItem("P_CONSOLE_WD_");
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"),
                new SimpleGrantedAuthority("catalog:approve"));
        var checker = user("checker").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:approve"));
        String page = "/console/catalog/" + code;

        mvc.perform(get(page).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"" + page + "/withdraw\"")));
        mvc.perform(get(page).with(checker)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(page + "/withdraw"))));
        mvc.perform(post(page + "/withdraw").with(clerk).with(csrf()).param("reason", "").param("basis", REVISION))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "WITHDRAWAL_REASON_MISSING"));
        mvc.perform(post(page + "/withdraw").with(clerk).with(csrf()).param("reason", "目录修订后不再列入")
                        .param("basis", REVISION))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "catalog.withdrawalProposed"));
        mvc.perform(get(page).with(checker)).andExpect(status().isOk())
                .andExpect(content().string(containsString("废止待审核 v2")))
                .andExpect(content().string(containsString("审核通过并废止")))
                .andExpect(content().string(containsString(REVISION)));
        mvc.perform(post(page + "/approve").with(clerk).with(csrf()).param("version", "2"))
                .andExpect(flash().attribute("failureCode", "FOUR_EYES"));
        mvc.perform(post(page + "/approve").with(checker).with(csrf()).param("version", "2"))
                .andExpect(flash().attribute("successKey", "catalog.withdrawalApproved"));

        mvc.perform(get("/console/catalog").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"" + code + "\" data-state=\"WITHDRAWN\"")))
                .andExpect(content().string(containsString("已废止 v2")));
        mvc.perform(get(page).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已废止 v2")))
                .andExpect(content().string(containsString("废止理由：目录修订后不再列入；依据：" + REVISION)))
                .andExpect(content().string(containsString("clerk 提出，checker 于")))
                .andExpect(content().string(not(containsString(page + "/withdraw"))))
                .andExpect(content().string(not(containsString(page + "/edit"))));
        mvc.perform(get(page).with(clerk).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdrawn v2")))
                .andExpect(content().string(containsString("Proposed by clerk, approved by checker on")));
        mvc.perform(get(page + "/edit").with(clerk)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "ITEM_WITHDRAWN"));
    }

    /**
     * A checker's decision is bound to the version they read: one opens v2 pending, another sends it back, the maker
     * proposes a withdrawal (v3), and the first checker's click, on the page still showing v2, decides nothing.
     */
    @Test
    void aCheckersStaleClickDecidesNotTheVersionSubmittedSinceTheyRead() throws Exception {
        String code = approvedItem("P_STALE_");
        as("maker");
        catalogue.draft(item(code, "《测试法》第二条"), "依据修订");
        catalogue.submit(code);
        SecurityContextHolder.clearContext();
        var checker = user("checker").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:approve"));
        String page = "/console/catalog/" + code;
        assertThat(page(get(page).with(checker))).contains("name=\"version\" value=\"2\"");
        as("another-checker");
        catalogue.reject(code, 2, "依据条款有误");
        as("maker");
        catalogue.proposeWithdrawal(code, "目录修订后不再列入", REVISION);
        SecurityContextHolder.clearContext();

        mvc.perform(post(page + "/approve").with(checker).with(csrf()).param("version", "2"))
                .andExpect(flash().attribute("failureCode", "ITEM_CHANGED"));
        mvc.perform(post(page + "/reject").with(checker).with(csrf()).param("version", "2").param("note", "不同意"))
                .andExpect(flash().attribute("failureCode", "ITEM_CHANGED"));
        as("checker");
        assertThatThrownBy(() -> catalogue.approve(code, 2, "同意")).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(List.of(p.code(), p.kind()))
                        .containsExactly("ITEM_CHANGED", DomainProblem.Kind.CONFLICT));
        SecurityContextHolder.clearContext();
        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, CatalogueItem.Status.PENDING),
                org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.ACTIVE));
        assertThat(catalogue.active(code)).get().matches(i -> !i.withdrawn(), "still in force");

        mvc.perform(post(page + "/approve").with(checker).with(csrf()).param("version", "3"))
                .andExpect(flash().attribute("successKey", "catalog.withdrawalApproved"));
        assertThat(catalogue.active(code)).get().matches(CatalogueItem::withdrawn, "withdrawn once reviewed");
    }

    /** Two checkers approving the same version at once: one decision, one retirement, one audit event. */
    @Test
    void twoCheckersApprovingAtOnceMakeOneDecision() throws Exception {
        String code = approvedItem("P_TWICE_");
        as("maker");
        catalogue.draft(item(code, "《测试法》第三条"), "依据修订");
        catalogue.submit(code);
        SecurityContextHolder.clearContext();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (String checker : List.of("checker-a", "checker-b")) {
                outcomes.add(pool.submit(() -> {
                    as(checker);
                    try {
                        start.await();
                        catalogue.approve(code, 2, "同意");
                        return "approved";
                    } catch (RuntimeException e) {
                        if (e instanceof DomainProblem refused) {
                            return refused.code();
                        }
                        throw e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            List<String> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("approved");
            assertThat(results).filteredOn(r -> !r.equals("approved")).allMatch(
                    r -> r.equals("ITEM_CHANGED") || r.equals("ITEM_NOT_PENDING"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.ACTIVE),
                org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.RETIRED));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'catalog.approve' AND detail = ?")
                .param(code + " v2").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClerkDiscardsADraftWhichThenNeitherBlocksAWithdrawalNorIsLost() throws Exception {
        String code = approvedItem("P_DISCARD_");
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));
        String page = "/console/catalog/" + code;
        as("maker");
        catalogue.draft(item(code, "《测试法》第二条"), "误建的修改");
        SecurityContextHolder.clearContext();
        mvc.perform(get(page).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"" + page + "/discard\"")));

        mvc.perform(post(page + "/discard").with(clerk).with(csrf()).param("note", "起草有误，放弃"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "catalog.discarded"));

        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.DISCARDED),
                        org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.ACTIVE));
        assertThat(catalogue.history(code).get(0)).satisfies(v -> {
            assertThat(v.decidedBy()).isEqualTo("clerk");
            assertThat(v.decisionNote()).isEqualTo("起草有误，放弃");
        });
        mvc.perform(get(page).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>已放弃</td>")))
                .andExpect(content().string(containsString("action=\"" + page + "/withdraw\"")));
        mvc.perform(post(page + "/discard").with(clerk).with(csrf()))
                .andExpect(flash().attribute("failureCode", "ITEM_NO_DRAFT"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'catalog.discard' AND detail = ?")
                .param(code + " v2").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Issue #4: a discarded draft was given up for being wrong and never approved; the next version starts from the one
     * in force, not from it.
     */
    @Test
    void aNewVersionStartsFromTheVersionInForceNotFromADiscardedDraft() throws Exception {
        String code = approvedItem("P_AFTER_DISCARD_");
        as("maker");
        catalogue.draft(item(code, "《被放弃的测试法》第二条"), "误建的修改");
        catalogue.discard(code, "起草有误");
        SecurityContextHolder.clearContext();
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));

        mvc.perform(get("/console/catalog/" + code + "/edit").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("《测试法》第一条")))
                .andExpect(content().string(not(containsString("《被放弃的测试法》第二条"))));
    }

    /**
     * Issue #4: a new item whose first draft was discarded keeps its code: it is still listed (as discarded), its page
     * offers to draft it again from a blank form with its code, and it is drafted again as its next version.
     */
    @Test
    void aNewItemWhoseFirstDraftWasDiscardedIsListedAndDraftedAgain() throws Exception {
        String code = "P_FIRST_DISCARDED_" + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, "《被放弃的测试法》第三条"), "新增");
        catalogue.discard(code, "重新考虑");
        SecurityContextHolder.clearContext();
        var clerk = user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("catalog:edit"));

        String list = page(get("/console/catalog").with(clerk));
        assertThat(list).contains("data-code=\"" + code + "\"");
        assertThat(list.substring(list.indexOf("data-code=\"" + code + "\""))).contains("data-state=\"DISCARDED\"");
        mvc.perform(get("/console/catalog/" + code).with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"discarded\"")))
                .andExpect(content().string(containsString("/console/catalog/" + code + "/edit")));
        mvc.perform(get("/console/catalog/" + code + "/edit").with(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + code + "\"")))
                .andExpect(content().string(not(containsString("《被放弃的测试法》第三条"))));

        mvc.perform(itemForm(code, "PUBLIC").with(clerk)).andExpect(status().is3xxRedirection());
        assertThat(catalogue.history(code)).extracting(CatalogueItem::version, CatalogueItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, CatalogueItem.Status.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(1, CatalogueItem.Status.DISCARDED));
    }

    /** Issue #4: two people creating the same code at once end with one draft and, for the other, a conflict. */
    @Test
    void twoPeopleCreatingTheSameCodeAtOnceGetOneDraftAndAConflict() throws Exception {
        String code = "P_AT_ONCE_" + (System.nanoTime() % 100000);
        List<java.util.Optional<String>> outcomes = cn.chengxin.support.AtOnce.decide(
                new cn.chengxin.support.AtOnce.Decision("maker-a", () -> catalogue.draft(item(code, "《测试法》第四条"), "新增")),
                new cn.chengxin.support.AtOnce.Decision("maker-b", () -> catalogue.draft(item(code, "《测试法》第五条"), "新增")));
        assertThat(outcomes).contains(java.util.Optional.empty())
                .allSatisfy(o -> assertThat(o.orElse("ITEM_EXISTS")).isEqualTo("ITEM_EXISTS"));
        assertThat(catalogue.history(code)).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(CatalogueItem.Status.DRAFT));
    }

    @Test
    void aVersionAwaitingApprovalIsNotDiscardedButDecided() {
        String code = approvedItem("P_DISCARD_PENDING_");
        as("maker");
        catalogue.draft(item(code, "《测试法》第三条"), "修改");
        catalogue.submit(code);

        assertThatThrownBy(() -> catalogue.discard(code, "")).isInstanceOf(DomainProblem.class)
                .extracting("code").isEqualTo("ITEM_NO_DRAFT");
        SecurityContextHolder.clearContext();
    }

    private static void as(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("STAFF"))));
    }

    @Test
    void thePublicCatalogueListsAWithdrawnItemApartWithTheDocumentThatWithdrewIt() throws Exception {
        String code = approvedItem("P_PUBLIC_WD_");
        as("proposer");
        catalogue.proposeWithdrawal(code, "目录修订后不再列入，内部说明", REVISION);
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意废止");
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v1/catalog/items")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.definition.code == '" + code + "')].withdrawal.basis").value(REVISION))
                .andExpect(jsonPath("$[?(@.definition.code == '" + code + "')].withdrawal.withdrawnAt").exists())
                .andExpect(jsonPath("$[?(@.definition.code == '" + code + "')].withdrawal.kind").value("REVISION"))
                .andExpect(jsonPath("$[?(@.definition.code == 'P_COURT_DEFAULTER')].withdrawal").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
        String page = mvc.perform(get("/catalog")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String inForce = page.substring(0, page.indexOf("id=\"withdrawn\""));
        String withdrawn = page.substring(page.indexOf("id=\"withdrawn\""));
        assertThat(inForce).contains("失信被执行人信息").doesNotContain("data-code=\"" + code + "\"");
        assertThat(withdrawn).contains("data-code=\"" + code + "\"", REVISION, "目录修订：此前归集的信息保持原状态")
                .doesNotContain("内部说明");
    }

    /** A new item with a code starting {@code prefix}, drafted and submitted by one person, approved by another. */
    private String approvedItem(String prefix) {
        String code = prefix + (System.nanoTime() % 100000);
        as("maker");
        catalogue.draft(item(code, "《测试法》第一条"), "新增");
        catalogue.submit(code);
        as("checker");
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        SecurityContextHolder.clearContext();
        return code;
    }

    private static final String REVISION = "《某市公共信用信息补充目录（2026年版）》";

    /** The console's item form filled in as {@link #item} is, for a test to add what it changes. */
    private static MockHttpServletRequestBuilder itemForm(String code, String sharing) {
        return post("/console/catalog/draft").with(csrf()).param("code", code).param("name", "测试事项")
                .param("subjectType", "PERSON").param("nature", "NEGATIVE").param("category", "ADMINISTRATIVE_PENALTY")
                .param("domain", "GENERAL").param("sharing", sharing).param("severity", "GENERAL")
                .param("updateCycle", "DAILY").param("usableForPunishment", "true").param("providers", "MARKET")
                .param("legalBasis", "《测试法》第一条").param("fields", "facts|事实|TEXT|是|");
    }

    private static ItemDefinition item(String code, String legalBasis) {
        return new ItemDefinition(code, "测试事项", SubjectType.PERSON, Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY,
                Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", true)), List.of("MARKET"), legalBasis,
                Sharing.PUBLIC, Severity.GENERAL, null, null, null, true, true, false, UpdateCycle.DAILY, false, null);
    }

}
