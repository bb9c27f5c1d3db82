package cn.chengxin.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Messages;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.HeldTransaction;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #9 on PostgreSQL, with the other platforms played in the same JVM: partners with their own SM2 keys that
 * push signed batches to our inbound endpoint and pull from our feed, and a provincial platform on loopback that our
 * outbox pushes to (and that can go down).
 */
@IntegrationTest
class ExchangeIT {

    /** The test JVM's keys directory: one per failsafe fork (pom.xml). */
    @Value("${chengxin.keys.dir}")
    private String keysDirectory;

    @Autowired
    MockMvc mvc;

    @Autowired
    Exchange exchange;

    @Autowired
    Queueing queueing;

    @Autowired
    Pushing pushing;

    @Autowired
    ExchangeSettings settings;

    @Autowired
    Receiving receiving;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Listing listing;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.subject.RenamingSubjects names;

    @Autowired
    cn.chengxin.repair.Repairs repairs;

    @Autowired
    RecordProceedings proceedings;

    @Autowired
    cn.chengxin.listing.EntryProceedings entryProceedings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    cn.chengxin.catalog.Catalogue catalogue;

    @Autowired
    cn.chengxin.shared.City city;

    @Autowired
    cn.chengxin.audit.SigningKeys signingKeys;

    @Autowired
    cn.chengxin.exchange.persistence.JdbcExchange store;

    @Autowired
    Reconciling reconciling;

    @Autowired
    cn.chengxin.shared.jdbc.ClusterJobs clusterJobs;

    @Autowired
    Adopting adopting;

    @Autowired
    Resending resending;

    @Autowired
    cn.chengxin.audit.AuditLog auditLog;

    @Autowired
    InboundRefusals inboundRefusals;

    @Autowired
    ListLoads listLoads;

    @Autowired
    java.time.Clock clock;

    @Autowired
    cn.chengxin.inquiry.Reports reports;

    @Autowired
    cn.chengxin.objection.Objections objections;

    private String here;

    @BeforeEach
    void platform() {
        here = exchange.platform().code();
        if (directory.departments().stream().noneMatch(d -> d.code().equals("HRSS"))) {
            directory.createDepartment("HRSS", "市人力资源和社会保障局", Department.Kind.DATA_PROVIDER, List.of());
        }
    }

    /**
     * The partners a test declared stop receiving: left enabled, every record any later class of the shared database
     * stores or moves is queued to each of them (~60 after this class), and the outbox grew to a million rows that the
     * clear-number scans read (session xlvii, engineer 5). No partner is declared by the test settings.
     */
    @AfterEach
    void disableThePartnersDeclared() {
        jdbc.sql("UPDATE exchange.partner SET enabled = false WHERE enabled").update();
    }

