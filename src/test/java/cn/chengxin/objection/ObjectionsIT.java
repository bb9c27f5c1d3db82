package cn.chengxin.objection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.AuditLogPages;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.OlderLinks;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestImages;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #8's objections on PostgreSQL: filing marks the record 异议中 at once (file, report); repeats merge; another
 * person's record is unknown; deadlines follow the working-day calendar; two decisions at once end in one; the
 * outcome sets the record's state and the report follows.
 */
@IntegrationTest
class ObjectionsIT {

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
    Reports reports;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.catalog.Catalogue catalogue;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    java.time.Clock clock;

    @Autowired
    cn.chengxin.creditfile.RecordProceedings proceedings;

    @Autowired
    cn.chengxin.listing.Listing listing;

    @Autowired
    cn.chengxin.account.Notices notices;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void anObjectionMarksTheRecordAtOnceMergesRepeatsAndItsDecisionSetsTheRecord() throws Exception {
        UUID owner = person("包文静", "驻市监罚〔2026〕501号");
        UUID other = person("冷志强", "驻市监罚〔2026〕502号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();

        CodedProblem wrongDecision = catchThrowableOfType(CodedProblem.class, () -> as("counter-clerk",
                () -> objections.fileAtCounter(subjects.revealNumber(owner).orElseThrow().number(), null,
                        "驻市监罚〔2026〕999号", "窗口代办")));
        assertThat(wrongDecision.code()).isEqualTo("OBJECTION_RECORD_UNKNOWN");
        UUID atCounter = as("counter-clerk", () -> objections.fileAtCounter(
                subjects.revealNumber(other).orElseThrow().number(), null, "驻市监罚〔2026〕502号", "本人到窗口提出"));
        assertThat(objections.find(atCounter).filedBy()).isEqualTo("窗口代办：counter-clerk");
        assertThat(creditFile.fileOf(other).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);

        CodedProblem notHers = catchThrowableOfType(CodedProblem.class,
                () -> objections.file(other, record, "不是我的", "本人"));
        assertThat(notHers.code()).isEqualTo("OBJECTION_RECORD_UNKNOWN");

        UUID id = objections.file(owner, record, "处罚决定已被撤销，见复议决定书", "本人");
        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);
        assertThat(PdfText.compact(reports.forSelf(owner, ReportKind.SELF_FULL).pdf())).contains("异议处理中");
        assertThat(objections.file(owner, record, "再次提出", "本人")).isEqualTo(id);
        Objection filed = objections.find(id);
        assertThat(filed.repeats()).isEqualTo(1);
        LocalDate today = LocalDate.now(clock); // the platform's (Beijing) date, not the machine's
        assertThat(filed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(today, 3));

        as("clerk-a", () -> {
            objections.route(id, filed.version());
            return null;
        });
        Objection routed = objections.find(id);
        assertThat(routed.status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);
        assertThat(routed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(today, 7));

        // Past its deadline, the case is overdue and counted on the console's dashboard.
        // Received and due yesterday (V575: a case is never due before its receipt nor beyond the 20-day ceiling).
        jdbc.sql("UPDATE objection.objection SET received_on = ?, due_on = ? WHERE id = ?")
                .params(today.minusDays(1), today.minusDays(1), id).update();
        assertThat(objections.find(id).overdue(today)).isTrue();
        assertThat(objections.workload().overdue()).isPositive();

        // Two people decide at once: exactly one decision.
        CompletableFuture<Throwable> a = CompletableFuture.supplyAsync(() -> decide("clerk-a", id, routed.version(),
                Outcome.DELETE));
        CompletableFuture<Throwable> b = CompletableFuture.supplyAsync(() -> decide("clerk-b", id, routed.version(),
                Outcome.UPHOLD));
        List<Throwable> results = java.util.Arrays.asList(a.get(), b.get());
        assertThat(results).filteredOn(t -> t == null).hasSize(1);
        assertThat(results).filteredOn(t -> t != null).singleElement()
                .satisfies(t -> assertThat(((CodedProblem) t).code()).isEqualTo("OBJECTION_ALREADY_DECIDED"));
        Objection decided = objections.find(id);
        RecordStatus expected = decided.outcome() == Outcome.DELETE ? RecordStatus.REVOKED : RecordStatus.ACTIVE;
        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(expected);
        String after = PdfText.compact(reports.forSelf(owner, ReportKind.SELF_FULL).pdf());
        assertThat(after).doesNotContain("异议处理中");
        if (expected == RecordStatus.REVOKED) {
            assertThat(after).doesNotContain("驻市监罚〔2026〕501号");
        } else {
            assertThat(after).contains("驻市监罚〔2026〕501号");
        }

        // K7: the case's events record reason codes and values, which 审计日志 names in the reader's language.
        assertThat(jdbc.sql("SELECT action || ' ' || detail FROM audit.event WHERE subject_pseudonym = ? AND action IN "
                        + "('objection.file', 'objection.merge', 'objection.route', 'objection.decide') ORDER BY seq")
                .param(subjects.pseudonymOf(owner).orElseThrow()).query(String.class).list()).containsExactly(
                "objection.file reason=OBJECTION_ON_RECORD; item=P_ADMIN_PENALTY_GENERAL; decision=驻市监罚〔2026〕501号; "
                        + "attachments=0",
                "objection.merge reason=OBJECTION_ON_RECORD; item=P_ADMIN_PENALTY_GENERAL; decision=驻市监罚〔2026〕501号; "
                        + "attachments=0",
                "objection.route reason=OBJECTION_ROUTED; department=MARKET; due=" + routed.dueOn() + "; departmentDue="
                        + routed.departmentDue(),
                "objection.decide reason=OBJECTION_DECIDED; outcome=#objections.outcome." + decided.outcome().name());
        Map<Outcome, List<String>> words = Map.of(Outcome.DELETE, List.of("办结：删除（信息有误）",
                "Decided: Delete (information wrong)"), Outcome.UPHOLD, List.of("办结：维持原记录", "Decided: Uphold the record"));
        assertThat(AuditLogPages.events(mvc, "objection.decide", decided.decidedBy(), false))
                .contains(words.get(decided.outcome()).get(0)).doesNotContain("reason=OBJECTION_DECIDED");
        assertThat(AuditLogPages.events(mvc, "objection.decide", decided.decidedBy(), true))
                .contains(words.get(decided.outcome()).get(1)).doesNotContain("reason=OBJECTION_DECIDED");
    }

