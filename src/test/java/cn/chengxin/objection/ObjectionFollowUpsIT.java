package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import cn.chengxin.listing.domain.SeriousGround;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #8's objection follow-ups on PostgreSQL: the providing department answers the cases routed to it (and only
 * those); the credit office decides with the answer.
 */
@IntegrationTest
class ObjectionFollowUpsIT {

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
    Objections objections;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    java.time.Clock clock;

    @Autowired
    cn.chengxin.creditfile.RecordProceedings proceedings;

    @Autowired
    Listing listing;

    @Autowired
    ObjectionFigures figures;

    @Autowired
    cn.chengxin.catalog.Catalogue catalogue;

    @Autowired
    cn.chengxin.account.Notices notices;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    EvidenceRetention retention;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void theProvidingDepartmentAnswersItsOwnRoutedCasesAndTheOfficeDecidesWithTheAnswer() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔺向东");
        UUID subject = subject(person, "驻市监罚〔2026〕701号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "罚款金额登记有误", "本人");
        as("office-d", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        assertThat(objections.routedTo("MARKET")).extracting(c -> c.objection().id()).contains(id);
        assertThat(objections.routedTo("COURT")).extracting(c -> c.objection().id()).doesNotContain(id);

        // F8: the queue lists the case masked — no record, no reasons, no name or number in clear; opening it is a
        // look recorded about the subject, which they see under 谁查询了我.
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        // K7 of gaps-review-xxix: the item is named (its code beside), on the queue and on the case.
        String item = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition().name();
        String queue = mvc.perform(get("/console/objection-answers").with(authentication(operator("MARKET"))))
                .andReturn().getResponse().getContentAsString();
        String queued = queue.substring(queue.indexOf("data-objection=\"" + id + "\""));
        assertThat(queued.substring(0, queued.indexOf("</tr>"))).contains(item, "P_ADMIN_PENALTY_GENERAL");
        mvc.perform(get("/console/objection-answers").with(authentication(operator("MARKET"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/objection-answers/" + id + "\"")))
                .andExpect(content().string(containsString(subjects.profile(subject).orElseThrow().maskedName())))
                .andExpect(content().string(not(containsString("罚款金额登记有误"))))
                .andExpect(content().string(not(containsString("驻市监罚〔2026〕701号"))))
                .andExpect(content().string(not(containsString(person.name()))))
                .andExpect(content().string(not(containsString(person.number()))));
        assertThat(views(pseudonym)).isEmpty();
        mvc.perform(get("/console/objection-answers/{id}", id).with(authentication(operator("MARKET"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("罚款金额登记有误")))
                .andExpect(content().string(containsString("驻市监罚〔2026〕701号")))
                .andExpect(content().string(containsString(">" + item + "</span> <small")))
                .andExpect(content().string(not(containsString(person.number()))));
        assertThat(views(pseudonym)).containsExactly("异议处理核实");
        mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(content().string(containsString("查看异议案件")));
        mvc.perform(get("/console/objection-answers").with(authentication(operator("COURT"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(id.toString()))));
        mvc.perform(get("/console/objection-answers/{id}", id).with(authentication(operator("COURT"))))
                .andExpect(flash().attribute("failureCode", "OBJECTION_UNKNOWN"));
        assertThat(views(pseudonym)).as("a refused look is no look").hasSize(1);

        int version = objections.find(id).version();
        CodedProblem otherDepartment = catchThrowableOfType(CodedProblem.class, () -> as("court-clerk",
                () -> {
                    objections.answer("COURT", id, version, DepartmentAnswer.VERIFIED, null, "无误");
                    return null;
                }));
        assertThat(otherDepartment.code()).isEqualTo("OBJECTION_UNKNOWN");
        mvc.perform(post("/console/objection-answers/{id}", id).param("version", String.valueOf(version))
                        .param("answer", "CORRECT").param("reasons", "金额录入错误")
                        .with(authentication(operator("MARKET"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "OBJECTION_ANSWER_CORRECTIONS"));
        mvc.perform(post("/console/objection-answers/{id}", id).param("version", String.valueOf(version))
                        .param("answer", "CORRECT").param("corrections", "罚款金额：2000 元").param("reasons", "金额录入错误")
                        .with(authentication(operator("MARKET"))).with(csrf()))
                .andExpect(flash().attribute("successKey", "objectionAnswers.answered"));
        Objection answered = objections.find(id);
        assertThat(answered.answer().answer()).isEqualTo(DepartmentAnswer.CORRECT);
        assertThat(answered.answer().corrections()).isEqualTo("罚款金额：2000 元");
        assertThat(answered.answeredLate()).isFalse();
        CodedProblem twice = catchThrowableOfType(CodedProblem.class, () -> as("market-clerk", () -> {
            objections.answer("MARKET", id, answered.version(), DepartmentAnswer.VERIFIED, null, "无误");
            return null;
        }));
        assertThat(twice.code()).isEqualTo("OBJECTION_ALREADY_ANSWERED");

        mvc.perform(get("/console/objections/{id}", id).with(authentication(office())))
                .andExpect(content().string(containsString("罚款金额：2000 元")))
                .andExpect(content().string(containsString("应予更正")));
        as("office-d", () -> {
            objections.decide(id, answered.version(), Outcome.CORRECT, "经提供单位核实，金额应予更正");
            return null;
        });
        assertThat(objections.routedTo("MARKET")).extracting(c -> c.objection().id()).doesNotContain(id);
    }

    @Test
    void aPauseMovesTheDeadlineByItsWorkingDaysButNeverPastTwentyDays() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "皮晓燕");
        UUID subject = subject(person, "驻市监罚〔2026〕702号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "需检测样品", "本人");
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = workingDays.calendar();

        LocalDate until = today.plusDays(4);
        mvc.perform(post("/console/objections/{id}/pause", id).param("version", String.valueOf(objections.find(id)
                        .version())).param("kind", "TESTING").param("reason", "样品送检").param("until", until.toString())
                        .with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("successKey", "objections.paused"));
        assertThat(objections.find(id).dueOn())
                .isEqualTo(calendar.plusWorkingDays(today, 3 + calendar.workingDaysBetween(today, until)));
        assertThat(objections.pausesOf(id)).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("样品送检"));
        assertThat(notices.of(subject).get(0).kind()).isEqualTo("OBJECTION_PAUSED");
        assertThat(notices.of(subject).get(0).title()).contains(objections.find(id).dueOn().toString());
        mvc.perform(get("/console/objections/{id}", id).with(authentication(office())))
                .andExpect(content().string(containsString("检验检测：" + today + " 至 " + until)));

        CodedProblem backwards = catchThrowableOfType(CodedProblem.class, () -> as("office-p", () -> {
            objections.pause(id, objections.find(id).version(), ObjectionPause.Kind.TESTING, "倒置", today.minusDays(1));
            return null;
        }));
        assertThat(backwards.code()).isEqualTo("OBJECTION_PAUSE_DATES");

        as("office-p", () -> {
            objections.pause(id, objections.find(id).version(), ObjectionPause.Kind.EXPERT_REVIEW, "专家评审",
                    today.plusDays(60));
            return null;
        });
        Objection capped = objections.find(id);
        assertThat(capped.dueOn()).isEqualTo(objections.ceilingOf(capped)).isBeforeOrEqualTo(today.plusDays(20));
        assertThat(calendar.isWorkingDay(capped.dueOn())).isTrue();
    }

    /**
     * G9 (RULES.md §5; Henan Art. 41): routed within the platform's deadline, the case takes the 7 working days, its
     * department answers by the day before, and the person is told the new deadline and who verifies.
     */
    @Test
    void aCaseRoutedInTimeTellsThePersonTheNewDeadlineAndTheDepartment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁望舒");
        UUID subject = subject(person, "驻市监罚〔2026〕704号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "罚款对象不是我", "本人");
        Objection filed = objections.find(id);

        mvc.perform(post("/console/objections/{id}/route", id).param("version", String.valueOf(filed.version()))
                        .with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("successKey", "objections.routed"));
        Objection routed = objections.find(id);
        assertThat(routed.status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);
        assertThat(routed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(filed.receivedOn(), 7));
        assertThat(routed.departmentDue()).as("the office keeps a day to decide").isBefore(routed.dueOn());
        assertThat(notices.of(subject).get(0)).satisfies(n -> {
            assertThat(n.kind()).isEqualTo("OBJECTION_ROUTED");
            assertThat(n.title()).contains(routed.dueOn().toString());
            assertThat(n.body()).contains(catalogue.departments().get("MARKET"), routed.dueOn().toString());
        });
    }

    /**
     * G9: past the platform's own 3 working days a case is no longer routed — routing would give it 7 from receipt
     * and make it "in time" again. It stays overdue, the console says why (in the reader's language), and once
     * decided it counts as decided late in the supervision figures (RULES.md §12).
     */
    @Test
    void aCasePastThePlatformsDeadlineIsNotRoutedAndCountsAsLate() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "龚照临");
        UUID subject = subject(person, "驻市监罚〔2026〕705号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚已撤销", "本人");
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = workingDays.calendar();
        // Received 5 working days ago: past the platform's 3, within the 7 routing would have given.
        LocalDate received = today;
        while (calendar.workingDaysBetween(received, today) < 5) {
            received = received.minusDays(1);
        }
        LocalDate due = calendar.plusWorkingDays(received, 3);
        jdbc.sql("UPDATE objection.objection SET received_on = ?, due_on = ? WHERE id = ?").params(received, due, id)
                .update();
        assertThat(calendar.plusWorkingDays(received, 7)).isAfterOrEqualTo(today);

        var refused = mvc.perform(post("/console/objections/{id}/route", id)
                        .param("version", String.valueOf(objections.find(id).version()))
                        .with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("failureCode", "OBJECTION_ROUTE_TOO_LATE")).andReturn();
        Objection still = objections.find(id);
        assertThat(still.status()).isEqualTo(ObjectionStatus.RECEIVED);
        assertThat(still.dueOn()).isEqualTo(due);
        assertThat(still.departmentDue()).isNull();
        assertThat(still.overdue(today)).isTrue();
        assertThat(notices.of(subject)).extracting(cn.chengxin.account.Notice::kind).doesNotContain("OBJECTION_ROUTED");
        mvc.perform(get("/console/objections").param("lang", "en")
                        .with(cn.chengxin.support.Sessions.flashOf(refused)).with(authentication(office())))
                .andExpect(content().string(containsString("OBJECTION_ROUTE_TOO_LATE")))
                .andExpect(content().string(containsString("can no longer be routed to the providing department")));
        mvc.perform(get("/console/objections/{id}", id).with(authentication(office())))
                .andExpect(content().string(containsString("data-field=\"route-too-late\"")))
                .andExpect(content().string(not(containsString("/console/objections/" + id + "/route"))));

        var before = marketFigures(today);
        as("office-d", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.DELETE, "经核实，处罚决定已撤销");
            return null;
        });
        var after = marketFigures(today);
        assertThat(after.decided()).isEqualTo(before.decided() + 1);
        assertThat(after.decidedInTime()).as("decided late").isEqualTo(before.decidedInTime());
    }

    private ObjectionFigures.DepartmentObjections marketFigures(LocalDate today) {
        return figures.between(today, today).stream().filter(f -> f.departmentCode().equals("MARKET")).findFirst()
                .orElse(new ObjectionFigures.DepartmentObjections("MARKET", 0, 0, 0, 0, 0));
    }

    @Test
    void withTheClockMovedTheHandlerIsRemindedTheDayBeforeAndAnOverdueCaseEscalates() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邰明轩");
        UUID subject = subject(person, "驻市监罚〔2026〕703号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "记录不是我的", "本人");
        WorkingCalendar calendar = workingDays.calendar();
        LocalDate due = objections.find(id).dueOn();

        assertThat(objections.watchDeadlines(clock).reminded()).extracting(Objection::id).doesNotContain(id);
        LocalDate dayBefore = LocalDate.now(clock);
        while (calendar.plusWorkingDays(dayBefore, 1).isBefore(due)) {
            dayBefore = dayBefore.plusDays(1);
        }
        Objections.Watch before = objections.watchDeadlines(at(dayBefore));
        assertThat(before.reminded()).extracting(Objection::id).contains(id);
        assertThat(before.escalated()).extracting(Objection::id).doesNotContain(id);
        assertThat(objections.find(id).reminded()).isTrue();
        assertThat(objections.watchDeadlines(at(dayBefore)).reminded()).as("once per deadline")
                .extracting(Objection::id).doesNotContain(id);

        Objections.Watch after = objections.watchDeadlines(at(due.plusDays(1)));
        assertThat(after.escalated()).extracting(Objection::id).contains(id);
        assertThat(objections.find(id).escalated()).isTrue();
        assertThat(objections.watchDeadlines(at(due.plusDays(2))).escalated()).extracting(Objection::id)
                .doesNotContain(id);
        assertThat(objections.workload().escalated()).isPositive();
        mvc.perform(get("/console").with(authentication(office())))
                .andExpect(content().string(containsString("已报信用办督办")));
        mvc.perform(get("/console/objections").with(authentication(office())))
                .andExpect(content().string(containsString("data-field=\"escalated\"")));
    }

    @Test
    void aDecisionMayBeReviewedOnceAndAPendingLawsuitShowsWithTheRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "栾思远");
        UUID subject = subject(person, "驻市监罚〔2026〕704号");
        UUID record = creditFile.fileOf(subject).get(0).recordKey();
        UUID id = objections.file(subject, record, "已缴清罚款", "本人");
        as("office-r", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.UPHOLD, "处罚事实清楚，维持");
            return null;
        });
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.ACTIVE);

        TestCitizens.Person stranger = TestCitizens.register(subjects, "栾思齐");
        UUID strangerId = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, stranger.number())).orElseThrow();
        mvc.perform(post("/me/objections/{id}/review", id).param("reasons", "不是我的").with(csrf())
                .with(authentication(citizen(strangerId)))).andExpect(status().isNotFound());
        mvc.perform(post("/me/objections/{id}/review", id).param("reasons", "复议机关已受理，请复核").with(csrf())
                        .with(authentication(citizen(subject))))
                .andExpect(flash().attribute("successKey", "me.objection.reviewRequested"));
        Objection review = objections.of(subject).stream().filter(Objection::review).findFirst().orElseThrow();
        assertThat(review.reviewOf()).isEqualTo(id);
        LocalDate today = LocalDate.now(clock);
        assertThat(review.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(today, 3));
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);
        mvc.perform(post("/me/objections/{id}/review", id).param("reasons", "再次复核").with(csrf())
                        .with(authentication(citizen(subject))))
                .andExpect(flash().attribute("failureCode", "OBJECTION_REVIEW_USED"));
        as("office-r", () -> {
            objections.decide(review.id(), review.version(), Outcome.UPHOLD, "复核维持");
            return null;
        });
        CodedProblem reviewOfReview = catchThrowableOfType(CodedProblem.class,
                () -> objections.requestReview(subject, review.id(), "再复核"));
        assertThat(reviewOfReview.code()).isEqualTo("OBJECTION_REVIEW_USED");

        mvc.perform(post("/console/objections/proceedings").param("number", person.number())
                        .param("decisionNumber", "驻市监罚〔2026〕704号").param("kind", "LAWSUIT")
                        .param("note", "（2026）豫1702行初15号").with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("successKey", "objections.proceedingFlagged"));
        mvc.perform(get("/me/file").with(authentication(citizen(subject))))
                .andExpect(content().string(containsString("行政诉讼中")));
        mvc.perform(post("/console/file").param("number", person.number()).param("purpose", "ADMINISTRATIVE_LICENSING")
                        .with(authentication(Principals.staff("office-r", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                                Permission.SUBJECT_READ, Permission.OBJECTION_HANDLE))).with(csrf()))
                .andExpect(content().string(containsString("行政诉讼中")))
                .andExpect(content().string(not(containsString(person.number()))));
        UUID flag = proceedings.pendingOf(subject).get(record).get(0).id();
        mvc.perform(post("/console/objections/proceedings/{id}/clear", flag).with(authentication(office())).with(csrf()))
                .andExpect(flash().attribute("successKey", "objections.proceedingCleared"));
        mvc.perform(get("/me/file").with(authentication(citizen(subject))))
                .andExpect(content().string(not(containsString("行政诉讼中"))));
    }

    @Test
    void aCitizenObjectsToAListEntryWithEvidenceAndDownloadsOnlyTheirOwnEvidence() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "阚志诚");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕705号");
        UUID record = creditFile.fileOf(subject).get(0).recordKey();
        UUID entry = as("maker-e", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "某法规第十条", "严重失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        as("checker-e", () -> listing.approve(entry, "核实无误"));
        TestCitizens.Person other = TestCitizens.register(subjects, "阚志远");
        UUID otherSubject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, other.number())).orElseThrow();

        byte[] pdf = "%PDF-1.4 法院撤销判决书".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/me/objections").file(new MockMultipartFile("evidence", "判决书.pdf", "application/pdf", pdf))
                        .param("entryId", entry.toString()).param("reasons", "认定依据已被撤销")
                        .with(authentication(citizen(otherSubject))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/me/objections").param("recordKey", record.toString()).param("reasons", "不是他的记录")
                        .with(authentication(citizen(otherSubject))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/me/objections").file(new MockMultipartFile("evidence", "大文件.pdf", "application/pdf",
                                tooLarge())).param("entryId", entry.toString()).param("reasons", "附件过大")
                        .with(authentication(citizen(subject))).with(csrf()))
                .andExpect(flash().attribute("failureCode", "EVIDENCE_TOO_LARGE"));
        assertThat(objections.of(subject)).isEmpty();

        mvc.perform(multipart("/me/objections").file(new MockMultipartFile("evidence", "判决书.pdf", "application/pdf", pdf))
                        .param("entryId", entry.toString()).param("reasons", "认定依据已被撤销")
                        .with(authentication(citizen(subject))).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.objection.filed"));
        Objection filed = objections.of(subject).get(0);
        assertThat(filed.entryId()).isEqualTo(entry);
        assertThat(filed.recordKey()).isNull();
        assertThat(listing.entry(entry).orElseThrow().disputed()).isTrue();
        mvc.perform(get("/me/objections").with(authentication(citizen(subject))))
                .andExpect(content().string(containsString("严重失信主体名单")))
                .andExpect(content().string(containsString("判决书.pdf")));

        UUID file = objections.evidenceOf(filed.id()).get(0).id();
        mvc.perform(get("/me/objections/evidence/{id}", file).with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get("/me/objections/evidence/{id}", file).with(authentication(citizen(otherSubject))))
                .andExpect(status().isNotFound());

        as("office-e", () -> {
            objections.decide(filed.id(), filed.version(), Outcome.REMOVE_FROM_LIST, "认定依据已被撤销，移出名单");
            return null;
        });
        ListEntry after = listing.entry(entry).orElseThrow();
        assertThat(after.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(after.disputed()).isFalse();
    }

    /**
     * Issue #7: each look at a subject's evidence — by the credit office, the department the case was routed to, or the
     * subject — is recorded about the subject (RULES.md §10: every operation traceable); a refused look records nothing.
     */
    @Test
    void everyLookAtAnObjectionsEvidenceIsAuditedAboutTheSubject() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "阚书证");
        UUID subject = subject(person, "驻市监罚〔2026〕706号");
        byte[] pdf = "%PDF-1.4 缴款凭证".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "已缴纳罚款", "本人",
                java.util.List.of(new Objections.Upload("凭证.pdf", pdf)));
        UUID file = objections.evidenceOf(id).get(0).id();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        java.util.function.LongSupplier looks = () -> jdbc.sql("SELECT count(*) FROM audit.event WHERE action = "
                + "'objection.evidence' AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single();

        mvc.perform(get("/console/objections/evidence/{id}", file).with(authentication(office())))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        assertThat(looks.getAsLong()).isEqualTo(1);
        as("office-d", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        mvc.perform(get("/console/objection-answers/evidence/{id}", file).with(authentication(operator("MARKET"))))
                .andExpect(status().isOk());
        mvc.perform(get("/console/objection-answers/evidence/{id}", file).with(authentication(operator("COURT"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/objections/evidence/{id}", file).with(authentication(citizen(subject))))
                .andExpect(status().isOk());
        assertThat(looks.getAsLong()).as("office, department and subject; the refused look is none").isEqualTo(3);
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'objection.evidence' AND "
                + "subject_pseudonym = ?").param(pseudonym).query(String.class).list())
                .allSatisfy(d -> assertThat(d).contains(file.toString()).doesNotContain("凭证.pdf"));
        mvc.perform(get("/me/access").with(authentication(citizen(subject))))
                .andExpect(content().string(containsString("查看异议证明材料")));
    }

    /**
     * M4 of gaps-review-xxxi: the department a case was routed to downloads its evidence while the case is open and for
     * 30 days after the decision, then no more (the office and the subject still do); three years after the decision
     * the nightly retention empties the file, keeping its name and size, and the subject's page says it was deleted.
     * A case decided yesterday, and one decided long ago whose record has a lawsuit pending, keep their files.
     */
    @Test
    void evidenceLeavesTheRoutedDepartmentAfterThirtyDaysAndIsEmptiedThreeYearsAfterTheDecision() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "庞存证");
        UUID subject = subject(person, "驻市监罚〔2026〕781号");
        byte[] pdf = "%PDF-1.4 身份证复印件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚对象错误", "本人",
                java.util.List.of(new Objections.Upload("身份证.pdf", pdf)));
        UUID file = objections.evidenceOf(id).get(0).id();
        as("office-d", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        mvc.perform(get("/console/objection-answers/evidence/{id}", file).with(authentication(operator("MARKET"))))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        as("office-e", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.UPHOLD, "处罚事实清楚，维持");
            return null;
        });
        mvc.perform(get("/console/objection-answers/evidence/{id}", file).with(authentication(operator("MARKET"))))
                .andExpect(status().isOk()); // within the window after the decision

        decidedAgo(id, java.time.Period.ofDays(31));
        mvc.perform(get("/console/objection-answers/evidence/{id}", file).with(authentication(operator("MARKET"))))
                .andExpect(status().isForbidden());
        assertThat(catchThrowableOfType(CodedProblem.class, () -> objections.evidenceRoutedTo("MARKET", file)).code())
                .isEqualTo("EVIDENCE_WINDOW_CLOSED");
        mvc.perform(get("/console/objections/evidence/{id}", file).with(authentication(office())))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        retention.purge();
        assertThat(objections.evidenceOf(id).get(0).emptied()).as("31 days is not its period").isFalse();

        TestCitizens.Person contesting = TestCitizens.register(subjects, "庞诉讼");
        UUID other = subject(contesting, "驻市监罚〔2026〕782号");
        UUID otherRecord = creditFile.fileOf(other).get(0).recordKey();
        UUID sued = objections.file(other, otherRecord, "处罚对象错误", "本人",
                java.util.List.of(new Objections.Upload("说明.pdf", pdf)));
        as("office-e", () -> {
            objections.decide(sued, objections.find(sued).version(), Outcome.UPHOLD, "处罚事实清楚，维持");
            return null;
        });
        as("office-e", () -> proceedings.flag(other, otherRecord, cn.chengxin.creditfile.RecordProceeding.Kind.LAWSUIT,
                "本人已提起行政诉讼", subjects.pseudonymOf(other).orElseThrow()));
        decidedAgo(sued, java.time.Period.ofYears(3).plusDays(1));

        decidedAgo(id, java.time.Period.ofYears(3).plusDays(1));
        long events = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.evidence-retention'")
                .query(Long.class).single();
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        var emptied = objections.evidenceOf(id).get(0);
        assertThat(emptied.emptied()).isTrue();
        assertThat(emptied.size()).as("the size stays").isEqualTo(pdf.length);
        assertThat(emptied.filename()).isEqualTo("身份证.pdf");
        assertThat(jdbc.sql("SELECT content FROM objection.evidence WHERE id = ?").param(file).query(byte[].class)
                .optional()).as("the content is gone from the row").isEmpty();
        assertThat(objections.evidenceOf(sued).get(0).emptied()).as("a lawsuit is pending on its record").isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.evidence-retention' ORDER BY seq")
                .query(String.class).list()).hasSize((int) events + 1).last().asString()
                .startsWith("reason=ATTACHMENTS_EMPTIED; files=");
        assertThat(catchThrowableOfType(CodedProblem.class, () -> objections.evidence(file)).code())
                .isEqualTo("EVIDENCE_EMPTIED");
        mvc.perform(get("/me/objections/evidence/{id}", file).with(authentication(citizen(subject))))
                .andExpect(status().isConflict());
        mvc.perform(get("/me/objections").with(authentication(citizen(subject))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已超过保存期限，文件已删除")))
                .andExpect(content().string(not(containsString("/me/objections/evidence/" + file))));
    }

    /** Moves the case's decision back by {@code ago}, as if the clock had moved on since. */
    private void decidedAgo(UUID id, java.time.Period ago) {
        java.time.Instant then = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).minus(ago).toInstant();
        jdbc.sql("UPDATE objection.objection SET decided_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(then), id).update();
    }

    /**
     * Issue #7, RULES.md §5: a correction decided on an objection that its department has not delivered within its 3
     * working days is escalated to the credit office once — on the office's page, marked on the department's, told to
     * the subject, recorded about them — and the record stays 异议中 until the correction comes.
     */
    @Test
    void aCorrectionNotDeliveredInTimeIsEscalatedToTheCreditOfficeOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邰更正");
        UUID subject = subject(person, "驻市监罚〔2026〕707号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚金额录入错误", "本人");
        as("office-d", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.CORRECT, "经核实，金额有误，予以更正");
            return null;
        });
        LocalDate due = workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 3);

        assertThat(objections.watchDeadlines(at(due)).correctionsEscalated()).extracting(Objection::id)
                .doesNotContain(id);
        Objections.Watch after = objections.watchDeadlines(at(due.plusDays(1)));
        assertThat(after.correctionsEscalated()).extracting(Objection::id).contains(id);
        assertThat(objections.watchDeadlines(at(due.plusDays(2))).correctionsEscalated()).as("once")
                .extracting(Objection::id).doesNotContain(id);

        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(cn.chengxin.creditfile.RecordStatus.IN_DISPUTE);
        assertThat(notices.of(subject)).extracting(n -> n.kind()).contains("OBJECTION_CORRECTION_ESCALATED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'objection.correctionEscalate' AND "
                + "subject_pseudonym = ?").param(subjects.pseudonymOf(subject).orElseThrow()).query(Long.class).single())
                .isEqualTo(1);
        String page = mvc.perform(get("/console/objections").with(authentication(office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("data-correction=\"" + id + "\""));
        String item = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition().name();
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("驻市监罚〔2026〕707号", "市市场监督管理局",
                "data-field=\"correction-escalated\"", due.toString(), ">" + item + "</span>")
                .doesNotContain(person.number());
        String answers = mvc.perform(get("/console/objection-answers").with(authentication(operator("MARKET"))))
                .andReturn().getResponse().getContentAsString();
        String owed = answers.substring(answers.indexOf("data-correction=\"" + id + "\""));
        assertThat(owed.substring(0, owed.indexOf("</article>"))).contains("data-field=\"correction-escalated\"",
                ">" + item + "</span> <small");
    }

    /**
     * Henan Art. 42: the department's answer that the decision behind the record was revoked is the notice after which
     * the record is withdrawn within 1 working day — the case is due the next working day, not at the end of its 7,
     * and escalated to the office the day after; the office is offered 删除.
     */
    @Test
    void aRevokedBasisAnsweredByTheDepartmentIsDueTheNextWorkingDay() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔺撤销");
        UUID subject = subject(person, "驻市监罚〔2026〕711号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚决定已被复议撤销", "本人");
        as("office-d", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        LocalDate routedDue = objections.find(id).dueOn();
        as("operator-market", () -> {
            objections.answer("MARKET", id, objections.find(id).version(), DepartmentAnswer.BASIS_REVOKED, null,
                    "该处罚决定已于复议中被撤销");
            return null;
        });

        LocalDate due = workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 1);
        Objection answered = objections.find(id);
        assertThat(answered.answer().answer()).isEqualTo(DepartmentAnswer.BASIS_REVOKED);
        assertThat(answered.answer().answer().suggests()).isEqualTo(Outcome.DELETE);
        assertThat(answered.dueOn()).isEqualTo(due).isBefore(routedDue);
        assertThat(objections.watchDeadlines(at(due)).escalated()).extracting(Objection::id).doesNotContain(id);
        assertThat(objections.watchDeadlines(at(due.plusDays(1))).escalated()).extracting(Objection::id).contains(id);
    }

    /**
     * RULES.md §5 (Henan Art. 42): a department revoking a record while an objection against it is open ends the case
     * in the revocation's transaction — 删除（原决定已撤销）, the subject told why, audited — so the office has no
     * case left about a record that is gone, the deadline watch neither reminds nor escalates it, nobody decides it
     * after and there is nothing to review.
     */
    @Test
    void anOpenObjectionEndsWhenItsDepartmentRevokesTheRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔺撤回");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕721号", "无照经营"), decided);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "该处罚决定已被复议撤销", "本人");
        int version = objections.find(id).version();
        LocalDate due = objections.find(id).dueOn();

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "2", "REVOKE", "驻市监罚〔2026〕721号", "无照经营"), decided);

        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        Objection ended = objections.find(id);
        assertThat(ended.status()).isEqualTo(cn.chengxin.objection.domain.ObjectionStatus.DECIDED);
        assertThat(ended.outcome()).isEqualTo(Outcome.REVOKED_BY_DEPARTMENT);
        assertThat(ended.outcomeReasons()).contains("该记录已被撤销", "本异议终结办理");
        assertThat(ended.decidedBy()).isEqualTo("MARKET");
        assertThat(notices.of(subject)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("OBJECTION_DECIDED");
            assertThat(n.title()).contains(Outcome.REVOKED_BY_DEPARTMENT.label());
            assertThat(n.body()).contains("原决定已撤销");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'objection.endWithRevocation' AND "
                + "subject_pseudonym = ?").param(subjects.pseudonymOf(subject).orElseThrow()).query(Long.class)
                .single()).isEqualTo(1);

        assertThat(objections.open(0).items()).extracting(Objection::id).doesNotContain(id);
        assertThat(objections.watchDeadlines(at(due)).reminded()).extracting(Objection::id).doesNotContain(id);
        assertThat(objections.watchDeadlines(at(due.plusDays(5))).escalated()).extracting(Objection::id)
                .doesNotContain(id);
        assertThat(objections.find(id).escalated()).isFalse();
        CodedProblem late = catchThrowableOfType(CodedProblem.class, () -> as("office-d", () -> {
            objections.decide(id, version, Outcome.UPHOLD, "经核实无误");
            return null;
        }));
        assertThat(late.code()).isEqualTo("OBJECTION_ALREADY_DECIDED");
        CodedProblem review = catchThrowableOfType(CodedProblem.class,
                () -> objections.requestReview(subject, id, "请复核"));
        assertThat(review.code()).isEqualTo("OBJECTION_NOT_REVIEWABLE");
    }

    /**
     * A revocation does not wait for a case another transaction holds — a decision holds its case and then waits for
     * the record the revocation holds: the two would deadlock — but leaves it to that one; when that one decides
     * nothing (here it rolls back), the next deadline watch ends the case.
     */
    @Test
    void aRevocationLeavesACaseHeldElsewhereToItAndTheWatchEndsItIfLeftOpen() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔺撤忙");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕722号", "无照经营"), decided);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "该处罚决定已被复议撤销", "本人");

        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> holder = holdingCase(id, release, tx -> tx.setRollbackOnly());
        long started = System.nanoTime();
        try {
            TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                    "P_ADMIN_PENALTY_GENERAL", source, "2", "REVOKE", "驻市监罚〔2026〕722号", "无照经营"), decided);
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("not waited for")
                .isLessThan(java.time.Duration.ofSeconds(15));
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(objections.find(id).status().open()).as("left to the transaction holding it").isTrue();

        Objections.Watch watch = objections.watchDeadlines(clock);
        assertThat(watch.revoked()).extracting(Objection::id).contains(id);
        assertThat(objections.find(id).outcome()).isEqualTo(Outcome.REVOKED_BY_DEPARTMENT);
        assertThat(objections.watchDeadlines(clock).revoked()).as("once").extracting(Objection::id)
                .doesNotContain(id);
    }

    /**
     * The correction watch reads only the decisions whose correction may still be owed: one delivered is settled at
     * the next watch and read no more; what the watch and the lists find is unchanged — the correction still owed is
     * escalated once its deadline passes and listed until it comes, then settled in turn.
     */
    @Test
    void theCorrectionWatchSettlesWhatIsNoLongerOwedAndStillEscalatesWhatIs() throws Exception {
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestCitizens.Person owing = TestCitizens.register(subjects, "邰欠更");
        String owingSource = "T-" + UUID.randomUUID();
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(owing.number(), owing.name(),
                "P_ADMIN_PENALTY_GENERAL", owingSource, "1", "ADD", "驻市监罚〔2026〕731号", "无照经营"), decided);
        UUID owed = correctionDecided(owing);
        TestCitizens.Person done = TestCitizens.register(subjects, "邰已更");
        String doneSource = "T-" + UUID.randomUUID();
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(done.number(), done.name(),
                "P_ADMIN_PENALTY_GENERAL", doneSource, "1", "ADD", "驻市监罚〔2026〕732号", "无照经营"), decided);
        UUID delivered = correctionDecided(done);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(done.number(), done.name(),
                "P_ADMIN_PENALTY_GENERAL", doneSource, "2", "UPDATE", "驻市监罚〔2026〕732号", "无照经营（更正）"),
                decided);
        LocalDate due = workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 3);

        assertThat(objections.watchDeadlines(at(due)).correctionsEscalated()).extracting(Objection::id)
                .doesNotContain(owed, delivered);
        assertThat(settled(delivered)).as("delivered: read no more").isTrue();
        assertThat(settled(owed)).as("still owed").isFalse();
        assertThat(objections.watchDeadlines(at(due.plusDays(1))).correctionsEscalated()).extracting(Objection::id)
                .contains(owed).doesNotContain(delivered);
        assertThat(objections.correctionsOwedBy("MARKET")).extracting(c -> c.objection().id()).contains(owed)
                .doesNotContain(delivered);
        assertThat(objections.correctionsEscalated()).extracting(c -> c.objection().id()).contains(owed);
        assertThat(objections.watchDeadlines(at(due.plusDays(2))).correctionsEscalated()).as("once")
                .extracting(Objection::id).doesNotContain(owed);
        assertThat(settled(owed)).as("escalated, still owed").isFalse();

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(owing.number(), owing.name(),
                "P_ADMIN_PENALTY_GENERAL", owingSource, "2", "UPDATE", "驻市监罚〔2026〕731号", "无照经营（更正）"),
                decided);
        objections.watchDeadlines(at(due.plusDays(3)));
        assertThat(settled(owed)).as("delivered late: read no more").isTrue();
        assertThat(objections.correctionsEscalated()).extracting(c -> c.objection().id()).doesNotContain(owed);
        assertThat(objections.correctionsOwedBy("MARKET")).extracting(c -> c.objection().id()).doesNotContain(owed);
    }

    /**
     * Issue #8: a clerk decides 更正 at the moment the department revokes the record — the revocation leaves the case,
     * held by the decision, to it. The decision finds the record revoked: no correction is owed on it, so none is
     * listed to the department, and none is escalated after the 3 working days.
     */
    @Test
    void aCorrectionDecidedAsTheRecordIsRevokedIsOwedByNobody() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔺更撤");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕741号", "无照经营"), decided);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚金额录入错误", "本人");

        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // The decision holds its case first, as Objections.decide does, and decides once released.
        java.util.concurrent.CompletableFuture<Void> deciding = holdingCase(id, release, tx -> {
            try {
                as("office-d", () -> {
                    objections.decide(id, objections.find(id).version(), Outcome.CORRECT, "经核实，金额有误，予以更正");
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                    "P_ADMIN_PENALTY_GENERAL", source, "2", "REVOKE", "驻市监罚〔2026〕741号", "无照经营"), decided);
        } finally {
            release.countDown();
        }
        deciding.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(objections.find(id).outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(settled(id)).as("nothing owed on a revoked record").isTrue();
        assertThat(objections.correctionsOwedBy("MARKET")).extracting(c -> c.objection().id()).doesNotContain(id);

        LocalDate due = workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 3);
        assertThat(objections.watchDeadlines(at(due.plusDays(1))).correctionsEscalated()).extracting(Objection::id)
                .doesNotContain(id);
        assertThat(objections.correctionsEscalated()).extracting(c -> c.objection().id()).doesNotContain(id);
    }

    /**
     * Holds the case in a transaction of another thread, as a clerk's decision does, until {@code release}; then runs
     * {@code thenInIt} in that transaction (a decision, or a rollback). Returns once the case is held.
     */
    private java.util.concurrent.CompletableFuture<Void> holdingCase(UUID id,
            java.util.concurrent.CountDownLatch release,
            java.util.function.Consumer<org.springframework.transaction.TransactionStatus> thenInIt) throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> holder = java.util.concurrent.CompletableFuture.runAsync(() ->
                new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    jdbc.sql("SELECT id FROM objection.objection WHERE id = ? FOR UPDATE").param(id).query(UUID.class)
                            .single();
                    held.countDown();
                    try {
                        release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    thenInIt.accept(tx);
                }));
        assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    /** Files an objection on the person's only record and decides it as 更正; returns the case. */
    private UUID correctionDecided(TestCitizens.Person person) throws Exception {
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚金额录入错误", "本人");
        as("office-d", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.CORRECT, "经核实，金额有误，予以更正");
            return null;
        });
        return id;
    }

    private boolean settled(UUID id) {
        return jdbc.sql("SELECT correction_settled_at IS NOT NULL FROM objection.objection WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    private static byte[] tooLarge() {
        byte[] content = new byte[cn.chengxin.objection.domain.Evidence.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 5);
        return content;
    }

    private UsernamePasswordAuthenticationToken citizen(UUID subject) {
        return Principals.citizen(subjects, subject);
    }

    private static java.time.Clock at(LocalDate day) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return java.time.Clock.fixed(day.atTime(9, 0).atZone(china).toInstant(), china);
    }

    private UUID subject(TestCitizens.Person person, String decision) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                decision);
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private static UsernamePasswordAuthenticationToken operator(String departmentCode) {
        return Principals.staff("operator-" + departmentCode.toLowerCase(), departmentCode, Permission.CONSOLE_HOME,
                Permission.OBJECTION_ANSWER);
    }

    /** The purposes of the recorded looks at objection cases about the subject (F8). */
    private java.util.List<String> views(String pseudonym) {
        return jdbc.sql("SELECT purpose FROM audit.event WHERE action = 'objection.view' AND subject_pseudonym = ? "
                + "ORDER BY seq").param(pseudonym).query(String.class).list();
    }

    private static UsernamePasswordAuthenticationToken office() {
        return Principals.staff("office-d", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE);
    }
}
