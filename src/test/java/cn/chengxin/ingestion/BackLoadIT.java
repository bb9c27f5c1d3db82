package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.PartnerSetting;
import cn.chengxin.exchange.QueuedMessage;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X4 and X3 on PostgreSQL: a city's history back-loaded at its cut-over, in batches marked
 * {@code origin=MIGRATION}, is sent only with the credit office's record:migrate; it is stored and scored as any batch,
 * but tells nobody of the grades it moves, marks the list proposals it makes, and is not queued to the province — where
 * the same routine batch does all three.
 */
@IntegrationTest
class BackLoadIT {

    private static int next = 700;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Scoring scoring;

    @Autowired
    Notices notices;

    @Autowired
    Exchange exchange;

    @Autowired
    Listing listing;

    @Autowired
    JdbcExchange received;

    /** Without record:migrate a back-load is refused whole, by the API and by the files' endpoint, and nothing stored. */
    @Test
    void aMigrationBatchWithoutThePermissionIsRefusedWithItsCodeAndStoresNothing() throws Exception {
        Resident r = resident("迁无权");
        String routineKey = key("MARKET", Permission.RECORD_SUBMIT);
        UUID batch = UUID.randomUUID();
        refused(submit(routineKey, batch, r, "MIGRATION"));
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE id = ?").param(batch).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE subject_id = ?").param(r.id())
                .query(Long.class).single()).isZero();

        UUID file = UUID.randomUUID();
        refused(mvc.perform(multipart("/api/v1/submissions/files").file(courtFile(TestCitizens.register(subjects,
                        "迁无权文"))).param("origin", "MIGRATION")
                .header("Authorization", "Bearer " + key("COURT", Permission.RECORD_SUBMIT))
                .header("Idempotency-Key", file.toString())));
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE id = ?").param(file).query(Long.class)
                .single()).isZero();
    }

    /**
     * The same penalty, once routine and once back-loaded: both stored and scored down; the routine one writes the
     * grade notice and is queued to the parent, the back-load neither. A resend of the back-load under its key stays
     * one.
     */
    @Test
    void aMigrationBatchIsScoredButWritesNoGradeNoticeAndIsNotQueuedUpward() throws Exception {
        PartnerSetting province = new PartnerSetting("T" + (20_000 + next), "信用省迁移" + next, PlatformLevel.PROVINCE,
                Relation.PARENT, null, SigningKeys.of(SigningKeys.generatePrivateKey()).publicKey());
        exchange.savePartner(province);
        Resident routine = resident("迁常规");
        Resident migrated = resident("迁历史");
        scoring.rescore(Set.of(routine.id(), migrated.id()));
        String routineGrade = scoring.scoreOf(routine.id()).orElseThrow().grade();
        String migratedGrade = scoring.scoreOf(migrated.id()).orElseThrow().grade();

        UUID routineBatch = UUID.randomUUID();
        submit(key("MARKET", Permission.RECORD_SUBMIT), routineBatch, routine, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.origin").value("ROUTINE"));
        UUID batch = UUID.randomUUID();
        String migrationKey = key("MARKET", Permission.RECORD_SUBMIT, Permission.RECORD_MIGRATE);
        submit(migrationKey, batch, migrated, "MIGRATION")
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.origin").value("MIGRATION"));
        assertThat(jdbc.sql("SELECT origin FROM ingestion.batch WHERE id = ?").param(batch).query(String.class)
                .single()).isEqualTo("MIGRATION");
        // The result says it back, read later, as the console's batch pages show it (gaps review xliii X4).
        mvc.perform(get("/api/v1/submissions/{id}", batch).header("Authorization", "Bearer " + migrationKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.origin").value("MIGRATION"));
        String list = mvc.perform(get("/console/submissions").with(marketOperator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(rowOf(list, batch)).contains("data-field=\"origin\"", "历史数据迁移");
        assertThat(rowOf(list, routineBatch)).doesNotContain("data-field=\"origin\"");
        assertThat(mvc.perform(get("/console/submissions/{id}", batch).with(marketOperator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("批次来源", "历史数据迁移");
        assertThat(mvc.perform(get("/console/submissions/{id}", routineBatch).param("lang", "en")
                        .with(marketOperator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Routine delivery").doesNotContain("Historical data migration");

        await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(routine.id()).orElseThrow().score() < 1000
                && scoring.scoreOf(migrated.id()).orElseThrow().score() < 1000);
        assertThat(scoring.scoreOf(routine.id()).orElseThrow().grade()).isNotEqualTo(routineGrade);
        assertThat(scoring.scoreOf(migrated.id()).orElseThrow().grade()).as("the back-load is scored")
                .isNotEqualTo(migratedGrade);
        // The notices are written in the transaction that stores the scores: both are read after it.
        assertThat(gradeNotices(routine.id())).hasSize(1);
        assertThat(gradeNotices(migrated.id())).as("no notice, so no text, for a back-load").isEmpty();

        assertThat(queued(routine.id(), province)).singleElement()
                .satisfies(q -> assertThat(q.status()).isEqualTo("ACTIVE"));
        assertThat(queued(migrated.id(), province)).as("the province loads the history itself").isEmpty();

        // A resend is the batch it was first sent as.
        submit(migrationKey, batch, migrated, "MIGRATION").andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(queued(migrated.id(), province)).isEmpty();
    }

    /**
     * X3 (rest): a back-load keeps the old platform's id of each record it stores (legacySourceId; 旧系统记录编号 in a
     * file), and the record's later change — a correction by its department — is queued upward naming it, so that the
     * province updates the copy it holds under that id. A routine batch keeps none; an id holding an identity number
     * or too long is refused on its row.
     */
    @Test
    void aBackLoadedRecordsLaterChangeNamesTheOldPlatformsId() throws Exception {
        PartnerSetting province = new PartnerSetting("T" + (20_000 + ++next), "信用省旧号" + next,
                PlatformLevel.PROVINCE, Relation.PARENT, null,
                SigningKeys.of(SigningKeys.generatePrivateKey()).publicKey());
        exchange.savePartner(province);
        Resident r = resident("迁旧号");
        Resident other = resident("迁旧号乙");
        Resident third = resident("迁旧号丙");
        String migrationKey = key("MARKET", Permission.RECORD_SUBMIT, Permission.RECORD_MIGRATE);
        String legacyId = "OLD-411700-2019-" + r.n();
        UUID batch = UUID.randomUUID();
        penalty(migrationKey, batch, "MIGRATION", r, 1, null, legacyId,
                penaltyRow(other, 1, null, other.number()), penaltyRow(third, 1, null, "X".repeat(101)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("SOURCE_ID_PERSONAL"))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].field").value("legacySourceId"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("FIELD_TOO_LONG"));
        UUID recordKey = jdbc.sql("SELECT record_key FROM creditfile.record WHERE subject_id = ? LIMIT 1")
                .param(r.id()).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT legacy_source_id FROM creditfile.legacy_source_id WHERE record_key = ?")
                .param(recordKey).query(String.class).single()).isEqualTo(legacyId);
        assertThat(queued(r.id(), province)).as("the back-load itself is not sent up").isEmpty();

        // The department corrects it after the cut-over, in a routine batch: queued under its id here, naming the old.
        penalty(key("MARKET", Permission.RECORD_SUBMIT), UUID.randomUUID(), null, r, 2, "UPDATE", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(queued(r.id(), province)).singleElement()
                .satisfies(q -> assertThat(q.sourceId()).isEqualTo("record/" + recordKey));
        assertThat(jdbc.sql("SELECT body->>'legacySourceId' FROM exchange.outbox WHERE subject_id = ?"
                + " AND partner_code = ?").params(r.id(), province.code()).query(String.class).single())
                .isEqualTo(legacyId);

        // A routine batch's old id is not kept: the province never held that record under one.
        Resident daily = resident("常旧号");
        penalty(key("MARKET", Permission.RECORD_SUBMIT), UUID.randomUUID(), null, daily, 1, null, "OLD-DAILY-1")
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.legacy_source_id l JOIN creditfile.record c"
                + " ON c.record_key = l.record_key WHERE c.subject_id = ?").param(daily.id()).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE subject_id = ?"
                + " AND body->>'legacySourceId' IS NOT NULL")
                .param(daily.id()).query(Long.class).single()).isZero();
    }

    /**
     * X3 (rest), the receiver: a record held under the old platform's id takes the change a message naming that id
     * brings, moved to the message's id — one copy, updated; a message naming an id not held is applied as any.
     */
    @Test
    void theProvinceUpdatesItsOldCopyWhenAMessageNamesItsId() {
        String platform = "T" + (30_000 + ++next);
        String old = "OLDREC-" + next;
        ExchangeMessage oldCopy = new ExchangeMessage(platform, "record/" + old, 88_000, MessageKind.RECORD,
                java.time.Instant.now(), new ExchangeMessage.Subject("RESIDENT_ID", null, "张三"),
                "P_ADMIN_PENALTY_GENERAL", null, "GENERAL", new ExchangeMessage.Period(LocalDate.now().minusYears(6),
                LocalDate.now().plusYears(1)), "ACTIVE", false, "MARKET", "驻市监罚〔2019〕7号", null, "信用旧平台", null);
        assertThat(received.apply(incoming(oldCopy), java.time.Instant.now())).isTrue();
        String now = "record/" + UUID.randomUUID();
        ExchangeMessage repaired = new ExchangeMessage(platform, now, 12, MessageKind.RECORD, java.time.Instant.now(),
                oldCopy.subject(), oldCopy.item(), null, "GENERAL", oldCopy.period(), "REPAIRED", false, "MARKET",
                oldCopy.decisionNumber(), null, "信用新平台", null, "record/" + old);
        assertThat(received.apply(incoming(repaired), java.time.Instant.now())).isTrue();
        assertThat(jdbc.sql("SELECT source_id || ' ' || version || ' ' || status || ' ' || in_force"
                        + " FROM exchange.received WHERE source_platform = ?").param(platform).query(String.class)
                .list()).containsExactly(now + " 12 REPAIRED false");

        ExchangeMessage unlinked = new ExchangeMessage(platform, "record/" + UUID.randomUUID(), 13, MessageKind.RECORD,
                java.time.Instant.now(), oldCopy.subject(), oldCopy.item(), null, "GENERAL", oldCopy.period(),
                "ACTIVE", false, "MARKET", "驻市监罚〔2019〕8号", null, "信用新平台", null, "record/NEVER-HELD");
        assertThat(received.apply(incoming(unlinked), java.time.Instant.now())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.received WHERE source_platform = ?").param(platform)
                .query(Long.class).single()).isEqualTo(2);
    }

    private static JdbcExchange.Incoming incoming(ExchangeMessage m) {
        return new JdbcExchange.Incoming(m, "T0001", "pseudonym-" + m.sourceId(), "4117**********0011", "张*", "d");
    }

    /**
     * A general penalty of {@code r} as a batch of one row (version {@code version}, {@code action} null for ADD)
     * naming the old platform's id {@code legacyId} (null: none), with {@code more} rows after it.
     */
    private ResultActions penalty(String key, UUID batch, String origin, Resident r, int version, String action,
                                  String legacyId, String... more) throws Exception {
        return mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", batch.toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{" + (origin == null ? "" : "\"origin\":\"" + origin + "\",") + "\"records\":["
                        + penaltyRow(r, version, action, legacyId)
                        + (more.length == 0 ? "" : "," + String.join(",", more)) + "]}"));
    }

    private static String penaltyRow(Resident r, int version, String action, String legacyId) {
        return "{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\"" + r.number() + "\",\"subjectName\":\""
                + r.name() + "\",\"sourceRecordId\":\"BL-" + r.id() + "\",\"version\":\"" + version + "\","
                + (action == null ? "" : "\"action\":\"" + action + "\",")
                + (legacyId == null ? "" : "\"legacySourceId\":\"" + legacyId + "\",")
                + "\"decisionNumber\":\"驻市监罚〔2019〕" + r.n() + "号\",\"decisionDate\":\""
                + LocalDate.now().minusMonths(2) + "\",\"fields\":{\"penalty_type\":\"罚款\","
                + "\"facts\":\"" + (version == 1 ? "无照经营" : "无照经营（更正）") + "\","
                + "\"basis\":\"《无证无照经营查处办法》第十三条\",\"authority\":\"市市场监督管理局\"}}";
    }

    /**
     * A file marked MIGRATION is run as one, after it is received (its origin stored with the batch): the black-list
     * proposal its court record makes says it came from the migration, and waits for a reviewer as any other.
     */
    @Test
    void aMigrationFilesListProposalIsMarkedAndWaitsForItsReview() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "迁失信");
        UUID batch = UUID.randomUUID();
        mvc.perform(multipart("/api/v1/submissions/files").file(courtFile(person)).param("origin", "MIGRATION")
                        .header("Authorization", "Bearer " + key("COURT", Permission.RECORD_SUBMIT,
                                Permission.RECORD_MIGRATE))
                        .header("Idempotency-Key", batch.toString()))
                .andExpect(status().isAccepted());
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry proposal = await().atMost(Duration.ofSeconds(20)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(jdbc.sql("SELECT origin FROM ingestion.batch WHERE id = ?").param(batch).query(String.class)
                .single()).isEqualTo("MIGRATION");
        assertThat(proposal.reasons()).endsWith("（由历史数据迁移产生）");
        assertThat(proposal.status()).isEqualTo(EntryStatus.PROPOSED);

        TestCitizens.Person daily = TestCitizens.register(subjects, "常失信");
        mvc.perform(multipart("/api/v1/submissions/files").file(courtFile(daily))
                        .header("Authorization", "Bearer " + key("COURT", Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isAccepted());
        UUID dailySubject = subjects.find(subjects.validate(null, daily.number())).orElseThrow();
        ListEntry routine = await().atMost(Duration.ofSeconds(20)).until(() -> listing.entriesOf(dailySubject)
                .stream().filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(routine.reasons()).doesNotContain("迁移");
    }

    /** V800: a batch stored without naming its origin, as every batch before the marker, is routine; no third value. */
    @Test
    void theOriginDefaultsToRoutineAndTakesNoOtherValue() {
        UUID old = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, content_hash, status,
                                                     started_at)
                        VALUES (?, 'MARKET', 'test', 'API', 'x', 'DONE', now())""").param(old).update();
        assertThat(jdbc.sql("SELECT origin FROM ingestion.batch WHERE id = ?").param(old).query(String.class)
                .single()).isEqualTo("ROUTINE");
        assertThat(catchThrowable(() -> jdbc.sql("UPDATE ingestion.batch SET origin = 'IMPORT' WHERE id = ?")
                .param(old).update())).hasMessageContaining("batch_origin_known");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor marketOperator() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.staff("operator-market", "MARKET",
                        Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT));
    }

    /** The batch's row of the 数据报送 table. */
    private static String rowOf(String page, UUID batch) {
        int start = page.indexOf("data-batch=\"" + batch + "\"");
        assertThat(start).as("the batch listed").isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static void refused(ResultActions actions) throws Exception {
        actions.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MIGRATION_NOT_PERMITTED"));
    }

    private List<cn.chengxin.account.Notice> gradeNotices(UUID subject) {
        return notices.of(subject).stream().filter(n -> n.kind().equals("GRADE_CHANGED")).toList();
    }

    private List<QueuedMessage> queued(UUID subject, PartnerSetting partner) {
        return exchange.queuedFor(subject).stream().filter(q -> q.partnerCode().equals(partner.code())).toList();
    }

    /** A general administrative penalty decided two months ago: it lowers a resident's grade, and goes upward. */
    private ResultActions submit(String key, UUID batch, Resident r, String origin) throws Exception {
        return mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", batch.toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{" + (origin == null ? "" : "\"origin\":\"" + origin + "\",")
                        + "\"records\":[{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\"" + r.number()
                        + "\",\"subjectName\":\"" + r.name() + "\",\"sourceRecordId\":\"BL-" + r.id()
                        + "\",\"decisionNumber\":\"驻市监罚〔2019〕" + r.n() + "号\",\"decisionDate\":\""
                        + LocalDate.now().minusMonths(2) + "\",\"fields\":{\"penalty_type\":\"罚款\","
                        + "\"facts\":\"无照经营\",\"basis\":\"《无证无照经营查处办法》第十三条\","
                        + "\"authority\":\"市市场监督管理局\"}}]}"));
    }

    private static MockMultipartFile courtFile(TestCitizens.Person p) {
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,"
                + "behaviour\nP_COURT_DEFAULTER," + p.number() + "," + p.name() + ",BLF-" + UUID.randomUUID()
                + ",驻执〔2025〕1号,2025-06-01,(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行\n";
        return new MockMultipartFile("file", "迁移.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String key(String department, Permission... permissions) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 迁移系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permissions), 6000).key();
    }

    private record Resident(UUID id, String number, String name, int n) {
    }

    /** A resident of 驿城区 since birth, so scored; born on a day no other test's residents are. */
    private Resident resident(String name) {
        int n = ++next;
        LocalDate birth = LocalDate.of(1976, 8, 23);
        String number = TestCitizens.withCheckCharacter("411702" + birth.toString().replace("-", "")
                + String.format("%03d", n % 1000));
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name, null,
                null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(), false));
        return new Resident(id, number, name, n);
    }
}