    /**
     * Issue #8 (J3 of gaps-review-xxviii): "the first is always recorded; repeats on the same record are merged; rate
     * limits per account". A department wrongly delivers thirteen penalties about one person: twelve first objections
     * from their self-service account in one day are all recorded and marked 异议中; the account's repeats merge up to
     * the daily limit and the next is refused OBJECTION_RATE_LIMITED, while a first objection still passes and the
     * counter clerk, another account, may still add to a case for them.
     */
    /**
     * Gaps review xxxvii (tests) Q5: the deadlines are pinned to days written here, not to the calendar's own answer.
     * Filed on Wednesday 30 September 2026, the eve of 国庆节 (1–7 October in the platform's calendar, V21), with
     * Saturday 10 October a 调休 working day: 3 working days are Thursday 8, Friday 9 and Saturday 10 October; routed
     * the same day, the case's 7 are due Thursday 15 October and the department answers its 3 by Saturday 10
     * (RULES.md §5). Calendar days would give 3 October, weekdays without the holidays 5 October, the holidays without
     * the 调休 Saturday 12 October: a service wired to any of them fails here whatever day the test runs.
     */
    @Test
    void anObjectionFiledOnTheEveOfNationalDayIsDueOnTheWorkingDaysAfterItCountingTheAdjustedSaturday()
            throws Exception {
        Objections onTheEve = objectionsAt(LocalDate.of(2026, 9, 30));
        UUID owner = person("国庆前", "驻市监罚〔2026〕530号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();

        UUID id = onTheEve.file(owner, record, "处罚决定书文号有误", "本人");
        Objection filed = onTheEve.find(id);
        assertThat(filed.receivedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(filed.dueOn()).isEqualTo(LocalDate.of(2026, 10, 10));

        as("clerk-a", () -> {
            onTheEve.route(id, filed.version());
            return null;
        });
        Objection routed = onTheEve.find(id);
        assertThat(routed.status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);
        assertThat(routed.dueOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(routed.departmentDue()).isEqualTo(LocalDate.of(2026, 10, 10));

        // Closed, so that no other test's overdue counts meet a case of last September.
        assertThat(decide("clerk-b", id, routed.version(), Outcome.UPHOLD)).isNull();
        assertThat(objections.find(id).status().open()).isFalse();
    }

    /** The platform's objections on a fixed day, transactional as the platform's own bean is. */
    private Objections objectionsAt(LocalDate day) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        Objections at = new Objections(context.getBean(cn.chengxin.objection.persistence.JdbcObjections.class),
                creditFile, listing, subjects, workingDays, context.getBean(cn.chengxin.audit.AuditLog.class),
                java.time.Clock.fixed(day.atTime(10, 0).atZone(china).toInstant(), china),
                context.getBean(ObjectionNotices.class), proceedings, catalogue,
                context.getBean(ObjectionSettings.class), context.getBean(cn.chengxin.exchange.ReceivedEntries.class),
                context.getBean(cn.chengxin.account.CaseRecusal.class));
        return (Objections) context.getAutowireCapableBeanFactory().initializeBean(at, "objectionsOn" + day);
    }

    @Test
    void everyFirstObjectionIsRecordedAndOnlyAnAccountsRepeatsPastTheDailyLimitAreRefused() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "欧阳错");
        for (int i = 1; i <= 13; i++) {
            TestRecords.penalty(mvc, apiClients, directory, p.number(), "欧阳错", "P_ADMIN_PENALTY_GENERAL",
                    "驻市税罚〔2026〕" + (700 + i) + "号");
        }
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        List<FileEntry> file = creditFile.fileOf(owner);
        assertThat(file).hasSize(13);
        List<UUID> records = file.stream().map(FileEntry::recordKey).toList();
        UsernamePasswordAuthenticationToken self = Principals.citizen(subjects, owner);

        for (UUID record : records.subList(0, 12)) {
            signedIn(self, () -> objections.file(owner, record, "税务局报送时错列，不是我的处罚", "本人"));
        }
        assertThat(creditFile.fileOf(owner)).filteredOn(e -> records.subList(0, 12).contains(e.recordKey()))
                .hasSize(12).extracting(FileEntry::status).containsOnly(RecordStatus.IN_DISPUTE);
        assertThat(objections.of(owner)).hasSize(12);

        for (int i = 0; i < cn.chengxin.objection.domain.RepeatFilingLimit.PER_DAY; i++) {
            UUID record = records.get(i);
            signedIn(self, () -> objections.file(owner, record, "补充说明", "本人"));
        }
        CodedProblem limited = catchThrowableOfType(CodedProblem.class,
                () -> signedIn(self, () -> objections.file(owner, records.get(0), "再次补充", "本人")));
        assertThat(limited.code()).isEqualTo("OBJECTION_RATE_LIMITED");
        UUID first = objections.of(owner).stream().filter(o -> records.get(0).equals(o.recordKey())).findFirst()
                .orElseThrow().id();
        assertThat(objections.find(first).repeats()).isEqualTo(1);

        // Past the limit, a first objection to the thirteenth record is still recorded and marks it.
        signedIn(self, () -> objections.file(owner, records.get(12), "同样错列", "本人"));
        assertThat(creditFile.fileOf(owner)).filteredOn(e -> e.recordKey().equals(records.get(12)))
                .singleElement().extracting(FileEntry::status).isEqualTo(RecordStatus.IN_DISPUTE);

        // The limit is the account's, not the subject's: the clerk at the counter adds to the first case.
        assertThat(as("counter-rate", () -> objections.fileAtCounter(p.number(), null, file.get(0).decisionNumber(),
                "本人到窗口补充材料"))).isEqualTo(first);
        assertThat(objections.find(first).repeats()).isEqualTo(2);
    }

