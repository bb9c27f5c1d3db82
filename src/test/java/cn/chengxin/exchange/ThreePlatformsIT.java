package cn.chengxin.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.ChengxinApplication;
import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.wire.KafkaTransport;
import cn.chengxin.ingestion.IncomingRecord;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.TestCitizens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #9's first acceptance test: three real platforms in one JVM — two cities and their province, each its own
 * application context, database, keys and HTTP port, declared to each other as partners. A black-list entry in city A
 * reaches city B's checks through the province; the court's removal in city A lifts the measures in city B, although the
 * province is stopped meanwhile and started again on its data (nothing is lost: A's outbox retries over HTTP; over
 * Kafka the messages wait in the province's topic). The second test runs the same flow over the Kafka transport. The
 * third lifts a repairable entry through a repair approved in city A.
 * <p>
 * The three platforms are started once for the class (each start migrates a fresh database: the class's cost), every
 * one linked to the Kafka broker; each test declares the partners again with the transport it runs over (an http
 * address, or {@code kafka:}), which is what picks the transport of a push, and works on a person of its own.
 */
class ThreePlatformsIT {

    private static final Path ROOT = Path.of("target/three-platforms");

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext province;
    private static ConfigurableApplicationContext cityA;
    private static ConfigurableApplicationContext cityB;
    private static int provincePort;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startThree() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, KafkaTransport.topicOf("410000"),
                KafkaTransport.topicOf("411700"), KafkaTransport.topicOf("410100"));
        broker.afterPropertiesSet();
        provincePort = freePort();
        portA = freePort();
        portB = freePort();
        province = startProvince(true);
        cityA = start("city-a", "411700", "信用驻马店（测试）", PlatformLevel.CITY, portA, true);
        cityB = start("city-b", "410100", "信用郑州（测试）", PlatformLevel.CITY, portB, true);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {cityA, cityB, province}) {
            if (c != null && c.isActive()) {
                c.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** A test that failed while the province was stopped leaves it so: the next starts it again on its data. */
    @BeforeEach
    void provinceRuns() {
        if (!province.isActive()) {
            province = startProvince(false);
        }
    }

    @Test
    void aBlackListEntryInOneCityRestrictsInTheOtherAndTheCourtsRemovalLiftsItThroughAProvinceThatWasDown()
            throws Exception {
        run(false);
    }

    /** The same flow with every platform sending through the others' Kafka topics (national fan-out). */
    @Test
    void theSameOverKafka() throws Exception {
        run(true);
    }

    /**
     * Issue #9: "its repair in city A lifts the measures in city B" (RULES.md §6: an approved repair ends the list
     * entry resting on the record; §11: the exit follows the entry wherever it went). A serious medical-insurance
     * penalty puts the person on city A's black list; the person applies for its repair in A, one clerk proposes and
     * another approves; the entry's exit goes up to the province and down to city B, whose checks stop restricting.
     */
    @Test
    void aRepairApprovedInOneCityLiftsTheMeasuresInTheOtherThroughTheProvince() throws Exception {
        declareThree(false);
        SubjectRegistry registryA = cityA.getBean(SubjectRegistry.class);
        TestCitizens.Person person = TestCitizens.register(registryA, "宁复信");
        UUID subject = registryA.find(registryA.validate(null, person.number())).orElseThrow();
        Map<String, String> fields = Map.of("penalty_type", "罚款", "facts", "伪造医疗票据骗取医保基金",
                "basis", "《医疗保障基金使用监督管理条例》第四十条", "authority", "市医疗保障局");
        String decided = LocalDate.now().minusMonths(13).toString();
        var delivered = cityA.getBean(Submissions.class).submit(UUID.randomUUID(), "MEDICAL_INSURANCE",
                List.of(new IncomingRecord("P_MEDICAL_INSURANCE_FRAUD", person.number(), person.name(),
                        "YB-" + UUID.randomUUID(), "1", "ADD", "驻医保罚〔2025〕811号", decided, fields)));
        assertThat(delivered.accepted()).as(delivered.toString()).isEqualTo(1);
        ListEntry entry = approvedBlackListEntry(subject);
        String key = checkKey(cityB);
        String restricted = restrictedIn(portB, key, person.number());
        assertThat(JsonPath.<String>read(restricted, "$.entries[0].id")).isEqualTo("411700:list/" + entry.id());

        // The repair, through the real path: the person applies with the materials a serious penalty asks for, a
        // clerk proposes, another clerk approves; the record is repaired and the entry exits in that transaction.
        cn.chengxin.repair.Repairs repairs = cityA.getBean(cn.chengxin.repair.Repairs.class);
        byte[] pdf = "%PDF-1.4\n% 信用修复材料（测试）\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID record = cityA.getBean(cn.chengxin.creditfile.CreditFile.class).fileOf(subject).get(0).recordKey();
        UUID id = repairs.apply(subject, record, "已退回违规资金并缴纳罚款", person.name(), List.of(
                new cn.chengxin.repair.Repairs.Upload("PROOF", "缴款凭证.pdf", pdf),
                new cn.chengxin.repair.Repairs.Upload("TRAINING", "培训证明.pdf", pdf),
                new cn.chengxin.repair.Repairs.Upload("CREDIT_REPORT", "信用报告.pdf", pdf)), null);
        as("repair-clerk-1", () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        as("repair-clerk-2", () -> {
            repairs.approve(id, repairs.find(id).version());
            return null;
        });
        ListEntry exited = cityA.getBean(Listing.class).entry(entry.id()).orElseThrow();
        assertThat(exited.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(exited.exitReason()).isEqualTo("信用修复");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> check(portB, key,
                person.number()), body -> JsonPath.<List<?>>read(body, "$.entries").isEmpty());
        assertThat(JsonPath.<List<?>>read(check(portB, key, person.number()), "$.measures")).isEmpty();
    }

    /** Declares the province and the two cities to each other, to be pushed to over Kafka or over HTTP. */
    private static void declareThree(boolean kafka) {
        declare(province, cityA, Relation.CHILD, PlatformLevel.CITY, address(portA, kafka));
        declare(province, cityB, Relation.CHILD, PlatformLevel.CITY, address(portB, kafka));
        declare(cityA, province, Relation.PARENT, PlatformLevel.PROVINCE, address(provincePort, kafka));
        declare(cityB, province, Relation.PARENT, PlatformLevel.PROVINCE, address(provincePort, kafka));
    }

    /** City A's black-list proposal about the subject, approved by a reviewer: the entry, in force. */
    private ListEntry approvedBlackListEntry(UUID subject) throws Exception {
        Listing listingA = cityA.getBean(Listing.class);
        ListEntry proposal = await().atMost(Duration.ofSeconds(20)).until(() -> listingA.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        if (as("reviewer-a", () -> listingA.approve(proposal.id(), "核实无误")) == EntryStatus.NOTIFIED) {
            // RULES.md §7: an entry other than the court's takes effect once the notice period after the prior
            // notice's service is over (the period moved back, as the platforms' clocks cannot be).
            as("clerk-a", () -> {
                listingA.recordService(listingA.noticesOfEntry(proposal.id()).stream()
                        .filter(n -> n.kind() == cn.chengxin.listing.ListNotice.Kind.PRIOR).findFirst().orElseThrow()
                        .id(), cn.chengxin.listing.NoticeDelivery.Channel.IN_PERSON,
                        LocalDate.now(cityA.getBean(java.time.Clock.class)), "本人到窗口签收");
                return null;
            });
            cityA.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("UPDATE listing.entry "
                    + "SET effective_from = now() - interval '1 second' WHERE id = ?").param(proposal.id()).update();
            listingA.activateDue();
        }
        assertThat(listingA.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        return proposal;
    }

    /** City B's approval system checks the person until restricted, with city A shown as the issuing platform. */
    private static String restrictedIn(int port, String key, String number) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> check(port, key,
                number), body -> !JsonPath.<List<?>>read(body, "$.entries").isEmpty());
        String restricted = check(port, key, number);
        assertThat(JsonPath.<String>read(restricted, "$.entries[0].listType")).isEqualTo("BLACK");
        assertThat(JsonPath.<String>read(restricted, "$.entries[0].issuingPlatform")).isEqualTo("信用驻马店（测试）");
        assertThat(JsonPath.<List<?>>read(restricted, "$.measures")).isNotEmpty();
        return restricted;
    }

    /** @param kafka whether every platform sends through the others' topics, else over HTTP */
    private void run(boolean kafka) throws Exception {
        declareThree(kafka);

        // City A: the court delivers a defaulter decided 13 months ago; the black-list entry is reviewed into force.
        TestCitizens.Person person = TestCitizens.register(cityA.getBean(SubjectRegistry.class), "宁德顺");
        UUID subject = cityA.getBean(SubjectRegistry.class).find(cityA.getBean(SubjectRegistry.class)
                .validate(null, person.number())).orElseThrow();
        String source = "SX-" + UUID.randomUUID();
        Map<String, String> fields = Map.of("case_number", "(2025)豫1702执66号", "court", "驿城区人民法院",
                "obligation", "给付货款", "performance", "全部未履行", "behaviour", "违反限制消费令");
        String decided = LocalDate.now().minusMonths(13).toString();
        var delivered = cityA.getBean(Submissions.class).submit(UUID.randomUUID(), "COURT", List.of(new IncomingRecord(
                "P_COURT_DEFAULTER", person.number(), person.name(), source, "1", "ADD", "(2025)豫1702执66号", decided,
                fields)));
        assertThat(delivered.accepted()).isEqualTo(1);
        Listing listingA = cityA.getBean(Listing.class);
        ListEntry proposal = approvedBlackListEntry(subject);

        // City B's approval system checks the person: restricted, with city A shown as the issuing platform.
        String key = checkKey(cityB);
        restrictedIn(portB, key, person.number());

        // The province stops; the court deletes the record after performance meanwhile (a court defaulter is the
        // court's to remove, not the platform's to repair: RULES.md §7); the province starts again on its data.
        JdbcClient dbA = cityA.getBean(JdbcClient.class);
        long tried = triedForProvince(dbA, subject);
        province.close();
        assertThat(cityA.getBean(Submissions.class).submit(UUID.randomUUID(), "COURT", List.of(new IncomingRecord(
                "P_COURT_DEFAULTER", person.number(), person.name(), source, "2", "REVOKE", "(2025)豫1702执66号",
                decided, fields))).accepted()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> listingA.entry(proposal.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        // A pushes the exit while the province is down: over HTTP it fails and backs off, over Kafka it waits in
        // the province's topic.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> triedForProvince(dbA, subject), n -> n > tried);
        province = startProvince(false);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> check(portB, key,
                person.number()), body -> JsonPath.<List<?>>read(body, "$.entries").isEmpty());
        assertThat(JsonPath.<List<?>>read(check(portB, key, person.number()), "$.measures")).isEmpty();
    }

    /** The messages about the subject city A has tried to push to the province (over HTTP, or into its topic). */
    private static long triedForProvince(JdbcClient db, UUID subject) {
        return db.sql("SELECT count(*) FROM exchange.outbox WHERE partner_code = '410000' AND subject_id = ? "
                + "AND attempts > 0").param(subject).query(Long.class).single();
    }

    private static String address(int port, boolean kafka) {
        return kafka ? "kafka:" : "http://127.0.0.1:" + port;
    }

    private static ConfigurableApplicationContext startProvince(boolean fresh) {
        return start("province", "410000", "信用河南（测试）", PlatformLevel.PROVINCE, provincePort, fresh);
    }

    private static ConfigurableApplicationContext start(String name, String code, String title, PlatformLevel level,
                                                        int port, boolean fresh) {
        Path dir = ROOT.resolve(name);
        // Command-line arguments: they outrank the test profile's file (default properties would not).
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=" + port,
                "--chengxin.data-dir=" + dir,
                "--chengxin.db.embedded-dir=" + dir.resolve("postgres"),
                "--chengxin.db.embedded-port=0",
                "--chengxin.db.clean-on-start=" + fresh,
                "--chengxin.keys.dir=" + dir.resolve("keys"),
                "--chengxin.exchange.platform-code=" + code,
                "--chengxin.exchange.platform-name=" + title,
                "--chengxin.exchange.level=" + level.name(),
                "--chengxin.exchange.push-interval=PT0.2S",
                "--chengxin.exchange.follow-interval=PT0.2S",
                "--chengxin.exchange.kafka.bootstrap-servers=" + broker.getBrokersAsString()));
        return new SpringApplicationBuilder(ChengxinApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    /** Declares {@code other} to {@code to} as a partner, with its public key and address. */
    private static void declare(ConfigurableApplicationContext to, ConfigurableApplicationContext other,
                                Relation relation, PlatformLevel level, String address) {
        Platform platform = other.getBean(Exchange.class).platform();
        to.getBean(Exchange.class).savePartner(new PartnerSetting(platform.code(), platform.name(), level, relation,
                address, platform.publicKey()));
    }

    private static String checkKey(ConfigurableApplicationContext city) {
        StaffDirectory directory = city.getBean(StaffDirectory.class);
        UUID hr = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst().orElseThrow().id();
        return city.getBean(ApiClients.class).issue("人社审批系统", "HRSS", ApiClient.Kind.DEPARTMENT, hr,
                Set.of(Permission.API_SUBJECT_CHECK), 6000).key();
    }

    private static String check(int port, String key, String number) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"招录资格审查\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
