package cn.chengxin.listing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.listing.domain.ExitGround;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.RuleVersions;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: the texts staff and departments type into the listing — a proposal's basis and reasons, a reviewer's
 * note, an exit reason, a rule's texts and its review notes — never keep a resident identity number (RULES.md §10);
 * a form refused for one shows the refusal beside the field, the number masked in what it shows again.
 */
@IntegrationTest
class ListingTypedTextIT {

    private static final String CODE = "FREE_TEXT_HOLDS_IDENTITY_NUMBER";

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    ExitProposals exits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aProposalWhoseReasonsHoldANumberIsRefusedBesideTheFieldWithTheNumberMasked() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "闻若华");
        String page = mvc.perform(post("/console/lists").param("subjectNumber", person.number()).param("type", "RED")
                        .param("legalBasis", "国办发〔2016〕98号（刚输入）")
                        .param("reasons", "市级道德模范，身份证 " + person.number())
                        .param("actDay", aMonthAgo().toString()).param("validUntil", aYearFromNow().toString())
                        .with(staff("maker-typed", "list:propose")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(flash().attributeCount(0))
                .andReturn().getResponse().getContentAsString();

        String form = part(page, "id=\"propose\"", "</form>");
        assertThat(form).contains("id=\"reasons-refused\"", "「事实和理由」", "value=\"国办发〔2016〕98号（刚输入）\"",
                "市级道德模范，身份证 " + Masking.identityNumber(person.number()) + "</textarea>");
        assertThat(page).contains(CODE);
        assertThat(page.split(person.number(), -1)).as("the number in its own field only").hasSize(2);
        assertThat(listing.entriesOf(subjectOf(person))).isEmpty();
    }

    @Test
    void aProposalsBasisHoldingANumberIsRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁明远");
        assertRefused("legalBasis", () -> listing.propose(subjectOf(person), ListType.RED,
                "依据 " + person.number(), "市级道德模范", aMonthAgo(), aYearFromNow()));
    }

    @Test
    void aReviewNoteOrAnExitReasonHoldingANumberIsRefusedOnTheEntrysPageAndTheEntryStays() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "沈嘉言");
        UUID subject = subjectOf(person);
        UUID id = as("maker-exit", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        String review = mvc.perform(post("/console/lists/{id}/approve", id).param("note", "核实 " + person.number())
                        .with(staff("checker-exit", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(review, "id=\"review\"", "</section>")).contains("id=\"note-refused\"", "「审核意见」",
                "value=\"核实 " + Masking.identityNumber(person.number()) + "\"");
        assertThat(review).doesNotContain(person.number());
        assertThat(listing.entry(id).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
        as("checker-exit", () -> listing.approve(id, "核实无误"));

        String page = mvc.perform(post("/console/lists/{id}/exit", id).param("ground", "OTHER")
                        .param("reason", "当事人 " + person.number() + " 申请移出").with(staff("checker-exit", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(flash().attributeCount(0))
                .andReturn().getResponse().getContentAsString();

        assertThat(part(page, "id=\"exit\"", "</section>")).contains("id=\"reason-refused\"", "「移出原因」",
                "value=\"当事人 " + Masking.identityNumber(person.number()) + " 申请移出\"");
        assertThat(page).contains(CODE).doesNotContain(person.number());
        assertThat(listing.entry(id).orElseThrow().status().open()).isTrue();
        assertRefused("reason", () -> {
            listing.exit(id, "依申请移出（" + person.number() + "）");
            return null;
        });
        assertRefused("reason", () -> exits.propose(id, ExitGround.OTHER, null, "依申请移出（" + person.number() + "）"));
        assertRefused("reference", () -> exits.propose(id, ExitGround.ISSUER_REMOVED, person.number(), "依申请移出"));
        assertThat(jdbc.sql("SELECT count(*) FROM listing.exit_proposal WHERE entry_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM listing.entry WHERE id = ? AND exit_reason IS NOT NULL")
                .param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aRejectionNoteHoldingANumberIsRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦言蹊");
        UUID id = as("maker-rej", () -> listing.propose(subjectOf(person), ListType.RED, "国办发〔2016〕98号",
                "市级道德模范", aMonthAgo(), aYearFromNow()));
        String page = mvc.perform(post("/console/lists/{id}/reject", id).param("note", "经核 " + person.number())
                        .with(staff("checker-rej", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(flash().attributeCount(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(part(page, "id=\"review\"", "</section>")).contains("id=\"note-refused\"", "「不予认定理由」",
                "value=\"经核 " + Masking.identityNumber(person.number()) + "\"");
        assertThat(page).contains(CODE).doesNotContain(person.number());
        assertRefused("note", () -> {
            listing.reject(id, "经核 " + person.number() + " 不符合条件");
            return null;
        });
        assertThat(listing.entry(id).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
    }

    @Test
    void aRulesTextsAndItsReviewNotesHoldingANumberAreRefused() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219850612345");
        String code = "RED_TYPED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertRefused("name", () -> listing.proposeRule(rule(code, "测试 " + number, "《志愿服务条例》", "期满移出")));
        assertRefused("legalBasis", () -> listing.proposeRule(rule(code, "测试", number, "期满移出")));
        assertRefused("exitConditions", () -> listing.proposeRule(rule(code, "测试", "《志愿服务条例》", number)));

        int version = as(RuleVersions.MAKER, () -> listing.proposeRule(rule(code, "测试：待审", "《志愿服务条例》",
                "期满移出")));
        // Sent back from the rules page, the note comes back in its own form, masked, and the version still waits.
        String page = mvc.perform(post("/console/list-rules/{code}/reject", code).param("version", "" + version)
                        .param("note", "退回：" + number).with(staff(RuleVersions.CHECKER, "measure:approve"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(page, "id=\"reject-" + code + "\"", "</form>")).contains("id=\"note-refused\"", "「退回理由」",
                "value=\"退回：" + Masking.identityNumber(number) + "\"");
        assertThat(page).contains(CODE).doesNotContain(number);
        assertThat(listing.pendingRules()).extracting(v -> v.rule().code()).contains(code);
        assertRefused("note", () -> {
            listing.rejectRule(code, version, "退回 " + number);
            return null;
        });
        assertRefused("note", () -> {
            listing.approveRule(code, version, "同意 " + number);
            return null;
        });
        as(RuleVersions.CHECKER, () -> {
            listing.rejectRule(code, version, "测试完毕");
            return null;
        });
    }

    /** {@code action} as a reviewer is refused for the number in {@code field}, and nothing of it is kept. */
    private static void assertRefused(String field, Callable<?> action) {
        Throwable refused = catchThrowable(() -> as(RuleVersions.CHECKER, action));
        assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(((TypedText.HoldsIdentityNumber) refused).code()).isEqualTo(CODE);
        assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo(field);
    }

    /** A threshold no test's volunteer reaches: the rule proposes nobody other tests hold. */
    private static ListRule rule(String code, String name, String basis, String exitConditions) {
        return new ListRule(code, 0, ListType.RED, name, Set.of("P_VOLUNTEER_SERVICE"), "hours",
                new BigDecimal("99999"), basis, 24, 7, exitConditions, false);
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private static String part(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private LocalDate aMonthAgo() {
        return LocalDate.now(clock).minusMonths(1);
    }

    private LocalDate aYearFromNow() {
        return LocalDate.now(clock).plusYears(1);
    }
}
