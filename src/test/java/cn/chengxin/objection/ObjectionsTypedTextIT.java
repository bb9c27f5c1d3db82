package cn.chengxin.objection;

import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: the credit office's decision and the notes it types about a case are kept and shown as written, to the
 * subject too, and so never hold a resident identity number (RULES.md §10); they are refused before anything is done.
 * (A pause's reason and a department's answer are refused by their domain rules, ObjectionPause and DepartmentAnswer.)
 * The subject's own statement is kept as written, and masked where staff read it.
 */
@IntegrationTest
class ObjectionsTypedTextIT {

    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");

    @Autowired
    Objections objections;

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CreditFile creditFile;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    cn.chengxin.creditfile.RecordProceedings proceedings;

    @Autowired
    java.time.Clock clock;

    @Test
    void aSubjectsStatementHoldingTheirNumberIsTakenAndShownToStaffMasked() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "宓书言");
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), "P_ADMIN_PENALTY_GENERAL", decision);
        UUID owner = subjects.find(subjects.validate(null, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "本人（身份证号 " + p.number() + "）未收到处罚决定书", "本人");
        assertThat(objections.find(id).reasons()).as("kept as the subject wrote it, the number masked")
                .isEqualTo("本人（身份证号 " + Masking.identityNumber(p.number()) + "）未收到处罚决定书");

        String page = mvc.perform(get("/console/objections/{id}", id).with(authentication(Principals.staff(
                        "office-masked", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("本人（身份证号 " + Masking.identityNumber(p.number()) + "）未收到处罚决定书")
                .doesNotContain(p.number());

        // The office's decision may not hold it: refused on the case's own form, with what was typed, masked.
        String refused = mvc.perform(post("/console/objections/{id}/decide", id)
                        .param("version", Integer.toString(objections.find(id).version()))
                        .param("outcome", "UPHOLD").param("reasons", "经核实，" + p.number() + " 的记录无误")
                        .with(authentication(Principals.staff("office-masked", "CREDIT_OFFICE",
                                Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        String form = refused.substring(refused.indexOf("/console/objections/" + id + "/decide"));
        assertThat(form.substring(0, form.indexOf("</form>"))).contains("id=\"reasons-refused\"", "「处理理由」",
                "经核实，" + Masking.identityNumber(p.number()) + " 的记录无误</textarea>");
        assertThat(refused).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER").doesNotContain(p.number());
        assertThat(objections.find(id).status().open()).isTrue();
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * Issue #5: a pause, a proceedings flag or a department's answer refused comes back on its own form with what
     * was typed, the number masked and the refusal beside the field, and nothing is recorded. Deadlines run while
     * the office types: a refusal that lost the text would cost them.
     */
    @Test
    void aRefusedPauseProceedingsFlagOrAnswerComesBackWithWhatWasTypedAndRecordsNothing() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "郗明澈");
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), "P_ADMIN_PENALTY_GENERAL", decision);
        UUID owner = subjects.find(subjects.validate(null, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "处罚金额有误", "本人");
        String masked = Masking.identityNumber(p.number());
        var office = authentication(Principals.staff("office-kept", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));

        String paused = mvc.perform(post("/console/objections/{id}/pause", id)
                        .param("version", Integer.toString(objections.find(id).version()))
                        .param("kind", "EXPERT_REVIEW")
                        .param("reason", "送专家评审，当事人 " + p.number())
                        .param("until", java.time.LocalDate.now(clock).plusDays(5).toString())
                        .with(office).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        String pauseForm = part(paused, "/console/objections/" + id + "/pause", "</form>");
        assertThat(pauseForm).contains("id=\"reason-refused\"", "「中止原因」",
                "value=\"送专家评审，当事人 " + masked + "\"", "value=\"EXPERT_REVIEW\" selected",
                "value=\"" + java.time.LocalDate.now(clock).plusDays(5) + "\"");
        assertThat(paused).contains("<details class=\"pause-form\" open", "FREE_TEXT_HOLDS_IDENTITY_NUMBER")
                .doesNotContain(p.number());
        assertThat(objections.pausesOf(id)).isEmpty();

        String flagged = mvc.perform(post("/console/objections/proceedings").param("number", p.number())
                        .param("decisionNumber", decision).param("kind", "LAWSUIT")
                        .param("note", "（2026）豫1702行初9号，原告 " + p.number()).with(office).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(flagged, "id=\"proceeding-form\"", "</form>")).contains("id=\"note-refused\"",
                "value=\"" + decision + "\"", "value=\"LAWSUIT\" selected",
                "value=\"（2026）豫1702行初9号，原告 " + masked + "\"");
        assertThat(flagged.split(p.number(), -1)).as("the number in its own field only").hasSize(2);
        assertThat(proceedings.pendingOf(owner)).isEmpty();

        as("office-kept", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        String answered = mvc.perform(post("/console/objection-answers/{id}", id)
                        .param("version", Integer.toString(objections.find(id).version())).param("answer", "CORRECT")
                        .param("corrections", "罚款金额：2000 元").param("reasons", "经核 " + p.number() + " 录入有误")
                        .with(authentication(Principals.staff("operator-kept", "MARKET", Permission.CONSOLE_HOME,
                                Permission.OBJECTION_ANSWER))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(answered, "/console/objection-answers/" + id, "</form>")).contains("id=\"reasons-refused\"",
                "value=\"CORRECT\" selected", "罚款金额：2000 元</textarea>", "经核 " + masked + " 录入有误</textarea>");
        assertThat(answered).doesNotContain(p.number());
        assertThat(objections.find(id).answer()).isNull();
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * Issue #7: a number mistyped into what staff write about a case (its check character wrong) is not refused, and is
     * still personal data: the department's answer and the office's decision keep it masked, and the subject reads it
     * masked, on their page and in their notice.
     */
    @Test
    void aMistypedNumberInStaffReasonsIsKeptAndShownMasked() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "宓误号");
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), "P_ADMIN_PENALTY_GENERAL", decision);
        UUID owner = subjects.find(subjects.validate(null, p.number())).orElseThrow();
        UUID id = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "记录有误", "本人");
        String mistyped = mistyped(p.number());
        String masked = Masking.identityNumber(mistyped);
        as("office-masked", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        as("market-masked", () -> {
            objections.answer("MARKET", id, objections.find(id).version(),
                    cn.chengxin.objection.domain.DepartmentAnswer.CORRECT, "当事人 " + mistyped + " 的金额应为 500 元",
                    "经核实，" + mistyped + " 的处罚金额录入有误");
            return null;
        });
        as("office-masked", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.CORRECT,
                    "经核实，" + mistyped + " 的处罚金额有误，予以更正");
            return null;
        });

        Objection decided = objections.find(id);
        assertThat(decided.outcomeReasons()).isEqualTo("经核实，" + masked + " 的处罚金额有误，予以更正");
        assertThat(decided.answer().reasons()).isEqualTo("经核实，" + masked + " 的处罚金额录入有误");
        assertThat(decided.answer().corrections()).isEqualTo("当事人 " + masked + " 的金额应为 500 元");
        String mine = mvc.perform(get("/me/objections").with(authentication(Principals.citizen(subjects, owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(masked).doesNotContain(mistyped);
        assertThat(mvc.perform(get("/me/notices").with(authentication(Principals.citizen(subjects, owner))))
                .andReturn().getResponse().getContentAsString()).doesNotContain(mistyped);
    }

    /**
     * Issue #7: a file named after the subject's number (a scan of their card, say) is shown with the number masked —
     * to the office, the department and the subject — and downloaded under that masked name (RULES.md §10).
     */
    @Test
    void anEvidenceFileNamedAfterANumberIsShownAndDownloadedMasked() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "宓文件");
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), "P_ADMIN_PENALTY_GENERAL", decision);
        UUID owner = subjects.find(subjects.validate(null, p.number())).orElseThrow();
        byte[] pdf = "%PDF-1.4 身份证".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID id = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "记录有误", "本人",
                java.util.List.of(new Objections.Upload("身份证" + p.number() + ".pdf", pdf)));
        String shown = "身份证" + Masking.identityNumber(p.number()) + ".pdf";
        UUID file = objections.evidenceOf(id).get(0).id();
        var office = authentication(Principals.staff("office-masked", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));

        assertThat(objections.evidenceOf(id).get(0).filename()).isEqualTo(shown);
        assertThat(mvc.perform(get("/console/objections/{id}", id).with(office)).andReturn().getResponse()
                .getContentAsString()).contains(shown).doesNotContain(p.number());
        assertThat(mvc.perform(get("/me/objections").with(authentication(Principals.citizen(subjects, owner))))
                .andReturn().getResponse().getContentAsString()).contains(shown).doesNotContain(p.number());
        assertThat(mvc.perform(get("/console/objections/evidence/{id}", file).with(office)).andReturn()
                .getResponse().getHeader("Content-Disposition")).doesNotContain(p.number().substring(6, 14));
    }

    /** The number with a check character that does not fit it: a typing mistake, not refused as a number. */
    static String mistyped(String number) {
        char wrong = number.charAt(17) == '1' ? '2' : '1';
        String typed = number.substring(0, 17) + wrong;
        assertThat(cn.chengxin.subject.domain.ResidentIdentityNumber.appearsIn(typed)).isFalse();
        return typed;
    }

    @Test
    void aDecisionWhoseReasonsHoldANumberIsRefused() {
        assertRefused("reasons", () -> {
            objections.decide(UUID.randomUUID(), 1, Outcome.UPHOLD, "经核实，" + NUMBER + " 的记录无误");
            return null;
        });
    }

    @Test
    void aProceedingsNoteHoldingANumberIsRefused() {
        assertRefused("note", () -> objections.flagProceeding("11010519491231002X", null, "驻市监罚〔2026〕1号",
                RecordProceeding.Kind.ADMINISTRATIVE_REVIEW, "申请人 " + NUMBER + " 已提起行政复议"));
    }

    private static String part(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private static void assertRefused(String field, Callable<?> action) {
        Throwable refused = catchThrowable(() -> as("office-clerk", action));
        assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo(field);
    }
}
