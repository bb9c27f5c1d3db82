package cn.chengxin.listing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.RuleVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Maker-checker for list rules (双人复核, issue #5): a saved version is in force — re-evaluating the holders of its
 * items — only once another person approves it; rejected, the version in force stays; of two reviewers at once one
 * decides.
 */
@IntegrationTest
class RuleReviewIT {

    @Autowired
    Listing listing;

    @Autowired
    JdbcListing store;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSavedVersionIsNotInForceUntilAnotherPersonApprovesIt() throws Exception {
        String code = code("RED_REVIEW_");
        int version = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：双人复核的规则", true)));

        assertThat(listing.rules()).extracting(ListRule::code).doesNotContain(code);
        assertThat(store.reevaluation(code, version)).as("no pass before approval").isEmpty();
        assertThat(listing.pendingRules()).extracting(p -> p.rule().code()).contains(code);

        Throwable own = catchThrowable(() -> as(RuleVersions.MAKER, () -> {
            listing.approveRule(code, version, "");
            return null;
        }));
        assertThat(own).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("RULE_SELF_APPROVAL");
        assertThat(((ListingProblem) own).kind()).isEqualTo(cn.chengxin.shared.DomainProblem.Kind.FORBIDDEN);
        assertThat(listing.rules()).extracting(ListRule::code).doesNotContain(code);

        try {
            as(RuleVersions.CHECKER, () -> {
                listing.approveRule(code, version, "同意");
                return null;
            });
            assertThat(listing.rules()).filteredOn(r -> r.code().equals(code)).extracting(ListRule::version)
                    .containsExactly(version);
            assertThat(store.reevaluation(code, version)).as("the approval starts the pass").isPresent();
            assertThat(listing.ruleHistory(code)).singleElement().satisfies(v -> {
                assertThat(v.status()).isEqualTo(RuleVersion.Status.APPROVED);
                assertThat(v.proposedBy()).isEqualTo(RuleVersions.MAKER);
                assertThat(v.decidedBy()).isEqualTo(RuleVersions.CHECKER);
                assertThat(v.decidedAt()).isNotNull();
            });
        } finally {
            RuleVersions.put(listing, rule(code, "测试：双人复核的规则", false));
        }
    }

    @Test
    void aRejectedVersionLeavesTheVersionInForceUnchanged() throws Exception {
        String code = code("RED_REJECT_");
        int inForce = RuleVersions.put(listing, rule(code, "测试：现行版本", false));
        int proposed = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：被退回的版本", false)));

        Throwable second = catchThrowable(() -> as(RuleVersions.MAKER,
                () -> listing.proposeRule(rule(code, "测试：又一版", false))));
        assertThat(second).as("one version waits at a time").isInstanceOf(ListingProblem.class)
                .extracting("code").isEqualTo("RULE_PENDING");
        Throwable noReason = catchThrowable(() -> as(RuleVersions.CHECKER, () -> {
            listing.rejectRule(code, proposed, " ");
            return null;
        }));
        assertThat(noReason).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("REVIEW_NOTE_REQUIRED");

        as(RuleVersions.CHECKER, () -> {
            listing.rejectRule(code, proposed, "依据不充分");
            return null;
        });

        assertThat(listing.rules()).filteredOn(r -> r.code().equals(code)).singleElement()
                .satisfies(r -> {
                    assertThat(r.version()).isEqualTo(inForce);
                    assertThat(r.name()).isEqualTo("测试：现行版本");
                });
        assertThat(store.reevaluation(code, proposed)).isEmpty();
        assertThat(listing.ruleHistory(code)).first().satisfies(v -> {
            assertThat(v.rule().version()).isEqualTo(proposed);
            assertThat(v.status()).isEqualTo(RuleVersion.Status.REJECTED);
            assertThat(v.decisionNote()).isEqualTo("依据不充分");
        });
        assertThat(catchThrowable(() -> as(RuleVersions.CHECKER, () -> {
            listing.approveRule(code, proposed, "");
            return null;
        }))).extracting("code").isEqualTo("RULE_NOT_PENDING");
    }

    /** The audit log is read by the credit office and auditors in Chinese: a rule's steps are told in Chinese. */
    @Test
    void aRulesStepsAreToldInChineseInTheAuditLog() throws Exception {
        String code = code("RED_AUDIT_");
        int approved = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：审计日志", false)));
        catchThrowable(() -> as(RuleVersions.MAKER, () -> {
            listing.approveRule(code, approved, "");
            return null;
        }));
        as(RuleVersions.CHECKER, () -> {
            listing.approveRule(code, approved, "同意");
            return null;
        });
        int rejected = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：被退回", false)));
        as(RuleVersions.CHECKER, () -> {
            listing.rejectRule(code, rejected, "依据不充分");
            return null;
        });

        assertThat(jdbc.sql("SELECT action || ' ' || detail FROM audit.event WHERE action LIKE 'listing.rule.%' "
                + "AND detail LIKE ? ORDER BY seq").param("%" + code + "%").query(String.class).list()).containsExactly(
                "listing.rule.propose reason=LIST_RULE_PROPOSED; rule=" + code + "; version=1; list=#lists.type.RED",
                "listing.rule.approve reason=LIST_RULE_OWN_VERSION; rule=" + code + "; version=1",
                "listing.rule.approve reason=LIST_RULE_APPROVED; rule=" + code + "; version=1; list=#lists.type.RED",
                "listing.rule.propose reason=LIST_RULE_PROPOSED; rule=" + code + "; version=2; list=#lists.type.RED",
                "listing.rule.reject reason=LIST_RULE_REJECTED; rule=" + code + "; version=2");
    }

    @Test
    void twoReviewersAtOnceMakeOneDecision() throws Exception {
        String code = code("RED_RACE_");
        int version = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：并发审核", false)));
        List<Optional<String>> results = AtOnce.decide(
                new AtOnce.Decision("checker-a", () -> listing.approveRule(code, version, "")),
                new AtOnce.Decision("checker-b", () -> listing.rejectRule(code, version, "不同意")));
        assertThat(results).filteredOn(Optional::isEmpty).as("one decided").hasSize(1);
        assertThat(results).filteredOn(Optional::isPresent).extracting(Optional::get)
                .containsExactly("RULE_NOT_PENDING");
        RuleVersion decided = listing.ruleHistory(code).get(0);
        assertThat(decided.status()).isIn(RuleVersion.Status.APPROVED, RuleVersion.Status.REJECTED);
        assertThat(listing.rules().stream().anyMatch(r -> r.code().equals(code)))
                .isEqualTo(decided.status() == RuleVersion.Status.APPROVED);
    }

    /** The rules page lists what waits for review; its maker is told to ask another, who approves with the form. */
    @Test
    void aReviewerApprovesAWaitingVersionOnTheRulesPage() throws Exception {
        String code = code("RED_CONSOLE_");
        mvc.perform(post("/console/list-rules").with(maker()).with(csrf()).param("code", code).param("type", "RED")
                        .param("name", "测试：控制台审核").param("itemCodes", "P_VOLUNTEER_SERVICE")
                        .param("conditionField", "hours").param("conditionMin", "9876.5")
                        .param("legalBasis", "《志愿服务条例》")
                        .param("validityMonths", "24").param("noticeDays", "7").param("exitConditions", "期满移出"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.ruleSaved"));
        int version = listing.pendingRules().stream().filter(p -> p.rule().code().equals(code)).findFirst()
                .orElseThrow().rule().version();

        assertThat(page(maker(), code)).contains("id=\"pending-rules\"", "您保存的版本，须由另一人审核。")
                .doesNotContain("/console/list-rules/" + code + "/approve");
        String reviewerPage = page(checker(), code);
        assertThat(reviewerPage).contains("/console/list-rules/" + code + "/approve", "name=\"_csrf\"", "待审核");
        assertThat(page(checker(), code, "en")).contains("Approve and put in force", "Awaiting review");

        mvc.perform(post("/console/list-rules/{code}/approve", code).param("version", "" + version)
                .with(checker())).andExpect(status().isForbidden());
        mvc.perform(post("/console/list-rules/{code}/approve", code).param("version", "" + version).with(maker())
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/list-rules/{code}/approve", code).param("version", "" + version)
                        .with(makerWhoMayApprove()).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RULE_SELF_APPROVAL"));
        try {
            mvc.perform(post("/console/list-rules/{code}/approve", code).param("version", "" + version)
                            .with(checker()).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("successKey", "lists.ruleApproved"));

            assertThat(listing.rules()).extracting(ListRule::code).contains(code);
            assertThat(page(checker(), code)).doesNotContain("id=\"pending-rules\"")
                    .contains("data-status=\"APPROVED\"", RuleVersions.MAKER + " 保存于", "office-checker 审核于");
        } finally {
            RuleVersions.put(listing, new ListRule(code, 0, ListType.RED, "测试：控制台审核", Set.of("P_VOLUNTEER_SERVICE"),
                    "hours", new BigDecimal("9876.5"), "《志愿服务条例》", 24, 7, "期满移出", false));
        }
    }

    /**
     * The second person sees exactly what they approve: every field of the waiting version beside the version in
     * force, the fields it changes marked (issue #5), not its name and items alone.
     */
    @Test
    void theReviewerSeesEveryFieldOfTheWaitingVersionBesideTheVersionInForce() throws Exception {
        String code = code("RED_COMPARE_");
        RuleVersions.put(listing, new ListRule(code, 0, ListType.RED, "测试：逐项比对", Set.of("P_VOLUNTEER_SERVICE"),
                "hours", new BigDecimal("99999"), "《志愿服务条例》第三十五条", 24, 7, "期满 2 年移出", false));
        int waitingVersion = as(RuleVersions.MAKER, () -> listing.proposeRule(new ListRule(code, 0, ListType.RED,
                "测试：逐项比对", Set.of("P_VOLUNTEER_SERVICE"), "hours", new BigDecimal("99999.0"),
                "国办发〔2016〕98号（新依据）", 36, 3, "期满 3 年移出", false)));

        String page = page(checker(), code);
        String waiting = page.substring(page.indexOf("id=\"pending-rules\""), page.indexOf("</section>",
                page.indexOf("id=\"pending-rules\"")));
        assertThat(waiting).contains("《志愿服务条例》第三十五条", "国办发〔2016〕98号（新依据）", "期满 2 年移出",
                "期满 3 年移出", "hours ≥ 99999", "现行版本", "待审核版本", "已修改");
        for (String changed : List.of("legalBasis", "validityMonths", "noticeDays", "exitConditions")) {
            assertThat(waiting).as(changed).containsPattern("data-field=\"" + changed + "\"[^>]*data-changed=\"true\"");
        }
        for (String same : List.of("listType", "name", "itemCodes", "condition", "enabled")) {
            assertThat(waiting).as(same).containsPattern("data-field=\"" + same + "\"[^>]*data-changed=\"false\"");
        }
        assertThat(page(checker(), code, "en")).contains("In force", "Awaiting review", "Changed");
        as(RuleVersions.CHECKER, () -> {
            listing.rejectRule(code, waitingVersion, "测试结束");
            return null;
        });
    }

    /** A refused save shows the form again with what was typed and why, not the version in force (issue #5). */
    @Test
    void aRefusedSaveShowsTheFormAgainAsTyped() throws Exception {
        String code = code("RED_RETYPED_");
        RuleVersions.put(listing, rule(code, "测试：现行名称", false));
        String page = mvc.perform(post("/console/list-rules").with(maker()).with(csrf()).param("code", code)
                        .param("type", "RED").param("name", "测试：刚输入的名称").param("itemCodes", "P_ADMIN_PENALTY_GENERAL")
                        .param("legalBasis", "刚输入的依据").param("validityMonths", "13").param("noticeDays", "3")
                        .param("exitConditions", "刚输入的移出条件"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        int at = page.indexOf("id=\"rule-form\"");
        String form = page.substring(at, page.indexOf("</form>", at));
        assertThat(page).contains("RULE_INVALID", "不是守信信息");
        assertThat(form).contains("value=\"测试：刚输入的名称\"", "value=\"P_ADMIN_PENALTY_GENERAL\"",
                "value=\"刚输入的依据\"", "value=\"13\"", "value=\"3\"", "value=\"刚输入的移出条件\"")
                .doesNotContain("测试：现行名称", "《志愿服务条例》");
        assertThat(listing.pendingRules()).extracting(p -> p.rule().code()).doesNotContain(code);
    }

    /**
     * A reviewer holding measure:approve but not measure:edit reaches the rules page from the menu, reads it without
     * the edit form, approves there and is told so; saving a version stays measure:edit's.
     */
    @Test
    void aReviewerWhoMayOnlyApproveDecidesOnTheRulesPageButSavesNoVersion() throws Exception {
        String code = code("RED_APPROVER_");
        int version = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：只审核的人", false)));
        String reviewerPage = page(approverOnly(), code);
        assertThat(reviewerPage).contains("id=\"pending-rules\"", "/console/list-rules/" + code + "/approve",
                "href=\"/console/list-rules\"", "href=\"/console/measures\"").doesNotContain("id=\"rule-form\"");

        var approved = mvc.perform(post("/console/list-rules/{code}/approve", code)
                        .param("version", "" + version).with(approverOnly()).with(csrf()))
                .andExpect(flash().attribute("successKey", "lists.ruleApproved")).andReturn();
        assertThat(listing.rules()).extracting(ListRule::code).contains(code);
        String redirect = approved.getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(redirect).with(cn.chengxin.support.Sessions.flashOf(approved)).with(approverOnly()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("已审核通过，新版本已生效");
        assertThat(mvc.perform(get(redirect + "&lang=en").with(cn.chengxin.support.Sessions.flashOf(approved))
                        .with(approverOnly())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Approved; the new version is in force.");

        mvc.perform(post("/console/list-rules").with(approverOnly()).with(csrf()).param("code", code)
                .param("type", "RED").param("name", "测试：越权修改").param("itemCodes", "P_VOLUNTEER_SERVICE")
                .param("legalBasis", "《志愿服务条例》").param("exitConditions", "期满移出"))
                .andExpect(status().isForbidden());
        assertThat(listing.pendingRules()).extracting(p -> p.rule().code()).doesNotContain(code);
    }

    private String page(RequestPostProcessor who, String code, String... lang) throws Exception {
        var request = get("/console/list-rules").param("code", code).with(who);
        if (lang.length > 0) {
            request.param("lang", lang[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A threshold no test's volunteer reaches: the rule proposes nobody other tests hold. */
    private static ListRule rule(String code, String name, boolean enabled) {
        return new ListRule(code, 0, ListType.RED, name, Set.of("P_VOLUNTEER_SERVICE"), "hours",
                new BigDecimal("99999"), "《志愿服务条例》", 24, 7, "期满移出", enabled);
    }

    private static RequestPostProcessor maker() {
        return staff(RuleVersions.MAKER, "measure:edit");
    }

    private static RequestPostProcessor makerWhoMayApprove() {
        return staff(RuleVersions.MAKER, "measure:edit", "measure:approve");
    }

    private static RequestPostProcessor checker() {
        return staff("office-checker", "measure:edit", "measure:approve");
    }

    private static RequestPostProcessor approverOnly() {
        return staff("office-approver", "measure:approve");
    }
}