    @Test
    void thePlatformHasItsCodeLevelAndAnSm2KeyKeptBesideTheAuditKeys() throws Exception {
        Platform platform = exchange.platform();
        assertThat(platform.code()).isEqualTo("411700");
        assertThat(platform.level()).isEqualTo(PlatformLevel.CITY);
        assertThat(platform.name()).isEqualTo("信用驻马店");
        assertThat(Files.exists(Path.of(keysDirectory, "exchange-sm2.key"))).isTrue();
        mvc.perform(get("/api/v1/exchange/platform")).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("411700"))
                .andExpect(jsonPath("$.publicKey").value(platform.publicKey()));
    }

    @Test
    void aShareableRecordAndItsRepairAreQueuedInTheTransactionOfTheChangeAndAMinorPenaltyIsNot() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestCitizens.Person person = TestCitizens.register(subjects, "柏玉兰");
        UUID subject = withGeneralAndMinorPenalties(person, 71);
        List<QueuedMessage> queued = forPartner(subject, province);
        assertThat(queued).as("the minor penalty is not reported upward").hasSize(1);
        assertThat(queued.get(0).kind()).isEqualTo("RECORD");
        assertThat(queued.get(0).status()).isEqualTo("ACTIVE");
        assertThat(queued.get(0).acknowledged()).isFalse();
        UUID general = creditFile.fileOf(subject).stream().filter(e -> e.itemCode().equals("P_ADMIN_PENALTY_GENERAL"))
                .map(FileEntry::recordKey).findFirst().orElseThrow();
        assertThat(queued.get(0).sourceId()).isEqualTo("record/" + general);

        // A change rolled back queues nothing: the message travels with its change.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            creditFile.changeStatus(subject, general, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED, "repairer",
                    "信用修复");
            tx.setRollbackOnly();
        });
        assertThat(forPartner(subject, province)).hasSize(1);

        creditFile.changeStatus(subject, general, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED, "repairer",
                "信用修复");
        queued = forPartner(subject, province);
        assertThat(queued).extracting(QueuedMessage::status).containsExactly("ACTIVE", "REPAIRED");
        assertThat(queued.get(1).sourceId()).isEqualTo(queued.get(0).sourceId());
        assertThat(queued.get(1).version()).isGreaterThan(queued.get(0).version());
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE body::text LIKE ?")
                .param("%" + person.number() + "%").query(Long.class).single())
                .as("no identity number rests in the outbox").isZero();
    }

    @Test
    void onlyRecordsOfItemsTheCatalogueMarksSharedUpwardAreQueuedAndAMarkCountsOnceApproved() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String marked = penaltyItem("P_UPWARD_YES_", true);
        String unmarked = penaltyItem("P_UPWARD_NO_", false);
        TestCitizens.Person person = TestCitizens.register(subjects, "时秀英");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();

        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), unmarked, "驻市监罚〔2026〕61号");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), marked, "驻市监罚〔2026〕62号");
        assertThat(forPartner(subject, province)).extracting(QueuedMessage::sourceId)
                .containsExactly("record/" + recordOf(subject, marked));

        // Marking the other item is a new version of it: a draft changes nothing until another person approves it.
        ItemDefinition draft = withMark(catalogue.active(unmarked).orElseThrow().definition(), true);
        as("exchange-maker", () -> {
            catalogue.draft(draft, "报送上级平台");
            catalogue.submit(unmarked);
            return null;
        });
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), unmarked, "驻市监罚〔2026〕63号");
        assertThat(forPartner(subject, province)).hasSize(1);
        as("exchange-checker", () -> {
            catalogue.approve(unmarked, CatalogueVersions.pending(catalogue, unmarked), "同意");
            return null;
        });
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), unmarked, "驻市监罚〔2026〕64号");
        assertThat(forPartner(subject, province)).hasSize(2);
        assertThat(forPartner(subject, province).get(1).sourceId()).isEqualTo("record/" + creditFile.fileOf(subject)
                .stream().filter(e -> e.decisionNumber().equals("驻市监罚〔2026〕64号")).findFirst().orElseThrow()
                .recordKey());
    }

    /** A record sent up stays the parent's to correct: its changes go up after its item loses the mark. */
    @Test
    void aRecordSentUpIsSentAgainWhenItChangesAfterItsItemLostTheUpwardMark() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String item = penaltyItem("P_UPWARD_OFF_", true);
        TestCitizens.Person person = TestCitizens.register(subjects, "訾文华");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), item, "驻市监罚〔2026〕161号");
        UUID record = recordOf(subject, item);
        assertThat(forPartner(subject, province)).extracting(QueuedMessage::status).containsExactly("ACTIVE");

        ItemDefinition unmarked = withMark(catalogue.active(item).orElseThrow().definition(), false);
        as("exchange-maker", () -> {
            catalogue.draft(unmarked, "不再报送上级平台");
            catalogue.submit(item);
            return null;
        });
        as("exchange-checker", () -> {
            catalogue.approve(item, CatalogueVersions.pending(catalogue, item), "同意");
            return null;
        });
        creditFile.changeStatus(subject, record, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED, "repairer",
                "信用修复");
        assertThat(forPartner(subject, province)).extracting(QueuedMessage::status)
                .containsExactly("ACTIVE", "REPAIRED");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), item, "驻市监罚〔2026〕162号");
        assertThat(forPartner(subject, province)).as("a new record of the unmarked item stays here").hasSize(2);
    }

    /**
     * RULES.md §2, §11: a record collected while its item was for authorised query only stays here when a later version
     * makes the item public and shared upward — neither its changes nor a resend send it up; the records collected
     * under the new version go.
     */
    @Test
    void aRecordCollectedForAuthorisedQueryStaysHereWhenALaterVersionOpensItsItem() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String item = penaltyItem("P_UPWARD_OPENED_", false);
        ItemDefinition open = catalogue.active(item).orElseThrow().definition();
        revise(item, withSharing(open, Sharing.AUTHORISED_QUERY, false));
        TestCitizens.Person person = TestCitizens.register(subjects, "闻人雅");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), item, "驻市监罚〔2026〕171号");
        UUID collectedBefore = recordOf(subject, item);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), item, "驻市监罚〔2026〕173号");
        UUID stillActive = creditFile.fileOf(subject).stream()
                .filter(e -> e.decisionNumber().equals("驻市监罚〔2026〕173号")).findFirst().orElseThrow().recordKey();

        revise(item, withSharing(open, Sharing.PUBLIC, true));
        creditFile.changeStatus(subject, collectedBefore, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED,
                "repairer", "信用修复");
        assertThat(forPartner(subject, province)).as("collected for authorised query: stays here").isEmpty();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), item, "驻市监罚〔2026〕172号");
        UUID collectedAfter = creditFile.fileOf(subject).stream()
                .filter(e -> e.decisionNumber().equals("驻市监罚〔2026〕172号")).findFirst().orElseThrow().recordKey();
        assertThat(forPartner(subject, province)).extracting(QueuedMessage::sourceId)
                .containsExactly("record/" + collectedAfter);

        exchange.resendCurrentState(province.code);
        assertThat(forPartner(subject, province)).extracting(QueuedMessage::sourceId).as("a resend neither")
                .doesNotContain("record/" + collectedBefore, "record/" + stillActive)
                .contains("record/" + collectedAfter);
    }

    private void revise(String item, ItemDefinition version) throws Exception {
        as("exchange-maker", () -> {
            catalogue.draft(version, "调整共享属性");
            catalogue.submit(item);
            return null;
        });
        as("exchange-checker", () -> {
            catalogue.approve(item, CatalogueVersions.pending(catalogue, item), "同意");
            return null;
        });
    }

    private static ItemDefinition withSharing(ItemDefinition d, Sharing sharing, boolean sharedUpward) {
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), sharing, d.severity(), d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), d.usableForPunishment(), d.usableForScoring(),
                sharedUpward, d.updateCycle(), d.linksToResponsiblePersons(), d.description());
    }

    @Test
    void anApprovedRepairQueuesTheRepairedRecordForTheParent() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestCitizens.Person person = TestCitizens.register(subjects, "管玉洁");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕93号", "无照经营"),
                LocalDate.now().minusMonths(4));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID record = creditFile.fileOf(subject).get(0).recordKey();
        UUID id = repairs.apply(subject, record, "已缴纳罚款并停止违法行为", person.name(), List.of(new cn.chengxin.repair.Repairs.Upload(
                "PROOF", "缴款凭证.pdf", "%PDF-1.4\n% 缴款凭证（测试）\n".getBytes(StandardCharsets.UTF_8))), null);
        as("exchange-reviewer-1", () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        as("exchange-reviewer-2", () -> {
            repairs.approve(id, repairs.find(id).version());
            return null;
        });

        assertThat(forPartner(subject, province)).extracting(q -> q.kind() + " " + q.sourceId() + " " + q.status())
                .containsExactly("RECORD record/" + record + " ACTIVE", "RECORD record/" + record + " REPAIRED");
    }

    /**
     * RULES.md §5: a pending administrative review or lawsuit shows wherever the record shows, so flagging one sends
     * the record to the parent again, with the flag, as a new version; clearing it sends it again without; a record
     * never flagged carries no such field at all, so its message reads as before the field was added. A resend
     * carries the flags too.
     */
    @Test
    void aFlaggedReviewOrLawsuitGoesUpWithTheRecordAndClearingItSendsTheRecordWithout() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏守正");
        TestCitizens.Person neighbour = TestCitizens.register(subjects, "柏守中");
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                UUID subject = withGeneralAndMinorPenalties(person, 131);
                UUID other = withGeneralAndMinorPenalties(neighbour, 133);
                UUID record = recordOf(subject, "P_ADMIN_PENALTY_GENERAL");
                String pseudonym = subjects.pseudonymOf(subject).orElseThrow();

                UUID flag = as("exchange-pp", () -> proceedings.flag(subject, record,
                        RecordProceeding.Kind.ADMINISTRATIVE_REVIEW, "驻政复〔2026〕7号", pseudonym));
                pushing.pushDue(Instant.now());
                List<ExchangeMessage> sent = about(person.number(), parent.received);
                assertThat(sent).extracting(ExchangeMessage::sourceId).containsOnly("record/" + record);
                assertThat(sent).extracting(ExchangeMessage::proceedings)
                        .containsExactly(null, List.of("ADMINISTRATIVE_REVIEW"));
                assertThat(sent.get(1).version()).isGreaterThan(sent.get(0).version());
                assertThat(about(neighbour.number(), parent.received)).singleElement()
                        .satisfies(m -> assertThat(m.proceedings()).isNull());
                assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE subject_id = ? "
                                + "AND jsonb_exists(body, 'proceedings')").param(other).query(Long.class).single())
                        .as("an unflagged record's message has no proceedings field").isZero();

                ResendReport resent = exchange.resendCurrentState(province.code);
                assertThat(resent.records()).isPositive();
                pushing.pushDue(Instant.now());
                assertThat(last(about(person.number(), parent.received)).proceedings())
                        .as("a resend says the same as the last message").containsExactly("ADMINISTRATIVE_REVIEW");

                as("exchange-pp", () -> {
                    proceedings.clear(flag);
                    return null;
                });
                pushing.pushDue(Instant.now());
                ExchangeMessage cleared = last(about(person.number(), parent.received));
                assertThat(cleared.sourceId()).isEqualTo("record/" + record);
                assertThat(cleared.proceedings()).isNull();
                assertThat(cleared.version()).isGreaterThan(sent.get(1).version());
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * RULES.md §5: a review or lawsuit pending against a listing decision shows wherever the entry shows, on the
     * platforms it goes to as here: flagging it sends the entry again with the flag, clearing it sends it without.
     */
    @Test
    void aFlaggedReviewOrLawsuitOnOurBlackListEntryGoesUpWithItAndClearingItSendsTheEntryWithout() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "冉守信");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                ListEntry entry = blackListed(person, subject);
                queueing.followListing();
                pushing.pushDue(Instant.now());
                ExchangeMessage listed = last(about(person.number(), parent.received));
                assertThat(listed.kind().name()).isEqualTo("LIST_ENTRY");
                assertThat(listed.proceedings()).isNull();

                UUID flag = as("exchange-pp", () -> entryProceedings.flag(entry.id(), RecordProceeding.Kind.LAWSUIT,
                        "(2026)豫1702行初12号"));
                queueing.followListing();
                pushing.pushDue(Instant.now());
                ExchangeMessage flagged = last(about(person.number(), parent.received));
                assertThat(flagged.sourceId()).isEqualTo(listed.sourceId());
                assertThat(flagged.status()).isEqualTo("EFFECTIVE");
                assertThat(flagged.proceedings()).containsExactly("LAWSUIT");
                assertThat(flagged.version()).isGreaterThan(listed.version());

                ResendReport resent = exchange.resendCurrentState(province.code);
                assertThat(resent.listEntries()).isPositive();
                pushing.pushDue(Instant.now());
                assertThat(last(about(person.number(), parent.received)).proceedings())
                        .as("a resend says the same as the last message").containsExactly("LAWSUIT");

                as("exchange-pp", () -> {
                    entryProceedings.clear(flag, "原告撤诉");
                    return null;
                });
                queueing.followListing();
                pushing.pushDue(Instant.now());
                ExchangeMessage cleared = last(about(person.number(), parent.received));
                assertThat(cleared.sourceId()).isEqualTo(listed.sourceId());
                assertThat(cleared.proceedings()).isNull();
                assertThat(cleared.version()).isGreaterThan(flagged.version());
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * Gaps review xxxviii S1: an exit whose transaction commits after a later list change, once the follower has
     * stepped over its number (the patience, 10 s), still reaches the parent, once: the province would otherwise keep
     * the person listed and relay the entry to every city (RULES.md §11).
     */
    @Test
    void anExitCommittedAfterTheFollowerSteppedOverItsNumberIsQueuedForTheParentOnce() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "晚守信");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                ListEntry entry = blackListed(person, subject);
                await().atMost(Duration.ofSeconds(10)).until(() -> forPartner(subject, province).stream()
                        .anyMatch(q -> q.status().equals("EFFECTIVE")));
                long exitSeq;
                try (HeldTransaction<Long> exit = HeldTransaction.open(transactions, "exchange-late-exit", () -> {
                    listing.exit(entry.id(), "信用修复已核准");
                    return listing.entry(entry.id()).orElseThrow().changeSeq();
                })) {
                    // Meanwhile another entry is proposed and approved: later numbers, committed first.
                    TestCitizens.Person other = TestCitizens.register(subjects, "晚守约");
                    ListEntry later = blackListed(other, subjects.find(subjects.validate(null, other.number()))
                            .orElseThrow());
                    long laterSeq = listing.entry(later.id()).orElseThrow().changeSeq();
                    exitSeq = exit.result();
                    assertThat(exitSeq).isLessThan(laterSeq);
                    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT position FROM "
                            + "exchange.feed_position WHERE feed = 'listing'").query(Long.class).single() >= laterSeq);
                    exit.commit();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> forPartner(subject, province).stream()
                        .anyMatch(q -> q.status().equals("EXITED") && q.version() == exitSeq));
                queueing.followListing();
                assertThat(forPartner(subject, province)).filteredOn(q -> q.status().equals("EXITED")).hasSize(1);
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    @Test
    void aBlackListEntryReachesTheParentInOrderAfterTheParentWasDownForAnHour() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "冉国强");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                ListEntry proposal = blackListed(person, subject);
                queueing.followListing();
                await().atMost(Duration.ofSeconds(5)).until(() -> forPartner(subject, province).stream()
                        .anyMatch(q -> q.kind().equals("LIST_ENTRY") && q.status().equals("EFFECTIVE")));

                Instant now = Instant.now();
                parent.down = true;
                assertThat(pushing.pushDue(now)).isZero();
                Partner failing = exchange.partners().stream().filter(p -> p.code().equals(province.code))
                        .findFirst().orElseThrow();
                assertThat(failing.failures()).isEqualTo(1);
                assertThat(failing.lastError()).contains("503");
                int tried = parent.requests.get();
                assertThat(pushing.pushDue(now.plusSeconds(1))).as("backing off").isZero();
                assertThat(parent.requests.get()).isEqualTo(tried);
                for (int minute = 1; minute <= 60; minute += 7) {
                    pushing.pushDue(now.plus(Duration.ofMinutes(minute)));
                }
                assertThat(forPartner(subject, province)).noneMatch(QueuedMessage::acknowledged);

                parent.down = false;
                pushing.pushDue(now.plus(Duration.ofHours(2)));
                List<QueuedMessage> queued = forPartner(subject, province);
                assertThat(queued).allMatch(QueuedMessage::acknowledged);
                assertThat(parent.badSignatures.get()).isZero();
                List<ExchangeMessage> aboutPerson = parent.received.stream()
                        .filter(m -> person.number().equals(m.subject().number())).toList();
                assertThat(aboutPerson).extracting(m -> m.sourceId() + "@" + m.version())
                        .as("nothing lost, in queue order").containsExactlyElementsOf(
                                queued.stream().map(q -> q.sourceId() + "@" + q.version()).toList());
                assertThat(aboutPerson).extracting(ExchangeMessage::kind).map(Enum::name)
                        .containsExactly("RECORD", "LIST_ENTRY");
                ExchangeMessage entry = aboutPerson.get(1);
                assertThat(entry.listType()).isEqualTo("BLACK");
                assertThat(entry.sourcePlatform()).isEqualTo(here);
                assertThat(entry.issuingPlatformName()).isEqualTo("信用驻马店");
                assertThat(entry.item()).as("the record it rests on, which the parent maps to its own rule")
                        .isEqualTo("P_COURT_DEFAULTER");
                assertThat(aboutPerson.get(0).severity()).isEqualTo("SERIOUS");
                assertThat(aboutPerson.get(0).item()).isEqualTo("P_COURT_DEFAULTER");
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * Issue #9: "the console shows partners, queues, lag". With the parent down, its row shows how many messages wait
     * for it and how long the oldest has waited (the queue times moved back, as the ITs' clock cannot be).
     */
    @Test
    void withTheParentDownItsRowShowsTheMessagesWaitingAndTheLagOfTheOldest() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                parent.down = true;
                TestCitizens.Person person = TestCitizens.register(subjects, "冉积压");
                for (int n = 181; n <= 182; n++) {
                    TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                            "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + n + "号");
                }
                pushing.pushDue(Instant.now());
                jdbc.sql("UPDATE exchange.outbox SET queued_at = queued_at - interval '90 minutes' "
                        + "WHERE partner_code = ? AND acked_at IS NULL").param(province.code).update();
                long waiting = jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE partner_code = ? "
                        + "AND acked_at IS NULL AND refused_at IS NULL").param(province.code).query(Long.class).single();
                assertThat(waiting).as("our two records, and nothing acknowledged").isGreaterThanOrEqualTo(2);

                String page = mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                List<String> cells = cellsOf(partnerRow(page, province.code));
                int column = cells.indexOf(waiting + "");
                assertThat(column).as("待确认 " + cells).isPositive();
                java.util.regex.Matcher lag = java.util.regex.Pattern.compile("(\\d+) 分钟")
                        .matcher(cells.get(column + 1));
                assertThat(lag.matches()).as("积压时长 " + cells).isTrue();
                assertThat(Long.parseLong(lag.group(1))).isBetween(90L, 95L);
                assertThat(cells.get(column + 2)).as("已确认").isEqualTo("0");
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /** The console's row of the partner of {@code code} in the table of partners. */
    private static String partnerRow(String page, String code) {
        String table = page.substring(page.indexOf("id=\"partners\""));
        String before = table.substring(0, table.indexOf("<code>" + code + "</code>"));
        String row = table.substring(before.lastIndexOf("<tr"));
        return row.substring(0, row.indexOf("</tr>"));
    }

    /** The text of each cell of a table row, tags removed. */
    private static List<String> cellsOf(String row) {
        return java.util.Arrays.stream(row.split("<td[^>]*>")).skip(1)
                .map(c -> c.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()).toList();
    }

    /** A nation refusing a relay must not jam the province's link: the refused message alone is set aside. */
    @Test
    void aMessageTheParentRefusesForWhatItSaysIsSetAsideAndTheMessagesBehindItGoOn() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "邵明远");
                for (int n = 141; n <= 143; n++) {
                    TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                            "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + n + "号");
                }
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                List<String> queued = forPartner(subject, province).stream().map(QueuedMessage::sourceId).toList();
                assertThat(queued).hasSize(3);
                parent.refuses = m -> m.sourceId().equals(queued.get(1));

                pushing.pushDue(Instant.now());
                assertThat(forPartner(subject, province)).allSatisfy(q -> {
                    if (q.sourceId().equals(queued.get(1))) {
                        assertThat(q.setAside()).isTrue();
                        assertThat(q.refusedCode()).isEqualTo("EXCHANGE_RELAY_REFUSED");
                        assertThat(q.refusedReason()).as("the partner's reason kept").isEqualTo("messages[0]: relay not taken");
                    } else {
                        assertThat(q.acknowledged()).as("not held behind the refused one").isTrue();
                    }
                });
                assertThat(parent.received).filteredOn(m -> person.number().equals(m.subject().number()))
                        .extracting(ExchangeMessage::sourceId).containsExactly(queued.get(0), queued.get(2));
                assertThat(parent.bodies).as("encrypted for the parent: no number, name or content on the wire")
                        .isNotEmpty().allSatisfy(body -> assertThat(new String(body, StandardCharsets.UTF_8))
                                .contains("chengxin-sealed/1").doesNotContain(person.number().substring(0, 17),
                                        person.name(), "P_ADMIN_PENALTY_GENERAL"));
                assertThat(exchange.partners()).filteredOn(p -> p.code().equals(province.code)).singleElement()
                        .satisfies(p -> assertThat(p.failures()).isZero());
                mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                        .andExpect(content().string(containsString("EXCHANGE_RELAY_REFUSED")))
                        .andExpect(content().string(containsString("messages[0]: relay not taken")))
                        .andExpect(content().string(containsString(queued.get(1))));
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * A parent that cannot verify our signature (declared there with another key) refuses every batch: the operators
     * here see on the partner's row the partner's code and its reason, not a raw answer, and the messages wait.
     */
    @Test
    void aBatchTheParentRefusesForItsSignatureShowsTheCodeAndReasonOnThePartnersRow() throws Exception {
        try (FakeParent parent = new FakeParent(TestPartner.fresh("别的平台").key.publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "邵签名");
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕151号");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();

                pushing.pushDue(Instant.now());
                assertThat(parent.badSignatures.get()).isPositive();
                Partner refusing = exchange.partners().stream().filter(p -> p.code().equals(province.code))
                        .findFirst().orElseThrow();
                assertThat(refusing.failures()).isEqualTo(1);
                assertThat(refusing.lastError()).isEqualTo(
                        "HTTP 403 EXCHANGE_SIGNATURE_INVALID：签名无效：批次须由发送平台的 SM2 私钥对报文原文签名");
                assertThat(forPartner(subject, province)).noneMatch(QueuedMessage::acknowledged)
                        .noneMatch(QueuedMessage::setAside);
                mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                        .andExpect(content().string(containsString("EXCHANGE_SIGNATURE_INVALID：签名无效")))
                        .andExpect(content().string(not(containsString("/problems/exchange-signature-invalid"))));
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * Outside development and tests (chengxin.exchange.allow-plain-http off, as in production), identity numbers never
     * go to a plain http:// address: a configured one stops the start, and the console refuses to save one.
     */
    @Test
    void aPlainHttpPartnerIsRefusedAtStartAndWhenSavedWherePlainHttpIsNotAllowed() {
        TestPartner province = TestPartner.fresh("信用省");
        PartnerSetting plain = new PartnerSetting(province.code, province.name, PlatformLevel.PROVINCE,
                Relation.PARENT, "http://province.example:8080", province.key.publicKey());
        assertThatThrownBy(() -> new ExchangeSettings(production(List.of(plain)), city, signingKeys))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(province.code)
                .hasMessageContaining("https://");

        Exchange strict = new Exchange(store, new ExchangeSettings(production(List.of()), city, signingKeys), receiving,
                reconciling, adopting, resending, auditLog, inboundRefusals, listLoads, clock);
        for (String address : List.of("http://province.example:8080", "http://127.0.0.1:8080")) {
            assertThatThrownBy(() -> strict.savePartner(new PartnerSetting(province.code, province.name,
                    PlatformLevel.PROVINCE, Relation.PARENT, address, province.key.publicKey())))
                    .isInstanceOfSatisfying(ExchangeProblem.class,
                            p -> assertThat(p.code()).isEqualTo("PARTNER_INSECURE_URL"));
        }
        assertThat(exchange.partners()).noneMatch(p -> p.code().equals(province.code));
        try {
            strict.savePartner(new PartnerSetting(province.code, province.name, PlatformLevel.PROVINCE,
                    Relation.PARENT, "https://province.example", province.key.publicKey()));
            assertThat(exchange.partners()).filteredOn(p -> p.code().equals(province.code)).singleElement()
                    .satisfies(p -> assertThat(p.baseUrl()).isEqualTo("https://province.example"));
        } finally {
            province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
        }
    }

    /** Exchange settings as production has them: plain HTTP not allowed. */
    private static ExchangeProperties production(List<PartnerSetting> partners) {
        return production(partners, java.util.Map.of());
    }

    private static ExchangeProperties production(List<PartnerSetting> partners, java.util.Map<String, String> kafka) {
        return new ExchangeProperties("411700", "信用驻马店", PlatformLevel.CITY, null, null, null, partners, false,
                new ExchangeProperties.Kafka("127.0.0.1:9", kafka), null);
    }

    /** Outside development and tests the Kafka link does not start unless its client properties encrypt it. */
    @Test
    void theKafkaLinkDoesNotStartWithoutTlsWherePlainLinksAreNotAllowed() {
        for (var properties : List.of(java.util.Map.<String, String>of(),
                java.util.Map.of("security.protocol", "PLAINTEXT"),
                java.util.Map.of("security.protocol", "SASL_PLAINTEXT"))) {
            ExchangeSettings strict = new ExchangeSettings(production(List.of(), properties), city, signingKeys);
            assertThatThrownBy(() -> new KafkaLink("127.0.0.1:9", strict, receiving).close())
                    .as(properties.toString()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("security.protocol").hasMessageContaining("SSL");
        }
    }

    @Test
    void aPartnerReachedThroughKafkaWaitsInTheOutboxWhileTheKafkaTransportIsNotConfigured() throws Exception {
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT, PlatformLevel.NATION,
                "kafka:");
        try {
            TestCitizens.Person person = TestCitizens.register(subjects, "眭晓东");
            UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
            TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                    "驻市监罚〔2026〕95号");
            pushing.pushDue(Instant.now());
            Partner partner = exchange.partners().stream().filter(p -> p.code().equals(nation.code)).findFirst()
                    .orElseThrow();
            assertThat(partner.lastError()).contains("Kafka transport is not configured");
            assertThat(forPartner(subject, nation)).singleElement().satisfies(q -> assertThat(q.acknowledged()).isFalse());
        } finally {
            nation.declaredAs(exchange, Relation.PARENT, PlatformLevel.NATION, null);
        }
    }

    @Test
    void aBlackListEntryArrivingOverKafkaReachesChecksAndItsReplayIsRefused() throws Exception {
        var broker = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 1,
                cn.chengxin.exchange.wire.KafkaTransport.topicOf(here));
        broker.afterPropertiesSet();
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, KafkaLink.ADDRESS);
        String hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        String number = TestCitizens.withCheckCharacter("41150019880808081");
        ExchangeMessage entry = Messages.blackListEntry("411500", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "郜文杰");
        SignedBatch batch = province.sign(here, Instant.now(), List.of(entry));
        try (KafkaLink ours = new KafkaLink(broker.getBrokersAsString(), settings, receiving);
             var theirs = new cn.chengxin.exchange.wire.KafkaTransport(broker.getBrokersAsString(), province.code)) {
            ours.start();
            theirs.send(here, batch, Duration.ofSeconds(30));
            theirs.send(here, batch, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(hrChecks, number)
                    .andExpect(jsonPath("$.entries[0].issuingPlatform").value("信用411500")));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM exchange.inbound_batch WHERE partner_code = ?").param(province.code)
                    .query(Long.class).single() == 1);
            assertThat(held(entry)).as("applied once, the replay refused").isEqualTo("EFFECTIVE@1");
            assertThat(recordsOn(broker.getBrokersAsString(), here, 2)).as("what the broker keeps").hasSize(2)
                    .allSatisfy(value -> assertThat(new String(value, StandardCharsets.UTF_8))
                            .contains("chengxin-sealed/1").doesNotContain(number.substring(0, 17), "郜文杰", "BLACK"));
        } finally {
            province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            broker.destroy();
        }
    }

    /** The values of the first {@code count} records on the platform's topic, as any client of the broker reads them. */
    private static List<byte[]> recordsOn(String brokers, String platform, int count) {
        List<byte[]> values = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(java.util.Map.of(
                "bootstrap.servers", brokers, "group.id", "reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(cn.chengxin.exchange.wire.KafkaTransport.topicOf(platform)));
            long until = System.currentTimeMillis() + 20_000;
            while (values.size() < count && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    /** Over Kafka a batch's age is judged by when it was sent: one that waited while we were down is not stale. */
    @Test
    void aBatchThatWaitedInOurKafkaTopicLongerThanTheSkewWhileWeWereDownIsApplied() throws Exception {
        var broker = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 1,
                cn.chengxin.exchange.wire.KafkaTransport.topicOf(here));
        broker.afterPropertiesSet();
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, KafkaLink.ADDRESS);
        ExchangeMessage entry = Messages.blackListEntry("411500", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                TestCitizens.withCheckCharacter("41150019900303031"), "祁文静");
        Instant sent = Instant.now().minus(Duration.ofMinutes(30));
        SignedBatch batch = province.sign(here, sent, List.of(entry));
        var record = new org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>(
                cn.chengxin.exchange.wire.KafkaTransport.topicOf(here), null, sent.toEpochMilli(),
                province.code.getBytes(StandardCharsets.UTF_8), batch.body());
        record.headers().add(SignedBatch.PLATFORM, batch.from().getBytes(StandardCharsets.UTF_8))
                .add(SignedBatch.DIGEST, batch.digest().getBytes(StandardCharsets.UTF_8))
                .add(SignedBatch.SIGNATURE, batch.signature().getBytes(StandardCharsets.UTF_8));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(java.util.Map.of(
                "bootstrap.servers", broker.getBrokersAsString()),
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(record).get();
        }
        try (KafkaLink ours = new KafkaLink(broker.getBrokersAsString(), settings, receiving)) {
            ours.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> held(entry) != null);
            assertThat(held(entry)).isEqualTo("EFFECTIVE@1");
        } finally {
            province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            broker.destroy();
        }
    }

    /**
     * I1: over Kafka, which has no answer to a push, a batch of three with a minor's black entry leaves the other two
     * applied here and the minor's refused, kept, and answered on the sender's topic, sealed and signed by us; and a
     * partner's such answer about a batch of ours sets the message aside here, the others delivered.
     */
    @Test
    void overKafkaARefusedMessageIsAnsweredAndSetAsideWhileTheRestOfItsBatchIsApplied() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, KafkaLink.ADDRESS);
        var broker = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 1,
                cn.chengxin.exchange.wire.KafkaTransport.topicOf(here),
                cn.chengxin.exchange.wire.KafkaTransport.topicOf(province.code));
        broker.afterPropertiesSet();
        LocalDate born = LocalDate.now().minusYears(16);
        String minorNumber = TestCitizens.withCheckCharacter("411000" + born.toString().replace("-", "")
                + String.format("%03d", System.nanoTime() % 1000));
        ExchangeMessage first = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                TestCitizens.withCheckCharacter("41100019851112051"), "池立夏");
        ExchangeMessage minor = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                minorNumber, "米小苗");
        ExchangeMessage third = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EXITED",
                TestCitizens.withCheckCharacter("41100019860202052"), "池立冬");
        SignedBatch batch = province.sign(here, Instant.now(), List.of(first, minor, third));
        List<SignedBatch> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        // What our batches carried: other tests' messages for a parent may travel with this test's in one batch.
        List<String> ourSent = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> toRefuse = new java.util.concurrent.atomic.AtomicReference<>();
        Pushing viaKafka;
        try (KafkaLink ours = new KafkaLink(broker.getBrokersAsString(), settings, receiving);
             var theirs = new cn.chengxin.exchange.wire.KafkaTransport(broker.getBrokersAsString(), province.code)) {
            viaKafka = new Pushing(store, settings, subjects, auditLog, clock,
                    new org.springframework.beans.factory.support.StaticListableBeanFactory(
                            java.util.Map.of("kafkaLink", ours)).getBeanProvider(KafkaLink.class));
            ours.start();
            // The province refuses one message of ours (the test's second), as an older release refuses a number.
            theirs.start((ourBatch, sentAt) -> {
                var read = BatchCodec.read(ourBatch.open(province.code, province.key));
                read.messages().forEach(m -> ourSent.add(m.sourceId()));
                int index = read.messages().stream().map(ExchangeMessage::sourceId).toList().indexOf(toRefuse.get());
                if (index < 0) {
                    return;
                }
                ExchangeMessage refused = read.messages().get(index);
                var answer = new cn.chengxin.exchange.wire.MessageRefusals(read.batchId(), province.code, here,
                        List.of(new cn.chengxin.exchange.wire.MessageRefusals.Refused(index, refused.sourcePlatform(),
                                refused.sourceId(), refused.version(), "EXCHANGE_MESSAGE_INVALID",
                                "messages[" + index + "].subject: SUBJECT_ID_CHECK_CHARACTER")));
                try {
                    theirs.sendRefusals(here, answer.seal(province.key, exchange.platform().publicKey()),
                            Duration.ofSeconds(30));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            }, (answer, sentAt) -> answers.add(answer));

            theirs.send(here, batch, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> held(third) != null && !answers.isEmpty());
            assertThat(held(first)).isEqualTo("EFFECTIVE@1");
            assertThat(held(third)).isEqualTo("EXITED@1");
            assertThat(held(minor)).as("refused alone").isNull();
            SignedBatch answer = answers.get(0);
            assertThat(answer.from()).isEqualTo(here);
            assertThat(answer.signedBy(exchange.platform().publicKey()) && answer.digestMatches()).isTrue();
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("chengxin-sealed/1")
                    .doesNotContain(minor.sourceId());
            var refusals = cn.chengxin.exchange.wire.MessageRefusals.read(answer.open(province.code, province.key));
            assertThat(refusals.batchId()).isEqualTo(BatchCodec.read(batch.open(here, settings.key())).batchId());
            assertThat(refusals.refused()).singleElement().satisfies(r -> {
                assertThat(r.index()).isEqualTo(1);
                assertThat(r.sourceId()).isEqualTo(minor.sourceId());
                assertThat(r.code()).isEqualTo("EXCHANGE_MINOR_LISTED");
                assertThat(r.reason()).doesNotContain(minorNumber.substring(0, 17));
            });
            assertThat(jdbc.sql("SELECT code FROM exchange.inbound_refused_message WHERE partner_code = ?")
                    .param(province.code).query(String.class).list()).containsExactly("EXCHANGE_MINOR_LISTED");

            TestCitizens.Person person = TestCitizens.register(subjects, "邵卡夫");
            for (int n = 171; n <= 173; n++) {
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + n + "号");
            }
            UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
            List<String> queued = forPartner(subject, province).stream().map(QueuedMessage::sourceId).toList();
            assertThat(queued).hasSize(3);
            toRefuse.set(queued.get(1));
            viaKafka.pushDue(Instant.now());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(forPartner(subject, province))
                    .filteredOn(QueuedMessage::setAside).singleElement().satisfies(q -> {
                        assertThat(q.sourceId()).isEqualTo(queued.get(1));
                        assertThat(q.refusedCode()).isEqualTo("EXCHANGE_MESSAGE_INVALID");
                        assertThat(q.acknowledged()).as("no longer counted delivered").isFalse();
                    }));
            assertThat(forPartner(subject, province)).filteredOn(q -> !q.sourceId().equals(queued.get(1)))
                    .hasSize(2).allMatch(QueuedMessage::acknowledged);
            viaKafka.pushDue(Instant.now());
            assertThat(ourSent).as("the set-aside message is not sent again with the others")
                    .containsOnlyOnce(queued.get(1));
            mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                    .andExpect(content().string(containsString("EXCHANGE_MESSAGE_INVALID")))
                    .andExpect(content().string(containsString(queued.get(1))));
        } finally {
            province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            broker.destroy();
        }
    }

    @Test
    void batchesWithABadSignatureAnUnknownPartnerAStaleTimeOrAReplayedIdAreRefusedAndNothingIsApplied()
            throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestPartner stranger = TestPartner.fresh("信用外省");
        String number = TestCitizens.withCheckCharacter("41100019850312041");
        ExchangeMessage entry = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "邬长青");

        SignedBatch good = province.sign(here, Instant.now(), List.of(entry));
        SignedBatch forged = new SignedBatch(good.from(), good.body(), good.digest(),
                stranger.sign(here, Instant.now(), List.of(entry)).signature());
        refused(TestPartner.push(mvc, forged), 403, "EXCHANGE_SIGNATURE_INVALID");
        refused(TestPartner.push(mvc, stranger.sign(here, Instant.now(), List.of(entry))), 403,
                "EXCHANGE_PARTNER_UNKNOWN");
        refused(TestPartner.push(mvc, province.sign(here, Instant.now().minus(Duration.ofMinutes(30)),
                List.of(entry))), 422, "EXCHANGE_BATCH_STALE");
        byte[] tampered = good.body().clone();
        tampered[tampered.length - 20] ^= 1;
        refused(TestPartner.push(mvc, good.from(), tampered, good.digest(), good.signature()), 403,
                "EXCHANGE_SIGNATURE_INVALID");
        // Signed by the partner, but the ciphertext does not authenticate (altered before signing): refused unapplied.
        String envelope = new String(good.body(), StandardCharsets.UTF_8);
        String ciphertext = JsonPath.read(envelope, "$.ciphertext");
        byte[] flipped = java.util.Base64.getDecoder().decode(ciphertext);
        flipped[flipped.length / 2] ^= 1;
        byte[] corrupt = envelope.replace(ciphertext, java.util.Base64.getEncoder().encodeToString(flipped))
                .getBytes(StandardCharsets.UTF_8);
        refused(TestPartner.push(mvc, signedAs(province, corrupt)), 422, "EXCHANGE_BATCH_UNDECRYPTABLE");
        // A batch in clear (a sender from before encryption) is refused; its outbox keeps it for later.
        byte[] clear = BatchCodec.write(new cn.chengxin.exchange.domain.Batch(ExchangeFormats.V1,
                UUID.randomUUID(), province.code, here, Instant.now(), null, List.of(entry)));
        refused(TestPartner.push(mvc, signedAs(province, clear)), 422, "EXCHANGE_BATCH_UNENCRYPTED");
        assertThat(held(entry)).as("nothing applied").isNull();

        TestPartner.push(mvc, good).andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
        assertThat(held(entry)).isEqualTo("EFFECTIVE@1");
        refused(TestPartner.push(mvc, good), 409, "EXCHANGE_BATCH_REPLAYED");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.inbound_batch WHERE partner_code = ?").param(province.code)
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * gaps review xxxvii R6: a partner's test batch is checked and answered in full but applied to nothing, kept
     * nowhere (its id neither, so it may be sent again) and relayed nowhere; a message it carries that would be
     * refused is refused as in a real batch. The current format, chengxin-exchange/2, is received like /1.
     */
    @Test
    void aTestBatchIsCheckedAndAnsweredButAppliesNothingAndTheSecondFormatIsReceived() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String number = TestCitizens.withCheckCharacter("41100019850312051");
        ExchangeMessage entry = Messages.contestedBlackListEntry("411000", "list/" + UUID.randomUUID(), 1, number,
                "邬长青", List.of("LAWSUIT"));

        SignedBatch test = province.sign(here, Instant.now(), List.of(entry), ExchangeFormats.V2, true);
        TestPartner.push(mvc, test).andExpect(status().isOk()).andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.applied").value(0));
        TestPartner.push(mvc, test).andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(0));
        assertThat(held(entry)).as("nothing applied").isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.inbound_batch WHERE partner_code = ?").param(province.code)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE source_id = ?").param(entry.sourceId())
                .query(Long.class).single()).as("relayed nowhere").isZero();
        ExchangeMessage stranger = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                "4110001985031205", "邬长青");
        refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(stranger), ExchangeFormats.V2,
                true)), 422, "EXCHANGE_MESSAGE_INVALID");

        TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(entry), ExchangeFormats.V2, false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
        assertThat(held(entry)).isEqualTo("EFFECTIVE@1");
    }

    /**
     * A refused request is a security event (RULES.md §10): audited as DENIED with the partner code as sent and the
     * problem code, never the identity number, and shown in the console, so that the office sees a partner missing
     * from configuration by the code it sends.
     */
    @Test
    void refusedBatchesAndRequestsAreAuditedAsDeniedAndShownInTheConsoleWithThePartnerAsSent() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestPartner missing = TestPartner.fresh("信用未配置");
        String number = TestCitizens.withCheckCharacter("41100019850419041");
        ExchangeMessage entry = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "乔若水");
        refused(TestPartner.push(mvc, missing.sign(here, Instant.now(), List.of(entry))), 403,
                "EXCHANGE_PARTNER_UNKNOWN");
        refused(missing.pull(mvc, here, 0, Instant.now()), 403, "EXCHANGE_PARTNER_UNKNOWN");
        ExchangeMessage badNumber = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                TestCitizens.withWrongCheckCharacter(number), "乔若水");
        refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(badNumber))), 422,
                "EXCHANGE_MESSAGE_INVALID");

        List<String> audited = jdbc.sql("SELECT category || ' ' || result || ' ' || detail FROM audit.event "
                        + "WHERE action = 'exchange.refuse' AND (detail LIKE ? OR detail LIKE ?) ORDER BY seq")
                .params("%" + missing.code + "%", "%" + province.code + "%").query(String.class).list();
        assertThat(audited).hasSize(3);
        assertThat(audited.get(0)).startsWith("SECURITY DENIED reason=INBOUND_REFUSED; operation=batch; partner="
                        + missing.code)
                .contains("EXCHANGE_PARTNER_UNKNOWN");
        assertThat(audited.get(1)).startsWith("SECURITY DENIED reason=INBOUND_REFUSED; operation=pull; partner="
                        + missing.code)
                .contains("EXCHANGE_PARTNER_UNKNOWN");
        assertThat(audited.get(2)).startsWith("SECURITY DENIED reason=INBOUND_REFUSED; operation=batch; partner="
                        + province.code)
                .contains("EXCHANGE_MESSAGE_INVALID");
        assertThat(String.join("\n", audited)).doesNotContain(number.substring(0, 17));
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.refused_attempt WHERE partner_sent || reason LIKE ?")
                .param("%" + number.substring(0, 17) + "%").query(Long.class).single()).isZero();

        String page = mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String shown = page.substring(page.indexOf("id=\"refused-attempts\""));
        assertThat(shown).contains(missing.code, "EXCHANGE_PARTNER_UNKNOWN", "推送批次", "拉取", province.code,
                "EXCHANGE_MESSAGE_INVALID");
    }

    @Test
    void oversizedFieldsUnexpectedTypesAndBadNumbersAreRefusedWithAReason() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String number = TestCitizens.withCheckCharacter("41100019851112041");
        ExchangeMessage entry = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "池立秋");
        ExchangeMessage oversized = new ExchangeMessage(entry.sourcePlatform(), "list/" + UUID.randomUUID(), 1,
                entry.kind(), entry.occurredAt(), entry.subject(), null, "BLACK", null, entry.period(), "EFFECTIVE",
                false, "COURT", null, "依据".repeat(300), "信用411000", null);
        refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(entry, oversized))), 422,
                "EXCHANGE_MESSAGE_INVALID").andExpect(jsonPath("$.detail").value(
                org.hamcrest.Matchers.containsString("messages[1]: legalBasis")));

        byte[] textVersion = new String(BatchCodec.write(new cn.chengxin.exchange.domain.Batch(ExchangeFormats.V1,
                UUID.randomUUID(), province.code, here, Instant.now(), null, List.of(entry))), StandardCharsets.UTF_8)
                .replace("\"version\":1", "\"version\":\"1\"").getBytes(StandardCharsets.UTF_8);
        SignedBatch retyped = province.seal(here, textVersion);
        refused(TestPartner.push(mvc, retyped), 422, "EXCHANGE_BATCH_MALFORMED");

        ExchangeMessage badNumber = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE",
                TestCitizens.withWrongCheckCharacter(number), "池立秋");
        String answer = refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(entry, badNumber))),
                422, "EXCHANGE_MESSAGE_INVALID").andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("messages[1].subject").doesNotContain(number.substring(0, 17));
        assertThat(held(entry)).isNull();
        assertThat(held(oversized)).isNull();
    }

    /**
     * RULES.md §6: minors are never put on a dishonesty list, here no more than on the platform that sent the entry.
     * A black entry for a person under 18 on its decision date refuses the batch with its own code, even if the person
     * is of age now; its exit is taken, and a court file's row for a minor is refused with its line.
     */
    @Test
    void aBlackListEntryForAMinorIsRefusedWithItsOwnCodeAndItsExitIsTaken() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        LocalDate born = LocalDate.now().minusYears(18).plusDays(5);
        String number = TestCitizens.withCheckCharacter("411000" + born.toString().replace("-", "")
                + String.format("%03d", System.nanoTime() % 1000));
        String adult = TestCitizens.withCheckCharacter("41100019851112041");
        ExchangeMessage ofAge = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", adult,
                "池立秋");
        ExchangeMessage minor = Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "米小禾");
        String answer = refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(ofAge, minor))), 422,
                "EXCHANGE_MINOR_LISTED").andExpect(jsonPath("$.detail").value(
                org.hamcrest.Matchers.containsString("messages[1]"))).andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(number.substring(0, 17));
        assertThat(held(ofAge)).isNull();
        assertThat(held(minor)).isNull();

        LocalDate bornEarlier = LocalDate.now().minusYears(19);
        String ofAgeNow = TestCitizens.withCheckCharacter("411000" + bornEarlier.toString().replace("-", "")
                + String.format("%03d", System.nanoTime() % 1000));
        ExchangeMessage grownUp = new ExchangeMessage("411000", "list/" + UUID.randomUUID(), 1, minor.kind(),
                minor.occurredAt(), new ExchangeMessage.Subject("RESIDENT_ID", ofAgeNow, "米大禾"), null, "GREY", null,
                new ExchangeMessage.Period(bornEarlier.plusYears(18).minusDays(1), null), "EFFECTIVE", false,
                "COURT", null, "依据", "信用411000", null);
        refused(TestPartner.push(mvc, province.sign(here, Instant.now(), List.of(grownUp))), 422,
                "EXCHANGE_MINOR_LISTED");
        pushOne(province, Messages.blackListEntry("411000", minor.sourceId(), 2, "EXITED", number, "米小禾"));
        assertThat(held(minor)).isEqualTo("EXITED@2");

        String header = "\uFEFF姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期,移除日期\n";
        LoadReport loaded = uploadedAndApproved(header + "米小禾," + number + ",某法院,(2026)豫1702执"
                + System.nanoTime() % 100000 + "号,给付,拒不履行," + LocalDate.now().minusDays(3) + ",\n");
        assertThat(loaded.applied()).isZero();
        assertThat(loaded.refused()).extracting(LoadReport.RefusedRow::line, LoadReport.RefusedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "EXCHANGE_MINOR_LISTED"));
    }

    @Test
    void versionsArrivingOutOfOrderEndAsTheyWouldInOrder() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String number = TestCitizens.withCheckCharacter("41100019900101053");
        String inOrder = "list/" + UUID.randomUUID();
        String shuffled = "list/" + UUID.randomUUID();
        for (int v : new int[] {1, 2, 3}) {
            pushOne(province, Messages.blackListEntry("411000", inOrder, v, v == 2 ? "EXITED" : "EFFECTIVE", number,
                    "訾春燕"));
        }
        long numberBefore = receivedSeq();
        for (int v : new int[] {3, 1, 2}) {
            pushOne(province, Messages.blackListEntry("411000", shuffled, v, v == 2 ? "EXITED" : "EFFECTIVE", number,
                    "訾春燕"));
        }
        assertThat(held("411000", inOrder)).isEqualTo("EFFECTIVE@3");
        assertThat(held("411000", shuffled)).isEqualTo(held("411000", inOrder));
        // The same version again (a partner's retry in a new batch) changes nothing either.
        pushOne(province, Messages.blackListEntry("411000", shuffled, 3, "EXITED", number, "訾春燕"))
                .andExpect(jsonPath("$.applied").value(0));
        assertThat(held("411000", shuffled)).isEqualTo("EFFECTIVE@3");
        // Nor does it take a number of the received feed (session xl): only the first arrival did. A number taken and
        // left unused is a gap the feed's followers (the check index, the lifts) wait for and read again for a day.
        assertThat(receivedSeq()).as("numbers of the received feed taken").isEqualTo(numberBefore + 1);
        assertThat(jdbc.sql("SELECT change_seq FROM exchange.received WHERE source_platform = '411000' "
                + "AND source_id = ?").param(shuffled).query(Long.class).single()).isEqualTo(numberBefore + 1);
    }

    private long receivedSeq() {
        return jdbc.sql("SELECT last_value FROM exchange.received_seq").query(Long.class).single();
    }

    /**
     * RULES.md §5: the review or lawsuit pending against a record shows wherever the record shows, so a record
     * received from another platform keeps it as its issuer last sent it: a later version that sends none clears it,
     * and an older version arriving late brings it back no more than it brings back the older state.
     */
    @Test
    void aReceivedRecordKeepsItsPendingReviewOrLawsuitUntilAVersionWithoutOneArrives() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String number = TestCitizens.withCheckCharacter("41100019860909061");
        String sourceId = "record/" + UUID.randomUUID();

        pushOne(province, Messages.penalty("411000", sourceId, 2, number, List.of("LAWSUIT", "ADMINISTRATIVE_REVIEW")))
                .andExpect(jsonPath("$.applied").value(1));
        assertThat(proceedingsHeld("411000", sourceId)).containsExactlyInAnyOrder("LAWSUIT", "ADMINISTRATIVE_REVIEW");

        pushOne(province, Messages.penalty("411000", sourceId, 3, number, null))
                .andExpect(jsonPath("$.applied").value(1));
        assertThat(proceedingsHeld("411000", sourceId)).as("the issuer's next version sends none").isEmpty();

        pushOne(province, Messages.penalty("411000", sourceId, 1, number, List.of("LAWSUIT")))
                .andExpect(jsonPath("$.applied").value(0));
        assertThat(proceedingsHeld("411000", sourceId)).as("an older version changes nothing").isEmpty();
    }

    /**
     * A platform not yet upgraded sends records in the form from before the {@code proceedings} member: the message
     * applies as it always did, and the record is kept with none pending.
     */
    @Test
    void aRecordInTheFormFromBeforeTheProceedingsMemberIsAppliedWithNonePending() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String number = TestCitizens.withCheckCharacter("41100019861010061");
        String sourceId = "record/" + UUID.randomUUID();
        byte[] body = ("{\"format\":\"chengxin-exchange/1\",\"batchId\":\"" + UUID.randomUUID() + "\",\"from\":\""
                + province.code + "\",\"to\":\"" + here + "\",\"createdAt\":\"" + Instant.now() + "\",\"messages\":["
                + "{\"sourcePlatform\":\"411000\",\"sourceId\":\"" + sourceId + "\",\"version\":7,\"kind\":\"RECORD\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"subject\":{\"documentType\":\"RESIDENT_ID\",\"number\":\""
                + number + "\",\"name\":\"仇秋实\"},\"item\":\"P_ADMIN_PENALTY_GENERAL\",\"severity\":\"GENERAL\","
                + "\"period\":{\"start\":\"2026-03-01\",\"end\":\"2027-02-28\"},\"status\":\"ACTIVE\","
                + "\"disputed\":false,\"department\":\"MARKET\",\"decisionNumber\":\"信市监罚〔2026〕9号\","
                + "\"legalBasis\":\"《中华人民共和国行政处罚法》\",\"issuingPlatformName\":\"信用411000\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        TestPartner.push(mvc, province.seal(here, body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));

        assertThat(held("411000", sourceId)).isEqualTo("ACTIVE@7");
        assertThat(proceedingsHeld("411000", sourceId)).isEmpty();
    }

    @Test
    void aPersonBlackListedInAnotherCityGetsTheMeasuresHereUntilTheExitArrives() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        String number = TestCitizens.withCheckCharacter("41100019870505061");
        String sourceId = "list/" + UUID.randomUUID();
        check(hrChecks, number).andExpect(jsonPath("$.entries").isEmpty());

        pushOne(province, Messages.blackListEntry("411000", sourceId, 1, "EFFECTIVE", number, "蒯红梅"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.entries[0].issuingPlatform").value("信用411000"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE")))
                // Named by the issuing platform's code and id: two platforms' ids for their entries may coincide.
                .andExpect(jsonPath("$.entries[0].id").value("411000:" + sourceId))
                .andExpect(jsonPath("$.measures[?(@.code == 'NO_CIVIL_SERVICE')].basedOn[*]")
                        .value("411000:" + sourceId))
                .andExpect(jsonPath("$.maskedName").value("蒯*梅")));

        pushOne(province, Messages.blackListEntry("411000", sourceId, 2, "EXITED", number, "蒯红梅"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries").isEmpty()).andExpect(jsonPath("$.measures").isEmpty()));
    }

    /**
     * Another platform's entry under review or lawsuit there shows it here, in checks and in the console, as its
     * latest version says; a version in the form from before entries carried the member reads as none pending, and
     * the flag goes on down with the entry to the children.
     */
    @Test
    void aReceivedEntryShowsItsPendingReviewOrLawsuitInChecksAndTheConsoleUntilAVersionWithoutOneArrives()
            throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestPartner county = TestPartner.fresh("信用县").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        String hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        String number = TestCitizens.withCheckCharacter("41100019880808061");
        String sourceId = "list/" + UUID.randomUUID();

        pushOne(province, Messages.contestedBlackListEntry("411000", sourceId, 3, number, "蒯诉讼",
                List.of("ADMINISTRATIVE_REVIEW", "LAWSUIT"))).andExpect(jsonPath("$.applied").value(1));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries[0].id").value("411000:" + sourceId))
                .andExpect(jsonPath("$.entries[0].proceedings[*]", org.hamcrest.Matchers.containsInAnyOrder(
                        "ADMINISTRATIVE_REVIEW", "LAWSUIT")))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));
        mvc.perform(get("/console/exchange").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("411000:" + sourceId)))
                .andExpect(content().string(containsString("行政诉讼中")))
                .andExpect(content().string(containsString("蒯*讼")))
                .andExpect(content().string(not(containsString(number))));
        assertThat(about(number, pulled(county, 0))).singleElement()
                .satisfies(m -> assertThat(m.proceedings()).containsExactly("ADMINISTRATIVE_REVIEW", "LAWSUIT"));

        pushOne(province, Messages.contestedBlackListEntry("411000", sourceId, 2, number, "蒯诉讼", null))
                .andExpect(jsonPath("$.applied").value(0));
        pushOne(province, Messages.contestedBlackListEntry("411000", sourceId, 4, number, "蒯诉讼", null))
                .andExpect(jsonPath("$.applied").value(1));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries[0].id").value("411000:" + sourceId))
                .andExpect(jsonPath("$.entries[0].proceedings").isEmpty()));
    }

    /**
     * Review F5 (RULES.md §5, §9, §11): an entry platform 411000 issued binds the person here, so they see it in 我的名单
     * and in their own report with its issuer, basis and validity, and may object to it here: the case is recorded
     * and forwarded to the issuer, and checks show the entry disputed until the case is decided.
     */
    @Test
    void aReceivedEntryShowsInMyListsAndMyReportAndAnObjectionHereMarksItDisputedInChecks() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String checks = key("HRSS", Permission.API_SUBJECT_CHECK);
        TestCitizens.Person person = TestCitizens.register(subjects, "郜异地");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String sourceId = "list/" + UUID.randomUUID();
        String key = "411000:" + sourceId;
        pushOne(province, Messages.blackListEntry("411000", sourceId, 1, "EFFECTIVE", person.number(),
                person.name(), null, "TAX", "《重大税收违法失信主体信息公布管理办法》"))
                .andExpect(jsonPath("$.applied").value(1));

        var citizen = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.citizen(subjects, subject));
        String lists = mvc.perform(get("/me/lists").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(lists).contains("其他平台认定", "data-entry=\"" + key + "\"", "信用411000",
                "《重大税收违法失信主体信息公布管理办法》", LocalDate.now().plusYears(2).toString());

        var report = reports.forSelf(subject, cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).content();
        assertThat(report.lists()).singleElement().satisfies(l -> {
            assertThat(l.issuingPlatform()).isEqualTo("信用411000");
            assertThat(l.legalBasis()).isEqualTo("《重大税收违法失信主体信息公布管理办法》");
            assertThat(l.validUntil()).isEqualTo(LocalDate.now().plusYears(2));
            assertThat(l.disputed()).isFalse();
        });
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(checks, person.number())
                .andExpect(jsonPath("$.entries[0].id").value(key))
                .andExpect(jsonPath("$.entries[0].disputed").value(false)));
        // The clerk at the counter finds it by the person's number, the look recorded about them, the number masked.
        String found = mvc.perform(post("/console/received").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(cn.chengxin.support.Principals.staff("clerk-a", "CREDIT_OFFICE",
                                        Permission.OBJECTION_HANDLE)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .param("number", person.number()).param("purpose", "OBJECTION_HANDLING"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("data-entry=\"" + key + "\"", "信用411000").doesNotContain(person.number());
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM audit.event "
                + "WHERE action = 'exchange.received.view' AND subject_pseudonym = ?")
                .param(pseudonymOf(person.number())).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'exchange.received.view' "
                + "AND subject_pseudonym = ?").param(pseudonymOf(person.number())).query(String.class).single())
                .as("recorded as a reason code (K7)")
                .isEqualTo("reason=RECEIVED_VIEWED; purpose=#console.subjects.purpose.OBJECTION_HANDLING; entries=1");

        mvc.perform(post("/me/objections").with(citizen).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()).param("receivedEntry", key).param("reasons", "税款已于认定前缴清"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/me/objections"));
        cn.chengxin.objection.Objection filed = objections.of(subject).stream()
                .filter(cn.chengxin.objection.Objection::againstReceived).findFirst().orElseThrow();
        assertThat(filed.receivedEntry()).isEqualTo(key);
        assertThat(filed.departmentCode()).as("forwarded to the issuer").isEqualTo("411000");
        assertThat(mvc.perform(get("/me/objections").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("已转认定平台办理");
        assertThat(mvc.perform(get("/console/objections").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(cn.chengxin.support.Principals.staff("clerk-a", "CREDIT_OFFICE",
                                        Permission.OBJECTION_HANDLE)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).as("the office sees where the case went")
                .contains("已转办认定平台：信用411000（411000）", key);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(checks, person.number())
                .andExpect(jsonPath("$.entries[0].id").value(key))
                .andExpect(jsonPath("$.entries[0].disputed").value(true))
                .andExpect(jsonPath("$.disputed").value(true)));
        assertThat(reports.forSelf(subject, cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).content().lists())
                .singleElement().satisfies(l -> assertThat(l.disputed()).isTrue());
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM audit.event "
                + "WHERE action = 'objection.forward' AND detail LIKE ?").param("%" + key + "%").query(Long.class)
                .single() == 1);

        // Only the issuer removes its entry: decided 移出名单 here while it still binds is refused; upheld, the mark goes.
        refusedDecision(filed.id(), filed.version(), cn.chengxin.objection.domain.Outcome.REMOVE_FROM_LIST,
                "OBJECTION_RECEIVED_ISSUER_DECIDES");
        as("clerk-a", () -> {
            objections.decide(filed.id(), filed.version(), cn.chengxin.objection.domain.Outcome.UPHOLD,
                    "认定平台复核后维持");
            return null;
        });
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(checks, person.number())
                .andExpect(jsonPath("$.entries[0].disputed").value(false)));

        // At the counter (窗口代办) the clerk names the entry by the key the look-up showed.
        UUID atCounter = as("clerk-a", () -> objections.fileAtCounter(person.number(), null, key, "本人到窗口提出"));
        assertThat(objections.find(atCounter).receivedEntry()).isEqualTo(key);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(checks, person.number())
                .andExpect(jsonPath("$.entries[0].disputed").value(true)));
    }

    private void refusedDecision(UUID id, int version, cn.chengxin.objection.domain.Outcome outcome, String code) {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> as("clerk-a", () -> {
            objections.decide(id, version, outcome, "认定平台已移出");
            return null;
        }))).isInstanceOfSatisfying(cn.chengxin.shared.CodedProblem.class, p -> assertThat(p.code()).isEqualTo(code));
    }

    @Test
    void anotherCitysCourtDefaulterIsRestrictedHereAsTheCourtsOwnListingWouldBe() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        String checks = key("HRSS", Permission.API_SUBJECT_CHECK);
        String number = TestCitizens.withCheckCharacter("41100019870606061");
        String sourceId = "list/" + UUID.randomUUID();

        pushOne(province, Messages.blackListEntry("411000", sourceId, 1, "EFFECTIVE", number, "蒯红兵",
                "P_COURT_DEFAULTER"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> travelCheck(checks, number)
                .andExpect(jsonPath("$.entries[0].id").value("411000:" + sourceId))
                .andExpect(jsonPath("$.measures[?(@.code == 'NO_FLIGHTS_TRAINS')].basedOn[*]")
                        .value("411000:" + sourceId)));

        // A platform naming no record: the court's provisions as its basis still make it the court's listing.
        String older = TestCitizens.withCheckCharacter("41100019870707061");
        pushOne(province, Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", older,
                "蒯红军"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> travelCheck(checks, older)
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS"))));

        // Another ground, naming no record: it answers to no rule here, and the court's restrictions do not follow.
        String other = TestCitizens.withCheckCharacter("41100019870808061");
        pushOne(province, Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", other,
                "蒯红旗", null, "TAX", "《重大税收违法失信主体信息公布管理办法》"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> travelCheck(checks, other)
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS")))));
    }

    @Test
    void aParentThatPullsGetsItsMessagesByCursorAndEachPullAcknowledgesTheLast() throws Exception {
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.NATION, null);
        TestCitizens.Person person = TestCitizens.register(subjects, "阙文斌");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕91号");
        assertThat(forPartner(subject, nation)).hasSize(1);

        ResultActions first = nation.pull(mvc, here, 0, Instant.now()).andExpect(status().isOk());
        var response = first.andReturn().getResponse();
        SignedBatch answer = new SignedBatch(response.getHeader(SignedBatch.PLATFORM),
                response.getContentAsByteArray(), response.getHeader(SignedBatch.DIGEST),
                response.getHeader(SignedBatch.SIGNATURE));
        assertThat(answer.signedBy(exchange.platform().publicKey())).isTrue();
        var batch = nation.read(answer);
        assertThat(batch.to()).isEqualTo(nation.code);
        assertThat(batch.messages()).anyMatch(m -> person.number().equals(m.subject().number())
                && m.item().equals("P_ADMIN_PENALTY_SERIOUS"));
        assertThat(forPartner(subject, nation)).noneMatch(QueuedMessage::acknowledged);

        nation.pull(mvc, here, batch.cursor(), Instant.now()).andExpect(status().isOk());
        assertThat(forPartner(subject, nation)).allMatch(QueuedMessage::acknowledged);
        refused(nation.pull(mvc, here, 0, Instant.now().minus(Duration.ofHours(1))), 422, "EXCHANGE_BATCH_STALE");
        refused(TestPartner.fresh("x").pull(mvc, here, 0, Instant.now()), 403, "EXCHANGE_PARTNER_UNKNOWN");
    }

    /** Outbox numbers are taken before commit: a message committed after a later one was pulled is not skipped. */
    @Test
    void aMessageCommittedAfterALaterOneWasPulledIsStillHandedOutBeforeItIsAcknowledged() throws Exception {
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.NATION, null);
        TestCitizens.Person person = TestCitizens.register(subjects, "酆立群");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕151号");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        QueuedMessage first = forPartner(subject, nation).get(0);
        String late = first.sourceId() + "-late";
        try (java.sql.Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (var insert = slow.prepareStatement("""
                    INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version, kind,
                           status, body, queued_at)
                    SELECT partner_code, subject_id, source_platform, ?, version, kind, status,
                           jsonb_set(body, '{sourceId}', to_jsonb(?::text)), queued_at
                    FROM exchange.outbox WHERE seq = ?""")) {
                insert.setString(1, late);
                insert.setString(2, late);
                insert.setLong(3, first.seq());
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                    "驻市监罚〔2026〕152号");
            long cursor = nation.read(answer(nation.pull(mvc, here, 0, Instant.now()))).cursor();
            slow.commit();

            var next = nation.read(answer(nation.pull(mvc, here, cursor, Instant.now())));
            assertThat(forPartner(subject, nation)).filteredOn(q -> q.sourceId().equals(late)).singleElement()
                    .satisfies(q -> assertThat(q.acknowledged()).as("never handed out").isFalse());
            assertThat(next.messages()).extracting(ExchangeMessage::sourceId).contains(late);
            nation.pull(mvc, here, next.cursor(), Instant.now()).andExpect(status().isOk());
            assertThat(forPartner(subject, nation)).hasSize(3).allMatch(QueuedMessage::acknowledged);
        }
    }

    /** Exact bytes signed by the partner as they are (not encrypted by it): what a faulty or older sender sends. */
    private static SignedBatch signedAs(TestPartner partner, byte[] body) {
        return new SignedBatch(partner.code, body, SignedBatch.DIGEST_PREFIX + BatchCodec.digest(body),
                java.util.Base64.getEncoder().encodeToString(partner.key.sign(body)));
    }

    private static SignedBatch answer(ResultActions pull) throws Exception {
        var response = pull.andExpect(status().isOk()).andReturn().getResponse();
        return new SignedBatch(response.getHeader(SignedBatch.PLATFORM), response.getContentAsByteArray(),
                response.getHeader(SignedBatch.DIGEST), response.getHeader(SignedBatch.SIGNATURE));
    }

    @Test
    void reconciliationFindsWhatTheParentLostSendsItAgainAndTheConsoleShowsIt() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "濮家豪");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕81号");
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_SERIOUS", "驻市监罚〔2026〕82号");
                pushing.pushDue(Instant.now());
                assertThat(forPartner(subject, province)).hasSize(2).allMatch(QueuedMessage::acknowledged);
                String lost = forPartner(subject, province).get(0).sourceId();
                parent.lose(lost);
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

                ReconciliationResult differing = mine(exchange.reconcile(today), province);
                assertThat(differing.matched()).isFalse();
                assertThat(differing.theirs()).isEqualTo(differing.ours() - 1);
                assertThat(differing.differences()).containsExactly(lost);
                assertThat(differing.requeued()).isEqualTo(1);
                assertThat(forPartner(subject, province)).filteredOn(q -> !q.acknowledged())
                        .extracting(QueuedMessage::sourceId).containsExactly(lost);

                mvc.perform(get("/console/exchange").with(user("office").authorities(
                                new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("console:home"),
                                new SimpleGrantedAuthority("exchange:manage"))))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString(province.code)))
                        .andExpect(content().string(containsString(lost)))
                        .andExpect(content().string(not(containsString(person.number()))));

                pushing.pushDue(Instant.now());
                assertThat(mine(exchange.reconcile(today), province).matched()).isTrue();
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * I1: a day that still differs after its messages were queued again (lost again at the parent) is reconciled
     * again on the following nights, within the week, until it matches; then it is left alone.
     */
    @Test
    void aDayStillDifferingAfterOneRequeueIsReconciledAgainTheNextNight() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                TestCitizens.Person person = TestCitizens.register(subjects, "濮再来");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕181号");
                pushing.pushDue(Instant.now());
                String lost = forPartner(subject, province).get(0).sourceId();
                parent.lose(lost);
                LocalDate today = LocalDate.now(clock);
                assertThat(mine(exchange.reconcile(today), province).requeued()).isEqualTo(1);
                pushing.pushDue(Instant.now());
                parent.lose(lost);

                assertThat(reconciling.nightly(today.plusDays(2))).as("the day is not left behind after one night")
                        .contains(today, today.plusDays(1));
                ReconciliationResult again = reconciliationOf(province, today);
                assertThat(again.matched()).isFalse();
                assertThat(again.differences()).containsExactly(lost);
                assertThat(again.requeued()).isEqualTo(1);
                assertThat(forPartner(subject, province)).singleElement()
                        .satisfies(q -> assertThat(q.acknowledged()).isFalse());
                assertThat(reconciling.nightly(today.plusDays(9))).as("a week back at most").doesNotContain(today);

                pushing.pushDue(Instant.now());
                assertThat(reconciling.nightly(today.plusDays(3))).contains(today);
                assertThat(reconciliationOf(province, today).matched()).isTrue();
                assertThat(reconciling.nightly(today.plusDays(4))).as("resolved: left alone").doesNotContain(today);
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * S6 of gaps-review-xxxviii: a night no instance was up at 02:30 (all stopped for a release) is reconciled when an
     * instance starts after it, the skipped night's day as well as the last one, once across the instances.
     */
    @Test
    void aNightSkippedForAReleaseIsReconciledAtTheNextStart() throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                // Days of their own, a month on: the clock is moved by the instants and days given to the job.
                LocalDate day = LocalDate.now(clock).plusDays(30);
                jdbc.sql("INSERT INTO shared.cluster_job (job, done_through) VALUES (?, ?) ON CONFLICT (job) "
                                + "DO UPDATE SET done_through = EXCLUDED.done_through, claimed_until = NULL")
                        .params(Reconciling.JOB, java.sql.Date.valueOf(day.minusDays(3))).update();
                reconciling.runDay(day.minusDays(2));
                assertThat(daysReconciled(province)).containsExactly(day.minusDays(3));

                // Every instance was down at 02:30 on day - 1; one starts at 09:00 on the day.
                cn.chengxin.shared.jdbc.MissedDays starting = new cn.chengxin.shared.jdbc.MissedDays(
                        List.of(reconciling), clusterJobs, clock, false);
                java.time.Instant nine = day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
                assertThat(starting.catchUp(nine)).containsExactly(Reconciling.JOB);
                assertThat(daysReconciled(province)).as("the skipped night's day too")
                        .containsExactly(day.minusDays(3), day.minusDays(2), day.minusDays(1));
                assertThat(reconciliationOf(province, day.minusDays(2)).matched()).isTrue();
                assertThat(new cn.chengxin.shared.jdbc.MissedDays(List.of(reconciling), clusterJobs, clock, false)
                        .catchUp(nine)).as("another instance starting finds the night done").isEmpty();
                assertThat(reconciling.nightly(day.plusDays(1))).as("nothing left behind").contains(day)
                        .doesNotContain(day.minusDays(3), day.minusDays(2), day.minusDays(1));
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    private List<LocalDate> daysReconciled(TestPartner partner) {
        return jdbc.sql("SELECT day FROM exchange.reconciliation WHERE partner_code = ? ORDER BY day")
                .param(partner.code).query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    }

    private ReconciliationResult reconciliationOf(TestPartner partner, LocalDate day) {
        return exchange.reconciliations(100).stream().filter(r -> r.partnerCode().equals(partner.code))
                .filter(r -> r.day().equals(day)).findFirst().orElseThrow();
    }

    @Test
    void reconcilingWithTheParentAdoptsItsStateOfOtherPlatformsMessagesAndListsConflictsAboutOurOwn()
            throws Exception {
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            parent.signAs(province);
            TestPartner peer = TestPartner.fresh("信用邻市").declaredAs(exchange, Relation.PEER, PlatformLevel.CITY,
                    null);
            TestPartner county = TestPartner.fresh("信用县").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY,
                    null);
            try {
                String number = TestCitizens.withCheckCharacter("41150019810203045");
                String behind = "list/" + UUID.randomUUID();
                String fromPeer = "list/" + UUID.randomUUID();
                String missing = "list/" + UUID.randomUUID();
                String same = "list/" + UUID.randomUUID();
                pushOne(province, Messages.blackListEntry("411500", behind, 3, "EFFECTIVE", number, "卞国栋"));
                pushOne(province, Messages.blackListEntry("411500", same, 2, "EFFECTIVE", number, "卞国栋"));
                // The peer's own entry reached us directly in a version the parent does not stand by.
                pushOne(peer, Messages.blackListEntry(peer.code, fromPeer, 9, "EFFECTIVE", number, "卞国栋"));
                parent.relayed.addAll(List.of(
                        Messages.blackListEntry("411500", behind, 5, "EXITED", number, "卞国栋"),
                        Messages.blackListEntry(peer.code, fromPeer, 4, "EXITED", number, "卞国栋"),
                        Messages.blackListEntry("411500", missing, 1, "EFFECTIVE", number, "卞国栋"),
                        Messages.blackListEntry("411500", same, 2, "EFFECTIVE", number, "卞国栋")));

                // One of our own records, which the parent holds in a version we never sent.
                TestCitizens.Person person = TestCitizens.register(subjects, "岑文静");
                UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
                TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(),
                        "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕84号");
                pushing.pushDue(Instant.now());
                ExchangeMessage sent = parent.received.stream().filter(m -> m.sourcePlatform().equals(here))
                        .filter(m -> person.number().equals(m.subject().number())).findFirst().orElseThrow();
                parent.received.add(new ExchangeMessage(here, sent.sourceId(), sent.version() + 1_000_000,
                        sent.kind(), sent.occurredAt(), sent.subject(), sent.item(), null, sent.severity(),
                        sent.period(), "REVOKED", false, sent.department(), sent.decisionNumber(), sent.legalBasis(),
                        sent.issuingPlatformName(), null));
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

                ReconciliationResult result = mine(exchange.reconcile(today), province);
                assertThat(result.matched()).isFalse();
                assertThat(result.adoptedKeys()).containsExactlyInAnyOrder("411500:" + behind,
                        peer.code + ":" + fromPeer, "411500:" + missing);
                assertThat(result.adopted()).isEqualTo(3);
                assertThat(result.conflicts()).containsExactly(sent.sourceId());
                assertThat(held("411500", behind)).isEqualTo("EXITED@5");
                assertThat(held(peer.code, fromPeer)).as("the parent's state, though lower").isEqualTo("EXITED@4");
                assertThat(held("411500", missing)).isEqualTo("EFFECTIVE@1");
                assertThat(held("411500", same)).isEqualTo("EFFECTIVE@2");
                assertThat(creditFile.fileOf(subject)).singleElement()
                        .satisfies(e -> assertThat(e.status()).as("our own record stays ours").isEqualTo(RecordStatus.ACTIVE));
                assertThat(forPartner(subject, province)).as("nothing queued again for a conflict")
                        .singleElement().satisfies(q -> assertThat(q.acknowledged()).isTrue());
                assertThat(pulled(county, 0)).as("what was adopted goes on down")
                        .extracting(m -> m.sourceId() + "@" + m.version())
                        .contains(behind + "@5", fromPeer + "@4", missing + "@1");
                await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM audit.event "
                        + "WHERE action = 'exchange.adopt' AND detail LIKE ?").param("%" + missing + "%")
                        .query(Long.class).single() == 1);

                mvc.perform(get("/console/exchange").with(user("office").authorities(
                                new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("console:home"),
                                new SimpleGrantedAuthority("exchange:manage"))))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString("411500:" + missing)))
                        .andExpect(content().string(containsString(sent.sourceId())))
                        .andExpect(content().string(not(containsString(number))));

                ReconciliationResult again = mine(exchange.reconcile(today), province);
                assertThat(again.adopted()).as("nothing more to adopt").isZero();
                assertThat(again.conflicts()).containsExactly(sent.sourceId());
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * Gaps review xxvii I9: a platform that relays registers each subject new to it under the name the message carried,
     * as provisional. A message without a name is relayed all the same (session xxxv): its subject keeps a placeholder,
     * shown as 未提供, never the empty name as its name, until the first message carrying a name gives it, audited; the
     * first row of one of its own departments, naming the person otherwise, is accepted and gives the register the
     * name, audited.
     */
    @Test
    void aRelayedSubjectIsNamedByTheFirstRowOfAnOwnDepartment() throws Exception {
        TestPartner cityA = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner cityB = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        String number = TestCitizens.withCheckCharacter("41150019810203" + String.format("%03d",
                System.nanoTime() % 1000));
        var document = subjects.validate(null, number);

        pushOne(cityA, Messages.blackListEntry(cityA.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number, null));
        UUID subject = subjects.find(document).orElseThrow();
        assertThat(subjects.profile(subject).orElseThrow()).satisfies(p -> {
            assertThat(p.name()).as("a placeholder, no name").isEmpty();
            assertThat(p.nameProvisional()).isTrue();
        });
        assertThat(mvc.perform(post("/console/subjects/open").param("subject", subject.toString())
                        .param("purpose", "DATA_QUALITY").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.authentication(cn.chengxin.support.Principals
                                        .staff("relay-clerk", "CREDIT_OFFICE", cn.chengxin.shared.security.Permission
                                                .SUBJECT_READ)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("未提供", "id=\"name-provisional\"").doesNotContain(number);

        pushOne(cityB, Messages.blackListEntry(cityB.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "玛伊拉"));
        assertThat(subjects.profile(subject).orElseThrow()).satisfies(p -> {
            assertThat(p.name()).as("given by the first message carrying a name").isEqualTo("玛伊拉");
            assertThat(p.nameProvisional()).isTrue();
        });
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'subject.name.relayed' "
                + "AND subject_pseudonym = ?").param(subjects.pseudonymOf(document)).query(String.class).list())
                .singleElement().asString().isEqualTo("reason=NAME_RELAYED_GIVEN; origin=" + cityB.code);

        TestRecords.penalty(mvc, apiClients, directory, number, "玛依拉·阿不都", "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕751号");

        var named = subjects.profile(subject).orElseThrow();
        assertThat(named.name()).isEqualTo("玛依拉·阿不都");
        assertThat(named.nameProvisional()).isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'subject.name.settle' "
                + "AND subject_pseudonym = ?").param(subjects.pseudonymOf(document)).query(String.class).list())
                .singleElement().asString().isEqualTo("reason=NAME_SETTLED_DEPARTMENT; by=MARKET");
    }

    /**
     * Gaps review xxvii I9 (session xxxv): another name for a relayed subject from the platform whose message first
     * registered it here (its origin) is that platform's change of the name: the register follows it, keeps the name
     * it leaves as a former name (曾用名) until yesterday, audited; another platform's other name changes nothing. This
     * platform's own departments' rows are then held to the current name or the former one of its period, as for a
     * local subject: a row under each is accepted (the old code took the first department row's name as the name, and
     * refused the next).
     */
    @Test
    void aRelayedSubjectRenamedByItsOriginKeepsItsFormerNameForTheRowsOfOwnDepartments() throws Exception {
        TestPartner cityA = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner cityB = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        String number = TestCitizens.withCheckCharacter("41150019820304" + String.format("%03d",
                System.nanoTime() % 1000));
        var document = subjects.validate(null, number);
        pushOne(cityA, Messages.blackListEntry(cityA.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "符旧名"));
        UUID subject = subjects.find(document).orElseThrow();

        pushOne(cityA, Messages.blackListEntry(cityA.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "符新名"));
        pushOne(cityB, Messages.blackListEntry(cityB.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number,
                "符别名"));

        assertThat(subjects.profile(subject).orElseThrow()).satisfies(p -> {
            assertThat(p.name()).isEqualTo("符新名");
            assertThat(p.nameProvisional()).as("a name its origin gave, held as this platform's").isFalse();
        });
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(names.formerNamesOf(subject)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("符旧名");
            assertThat(f.validUntil()).isEqualTo(today.minusDays(1));
        });
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'subject.name.relayed' "
                + "AND subject_pseudonym = ?").param(subjects.pseudonymOf(document)).query(String.class).list())
                .singleElement().asString().isEqualTo("reason=NAME_RELAYED_RENAMED; origin=" + cityA.code
                        + "; from=" + today);

        TestRecords.penalty(mvc, apiClients, directory, number, "符旧名", "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕801号");
        TestRecords.penalty(mvc, apiClients, directory, number, "符新名", "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕802号");
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE subject_id = ?").param(subject)
                .query(Long.class).single()).as("both rows stored under the subject").isEqualTo(2);
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("符新名");
    }

    @Test
    void aChildAsksWhatWeRelayedToItAndFetchesItInABatchWeSign() throws Exception {
        TestPartner cityA = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner cityB = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        String number = TestCitizens.withCheckCharacter("41150019790909072");
        String sourceId = "list/" + UUID.randomUUID();
        pushOne(cityA, Messages.blackListEntry(cityA.code, sourceId, 6, "EFFECTIVE", number, "籍东升"));
        long cursor = cityB.read(answer(cityB.pull(mvc, here, 0, Instant.now()))).cursor();
        cityB.pull(mvc, here, cursor, Instant.now()).andExpect(status().isOk());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String key = cityA.code + ":" + sourceId;

        cityB.relayed(mvc, here, today, Instant.now()).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions['" + key + "']").value(6));
        var response = cityB.fetch(mvc, here, "{\"keys\":[\"" + key + "\"]}", Instant.now())
                .andExpect(status().isOk()).andReturn().getResponse();
        SignedBatch answer = new SignedBatch(response.getHeader(SignedBatch.PLATFORM),
                response.getContentAsByteArray(), response.getHeader(SignedBatch.DIGEST),
                response.getHeader(SignedBatch.SIGNATURE));
        assertThat(answer.signedBy(exchange.platform().publicKey())).isTrue();
        assertThat(cityB.read(answer).messages()).singleElement().satisfies(m -> {
            assertThat(m.version()).isEqualTo(6);
            assertThat(m.subject().number()).isEqualTo(number);
        });
        refused(cityB.fetch(mvc, here, "{\"keys\":[\"not a key\"]}", Instant.now()), 422,
                "EXCHANGE_BATCH_MALFORMED");
        refused(TestPartner.fresh("x").fetch(mvc, here, "{\"keys\":[]}", Instant.now()), 403,
                "EXCHANGE_PARTNER_UNKNOWN");
    }

    @Test
    void aParentDeclaredLateGetsTheCurrentStateOnceResentAndResendingAgainChangesNothing() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁晓光");
        UUID subject = withGeneralAndMinorPenalties(person, 101);
        ListEntry proposal = blackListed(person, subject);
        queueing.followListing();

        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                assertThat(forPartner(subject, province)).as("declared after the fact: nothing queued").isEmpty();
                mvc.perform(post("/console/exchange/partners/" + province.code + "/resend").with(office())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                        .andExpect(status().is3xxRedirection())
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                                .attribute("successKey", "exchange.resent"));
                List<QueuedMessage> queued = forPartner(subject, province);
                UUID general = recordOf(subject, "P_ADMIN_PENALTY_GENERAL");
                UUID defaulter = recordOf(subject, "P_COURT_DEFAULTER");
                assertThat(queued).as("the minor penalty is not shared upward")
                        .extracting(q -> q.kind() + " " + q.sourceId() + " " + q.status())
                        .containsExactlyInAnyOrder("RECORD record/" + general + " ACTIVE",
                                "RECORD record/" + defaulter + " ACTIVE",
                                "LIST_ENTRY list/" + proposal.id() + " EFFECTIVE");
                assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE body::text LIKE ?")
                        .param("%" + person.number() + "%").query(Long.class).single())
                        .as("no identity number rests in the outbox").isZero();

                pushing.pushDue(Instant.now());
                assertThat(forPartner(subject, province)).allMatch(QueuedMessage::acknowledged);
                List<String> delivered = parent.received.stream()
                        .filter(m -> person.number().equals(m.subject().number()))
                        .map(m -> m.sourceId() + "@" + m.version()).toList();
                assertThat(delivered).containsExactlyInAnyOrderElementsOf(
                        queued.stream().map(q -> q.sourceId() + "@" + q.version()).toList());

                ResendReport again = exchange.resendCurrentState(province.code);
                assertThat(again.records()).isPositive();
                assertThat(again.listEntries()).isPositive();
                assertThat(forPartner(subject, province)).as("the same versions, queued again")
                        .extracting(q -> q.sourceId() + "@" + q.version())
                        .containsExactlyInAnyOrderElementsOf(delivered);
                pushing.pushDue(Instant.now());
                assertThat(parent.received.stream().filter(m -> person.number().equals(m.subject().number()))
                        .map(m -> m.sourceId() + "@" + m.version()).distinct().toList())
                        .containsExactlyInAnyOrderElementsOf(delivered);
                await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM audit.event "
                        + "WHERE action = 'exchange.resend' AND detail LIKE ?").param("reason=RESENT; partner=" + province.code + ";%")
                        .query(Long.class).single() == 2);
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    /**
     * RULES.md §6: the effect of a repair is pushed to the provincial and national platforms. A parent restored from a
     * backup taken before a repair and an exit reached it shows the record and the entry in force: a resend sends it
     * their ends (with the versions already sent), not only what is in force; what never went up stays here.
     */
    @Test
    void aResendSendsTheParentTheEndsOfARepairedRecordAndAnExitedEntryItWasSentBefore() throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        TestCitizens.Person person = TestCitizens.register(subjects, "贲晓岚");
        UUID subject = withGeneralAndMinorPenalties(person, 171);
        UUID general = recordOf(subject, "P_ADMIN_PENALTY_GENERAL");
        UUID minor = recordOf(subject, "P_ADMIN_PENALTY_MINOR");
        ListEntry entry = blackListed(person, subject);
        queueing.followListing();
        creditFile.changeStatus(subject, general, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED, "repairer",
                "信用修复");
        creditFile.changeStatus(subject, minor, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED, "repairer",
                "信用修复");
        as("exchange-checker", () -> {
            listing.exit(entry.id(), "信用修复");
            return null;
        });
        queueing.followListing();
        List<QueuedMessage> sent = forPartner(subject, province);
        assertThat(sent).extracting(q -> q.sourceId() + " " + q.status()).contains(
                "record/" + general + " REPAIRED", "list/" + entry.id() + " EXITED");
        // Everything delivered; then the parent comes back from a backup of before the repair and the exit.
        jdbc.sql("UPDATE exchange.outbox SET acked_at = now() WHERE partner_code = ?").param(province.code).update();

        ResendReport report = exchange.resendCurrentState(province.code);
        assertThat(report.records()).isPositive();
        assertThat(report.listEntries()).isPositive();
        List<String> waiting = forPartner(subject, province).stream().filter(q -> !q.acknowledged())
                .map(q -> q.sourceId() + " " + q.status() + " v" + q.version()).toList();
        String repaired = sent.stream().filter(q -> q.status().equals("REPAIRED")).findFirst()
                .map(q -> q.sourceId() + " REPAIRED v" + q.version()).orElseThrow();
        String exited = sent.stream().filter(q -> q.status().equals("EXITED")).findFirst()
                .map(q -> q.sourceId() + " EXITED v" + q.version()).orElseThrow();
        assertThat(waiting).as("the ends go up again, with the versions already sent; the minor penalty never went up")
                .contains(repaired, exited)
                .noneMatch(w -> w.startsWith("record/" + minor));
    }

    @Test
    void aChildDeclaredLateGetsWhatWeRelayFromTheParentOnceResent() throws Exception {
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT, PlatformLevel.NATION,
                null);
        TestPartner early = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner peer = TestPartner.fresh("信用邻省").declaredAs(exchange, Relation.PEER, PlatformLevel.PROVINCE,
                null);
        String number = TestCitizens.withCheckCharacter("41150019770707071");
        String fromNation = "list/" + UUID.randomUUID();
        String fromPeer = "list/" + UUID.randomUUID();
        pushOne(nation, Messages.blackListEntry("110000", fromNation, 3, "EFFECTIVE", number, "籍振华"));
        pushOne(peer, Messages.blackListEntry(peer.code, fromPeer, 1, "EFFECTIVE", number, "籍振华"));
        assertThat(pulled(early, 0)).extracting(ExchangeMessage::sourceId).contains(fromNation)
                .doesNotContain(fromPeer);

        TestPartner late = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        assertThat(pulled(late, 0)).isEmpty();
        ResendReport report = exchange.resendCurrentState(late.code);
        assertThat(report.records()).as("our own records go up only").isZero();
        assertThat(report.relayed()).isPositive();
        assertThat(pulled(late, 0)).filteredOn(m -> number.equals(m.subject().number()))
                .extracting(m -> m.sourceId() + "@" + m.version()).containsExactly(fromNation + "@3");
        assertThat(exchange.resendCurrentState(peer.code).relayed()).as("nothing goes to a peer").isZero();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ExchangeProblem.class,
                () -> exchange.resendCurrentState("NOPE")).code()).isEqualTo("EXCHANGE_PARTNER_UNKNOWN");

        // An entry that ended after it was relayed: a resend sends its exit again too (RULES.md §6).
        pushOne(nation, Messages.blackListEntry("110000", fromNation, 4, "EXITED", number, "籍振华"));
        jdbc.sql("UPDATE exchange.outbox SET acked_at = now() WHERE partner_code = ?").param(early.code).update();
        assertThat(pulled(early, 0)).filteredOn(m -> number.equals(m.subject().number())).isEmpty();
        exchange.resendCurrentState(early.code);
        assertThat(pulled(early, 0)).filteredOn(m -> number.equals(m.subject().number()))
                .extracting(m -> m.sourceId() + "@" + m.version() + " " + m.status())
                .containsExactly(fromNation + "@4 EXITED");
    }

    /**
     * The console's 信息交换 names the levels of platforms and what each partner is to us in the reader's language
     * (issue #5); Chinese as before.
     */
    @Test
    void theConsoleNamesLevelsAndRelationsInTheReadersLanguage() throws Exception {
        TestPartner.fresh("信用协作").declaredAs(exchange, Relation.PEER, PlatformLevel.CITY, null);
        var office = user("office").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("exchange:manage"));
        String english = mvc.perform(get("/console/exchange").param("lang", "en").with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<span>City platform</span></dd>", "<td>Peer platform</td>",
                "<span class=\"muted\">City platform</span>").doesNotContain("市级平台", "<td>协作平台</td>");
        String chinese = mvc.perform(get("/console/exchange").with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("<span>市级平台</span></dd>", "<td>协作平台</td>",
                "<span class=\"muted\">市级平台</span>");
    }

    @Test
    void aPartnerAsksWhatWeHoldOfItsMessagesOfADay() throws Exception {
        TestPartner city = TestPartner.fresh("信用市").declaredAs(exchange, Relation.PEER, PlatformLevel.CITY, null);
        String number = TestCitizens.withCheckCharacter("41130019800101031");
        ExchangeMessage entry = Messages.blackListEntry(city.code, "list/" + UUID.randomUUID(), 4, "EFFECTIVE", number,
                "仉志远");
        pushOne(city, entry);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        city.reconciliation(mvc, here, today, Instant.now()).andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.versions['" + entry.sourceId() + "']").value(4));
        refused(TestPartner.fresh("x").reconciliation(mvc, here, today, Instant.now()), 403,
                "EXCHANGE_PARTNER_UNKNOWN");
    }

    @Test
    void asAProvinceTheEntryOfOneCityGoesOnToTheOtherCityAndUpToTheNationAndItsExitFollows() throws Exception {
        TestPartner cityA = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner cityB = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT, PlatformLevel.NATION,
                null);
        TestPartner peer = TestPartner.fresh("信用邻省").declaredAs(exchange, Relation.PEER, PlatformLevel.PROVINCE,
                null);
        String number = TestCitizens.withCheckCharacter("41150019791212072");
        String sourceId = "list/" + UUID.randomUUID();
        pushOne(cityA, Messages.blackListEntry(cityA.code, sourceId, 7, "EFFECTIVE", number, "阚明辉"));
        pushOne(peer, Messages.blackListEntry(peer.code, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", number, "阚明辉"));

        // Other tests' entries go up and down to every partner declared when they are relayed (asynchronously):
        // only this subject's messages are this test's.
        for (TestPartner receiver : List.of(cityB, nation)) {
            List<ExchangeMessage> pulled = about(number, pulled(receiver, 0));
            assertThat(pulled).as("relayed to " + receiver.name).singleElement().satisfies(m -> {
                assertThat(m.sourcePlatform()).isEqualTo(cityA.code);
                assertThat(m.sourceId()).isEqualTo(sourceId);
                assertThat(m.version()).isEqualTo(7);
                assertThat(m.subject().number()).isEqualTo(number);
            });
        }
        assertThat(about(number, pulled(cityA, 0))).as("not back to where it came from").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE body::text LIKE ?").param("%" + number + "%")
                .query(Long.class).single()).as("no identity number rests in the outbox").isZero();

        pushOne(cityA, Messages.blackListEntry(cityA.code, sourceId, 9, "EXITED", number, "阚明辉"));
        assertThat(about(number, pulled(cityB, 0))).extracting(m -> m.status() + "@" + m.version())
                .containsExactly("EFFECTIVE@7", "EXITED@9");
    }

    /**
     * PIPL Art. 6, RULES.md §11: a city's record goes up through the province to the nation, which collects records;
     * the other city gets the list entry, which its checks use, and not the record, which nothing there would use.
     * A city declared late and caught up gets the entry only as well; the nation, caught up, the record too.
     */
    @Test
    void asAProvinceARecordOfOneCityGoesUpToTheNationButNotDownToTheOtherCity() throws Exception {
        TestPartner cityA = TestPartner.fresh("信用甲市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner cityB = TestPartner.fresh("信用乙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        TestPartner nation = TestPartner.fresh("信用中国").declaredAs(exchange, Relation.PARENT, PlatformLevel.NATION,
                null);
        String number = TestCitizens.withCheckCharacter("41150019780808072");
        String record = "record/" + UUID.randomUUID();
        String entry = "list/" + UUID.randomUUID();
        pushOne(cityA, Messages.penalty(cityA.code, record, 5, number, null));
        pushOne(cityA, Messages.blackListEntry(cityA.code, entry, 6, "EFFECTIVE", number, "阚守法"));

        assertThat(about(number, pulled(nation, 0))).extracting(ExchangeMessage::sourceId)
                .containsExactly(record, entry);
        assertThat(about(number, pulled(cityB, 0))).extracting(ExchangeMessage::sourceId)
                .as("the other city gets the entry, not the record").containsExactly(entry);

        TestPartner cityC = TestPartner.fresh("信用丙市").declaredAs(exchange, Relation.CHILD, PlatformLevel.CITY, null);
        exchange.resendCurrentState(cityC.code);
        assertThat(waitingFor(cityC, record, entry)).containsExactly(entry);
        jdbc.sql("UPDATE exchange.outbox SET acked_at = now() WHERE partner_code = ?").param(nation.code).update();
        exchange.resendCurrentState(nation.code);
        assertThat(waitingFor(nation, record, entry)).containsExactlyInAnyOrder(record, entry);
    }

    /** Which of the source ids wait in the outbox for the partner (a resend queues more than one batch holds). */
    private List<String> waitingFor(TestPartner partner, String... sourceIds) {
        return jdbc.sql("SELECT source_id FROM exchange.outbox WHERE partner_code = ? AND source_id = ANY(?) "
                        + "AND acked_at IS NULL ORDER BY seq")
                .params(partner.code, sourceIds).query(String.class).list();
    }

    /**
     * Finding F4 (issue #5 maker-checker; RULES.md §7, §10): the court's list loaded from a file black-lists people in
     * every check, so an upload alone changes nothing; its uploader cannot approve it; another person's approval
     * applies it, audited with the file's digest, the uploader and the approver, and under the person listed.
     */
    @Test
    void theCourtsListLoadedFromAFileCountsInChecksOnceAnotherPersonApprovesItAndARemovalLiftsIt() throws Exception {
        String hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        String number = TestCitizens.withCheckCharacter("11010519660606041");
        String header = "\uFEFF姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期,移除日期\n";
        String row = "雍德胜," + number + ",北京市西城区人民法院,(2026)京0102执" + System.nanoTime() % 100000
                + "号,给付货款,违反限制消费令," + LocalDate.now().minusDays(3) + ",";
        String file = header + row + "\n" + "某某," + TestCitizens.withWrongCheckCharacter(number)
                + ",某法院,(2026)京执1号,给付,拒不履行,2026-03-02,\n";

        UUID loadId = (UUID) upload(file).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "successKey", "exchange.uploadedFile"))
                .andReturn().getFlashMap().get("uploaded");
        ListLoad pending = exchange.listLoads(20).stream().filter(l -> l.id().equals(loadId)).findFirst().orElseThrow();
        assertThat(pending.pending()).isTrue();
        assertThat(pending.digest()).isEqualTo(java.util.HexFormat.of().formatHex(
                cn.chengxin.audit.SigningKeys.sm3(file.getBytes(StandardCharsets.UTF_8))));
        assertThat(List.of(pending.rows(), pending.listings(), pending.removals())).containsExactly(2, 1, 0);
        assertThat(pending.refused()).containsExactly(new LoadReport.RefusedRow(3, "ID_CHECKSUM",
                "身份证号码：ID_CHECKSUM"));
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.received WHERE subject_pseudonym = ?")
                .param(pseudonymOf(number)).query(Long.class).single()).as("an upload alone applies nothing").isZero();
        check(hrChecks, number).andExpect(jsonPath("$.entries").isEmpty());
        String asChecker = mvc.perform(get("/console/exchange").with(user("office-checker").authorities(
                        new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("console:home"),
                        new SimpleGrantedAuthority("exchange:approve"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asChecker).contains("/console/exchange/loads/" + loadId + "/approve", pending.digest(), "ID_CHECKSUM")
                .doesNotContain(number.substring(0, 17));
        String asUploader = mvc.perform(get("/console/exchange").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asUploader).doesNotContain("/console/exchange/loads/" + loadId + "/approve").contains("本人上传，须由他人审核");

        decide(loadId, "approve", "office")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failureCode", "LIST_LOAD_SELF_REVIEW"));
        decide(loadId, "reject", "office")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failureCode", "LIST_LOAD_SELF_REVIEW"));
        check(hrChecks, number).andExpect(jsonPath("$.entries").isEmpty());

        decide(loadId, "approve", "office-checker")
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "loaded", new LoadReport(2, 1, List.of(new LoadReport.RefusedRow(3, "ID_CHECKSUM",
                                "身份证号码：ID_CHECKSUM")))));
        decide(loadId, "approve", "office-checker")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failureCode", "LIST_LOAD_DECIDED"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.entries[0].issuingPlatform").value("最高人民法院失信被执行人名单"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));
        // The court's own list: its restrictions of high consumption and travel follow it (法释〔2015〕17号 第三条).
        travelCheck(hrChecks, number)
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS")));
        List<String> loadEvents = jdbc.sql("SELECT result || ' ' || actor_id || ' ' || detail FROM audit.event "
                + "WHERE action = 'exchange.load' AND detail LIKE ? ORDER BY seq")
                .param("%" + pending.digest() + "%").query(String.class).list();
        assertThat(loadEvents).hasSize(2);
        assertThat(loadEvents.get(0)).as("the uploader's attempt").startsWith("DENIED office ");
        String loadEvent = loadEvents.get(1).substring("SUCCESS ".length());
        assertThat(loadEvent).startsWith("office-checker reason=LOAD_APPLIED; ")
                .contains("; uploader=office; ", "; approver=office-checker; approverId=", "; entries=");
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'exchange.load.entry' "
                + "AND subject_pseudonym = ?").param(pseudonymOf(number)).query(String.class).list())
                .as("the person listed sees the load in 谁查询了我")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("reason=LOAD_ENTRY_LISTED; platform=最高人民法院失信被执行人名单; decision=");
        assertThat(jdbc.sql("SELECT content IS NULL FROM exchange.list_load WHERE id = ?").param(loadId)
                .query(Boolean.class).single()).as("the file with its numbers is not kept once decided").isTrue();

        assertThat(uploadedAndApproved(header + row + "\n").applied()).as("the same list again changes nothing")
                .isZero();
        LoadReport removal = uploadedAndApproved(header + row + LocalDate.now() + "\n");
        assertThat(removal.applied()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, number)
                .andExpect(jsonPath("$.entries").isEmpty()).andExpect(jsonPath("$.measures").isEmpty()));
        upload("a,b\n1,2\n")
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failureCode", "LIST_FILE_UNREADABLE"));
    }

    /**
     * Finding I2 of gaps review xxvii (RULES.md §7; 法释〔2017〕7号第一条、第二条): a row of the court's list has the term
     * the court decided. Published three years ago, a defaulter able to perform and refusing (第一条第一项), whose row
     * gives no 截止日期, is still listed and flagged in checks; one listed on another ground the same day is not (two
     * years); one whose term the court extended keeps its 截止日期.
     */
    @Test
    void aCourtListRowOfOneAbleToPayAndRefusingStaysInForceThreeYearsLater() throws Exception {
        String hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        LocalDate today = LocalDate.now(clock);
        LocalDate published = today.minusYears(3);
        String refusing = TestCitizens.withCheckCharacter("41170219800404" + String.format("%03d",
                System.nanoTime() % 1000));
        String evading = TestCitizens.withCheckCharacter("41170219810505" + String.format("%03d",
                System.nanoTime() % 1000));
        String extended = TestCitizens.withCheckCharacter("41170219820606" + String.format("%03d",
                System.nanoTime() % 1000));
        String header = "姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期,截止日期\n";
        String file = header
                + "石建国," + refusing + ",驿城区人民法院,(2023)豫1702执" + System.nanoTime() % 100000
                + "号,给付货款,其他有履行能力而拒不履行生效法律文书确定义务," + published + ",\n"
                + "石建军," + evading + ",驿城区人民法院,(2023)豫1702执" + System.nanoTime() % 100000
                + "号,给付货款,违反财产报告制度," + published + ",\n"
                + "石建民," + extended + ",驿城区人民法院,(2023)豫1702执" + System.nanoTime() % 100000
                + "号,给付货款,以暴力、威胁方法妨碍、抗拒执行," + published + "," + today.plusYears(1) + "\n";

        LoadReport loaded = uploadedAndApproved(file);

        assertThat(loaded.applied()).isEqualTo(3);
        assertThat(exchange.receivedAbout(pseudonymOf(refusing))).singleElement().satisfies(e -> {
            assertThat(e.validUntil()).as("第一条第一项: no term, never two years").isNull();
            assertThat(e.inForce(today)).isTrue();
        });
        assertThat(exchange.receivedAbout(pseudonymOf(evading))).singleElement()
                .satisfies(e -> assertThat(e.inForce(today)).as("第二条第一款: two years, over").isFalse());
        assertThat(exchange.receivedAbout(pseudonymOf(extended))).singleElement().satisfies(e -> {
            assertThat(e.validUntil()).isEqualTo(today.plusYears(1));
            assertThat(e.inForce(today)).isTrue();
        });
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(hrChecks, refusing)
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
        check(hrChecks, evading).andExpect(jsonPath("$.entries").isEmpty());
    }

    /**
     * Finding F4: a row whose name is not the one the registry holds for its number is refused, in the preview and at
     * approval (a typo in a number would list someone else); a sent-back file applies nothing; an organisation's row,
     * by its credit code, is read as the organisation's court-defaulter record.
     */
    @Test
    void aCourtListRowNamingAnotherPersonIsRefusedAndAnOrganisationIsListedAsOne() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219750303" + String.format("%03d",
                System.nanoTime() % 1000));
        subjects.registerPerson(new cn.chengxin.subject.NewPerson(subjects.validate(null, number), "冯雨桐", null,
                null, List.of(), List.of(), false));
        String company = cn.chengxin.support.TestCreditCodes.next();
        String header = "姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期\n";
        String file = header + "冯雨彤," + number + ",驿城区人民法院,(2026)豫1702执" + System.nanoTime() % 100000
                + "号,给付,拒不履行," + LocalDate.now().minusDays(2) + "\n" + "驻马店某某商贸有限公司," + company
                + ",驿城区人民法院,(2026)豫1702执" + System.nanoTime() % 100000 + "号,给付,拒不履行,"
                + LocalDate.now().minusDays(2) + "\n";

        ListLoad preview = as("court-list-maker", () -> exchange.uploadCourtDefaulters("sxbzxr.csv",
                file.getBytes(StandardCharsets.UTF_8)));
        assertThat(preview.refused()).extracting(LoadReport.RefusedRow::line, LoadReport.RefusedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "SUBJECT_NAME_MISMATCH"));
        assertThat(preview.listings()).isEqualTo(1);
        as("court-list-checker", () -> {
            exchange.rejectLoad(preview.id(), "姓名待核实");
            return null;
        });
        assertThat(exchange.receivedAbout(pseudonymOf(company))).as("a file sent back applies nothing").isEmpty();

        LoadReport loaded = uploadedAndApproved(file);
        assertThat(loaded.applied()).isEqualTo(1);
        assertThat(loaded.refused()).extracting(LoadReport.RefusedRow::code).containsExactly("SUBJECT_NAME_MISMATCH");
        assertThat(exchange.receivedAbout(pseudonymOf(number))).isEmpty();
        assertThat(exchange.receivedAbout(pseudonymOf(company))).singleElement()
                .satisfies(e -> assertThat(e.item()).isEqualTo("O_COURT_DEFAULTER"))
                .satisfies(e -> assertThat(e.listType()).isEqualTo("BLACK"));
    }

    /**
     * Gaps review xxv H6: a person renamed after a court listed them under the former name is still the court list's
     * person for a row published within that name's period, and by the new name; not by the former name published after
     * the change, nor by another name.
     */
    @Test
    void aCourtListRowNamingARenamedPersonByTheFormerNameOfItsPeriodIsTaken() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219760404" + String.format("%03d",
                System.nanoTime() % 1000));
        java.util.UUID person = subjects.registerPerson(new cn.chengxin.subject.NewPerson(subjects.validate(null,
                number), "卢旧名", null, null, List.of(), List.of(), false));
        LocalDate renamed = LocalDate.now().minusDays(10);
        cn.chengxin.support.TestRenames.approved(names, person, "卢新名", renamed);
        String header = "姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期\n";
        String file = header + String.join("", List.of(
                courtRow("卢旧名", number, renamed.minusDays(5)),
                courtRow("卢新名", number, renamed.plusDays(2)),
                courtRow("卢旧名", number, renamed.plusDays(1)),
                courtRow("卢别名", number, renamed.minusDays(5))));

        ListLoad preview = as("court-list-maker", () -> exchange.uploadCourtDefaulters("sxbzxr.csv",
                file.getBytes(StandardCharsets.UTF_8)));
        assertThat(preview.refused()).extracting(LoadReport.RefusedRow::line, LoadReport.RefusedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "SUBJECT_NAME_MISMATCH"),
                        org.assertj.core.groups.Tuple.tuple(5L, "SUBJECT_NAME_MISMATCH"));
        assertThat(preview.listings()).isEqualTo(2);
        // Session xxxv: the row under the former name is loaded with a note, in the preview kept for the reviewer and
        // in what the approval reports; the old code took it silently.
        assertThat(preview.warned()).extracting(LoadReport.RefusedRow::line, LoadReport.RefusedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "SUBJECT_FORMER_NAME"));
        assertThat(exchange.listLoads(50)).filteredOn(l -> l.id().equals(preview.id())).singleElement()
                .satisfies(l -> assertThat(l.warned()).extracting(LoadReport.RefusedRow::code)
                        .containsExactly("SUBJECT_FORMER_NAME"));
        LoadReport applied = as("court-list-checker", () -> exchange.approveLoad(preview.id()));
        assertThat(applied.warned()).extracting(LoadReport.RefusedRow::line).containsExactly(2L);
        assertThat(applied.refused()).hasSize(2);
    }

    private static String courtRow(String name, String number, LocalDate published) {
        return name + "," + number + ",驿城区人民法院,(2026)豫1702执" + System.nanoTime() % 1000000 + "号,给付,拒不履行,"
                + published + "\n";
    }

    // ---- helpers

    private static org.springframework.test.web.servlet.request.RequestPostProcessor office() {
        return user("office").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("exchange:manage"));
    }

    /** A new active item shaped like the general penalty, marked shared upward or not (drafted and approved). */
    private String penaltyItem(String prefix, boolean sharedUpward) throws Exception {
        ItemDefinition penalty = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        String code = prefix + System.nanoTime() % 1_000_000;
        ItemDefinition item = withMark(new ItemDefinition(code, "测试处罚" + code, penalty.subjectType(),
                penalty.nature(), penalty.category(), penalty.domain(), penalty.fields(),
                CatalogueVersions.inDirectory(penalty.providers()),
                penalty.legalBasis(), penalty.sharing(), penalty.severity(), null, null, null, true, true, false,
                penalty.updateCycle(), false, null), sharedUpward);
        as("exchange-maker", () -> {
            catalogue.draft(item, "测试事项");
            catalogue.submit(code);
            return null;
        });
        as("exchange-checker", () -> {
            catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
            return null;
        });
        return code;
    }

    private static ItemDefinition withMark(ItemDefinition d, boolean sharedUpward) {
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), d.sharing(), d.severity(), d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), d.usableForPunishment(), d.usableForScoring(),
                sharedUpward, d.updateCycle(), d.linksToResponsiblePersons(), d.description());
    }

    private UUID recordOf(UUID subject, String itemCode) {
        return creditFile.fileOf(subject).stream().filter(e -> e.itemCode().equals(itemCode)).findFirst()
                .orElseThrow().recordKey();
    }

    /** A list file uploaded in the console by staff of the credit office. */
    private ResultActions upload(String file) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/console/exchange/court-defaulters")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "sxbzxr.csv", "text/csv",
                        file.getBytes(StandardCharsets.UTF_8)))
                .with(user("office").authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("exchange:manage"), new SimpleGrantedAuthority("exchange:approve")))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .csrf()));
    }

    /** A list file approved ({@code decision} approve) or sent back in the console by {@code who}. */
    private ResultActions decide(UUID loadId, String decision, String who) throws Exception {
        return mvc.perform(post("/console/exchange/loads/{id}/" + decision, loadId).param("note", "核对有误")
                .with(user(who).authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("exchange:manage"), new SimpleGrantedAuthority("exchange:approve")))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .csrf()));
    }

    /** A list file uploaded by one person and approved by another, as the console requires. */
    private LoadReport uploadedAndApproved(String file) throws Exception {
        ListLoad load = as("court-list-maker", () -> exchange.uploadCourtDefaulters("sxbzxr.csv",
                file.getBytes(StandardCharsets.UTF_8)));
        return as("court-list-checker", () -> exchange.approveLoad(load.id()));
    }

    private String pseudonymOf(String number) {
        return subjects.pseudonymOf(subjects.validate(null, number));
    }

    private List<ExchangeMessage> pulled(TestPartner partner, long after) throws Exception {
        var response = partner.pull(mvc, here, after, Instant.now()).andExpect(status().isOk()).andReturn()
                .getResponse();
        SignedBatch answer = new SignedBatch(response.getHeader(SignedBatch.PLATFORM),
                response.getContentAsByteArray(), response.getHeader(SignedBatch.DIGEST),
                response.getHeader(SignedBatch.SIGNATURE));
        assertThat(answer.signedBy(exchange.platform().publicKey())).isTrue();
        return partner.read(answer).messages();
    }

    /**
     * N5 of gaps-review-xxxiii: two instances push one outbox. While the first instance's batch is on its way (the
     * partner holds its answer), the second finds the partner claimed and sends nothing, so the partner gets each
     * message once, under one batch id, in queue order; before the claim the second sent the same waiting messages
     * again under a batch id of its own.
     */
    @Test
    void twoInstancesPushingOneOutboxSendEachMessageOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "双实例");
        Pushing second = new Pushing(store, settings, subjects, auditLog, clock,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(KafkaLink.class));
        try (FakeParent parent = new FakeParent(exchange.platform().publicKey())) {
            TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                    PlatformLevel.PROVINCE, parent.baseUrl());
            try {
                UUID subject = withGeneralAndMinorPenalties(person, 977);
                List<String> queued = forPartner(subject, province).stream()
                        .map(q -> q.sourceId() + "@" + q.version()).toList();
                assertThat(queued).isNotEmpty();
                java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
                parent.onBatch = () -> {
                    arrived.countDown();
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
                var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> pushing.pushDue(Instant.now()));
                arrived.await();
                parent.onBatch = () -> { };
                second.pushDue(Instant.now());
                answer.countDown();
                first.get();
                second.pushDue(Instant.now());
                assertThat(about(person.number(), parent.received)).extracting(m -> m.sourceId() + "@" + m.version())
                        .as("each message once, in queue order").containsExactlyElementsOf(queued);
                assertThat(parent.received).extracting(m -> m.sourcePlatform() + "/" + m.sourceId() + "@" + m.version())
                        .as("nothing sent twice").doesNotHaveDuplicates();
                assertThat(forPartner(subject, province)).allMatch(QueuedMessage::acknowledged);
                assertThat(jdbc.sql("SELECT count(DISTINCT batch_id) FROM exchange.outbox WHERE subject_id = ? "
                        + "AND partner_code = ?").params(subject, province.code).query(Long.class).single())
                        .as("sent under one batch id").isEqualTo(1);
                assertThat(jdbc.sql("SELECT count(*) FROM exchange.partner WHERE code = ? "
                        + "AND push_claimed_until IS NOT NULL").param(province.code).query(Long.class).single())
                        .as("the claim released after the turn").isZero();
            } finally {
                province.declaredAs(exchange, Relation.PARENT, PlatformLevel.PROVINCE, null);
            }
        }
    }

    private static List<ExchangeMessage> about(String number, List<ExchangeMessage> messages) {
        return messages.stream().filter(m -> m.subject() != null && number.equals(m.subject().number())).toList();
    }

    private static ExchangeMessage last(List<ExchangeMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static ReconciliationResult mine(List<ReconciliationResult> results, TestPartner partner) {
        return results.stream().filter(r -> r.partnerCode().equals(partner.code)).findFirst().orElseThrow();
    }

    private List<QueuedMessage> forPartner(UUID subject, TestPartner partner) {
        return exchange.queuedFor(subject).stream().filter(q -> q.partnerCode().equals(partner.code)).toList();
    }

    private ResultActions pushOne(TestPartner partner, ExchangeMessage message) throws Exception {
        return TestPartner.push(mvc, partner.sign(here, Instant.now(), List.of(message))).andExpect(status().isOk());
    }

    private static ResultActions refused(ResultActions actions, int status, String code) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }

    private String held(ExchangeMessage message) {
        return held(message.sourcePlatform(), message.sourceId());
    }

    private String held(String platform, String sourceId) {
        return jdbc.sql("SELECT status || '@' || version FROM exchange.received WHERE source_platform = ? "
                + "AND source_id = ?").params(platform, sourceId).query(String.class).optional().orElse(null);
    }

    private List<String> proceedingsHeld(String platform, String sourceId) {
        return List.of(jdbc.sql("SELECT proceedings FROM exchange.received WHERE source_platform = ? AND source_id = ?")
                .params(platform, sourceId).query((rs, n) -> (String[]) rs.getArray(1).getArray()).single());
    }

    /** A general penalty (shared upward) and a minor one (not) decided by numbers n and n + 1; the subject's id. */
    private UUID withGeneralAndMinorPenalties(TestCitizens.Person person, int n) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕" + n + "号");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_MINOR",
                "驻市监罚〔2026〕" + (n + 1) + "号");
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    /** A court-defaulter record whose black-list proposal a second person approves: the entry, in force. */
    private ListEntry blackListed(TestCitizens.Person person, UUID subject) throws Exception {
        courtDefaulter(person);
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        as("exchange-checker", () -> listing.approve(proposal.id(), "核实无误"));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        return proposal;
    }

    private void courtDefaulter(TestCitizens.Person person) throws Exception {
        String record = "{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"SX-" + UUID.randomUUID()
                + "\",\"version\":\"1\",\"action\":\"ADD\",\"decisionNumber\":\"(2026)豫1702执91号\","
                + "\"decisionDate\":\"2026-03-02\",\"fields\":{\"case_number\":\"(2026)豫1702执91号\","
                + "\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\",\"performance\":\"全部未履行\","
                + "\"behaviour\":\"违反限制消费令\"}}";
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("COURT",
                                Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + record + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private ResultActions check(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"公务员招录考察\"}"));
    }

    private ResultActions travelCheck(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"TRAVEL\",\"purpose\":\"购票审查\"}"));
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