    /** Runs a facade call as the signed-in account of {@code authentication}, as a self-service request would. */
    private static <T> T signedIn(UsernamePasswordAuthenticationToken authentication,
                                  java.util.concurrent.Callable<T> action) throws Exception {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * A passport holder's objection is filed, and a lawsuit flagged, at the counter by naming the document type, code
     * or label (issue #8); an unknown type is refused with its code, and without a type the number is refused as it
     * always was. The console never shows the number.
     */
    @Test
    void aPassportHoldersObjectionIsFiledAtTheCounterByNamingTheDocumentType() throws Exception {
        PassportPenalty penalty = passportHoldersPenalty();
        String passport = penalty.passport();
        String decision = penalty.decision();
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();

        // Refused, the counter form comes back with what was typed (issue #5: bad input loses nothing).
        counter("/console/objections", passport, null, decision).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "ID_FORMAT"));
        counter("/console/objections", passport, "驾驶证", decision).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "DOCUMENT_TYPE_UNKNOWN"));
        assertThat(objections.of(holder)).isEmpty();
        counter("/console/objections", passport, "PASSPORT", decision)
                .andExpect(flash().attribute("successKey", "objections.filedAtCounter"));
        assertThat(objections.of(holder)).singleElement()
                .satisfies(o -> assertThat(o.filedBy()).isEqualTo("窗口代办：counter-pp"));
        assertThat(creditFile.fileOf(holder).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);

        counter("/console/objections/proceedings", passport, "护照", decision)
                .andExpect(flash().attribute("successKey", "objections.proceedingFlagged"));
        assertThat(proceedings.pendingOf(holder)).isNotEmpty();
        String page = mvc.perform(get("/console/objections").with(authentication(counterStaff())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"documentType\"", "护照").doesNotContain(passport);
    }

    /** The console names an objection's state, outcomes, pauses and proceedings in the reader's language (issue #8). */
    @Test
    void theConsoleNamesObjectionsStatesAndOutcomesInTheReadersLanguage() throws Exception {
        PassportPenalty penalty = passportHoldersPenalty();
        String passport = penalty.passport();
        String decision = penalty.decision();
        counter("/console/objections", passport, "PASSPORT", decision)
                .andExpect(flash().attribute("successKey", "objections.filedAtCounter"));

        // The queue names the state; the case, opened (F8), its outcomes and pause kinds.
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        UUID id = objections.of(holder).get(0).id();
        String english = mvc.perform(get("/console/objections").param("lang", "en")
                .with(authentication(counterStaff()))).andReturn().getResponse().getContentAsString()
                + mvc.perform(get("/console/objections/{id}", id).param("lang", "en")
                .with(authentication(counterStaff()))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains(">Received</span>", ">Uphold the record</option>", ">Expert review</option>",
                        ">Under administrative litigation</option>")
                .doesNotContain(">已受理</span>", ">维持原记录</option>", ">专家评审</option>", ">行政诉讼中</option>");
        String chinese = mvc.perform(get("/console/objections").with(authentication(counterStaff())))
                .andReturn().getResponse().getContentAsString()
                + mvc.perform(get("/console/objections/{id}", id).with(authentication(counterStaff())))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains(">已受理</span>", ">维持原记录</option>", ">专家评审</option>",
                ">行政诉讼中</option>");
    }

    /**
     * The citizen's objections page names an objection's state and outcome, and the list an entry objected to is on,
     * in the reader's language (issue #5); in Chinese, the default, as before.
     */
    @Test
    void theCitizensObjectionsPageNamesStatesAndOutcomesInTheReadersLanguage() throws Exception {
        UUID owner = person("翁若溪", "驻市监罚〔2026〕551号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "处罚决定已被撤销", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.UPHOLD)).isNull();
        UUID entry = as("maker-lang", () -> listing.propose(owner, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级道德模范", LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        objections.fileAgainstEntry(owner, entry, "我不愿被公示", "本人", List.of());
        var citizen = authentication(Principals.citizen(subjects, owner));

        String english = mvc.perform(get("/me/objections").param("lang", "en").with(citizen)).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains(">Decided</span>", ">Uphold the record</span>", ">Received</span>",
                "<span>Red list</span>").doesNotContain(">已办结<", ">维持原记录<", ">已受理<", "红名单");
        String chinese = mvc.perform(get("/me/objections").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(chinese).contains("<span data-field=\"state\">已办结</span>",
                "<span data-field=\"outcome\">维持原记录</span>", ">已受理</span>", "<span>红名单</span>");
    }

    /**
     * L3 of gaps-review-xxx (98号 四(三); RULES.md §5): a 维持 decision ends with the remedies and their last days,
     * counted from the decision day — a review here once, 行政复议 within 60 days, a lawsuit within six months — in both
     * languages; the review's own decision leaves only 行政复议 and the lawsuit; a deletion, granted in full, none.
     */
    @Test
    void aDecisionNoticeEndsWithTheRemediesAndTheirLastDays() throws Exception {
        UUID owner = person("严知途", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号");
        UUID id = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "处罚决定已被撤销", "本人");
        assertThat(decide("clerk-l3", id, objections.find(id).version(), Outcome.UPHOLD)).isNull();
        LocalDate today = LocalDate.now(clock);
        String reconsideration = today.plusDays(60).toString();
        String lawsuit = today.plusMonths(6).toString();
        cn.chengxin.account.Notice upheld = notices.of(owner).get(0);
        assertThat(upheld.kind()).isEqualTo("OBJECTION_DECIDED");
        assertThat(upheld.body()).endsWith("理由：经核实，维持原记录。如对处理结果有异议，可在个人中心“我的异议”申请复核一次；"
                + "对处理决定不服的，可于 " + reconsideration + " 前依法申请行政复议，或于 " + lawsuit + " 前依法提起行政诉讼。");
        assertThat(cn.chengxin.support.NoticeBundles.inChinese("OBJECTION_DECIDED", "body", upheld.args()))
                .isEqualTo(upheld.body());
        var citizen = authentication(Principals.citizen(subjects, owner));
        String english = mvc.perform(get("/me/notices").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("you may ask once for a review under",
                "apply for administrative reconsideration by " + reconsideration,
                "bring an administrative lawsuit by " + lawsuit).doesNotContain("{3}", "行政复议");

        UUID review = objections.requestReview(owner, id, "请复核");
        assertThat(decide("clerk-l3r", review, objections.find(review).version(), Outcome.UPHOLD)).isNull();
        assertThat(notices.of(owner).get(0).body()).doesNotContain("复核一次")
                .endsWith("对处理决定不服的，可于 " + reconsideration + " 前依法申请行政复议，或于 " + lawsuit + " 前依法提起行政诉讼。");

        UUID other = person("严知返", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号");
        UUID deleted = objections.file(other, creditFile.fileOf(other).get(0).recordKey(), "系错误录入", "本人");
        assertThat(decide("clerk-l3", deleted, objections.find(deleted).version(), Outcome.DELETE)).isNull();
        assertThat(notices.of(other).get(0).body()).endsWith("理由：经核实，删除（信息有误）。");
    }

    /**
     * K9: 我的异议 is paged. With more objections than one page, the oldest (a year old, decided, its review asked for)
     * is not on the first page, which links to older records; following the link reaches it with its outcome and
     * reasons, and no second review is offered there although its review is on the first page. A review asked for on
     * that older page returns the person to it.
     */
    @Test
    void theOldestObjectionIsReachedOnAnOlderPage() throws Exception {
        UUID owner = person("柏旧议", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号");
        UUID oldest = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "处罚决定已被撤销", "本人");
        assertThat(decide("clerk-k9", oldest, objections.find(oldest).version(), Outcome.UPHOLD)).isNull();
        UUID review = objections.requestReview(owner, oldest, "请复核");
        jdbc.sql("UPDATE objection.objection SET filed_at = filed_at - interval '1 year' WHERE id = ?").param(oldest)
                .update();
        jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, item_code, department_code, reasons,
                                                         filed_by, filed_at, status, due_on, received_on, outcome,
                                                         outcome_reasons, decided_by, decided_at)
                        SELECT gen_random_uuid(), subject_id, record_key, item_code, department_code, reasons, filed_by,
                               filed_at + n * interval '1 day', status, due_on, received_on, outcome, '副本 ' || n,
                               decided_by, decided_at
                        FROM objection.objection, generate_series(1, ?) n WHERE id = ?""")
                .params(20, oldest).update(); // with the review, more than a page (MyObjections.OBJECTIONS_PER_PAGE)
        var citizen = authentication(Principals.citizen(subjects, owner));
        String reasons = "经核实，" + Outcome.UPHOLD.label();

        String newest = mvc.perform(get("/me/objections").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(newest).doesNotContain(reasons).doesNotContain("data-field=\"newest\"");
        String olderPage = OlderLinks.of(newest);
        String older = mvc.perform(get(olderPage).with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(older).contains(reasons).contains("data-field=\"newest\"")
                .doesNotContain("/me/objections/" + oldest + "/review");
        assertThat(OlderLinks.present(older)).isFalse();

        // 申请复核 on a copy decided on the older page (the record's open review decided first: one open case a
        // record) returns there, the copy no longer reviewable.
        assertThat(decide("clerk-k9r", review, objections.find(review).version(), Outcome.UPHOLD)).isNull();
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("/me/objections/([0-9a-f-]{36})/review")
                .matcher(older);
        assertThat(form.find()).as("a decision to review on the older page").isTrue();
        String before = OlderLinks.before(olderPage);
        assertThat(older).contains("name=\"before\" value=\"" + before + "\"");
        mvc.perform(post("/me/objections/{id}/review", form.group(1)).param("reasons", "请复核副本")
                        .param("before", before).with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.objection.reviewRequested"))
                .andExpect(redirectedUrl(olderPage));
        assertThat(mvc.perform(get(olderPage).with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/me/objections/" + form.group(1) + "/review");
    }

    /**
     * Issue #8: a review request the server refuses (here reasons over 2000 characters) comes back to 我的异议 with
     * the refusal shown and the reasons as written in that case's form, an identity number in them masked, not an
     * empty form; nothing is requested.
     */
    @Test
    void aRefusedReviewRequestComesBackWithItsReasons() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "卢复议");
        TestRecords.penalty(mvc, apiClients, directory, p.number(), "卢复议", "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕561号");
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "处罚决定已被撤销", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.UPHOLD)).isNull();
        var citizen = authentication(Principals.citizen(subjects, owner));
        String typed = "本人身份证号 " + p.number() + "，复核理由：" + "罚款已缴清，".repeat(400);

        var refused = mvc.perform(post("/me/objections/{id}/review", id).param("reasons", typed)
                        .with(citizen).with(csrf()))
                .andExpect(flash().attribute("failureCode", "OBJECTION_REASONS"))
                .andExpect(redirectedUrl("/me/objections#review-" + id)).andReturn();
        assertThat(objections.of(owner)).hasSize(1);
        String again = mvc.perform(get("/me/objections").with(citizen)
                        .with(cn.chengxin.support.Sessions.flashOf(refused)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("OBJECTION_REASONS").doesNotContain(p.number())
                .containsPattern("(?s)id=\"review-" + id + "\">本人身份证号 \\S+，复核理由：罚款已缴清，罚款已缴清，");

        mvc.perform(post("/me/objections/{id}/review", id).param("reasons", "罚款已缴清，请复核").with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.objection.reviewRequested"))
                .andExpect(redirectedUrl("/me/objections"));
        assertThat(objections.of(owner)).hasSize(2);
    }

    /**
     * The citizen's credit file names a record's nature, state and flagged proceedings, and the console's its state and
     * proceedings, in the reader's language (issue #5); in Chinese, the default, as before. The number stays masked.
     */
    @Test
    void theCitizensFileNamesNaturesStatesAndProceedingsInTheReadersLanguage() throws Exception {
        UUID owner = person("鲍听澜", "驻市监罚〔2026〕552号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        objections.file(owner, record, "处罚决定已被撤销", "本人");
        as("counter-pp", () -> proceedings.flag(owner, record, cn.chengxin.creditfile.RecordProceeding.Kind.LAWSUIT,
                "（2026）豫1702行初1号", subjects.pseudonymOf(owner).orElseThrow()));
        var citizen = authentication(Principals.citizen(subjects, owner));

        String english = mvc.perform(get("/me/file").param("lang", "en").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("<td>Dishonesty information</td>", "<span>In dispute</span>",
                        ">Under administrative litigation</span>")
                .doesNotContain("<td>失信信息</td>", "<span>异议中</span>", ">行政诉讼中</span>", "<td>公开公示</td>",
                        "<td>政务共享</td>", "<td>授权查询</td>");
        String chinese = mvc.perform(get("/me/file").with(citizen)).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("<td>失信信息</td>", "<span>异议中</span>", ">行政诉讼中</span>");

        String number = subjects.revealNumber(owner).orElseThrow().number();
        assertThat(consoleFile(number, "en"))
                .contains("<span>In dispute</span>", ">Under administrative litigation</span>")
                .doesNotContain("<span>异议中</span>", ">行政诉讼中</span>", number);
        assertThat(consoleFile(number, "zh_CN")).contains("<span>异议中</span>", ">行政诉讼中</span>")
                .doesNotContain(number);
    }

    private String consoleFile(String number, String lang) throws Exception {
        return mvc.perform(post("/console/file").param("number", number).param("purpose", "OBJECTION_HANDLING")
                        .param("lang", lang).with(csrf()).with(authentication(Principals.staff("file-clerk",
                                "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.SUBJECT_READ))))
                .andReturn().getResponse().getContentAsString();
    }

    private record PassportPenalty(String passport, String decision) {
    }

    /** A passport holder fined by the market regulator, under a decision number of its own. */
    private PassportPenalty passportHoldersPenalty() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, "PASSPORT", passport, "史密斯", "P_ADMIN_PENALTY_GENERAL",
                decision);
        return new PassportPenalty(passport, decision);
    }

    /** The counter forms' fields; a lawsuit's details are sent too (the objection form ignores them). */
    private org.springframework.test.web.servlet.ResultActions counter(String form, String number,
                                                                     String documentType, String decision)
            throws Exception {
        var request = post(form).param("number", number).param("decisionNumber", decision)
                .param("reasons", "本人到窗口提出").param("kind", "LAWSUIT").param("note", "（2026）豫1702行初16号");
        if (documentType != null) {
            request.param("documentType", documentType);
        }
        return mvc.perform(request.with(authentication(counterStaff())).with(csrf()));
    }

    private static UsernamePasswordAuthenticationToken counterStaff() {
        return Principals.staff("counter-pp", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE);
    }

    @Test
    void evidenceIsCheckedByContentAndAnExecutableRenamedPdfIsRefusedWithNothingFiled() throws Exception {
        UUID owner = person("伍家豪", "驻市监罚〔2026〕511号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        var citizen = UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(UUID.randomUUID(), owner,
                        subjects.pseudonymOf(owner).orElseThrow(), "伍*豪"), null,
                List.of(new SimpleGrantedAuthority("CITIZEN"),
                        new SimpleGrantedAuthority(
                                Permission.SELF_SERVICE.code())));
        var exe = new MockMultipartFile("evidence", "复议决定书.pdf", "application/pdf",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        mvc.perform(multipart("/me/objections")
                        .file(exe).param("recordKey", record.toString()).param("reasons", "附件为复议决定书")
                        .with(csrf())
                        .with(authentication(citizen)))
                .andExpect(flash().attribute("failureCode", "EVIDENCE_TYPE"));
        assertThat(objections.of(owner)).isEmpty();
        // Refused, the credit file's form comes back with the record chosen and the reasons as written.
        var refused = mvc.perform(multipart("/me/objections")
                        .file(exe).param("recordKey", record.toString()).param("reasons", "附件为复议决定书，请核查")
                        .with(csrf()).with(authentication(citizen)))
                .andExpect(redirectedUrl("/me/file")).andReturn();
        String again = mvc.perform(get("/me/file").with(authentication(citizen))
                        .with(cn.chengxin.support.Sessions.flashOf(refused)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("EVIDENCE_TYPE", ">附件为复议决定书，请核查</textarea>")
                .containsPattern("value=\"" + record + "\"\\s+selected=\"selected\"");
        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(RecordStatus.ACTIVE);

        byte[] pdf = "%PDF-1.4\n% 复议决定书（测试）\n".getBytes(StandardCharsets.UTF_8);
        var good = new MockMultipartFile("evidence", "decision.pdf", "application/pdf", pdf);
        mvc.perform(multipart("/me/objections")
                        .file(good).param("recordKey", record.toString()).param("reasons", "附件为复议决定书")
                        .with(csrf())
                        .with(authentication(citizen)))
                .andExpect(flash().attribute("successKey", "me.objection.filed"));
        Objection filed = objections.of(owner).get(0);
        var files = objections.evidenceOf(filed.id());
        assertThat(files).singleElement().satisfies(f -> assertThat(f.contentType()).isEqualTo("application/pdf"));
        assertThat(objections.evidence(files.get(0).id()).content()).isEqualTo(pdf);
    }

    /**
     * Gaps review xxxi M4 (PIPL Art. 51, RULES.md §10): evidence is kept sealed in its row, not in clear, and opens on
     * download; a photo is kept without its EXIF (the GPS position); a file stored in clear before V311 still opens.
     */
    @Test
    void evidenceIsStoredSealedWithoutAPhotosPositionAndOpensOnDownload() throws Exception {
        UUID owner = person("封存证", "驻市监罚〔2026〕512号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        byte[] pdf = "%PDF-1.4\n% 银行流水（测试）账号 6222020200112233445\n".getBytes(StandardCharsets.UTF_8);
        TestImages.Picture photo = TestImages.jpeg();

        UUID id = objections.file(owner, record, "附件为缴款凭证及现场照片", "本人", List.of(
                new Objections.Upload("流水.pdf", pdf), new Objections.Upload("photo.jpg", photo.withMetadata())));

        var files = objections.evidenceOf(id);
        var stored = files.stream().filter(f -> f.contentType().equals("application/pdf")).findFirst().orElseThrow();
        var picture = files.stream().filter(f -> f.contentType().equals("image/jpeg")).findFirst().orElseThrow();
        assertThat(stored.size()).as("the file's own size").isEqualTo(pdf.length);
        assertThat(picture.size()).isEqualTo(photo.plain().length);
        for (var file : files) {
            var row = jdbc.sql("SELECT content, content_key_version FROM objection.evidence WHERE id = ?")
                    .param(file.id()).query((rs, n) -> Map.entry(rs.getBytes(1), rs.getInt(2))).single();
            assertThat(row.getValue()).as("sealed under a key version").isPositive();
            assertThat(TestImages.contains(row.getKey(), "6222020200112233445".getBytes(StandardCharsets.US_ASCII)))
                    .isFalse();
            assertThat(TestImages.contains(row.getKey(), Arrays.copyOfRange(photo.plain(), 200, 240))).isFalse();
        }
        assertThat(objections.evidence(stored.id()).content()).isEqualTo(pdf);
        byte[] downloaded = objections.evidence(picture.id()).content();
        assertThat(downloaded).as("the picture, without its EXIF").isEqualTo(photo.plain());
        assertThat(TestImages.contains(downloaded, TestImages.GPS.getBytes(StandardCharsets.US_ASCII))).isFalse();

        jdbc.sql("UPDATE objection.evidence SET content = ?, content_key_version = NULL WHERE id = ?")
                .params(pdf, stored.id()).update();
        assertThat(objections.evidence(stored.id()).content()).as("stored in clear before V311")
                .isEqualTo(pdf);
    }

    @Test
    void aCorrectionFromTheDepartmentDoesNotResumeADisplayThatAnObjectionStopped() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "邵雨桐");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕531号", "无照经营"), decided);
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "该处罚的公示期已满", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.STOP_DISPLAY)).isNull();
        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(RecordStatus.EXPIRED);

        // The department corrects a typo in the facts; the decision date, so the window, stays as it was: open.
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "2", "UPDATE", "驻市监罚〔2026〕531号", "无照经营（更正）"), decided);
        assertThat(creditFile.fileOf(owner).get(0)).satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.status()).as("the objection's outcome stands").isEqualTo(RecordStatus.EXPIRED);
        });
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "3", "UPDATE", "驻市监罚〔2026〕531号", "无照经营（再更正）"), decided);
        assertThat(creditFile.fileOf(owner).get(0).status()).as("and keeps standing").isEqualTo(RecordStatus.EXPIRED);

        // Taken out of display by its window instead, a record comes back when a correction reopens the window.
        TestCitizens.Person q = TestCitizens.register(subjects, "邵雨晨");
        String other = "T-" + UUID.randomUUID();
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(q.number(), q.name(),
                "P_ADMIN_PENALTY_GENERAL", other, "1", "ADD", "驻市监罚〔2026〕532号", "无照经营"), decided);
        UUID holder = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, q.number())).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE creditfile.record SET publication_end = ? WHERE source_record_id = ? AND current")
                .params(today.minusDays(1), other).update();
        creditFile.applyWindows(today);
        assertThat(creditFile.fileOf(holder).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(q.number(), q.name(),
                "P_ADMIN_PENALTY_GENERAL", other, "2", "UPDATE", "驻市监罚〔2026〕532号", "无照经营（更正）"), decided);
        assertThat(creditFile.fileOf(holder).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
    }

    /**
     * RULES.md §4: past its window a record is neither shown nor used, in dispute or not. The day after its last day
     * a disputed record's publication ends as any other's; its objection's decision then leaves it ended when the
     * record is maintained, and revokes it when the record was wrong.
     */
    @Test
    void aDisputedRecordPastItsWindowIsNoLongerShownAndItsDecisionDoesNotShowItAgain() throws Exception {
        UUID maintained = person("滕文静", "驻市监罚〔2026〕511号");
        UUID wrong = person("滕志强", "驻市监罚〔2026〕512号");
        UUID keep = objections.file(maintained, creditFile.fileOf(maintained).get(0).recordKey(), "已过公示期", "本人");
        UUID drop = objections.file(wrong, creditFile.fileOf(wrong).get(0).recordKey(), "信息有误", "本人");
        LocalDate lastDay = creditFile.fileOf(maintained).get(0).publicationEnd();

        creditFile.applyWindows(lastDay);
        assertThat(creditFile.fileOf(maintained).get(0).status()).as("on its last day").isEqualTo(RecordStatus.IN_DISPUTE);
        creditFile.applyWindows(lastDay.plusDays(1));
        assertThat(creditFile.fileOf(maintained).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
        assertThat(creditFile.fileOf(wrong).get(0).status()).isEqualTo(RecordStatus.EXPIRED);

        for (UUID id : List.of(keep, drop)) {
            as("clerk-a", () -> {
                objections.route(id, objections.find(id).version());
                return null;
            });
        }
        assertThat(decide("clerk-a", keep, objections.find(keep).version(), Outcome.UPHOLD)).isNull();
        assertThat(decide("clerk-a", drop, objections.find(drop).version(), Outcome.DELETE)).isNull();
        assertThat(creditFile.fileOf(maintained).get(0).status()).as("maintained, and still past its window")
                .isEqualTo(RecordStatus.EXPIRED);
        assertThat(creditFile.fileOf(wrong).get(0).status()).as("found wrong").isEqualTo(RecordStatus.REVOKED);
    }

    /**
     * Issue #8: an objection to a list entry that is refused (here a file of the wrong type) comes back to 我的名单
     * with the refusal shown, the entry's form open and the reasons as written, an identity number in them masked;
     * it no longer sends the citizen to 我的异议 with the reasons lost.
     */
    @Test
    void aRefusedObjectionToAListEntryReturnsToTheEntryWithItsReasons() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕留言");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID entry = as("maker-entry", () -> listing.propose(subject, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级道德模范", LocalDate.now(clock).minusMonths(1),
                LocalDate.now(clock).plusYears(1)));
        var citizen = UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(UUID.randomUUID(), subject, subjects.pseudonymOf(subject).orElseThrow(), "滕*言"),
                null, List.of(new SimpleGrantedAuthority("CITIZEN"),
                        new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
        var exe = new MockMultipartFile("evidence", "说明.pdf", "application/pdf",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});

        var refused = mvc.perform(multipart("/me/objections").file(exe).param("entryId", entry.toString())
                        .param("reasons", "事迹写错了，本人身份证号 " + p.number())
                        .with(csrf()).with(authentication(citizen)))
                .andExpect(flash().attribute("failureCode", "EVIDENCE_TYPE"))
                .andExpect(redirectedUrl("/me/lists#entry-reasons-" + entry)).andReturn();
        assertThat(objections.of(subject)).isEmpty();
        String again = mvc.perform(get("/me/lists").with(authentication(citizen))
                        .with(cn.chengxin.support.Sessions.flashOf(refused)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("EVIDENCE_TYPE", "事迹写错了，本人身份证号 ").doesNotContain(p.number())
                .containsPattern("(?s)<details open=\"open\">.*?id=\"entry-reasons-" + entry + "\">事迹写错了");
    }

    /**
     * RULES.md §5: what rests on a record in dispute is marked so wherever it is shown. An entry proposed from a record
     * already in dispute (here: the record and its dispute committed together, the listing reacting after) carries
     * the mark from the start, as entries proposed before the objection got it when it was filed.
     */
    @Test
    void anEntryProposedFromARecordAlreadyInDisputeCarriesTheDisputeMark() {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕海波");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            TestRecords.courtDefaulter(creditFile, catalogue, subject, "SX-" + UUID.randomUUID(), 1,
                    cn.chengxin.creditfile.RecordAction.ADD);
            assertThat(creditFile.changeStatus(subject, creditFile.fileOf(subject).get(0).recordKey(),
                    java.util.EnumSet.of(RecordStatus.ACTIVE), RecordStatus.IN_DISPUTE, "test", "异议处理中")).isTrue();
        });

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listing.entriesOf(subject)).singleElement()
                        .satisfies(e -> assertThat(e.disputed()).as("marked disputed").isTrue()));
    }

    /**
     * RULES.md §5: an entry contested by itself and resting on a record contested too keeps its dispute mark until
     * both objections are decided, whichever is decided first.
     */
    @Test
    void anEntryKeepsItsDisputeMarkWhileEitherObjectionOnItOrItsRecordIsOpen() {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕两议");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        TestRecords.courtDefaulter(creditFile, catalogue, subject, "SX-" + UUID.randomUUID(), 1,
                cn.chengxin.creditfile.RecordAction.ADD);
        UUID record = creditFile.fileOf(subject).get(0).recordKey();
        UUID entry = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> listing.entriesOf(subject).stream().findFirst(), java.util.Optional::isPresent)
                .orElseThrow().id();

        UUID onRecord = objections.file(subject, record, "已全部履行", "本人");
        UUID onEntry = objections.fileAgainstEntry(subject, entry, "不应列入", "本人", List.of());
        assertThat(decide("clerk-a", onRecord, objections.find(onRecord).version(), Outcome.UPHOLD)).isNull();
        assertThat(listing.entry(entry).orElseThrow().disputed()).as("its own objection is open").isTrue();

        UUID again = objections.file(subject, record, "再次提出：已全部履行", "本人");
        assertThat(decide("clerk-a", onEntry, objections.find(onEntry).version(), Outcome.UPHOLD)).isNull();
        assertThat(listing.entry(entry).orElseThrow().disputed()).as("its record's objection is open").isTrue();

        assertThat(decide("clerk-a", again, objections.find(again).version(), Outcome.UPHOLD)).isNull();
        assertThat(listing.entry(entry).orElseThrow().disputed()).as("both decided").isFalse();
    }

    /**
     * Issue #8, RULES.md §5 and §7: nothing corrects a list entry, so a case on one decided as 更正 or 补充 would close
     * with the entry as wrong as before. Both are refused: the case stays open, the entry marked, and the office's
     * form offers only the outcomes that act on an entry; decided as 移出名单, the entry exits.
     */
    @Test
    void anEntryCaseIsNeitherCorrectedNorSupplementedButRemoved() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕正名");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID entry = as("maker-entry", () -> listing.propose(subject, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级道德模范", LocalDate.now(clock).minusMonths(1),
                LocalDate.now(clock).plusYears(1)));
        UUID id = objections.fileAgainstEntry(subject, entry, "事迹写错了", "本人", List.of());

        for (Outcome wrong : List.of(Outcome.CORRECT, Outcome.SUPPLEMENT)) {
            assertThat(decide("clerk-a", id, objections.find(id).version(), wrong)).isInstanceOfSatisfying(
                    CodedProblem.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_OUTCOME_NOT_FOR_ENTRY"));
        }
        assertThat(objections.find(id).status().open()).as("not closed on an entry left wrong").isTrue();
        assertThat(listing.entry(entry).orElseThrow().disputed()).isTrue();
        String page = mvc.perform(get("/console/objections/{id}", id).with(authentication(Principals.staff("office-e",
                        "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = page.substring(page.indexOf("/console/objections/" + id + "/decide"));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("value=\"REMOVE_FROM_LIST\"", "value=\"UPHOLD\"")
                .doesNotContain("value=\"CORRECT\"", "value=\"SUPPLEMENT\"");

        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.REMOVE_FROM_LIST)).isNull();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status().open()).as("exited").isFalse();
            assertThat(e.disputed()).isFalse();
        });
    }

    /**
     * RULES.md §5: a 复核 of a case on a list entry is still taken once the entry has ended — here past its last day,
     * before the night's job exits it — but the entry, no longer listed, is not marked 异议中 again; an entry still
     * listed is.
     */
    @Test
    void aReviewOfACaseOnAnEndedEntryIsTakenWithoutMarkingTheEntry() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕复核");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        UUID ended = as("maker-entry", () -> listing.propose(subject, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级道德模范", today.minusMonths(1), today.plusYears(1)));
        UUID listed = as("maker-entry", () -> listing.propose(subject, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级优秀志愿者", today.minusMonths(1), today.plusYears(1)));
        UUID onEnded = objections.fileAgainstEntry(subject, ended, "事迹写错了", "本人", List.of());
        UUID onListed = objections.fileAgainstEntry(subject, listed, "事迹写错了", "本人", List.of());
        assertThat(decide("clerk-a", onEnded, objections.find(onEnded).version(), Outcome.UPHOLD)).isNull();
        assertThat(decide("clerk-a", onListed, objections.find(onListed).version(), Outcome.UPHOLD)).isNull();
        jdbc.sql("UPDATE listing.entry SET status = 'EFFECTIVE', valid_until = ? WHERE id = ?")
                .params(today.minusDays(1), ended).update();

        UUID review = objections.requestReview(subject, onEnded, "请复核");
        assertThat(objections.find(review).status().open()).as("the review is taken").isTrue();
        assertThat(listing.entry(ended).orElseThrow().disputed()).as("an ended entry is not marked").isFalse();

        objections.requestReview(subject, onListed, "请复核");
        assertThat(listing.entry(listed).orElseThrow().disputed()).as("a listed one is").isTrue();
    }

    /**
     * RULES.md §4, §5: an entry past its last day is no longer listed, even before the night's job exits it, so an
     * objection to it is refused as to an entry that exited; the same entry within its last day takes one.
     */
    @Test
    void anObjectionToAnEntryPastItsLastDayIsRefused() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "滕期满");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        UUID entry = as("maker-entry", () -> listing.propose(subject, cn.chengxin.listing.ListType.RED,
                "国办发〔2016〕98号", "市级道德模范", today.minusMonths(1), today.plusYears(1)));
        jdbc.sql("UPDATE listing.entry SET status = 'EFFECTIVE', valid_until = ? WHERE id = ?")
                .params(today.minusDays(1), entry).update();
        var citizen = UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(UUID.randomUUID(), subject, subjects.pseudonymOf(subject).orElseThrow(), "滕*满"),
                null, List.of(new SimpleGrantedAuthority("CITIZEN"),
                        new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
        assertThat(mvc.perform(get("/me/lists").with(authentication(citizen))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).as("no objection form offered on 我的名单")
                .contains("id=\"my-entries\"", "国办发〔2016〕98号").doesNotContain("name=\"entryId\" value=\"" + entry + "\"");

        CodedProblem ended = catchThrowableOfType(CodedProblem.class,
                () -> objections.fileAgainstEntry(subject, entry, "事迹写错了", "本人", List.of()));
        assertThat(ended).as("refused").isNotNull();
        assertThat(ended.code()).isEqualTo("OBJECTION_ENTRY_UNKNOWN");
        assertThat(listing.entry(entry).orElseThrow().disputed()).isFalse();

        jdbc.sql("UPDATE listing.entry SET valid_until = ? WHERE id = ?").params(today, entry).update();
        assertThat(mvc.perform(get("/me/lists").with(authentication(citizen))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).as("offered within its last day")
                .contains("name=\"entryId\" value=\"" + entry + "\"");
        assertThat(objections.fileAgainstEntry(subject, entry, "事迹写错了", "本人", List.of())).isNotNull();
    }

    /**
     * RULES.md §1 and §5: an organisation's record is recorded on its legal representative too, as a linked copy; an
     * objection to the organisation's record decided as a factual error revokes the copy in the same transaction, with
     * the same reason, so that it is no longer shown on the person (file, report, public disclosure).
     */
    @Test
    void aDeletionOfAnOrganisationsRecordRevokesTheCopiesOnItsResponsiblePersons() throws Exception {
        TestRecords.Organisation org = organisationWithLegalRepresentative("郝建华", "驻执〔2026〕801号");
        FileEntry copy = creditFile.fileOf(org.representative()).stream().filter(FileEntry::linked).findFirst()
                .orElseThrow();
        assertThat(copy.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(creditFile.shownWithDecisionNumber("驻执〔2026〕801号")).extracting(e -> e.subjectId())
                .contains(org.id(), org.representative());

        UUID id = objections.file(org.id(), org.record(), "该案已执行完毕，系错误录入", "窗口代办");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.DELETE)).isNull();

        assertThat(creditFile.fileOf(org.id()).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(creditFile.fileOf(org.representative())).filteredOn(e -> e.recordKey().equals(copy.recordKey()))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REVOKED));
        assertThat(creditFile.fileOf(org.representative())).noneMatch(e -> e.status().shown());
        assertThat(creditFile.historyOf(org.representative()).get(copy.recordKey()))
                .anySatisfy(step -> {
                    assertThat(step.to()).isEqualTo(RecordStatus.REVOKED);
                    assertThat(step.by()).isEqualTo("clerk-a");
                    assertThat(step.reason()).isEqualTo("异议办结：" + Outcome.DELETE.label());
                });
        assertThat(creditFile.shownWithDecisionNumber("驻执〔2026〕801号")).isEmpty();
        assertThat(PdfText.compact(reports.forSelf(org.representative(), ReportKind.SELF_FULL).pdf()))
                .doesNotContain("驻执〔2026〕801号");
    }

    /**
     * A copy is the person's record: their objection to it decided as a factual error (they were not the legal
     * representative) revokes that copy only; the organisation's record stands.
     */
    @Test
    void aDeletionOfALinkedCopyRevokesThatCopyOnly() throws Exception {
        TestRecords.Organisation org = organisationWithLegalRepresentative("郝建民", "驻执〔2026〕802号");
        UUID copy = creditFile.fileOf(org.representative()).stream().filter(FileEntry::linked).findFirst()
                .orElseThrow().recordKey();

        UUID id = objections.file(org.representative(), copy, "本人当时并非该公司法定代表人", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.DELETE)).isNull();

        assertThat(creditFile.fileOf(org.representative()).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(creditFile.fileOf(org.id()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
    }

    /**
     * RULES.md §1 and §5: a person's objection to a copy still open when the organisation's record is deleted is not
     * left to be decided on a closed record: it ends with the copy, in the same transaction, with reasons the person
     * is told; no one decides it after, and there is no decision to review.
     */
    @Test
    void anOpenObjectionToACopyEndsWhenTheOrganisationsRecordIsDeleted() throws Exception {
        TestRecords.Organisation org = organisationWithLegalRepresentative("郝建立", "驻执〔2026〕804号");
        UUID copy = creditFile.fileOf(org.representative()).stream().filter(FileEntry::linked).findFirst()
                .orElseThrow().recordKey();
        UUID onCopy = objections.file(org.representative(), copy, "本人当时并非该公司法定代表人", "本人");
        UUID onOrigin = objections.file(org.id(), org.record(), "该案已执行完毕，系错误录入", "窗口代办");

        assertThat(decide("clerk-a", onOrigin, objections.find(onOrigin).version(), Outcome.DELETE)).isNull();

        assertThat(creditFile.fileOf(org.representative())).filteredOn(e -> e.recordKey().equals(copy))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REVOKED));
        Objection ended = objections.find(onCopy);
        assertThat(ended.status()).isEqualTo(ObjectionStatus.DECIDED);
        assertThat(ended.outcome()).isEqualTo(Outcome.ENDED_WITH_ORIGIN);
        assertThat(ended.outcomeReasons()).contains("原记录已被删除", "不再展示");
        assertThat(ended.decidedBy()).isEqualTo("clerk-a");
        assertThat(notices.of(org.representative())).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("OBJECTION_DECIDED");
            assertThat(n.title()).contains(Outcome.ENDED_WITH_ORIGIN.label());
            assertThat(n.body()).contains("原记录已被删除");
        });
        assertThat(decide("clerk-b", onCopy, ended.version(), Outcome.UPHOLD)).isInstanceOfSatisfying(
                CodedProblem.class, p -> assertThat(p.code()).isEqualTo("OBJECTION_ALREADY_DECIDED"));
        assertThat(creditFile.fileOf(org.representative())).noneMatch(e -> e.status().shown());
        CodedProblem review = catchThrowableOfType(CodedProblem.class,
                () -> objections.requestReview(org.representative(), onCopy, "请复核"));
        assertThat(review.code()).isEqualTo("OBJECTION_NOT_REVIEWABLE");
        assertThat(objections.reviewable(objections.of(org.representative()))).doesNotContain(onCopy);
    }

    /**
     * RULES.md §1 and §5: a person's objection to a linked copy decided as 更正 is met by the court's corrected version
     * of the organisation's record, the only one it sends: ingestion copies it onto the person, and the copy stands
     * 有效 in that version, off the court's list of corrections owed.
     */
    @Test
    void aCopyDecidedAsCorrectedIsCorrectedByTheOrganisationsCorrectedRecord() throws Exception {
        TestRecords.Organisation org = organisationWithLegalRepresentative("郝建新", "驻执〔2026〕803号");
        UUID copy = creditFile.fileOf(org.representative()).stream().filter(FileEntry::linked).findFirst()
                .orElseThrow().recordKey();
        UUID id = objections.file(org.representative(), copy, "执行标的金额有误", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.CORRECT)).isNull();
        assertThat(courtAnswers()).contains("data-correction=\"" + id + "\"", "data-field=\"linkedCopy\"",
                "请报送单位原记录的更正版本");

        TestRecords.correctOrganisationDefaulter(mvc, apiClients, directory, org, "2", "给付货款（更正）");

        assertThat(creditFile.fileOf(org.representative())).filteredOn(e -> e.recordKey().equals(copy))
                .singleElement().satisfies(r -> {
                    assertThat(r.version()).isEqualTo(2);
                    assertThat(r.content()).containsEntry("obligation", "给付货款（更正）");
                    assertThat(r.status()).isEqualTo(RecordStatus.ACTIVE);
                });
        assertThat(creditFile.fileOf(org.id()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(courtAnswers()).doesNotContain("data-correction=\"" + id + "\"");
    }

    /**
     * RULES.md §5: a record decided as 更正 is known to be wrong until its department delivers the corrected version:
     * it keeps its dispute mark (file page, report) and the department sees the correction it owes with its deadline
     * (3 working days); the corrected version, delivered through collection, stands 有效 without the mark.
     */
    @Test
    void aRecordDecidedAsCorrectedStaysMarkedUntilItsDepartmentDeliversTheCorrection() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "莫清扬");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕561号", "无照经营"), decided);
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "处罚金额录入错误", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.CORRECT)).isNull();

        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);
        var citizen = authentication(Principals.citizen(subjects, owner));
        assertThat(mvc.perform(get("/me/file").with(citizen)).andReturn().getResponse().getContentAsString())
                .contains("<span>异议中</span>");
        assertThat(PdfText.compact(reports.forSelf(owner, ReportKind.SELF_FULL).pdf())).contains("异议处理中");
        LocalDate due = workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 3);
        assertThat(departmentAnswers()).contains("data-correction=\"" + id + "\"", "驻市监罚〔2026〕561号",
                "<span>" + due + "</span>");

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "2", "UPDATE", "驻市监罚〔2026〕561号", "无照经营（更正）"), decided);

        assertThat(creditFile.fileOf(owner).get(0)).satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.status()).isEqualTo(RecordStatus.ACTIVE);
        });
        // G10: the person is told the corrected version arrived, and where to read it.
        assertThat(notices.of(owner)).filteredOn(n -> n.kind().equals("OBJECTION_CORRECTED")).singleElement()
                .satisfies(n -> {
                    assertThat(n.body()).contains("驻市监罚〔2026〕561号", "第 2 版", "解除“异议中”标注");
                    assertThat(n.link()).isEqualTo("/me/file");
                });
        assertThat(mvc.perform(get("/me/file").with(citizen)).andReturn().getResponse().getContentAsString())
                .doesNotContain("<span>异议中</span>");
        assertThat(PdfText.compact(reports.forSelf(owner, ReportKind.SELF_FULL).pdf())).doesNotContain("异议处理中");
        assertThat(departmentAnswers()).doesNotContain("data-correction=\"" + id + "\"");
    }

    /** A correction still owed stays on the department's list however many newer ones were decided since. */
    @Test
    void aCorrectionOwedStaysListedBehindManyNewerDecisions() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "莫久候");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", "T-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕562号", "无照经营"),
                LocalDate.now(clock).minusMonths(2));
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID id = objections.file(owner, creditFile.fileOf(owner).get(0).recordKey(), "处罚金额录入错误", "本人");
        assertThat(decide("clerk-a", id, objections.find(id).version(), Outcome.CORRECT)).isNull();
        // 250 cases of the same department decided 更正 later, on records whose corrections are no longer owed.
        jdbc.sql("""
                INSERT INTO objection.objection
                SELECT (json_populate_record(o, json_build_object('id', gen_random_uuid(), 'record_key',
                        gen_random_uuid(), 'decided_at', o.decided_at + g * interval '1 second'))).*
                FROM objection.objection o, generate_series(1, 250) g WHERE o.id = ?""").param(id).update();
        try {
            assertThat(departmentAnswers()).contains("data-correction=\"" + id + "\"", "驻市监罚〔2026〕562号");
        } finally {
            jdbc.sql("DELETE FROM objection.objection WHERE subject_id = ? AND id <> ?").params(owner, id).update();
        }
    }

    /** A correction delivered while an objection is still open on the record leaves the mark to that objection. */
    @Test
    void aVersionDeliveredWhileAnObjectionIsOpenKeepsTheMark() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "莫清和");
        String source = "T-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕562号", "无照经营"), decided);
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID first = objections.file(owner, record, "处罚金额录入错误", "本人");
        assertThat(decide("clerk-a", first, objections.find(first).version(), Outcome.CORRECT)).isNull();
        UUID second = objections.file(owner, record, "处罚事实也有误", "本人");

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "2", "UPDATE", "驻市监罚〔2026〕562号", "无照经营（更正）"), decided);
        assertThat(creditFile.fileOf(owner).get(0).status()).as("the second objection is open")
                .isEqualTo(RecordStatus.IN_DISPUTE);

        assertThat(decide("clerk-a", second, objections.find(second).version(), Outcome.UPHOLD)).isNull();
        assertThat(creditFile.fileOf(owner).get(0).status()).as("the correction came before it was upheld")
                .isEqualTo(RecordStatus.ACTIVE);
    }

    /**
     * Issue #7: the credit office judges a case on its own page — the contested record as it stands (item, department,
     * decision number, dates, status) beside it, and the subject masked, never in clear (RULES.md §10).
     */
    @Test
    void theOfficeSeesTheContestedRecordAndTheSubjectMaskedBesideTheCase() throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "卜明远");
        LocalDate decided = LocalDate.now(clock).minusMonths(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", "T-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕571号", "无照经营"),
                decided);
        UUID owner = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        FileEntry record = creditFile.fileOf(owner).get(0);
        UUID id = objections.file(owner, record.recordKey(), "处罚金额录入错误", "本人");

        var judge = authentication(Principals.staff("office-judge", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        String itemName = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition().name();
        var profile = subjects.profile(owner).orElseThrow();
        // F8: the queue lists the case masked, without the record or the reasons; opening it is a recorded look.
        String queue = mvc.perform(get("/console/objections").with(judge))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String listed = queue.substring(queue.indexOf("data-objection=\"" + id + "\""));
        assertThat(listed.substring(0, listed.indexOf("</tr>"))).contains(itemName, catalogue.departments().get("MARKET"),
                profile.maskedName(),
                profile.maskedNumber(), "/console/objections/" + id + "\"").doesNotContain("驻市监罚〔2026〕571号",
                "无照经营", "处罚金额录入错误");
        assertThat(queue).doesNotContain(p.number(), p.name());
        String pseudonym = subjects.pseudonymOf(owner).orElseThrow();
        assertThat(views(pseudonym)).isEmpty();

        String page = mvc.perform(get("/console/objections/{id}", id).with(judge))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(views(pseudonym)).containsExactly("异议处理核实");
        String row = page.substring(page.indexOf("data-objection=\"" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(itemName, catalogue.departments().get("MARKET"), "驻市监罚〔2026〕571号", decided.toString(),
                String.valueOf(creditFile.fileOf(owner).get(0).publicationEnd()), "异议中", "无照经营",
                profile.maskedName(), profile.maskedNumber());
        assertThat(page).doesNotContain(p.number());
        assertThat(mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, owner))))
                .andReturn().getResponse().getContentAsString()).as("谁查询了我").contains("查看异议案件");
        mvc.perform(get("/console/objections/{id}", UUID.randomUUID()).with(judge))
                .andExpect(flash().attribute("failureCode", "OBJECTION_UNKNOWN"));
    }

    /** The purposes of the recorded looks at objection cases about the subject. */
    private java.util.List<String> views(String pseudonym) {
        return jdbc.sql("SELECT purpose FROM audit.event WHERE action = 'objection.view' AND subject_pseudonym = ? "
                + "ORDER BY seq").param(pseudonym).query(String.class).list();
    }

    /**
     * Issue #7: a repeat filing merged into the open case keeps what the subject said again — the office decides on
     * both — and one that would no longer fit the case's reasons is refused rather than dropped.
     */
    @Test
    void aRepeatFilingAddsItsReasonsToTheOpenCase() throws Exception {
        UUID owner = person("卜再述", "驻市监罚〔2026〕572号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "处罚金额录入错误", "本人");
        assertThat(objections.file(owner, record, "另外，决定日期也有误", "本人")).isEqualTo(id);

        Objection merged = objections.find(id);
        assertThat(merged.repeats()).isEqualTo(1);
        assertThat(merged.reasons()).startsWith("处罚金额录入错误").contains("再次提出")
                .endsWith("另外，决定日期也有误");
        CodedProblem tooLong = catchThrowableOfType(CodedProblem.class,
                () -> objections.file(owner, record, "很".repeat(1990), "本人"));
        assertThat(tooLong.code()).isEqualTo("OBJECTION_REASONS");
        assertThat(objections.find(id).reasons()).isEqualTo(merged.reasons());
        assertThat(objections.find(id).repeats()).isEqualTo(1);
    }

    private String departmentAnswers() throws Exception {
        return mvc.perform(get("/console/objection-answers").with(authentication(Principals.staff("market-clerk",
                        "MARKET", Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER))))
                .andReturn().getResponse().getContentAsString();
    }

    private String courtAnswers() throws Exception {
        return mvc.perform(get("/console/objection-answers").with(authentication(Principals.staff("court-clerk",
                        "COURT", Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER))))
                .andReturn().getResponse().getContentAsString();
    }

    /** An organisation with a court-defaulter record decided a month ago, copied onto its legal representative. */
    private TestRecords.Organisation organisationWithLegalRepresentative(String representativeName, String decision)
            throws Exception {
        return TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects, creditFile, representativeName,
                decision, LocalDate.now().minusMonths(1));
    }

    /**
     * J4 (回避, 《公务员法》第七十六条; issue #8): a clerk whose own number is registered with her staff account neither
     * routes nor decides the objection she filed in self-service, and the refusal is recorded about her; a colleague
     * decides it.
     */
    @Test
    void aClerkRegisteredWithHerOwnNumberNeitherRoutesNorDecidesHerOwnObjection() throws Exception {
        UUID subject = person("尤静姝", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号");
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚决定已被撤销", "本人");
        UUID office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID herself = directory.createUserWithSettledPassword("ojs" + suffix, "尤静姝", office,
                cn.chengxin.support.TestStaff.PASSWORD);
        UUID colleague = directory.createUserWithSettledPassword("ojc" + suffix, "严立新", office,
                cn.chengxin.support.TestStaff.PASSWORD);
        directory.registerIdentity(herself, subjects.revealNumber(subject).orElseThrow().number());
        int version = objections.find(id).version();

        assertThat(catchThrowableOfType(CodedProblem.class, () -> as(herself.toString(), () -> {
            objections.route(id, version);
            return null;
        })).code()).isEqualTo("CASE_OWN_SUBJECT");
        assertThat(decide(herself.toString(), id, version, Outcome.DELETE))
                .isInstanceOfSatisfying(CodedProblem.class, p -> assertThat(p.code()).isEqualTo("CASE_OWN_SUBJECT"));
        assertThat(objections.find(id).status()).isEqualTo(ObjectionStatus.RECEIVED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.case.recused' "
                        + "AND subject_pseudonym = ? AND result = 'DENIED'")
                .param(subjects.pseudonymOf(subject).orElseThrow()).query(Long.class).single()).isEqualTo(2);

        assertThat(decide(colleague.toString(), id, version, Outcome.DELETE)).isNull();
        assertThat(objections.find(id).outcome()).isEqualTo(Outcome.DELETE);
    }

    /**
     * S3 of gaps-review-xxxviii: the person's second filing (new reasons, a new file) changes the case's version, so a
     * decision made on the page read before it is refused as stale, the page shown again with what came after; made on
     * the page as it now is, it is taken.
     */
    @Test
    void aDecisionOnThePageReadBeforeASecondFilingIsRefusedAndThePageShowsWhatCameAfter() throws Exception {
        UUID owner = person("简后补", "驻市监罚〔2026〕531号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "罚款已缴纳", "本人");
        int read = objections.find(id).version();

        objections.file(owner, record, "补充缴款凭证，请一并核实", "本人",
                List.of(new Objections.Upload("缴款凭证.png", TestImages.png().plain())));

        var office = authentication(Principals.staff("office-s3", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        String refused = mvc.perform(post("/console/objections/{id}/decide", id).param("version", Integer.toString(read))
                        .param("outcome", "UPHOLD").param("reasons", "经核实，记录无误").with(office).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("failureCode", "OBJECTION_ALREADY_DECIDED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请刷新", "再次提出〕补充缴款凭证，请一并核实", "缴款凭证.png",
                "name=\"version\" value=\"" + objections.find(id).version() + "\"");
        assertThat(objections.find(id).status().open()).as("not decided on a file the decider never saw").isTrue();

        mvc.perform(post("/console/objections/{id}/decide", id)
                        .param("version", Integer.toString(objections.find(id).version()))
                        .param("outcome", "UPHOLD").param("reasons", "经核实，记录无误").with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "objections.decided"));
        assertThat(objections.find(id).outcome()).isEqualTo(Outcome.UPHOLD);
    }

    /** S3 of gaps-review-xxxviii: the same for routing and for the department's answer, read before a second filing. */
    @Test
    void aRouteOrAnAnswerOnTheCaseReadBeforeASecondFilingIsRefused() throws Exception {
        UUID owner = person("简再答", "驻市监罚〔2026〕532号");
        UUID record = creditFile.fileOf(owner).get(0).recordKey();
        UUID id = objections.file(owner, record, "罚款金额有误", "本人");
        int read = objections.find(id).version();
        objections.file(owner, record, "金额应为 200 元", "本人");

        CodedProblem staleRoute = catchThrowableOfType(CodedProblem.class, () -> as("clerk-a", () -> {
            objections.route(id, read);
            return null;
        }));
        assertThat(staleRoute.code()).isEqualTo("OBJECTION_ALREADY_MOVED");
        assertThat(staleRoute.getMessage()).contains("请刷新");
        as("clerk-a", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });

        int answering = objections.find(id).version();
        objections.file(owner, record, "附：缴款记录显示 200 元", "本人");
        CodedProblem staleAnswer = catchThrowableOfType(CodedProblem.class, () -> as("market-clerk", () -> {
            objections.answer("MARKET", id, answering, cn.chengxin.objection.domain.DepartmentAnswer.VERIFIED, null,
                    "无误");
            return null;
        }));
        assertThat(staleAnswer.code()).isEqualTo("OBJECTION_ALREADY_ANSWERED");
        assertThat(objections.find(id).answer()).isNull();
        as("market-clerk", () -> {
            objections.answer("MARKET", id, objections.find(id).version(),
                    cn.chengxin.objection.domain.DepartmentAnswer.VERIFIED, null, "无误");
            return null;
        });
        assertThat(objections.find(id).answer().answer())
                .isEqualTo(cn.chengxin.objection.domain.DepartmentAnswer.VERIFIED);
    }

    private Throwable decide(String who, UUID id, int version, Outcome outcome) {
        try {
            as(who, () -> {
                objections.decide(id, version, outcome, "经核实，" + outcome.label());
                return null;
            });
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /**
     * A counter filing is one transaction, as a filing by the subject is: when a later step fails (here the subject's
     * notice, refused by the database), nothing of it stays — no case without its notice, no record marked 异议中 by
     * a case never filed — and the filing can be made again.
     */
    @Test
    void aCounterFilingThatFailsLeavesNeitherCaseNorMark() throws Exception {
        UUID subject = person("莫青禾", "驻市监罚〔2026〕521号");
        String number = subjects.revealNumber(subject).orElseThrow().number();
        jdbc.sql("CREATE FUNCTION public.refuse_notice_for_test() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'notice refused'; END $$").update();
        jdbc.sql("CREATE TRIGGER refuse_notice_for_test BEFORE INSERT ON account.notice FOR EACH ROW WHEN "
                + "(NEW.subject_id = '" + subject + "') EXECUTE FUNCTION public.refuse_notice_for_test()").update();
        try {
            assertThat(catchThrowable(() -> as("counter-clerk", () -> objections.fileAtCounter(number, null,
                    "驻市监罚〔2026〕521号", "本人到窗口提出")))).isNotNull();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_notice_for_test ON account.notice").update();
            jdbc.sql("DROP FUNCTION public.refuse_notice_for_test()").update();
        }

        assertThat(jdbc.sql("SELECT count(*) FROM objection.objection WHERE subject_id = ?").param(subject)
                .query(Long.class).single()).isZero();
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
        UUID filed = as("counter-clerk", () -> objections.fileAtCounter(number, null, "驻市监罚〔2026〕521号",
                "本人到窗口提出"));
        assertThat(objections.find(filed).repeats()).as("a first filing, not a merge into a leftover").isZero();
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);
    }

    /**
     * Review X7: a case the old system received two working days before the cut-over, filed here at the counter with
     * that day and its old number, is due 3 working days from that day (RULES.md §5), not from the filing; the day and
     * number are audited, the number kept with the case and shown on its page. A day in the future, one whose 20-day
     * ceiling has passed, or a day without its number are refused, nothing filed.
     */
    @Test
    void aCaseReceivedInTheOldSystemIsDueFromThatDay() throws Exception {
        String decision = "驻市监罚〔2026〕541号";
        UUID owner = person("邝晓岚", decision);
        String number = subjects.revealNumber(owner).orElseThrow().number();
        var calendar = workingDays.calendar();
        LocalDate today = LocalDate.now(clock);
        LocalDate received = today;
        for (int back = 0; back < 2; ) {
            received = received.minusDays(1);
            if (calendar.isWorkingDay(received)) {
                back++;
            }
        }
        LocalDate twoWorkingDaysBack = received;
        for (LocalDate refused : List.of(today.plusDays(1), today.minusDays(30))) {
            CodedProblem p = catchThrowableOfType(CodedProblem.class, () -> as("counter-x7",
                    () -> objections.fileAtCounter(number, null, decision, "原系统已受理", refused, "旧异〔2026〕88号")));
            assertThat(p.code()).as("received on " + refused).isEqualTo("OBJECTION_EARLIER_RECEIPT_DAY");
        }
        CodedProblem noNumber = catchThrowableOfType(CodedProblem.class, () -> as("counter-x7",
                () -> objections.fileAtCounter(number, null, decision, "原系统已受理", twoWorkingDaysBack, " ")));
        assertThat(noNumber.code()).isEqualTo("OBJECTION_EARLIER_RECEIPT_REFERENCE");
        assertThat(creditFile.fileOf(owner).get(0).status()).as("nothing filed").isEqualTo(RecordStatus.ACTIVE);

        UUID id = as("counter-x7", () -> objections.fileAtCounter(number, null, decision, "原系统已受理",
                twoWorkingDaysBack, "旧异〔2026〕88号"));
        Objection filed = objections.find(id);
        assertThat(filed.receivedOn()).isEqualTo(twoWorkingDaysBack);
        assertThat(filed.earlierReference()).as("the old case number, a column (session xlv)")
                .isEqualTo("旧异〔2026〕88号");
        assertThat(mvc.perform(get("/console/objections/{id}", id).with(authentication(counterStaff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("原系统收件日期 " + twoWorkingDaysBack + "，原系统案卷号 旧异〔2026〕88号");
        assertThat(filed.dueOn()).isEqualTo(calendar.plusWorkingDays(twoWorkingDaysBack, 3))
                .isBefore(calendar.plusWorkingDays(today, 3));
        assertThat(creditFile.fileOf(owner).get(0).status()).isEqualTo(RecordStatus.IN_DISPUTE);
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action = 'objection.earlier-receipt'")
                .param(subjects.pseudonymOf(owner).orElseThrow()).query(String.class).list()).containsExactly(
                "reason=OBJECTION_EARLIER_RECEIPT; receivedOn=" + twoWorkingDaysBack + "; reference=旧异〔2026〕88号");
    }

    private UUID person(String name, String decision) throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        TestRecords.penalty(mvc, apiClients, directory, p.number(), name, "P_ADMIN_PENALTY_GENERAL", decision);
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
    }
}
