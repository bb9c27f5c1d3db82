package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.WindowPhoneCodes;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.CounterPaper;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.SeenDocument;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.Principals;
import cn.chengxin.support.WindowPhones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A join of a person's two files (合并信用档案) racing the window (session xlv, engineer 3): the person is found by the
 * number typed, and the report assembled, before the transaction that writes the report or the consent and the counter
 * visit. A join approved in between has moved what the joined id held; what the window writes after must not stay
 * under it (98号 三(一); RULES.md §1, §9). The approval is made and held uncommitted while the clerk serves the person
 * by the joined number, then committed; the steps are ordered with the database's own locks, as in
 * {@code JoinDuringIngestionIT}.
 */
@IntegrationTest
class JoinAtCounterIT {

    private static final LocalDate BORN = LocalDate.of(1984, 11, 6);
    private static final byte[] SCAN = "%PDF-1.4 signed application".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Reports reports;

    @Autowired
    Consents consents;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    ApiClients apiClients;

    @Autowired
    WindowPhoneCodes phoneCodes;

    @Autowired
    CounterElectronicService electronicService;

    @Autowired
    ElectronicServiceAgreements agreements;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The report was assembled from the joined file, which the join emptied: it is refused, nothing is written, and the
     * clerk asks again, to find the kept file.
     */
    @Test
    void aCounterReportOfAFileJoinedSinceItWasFoundIsRefusedAndWritesNothing() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "窗口合并甲", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);
        UsernamePasswordAuthenticationToken clerk = clerk("counter-race-a");
        CounterRequest request = request(pair, clerk, "13907553301");

        CompletableFuture<Reports.Issued> issued = new TransactionTemplate(transactions).execute(tx -> {
            JoinRaces.approve(joining, proposal);
            CompletableFuture<Reports.Issued> running = CompletableFuture.supplyAsync(() -> serve(clerk,
                    () -> reports.atCounter(actor(clerk), request)));
            assertThat(JoinRaces.until(() -> JoinRaces.waiting(dataSource, "%subject.joins%")))
                    .as("found before the approval, the window waited for it to write").isTrue();
            return running;
        });

        assertThatThrownBy(() -> issued.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CodedProblem.class)
                .satisfies(e -> assertThat(((CodedProblem) e).code()).isEqualTo("COUNTER_SUBJECT_JOINED"));
        assertThat(rows("report", pair)).as("no report under either id").isZero();
        assertThat(rows("counter_visit", pair)).as("no counter visit under either id").isZero();
    }

    /** The consent the person gave at the window by the joined number is the kept subject's, with its counter visit. */
    @Test
    void aCounterConsentOfAFileJoinedSinceItWasFoundIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "窗口合并乙", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);
        UsernamePasswordAuthenticationToken clerk = clerk("counter-race-b");
        CounterRequest request = request(pair, clerk, "13907553302");
        ApiClients.IssuedKey bank = AsStaff.as("counter-race-setup", () -> apiClients.issue("信贷系统",
                "窗口合并银行" + UUID.randomUUID().toString().substring(0, 8), ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000));

        CompletableFuture<Consent> granted = new TransactionTemplate(transactions).execute(tx -> {
            JoinRaces.approve(joining, proposal);
            CompletableFuture<Consent> running = CompletableFuture.supplyAsync(() -> serve(clerk,
                    () -> consents.grantAtCounter(actor(clerk), request, bank.institutionId(), Purpose.LENDING, 30,
                            true)));
            assertThat(JoinRaces.until(() -> JoinRaces.waiting(dataSource, "%subject.joins%")))
                    .as("found before the approval, the window waited for it to write").isTrue();
            return running;
        });

        Consent consent = granted.get(60, TimeUnit.SECONDS);
        assertThat(consent.subjectId()).isEqualTo(pair.kept());
        assertThat(consents.of(pair.kept())).extracting(Consent::id).containsExactly(consent.id());
        assertThat(jdbc.sql("SELECT subject_id FROM inquiry.counter_visit WHERE consent_id = ?").param(consent.id())
                .query(UUID.class).list()).containsExactly(pair.kept());
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.consent WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single() + jdbc.sql("SELECT count(*) FROM inquiry.counter_visit WHERE subject_id = ?")
                .param(pair.joined()).query(Long.class).single()).as("nothing under the joined id").isZero();
    }

    /**
     * The confirmation of electronic service (电子送达确认书) the person signed on paper at the window, recorded by the
     * joined number while the join is approved (session xlvi, engineer 4): the kept subject's, with its counter visit.
     */
    @Test
    void aPaperRecordedAtTheWindowByTheJoinedNumberWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "窗口合并丙", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);
        UsernamePasswordAuthenticationToken clerk = clerk("counter-race-c");
        ElectronicServiceAgreements.Paper paper = new ElectronicServiceAgreements.Paper(
                ElectronicServiceAgreements.TERMS_VERSION, LocalDate.now(), "DZSD-2026-0907");

        JoinRaces.Raced<ElectronicServiceAgreement> recorded = JoinRaces.duringApproval(transactions, dataSource,
                joining, proposal, () -> serve(clerk, () -> electronicService.record(actor(clerk),
                        pair.joinedNumber(), null, pair.name(),
                        CounterIdentityCheck.of(SeenDocument.RESIDENT_ID_CARD, false, null, null, null, null), paper)));

        assertThat(recorded.waited()).as("found before the approval, the window waited for it").isTrue();
        UUID agreement = recorded.answer().id();
        assertThat(agreements.inForce(pair.kept())).map(ElectronicServiceAgreement::id).contains(agreement);
        assertThat(jdbc.sql("SELECT subject_id FROM inquiry.counter_visit"
                        + " WHERE service = 'ESERVICE' AND subject_id IN (?, ?)").params(pair.kept(), pair.joined()).query(UUID.class).list()).containsExactly(pair.kept());
        assertThat(jdbc.sql("SELECT count(*) FROM account.electronic_service_agreement WHERE subject_id = ?")
                .param(pair.joined()).query(Long.class).single()).as("nothing under the joined id").isZero();
    }

    /**
     * The person at the window by the joined number, their identity card seen, the signed application scanned, and the
     * phone typed confirmed by the code texted to it.
     */
    private CounterRequest request(Pair pair, UsernamePasswordAuthenticationToken clerk, String phone) {
        WindowPhoneCodes.Pending sent = phoneCodes.send(phone, null, actor(clerk),
                code -> "【信用平台】您正在市信用办服务窗口办理信用报告查询或查询授权，验证码为 " + code + "，5 分钟内有效。");
        return new CounterRequest(pair.joinedNumber(), null, pair.name(),
                CounterIdentityCheck.of(SeenDocument.RESIDENT_ID_CARD, false, null, null, null, null),
                List.of(new CounterPaper(CounterPaper.Kind.AUTHORISATION, "申请表.pdf", SCAN)), phone, sent,
                WindowPhones.codeTextedTo(context, phone));
    }

    /** The clerk's call, signed in as the clerk on the thread that makes it. */
    private static <T> T serve(UsernamePasswordAuthenticationToken clerk, java.util.concurrent.Callable<T> call) {
        try {
            return AsStaff.as(clerk, call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String table, Pair pair) {
        return jdbc.sql("SELECT count(*) FROM inquiry." + table + " WHERE subject_id IN (?, ?)")
                .params(pair.kept(), pair.joined()).query(Long.class).single();
    }

    private static UsernamePasswordAuthenticationToken clerk(String username) {
        return Principals.staff(username, "CREDIT_OFFICE", Permission.INQUIRY_COUNTER);
    }

    private static Actor actor(UsernamePasswordAuthenticationToken token) {
        return (Actor) token.getPrincipal();
    }
}
