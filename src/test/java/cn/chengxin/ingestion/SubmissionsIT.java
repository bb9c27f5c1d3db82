package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static cn.chengxin.support.TestCitizens.unregisteredNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Submissions through the API: per-row codes, exactly once, idempotency and 409, versions, links, windows. */
@IntegrationTest
class SubmissionsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Submissions submissions;

    @Autowired
    cn.chengxin.subject.CompletingBirthDates birthDates;

    @Autowired
    cn.chengxin.subject.RenamingSubjects names;

    private String courtKey;
    private String marketKey;

    @BeforeEach
    void clients() {
        courtKey = key("COURT");
        marketKey = key("MARKET");
    }

    /**
     * No test's identity numbers are kept in clear in any column of the database (several tests send numbers where
     * none may be stored: keys, decision numbers, quoted fields). Scanned once after the class rather than after each
     * of them: a scan reads every column of every table, some ten seconds on a busy machine, and a number stored by
     * any test of the class is still found at its end.
     */
    @AfterAll
    static void noIdentityNumberIsKeptInClear(@Autowired JdbcClient jdbc) {
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    @Test
    void goodAndBadRowsAreReportedOneByOneAndTheGoodOnesStoredExactlyOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯建军");
        String source = "ZX-" + UUID.randomUUID();
        String good = row("P_COURT_DEFAULTER", person.number(), person.name(), source, "2025-06-01",
                "\"case_number\":\"(2025)豫1702执123号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\","
                        + "\"performance\":\"全部未履行\",\"behaviour\":\"违反限制消费令\"");
        String wrongNumber = TestCitizens.withWrongCheckCharacter(person.number());
        String wrongCheckDigit = row("P_COURT_DEFAULTER", wrongNumber, person.name(), "A2", "2025-06-01",
                courtFields());
        String impossibleBirth = row("P_COURT_DEFAULTER", withCheck("41170219990230123"), "甲", "A3", "2025-06-01",
                courtFields());
        String unknownItem = row("P_NO_SUCH_ITEM", person.number(), person.name(), "A4", "2025-06-01", "");
        String outsideRemit = row("P_TAX_SERIOUS_DISHONESTY", person.number(), person.name(), "A5", "2025-06-01",
                "\"case_nature\":\"偷税\",\"facts\":\"x\",\"handling\":\"y\"");
        String missingField = row("P_COURT_DEFAULTER", person.number(), person.name(), "A6", "2025-06-01",
                "\"court\":\"驿城区人民法院\",\"obligation\":\"x\",\"performance\":\"全部未履行\",\"behaviour\":\"y\"");
        String future = row("P_COURT_DEFAULTER", person.number(), person.name(), "A7",
                LocalDate.now().plusDays(3).toString(), courtFields());
        String forbidden = row("P_COURT_DEFAULTER", person.number(), person.name(), "A9", "2025-06-01",
                "\"case_number\":\"(2025)豫1702执9号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\","
                        + "\"performance\":\"全部未履行\",\"behaviour\":\"被执行人患有糖尿病，月收入为8000元\"");
        String body = "{\"records\":[" + String.join(",", good, wrongCheckDigit, impossibleBirth, unknownItem,
                outsideRemit, missingField, future, good, forbidden) + "]}";
        String key = UUID.randomUUID().toString();

        mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.received").value(9))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(7))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("ID_CHECKSUM"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("ID_BIRTH_DATE"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].code").value("ITEM_NOT_IN_CATALOGUE"))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].code").value("ITEM_OUTSIDE_REMIT"))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].code").value("FIELD_REQUIRED"))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].field").value("fields.case_number"))
                .andExpect(jsonPath("$.errors[?(@.line == 7)].code").value("DECISION_DATE_FUTURE"))
                .andExpect(jsonPath("$.errors[?(@.line == 9)].code").value("FORBIDDEN_CONTENT"))
                .andExpect(jsonPath("$.errors[?(@.line == 9)].field").value("fields.behaviour"));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.itemCode()).isEqualTo("P_COURT_DEFAULTER");
            assertThat(e.status()).isEqualTo(RecordStatus.ACTIVE);
            assertThat(e.publicationEnd()).isEqualTo(LocalDate.of(2028, 6, 1));
        });

        // Replay: the first result again, nothing written.
        long stored = records();
        MvcResult replay = mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.accepted").value(1)).andReturn();
        assertThat(records()).isEqualTo(stored);
        assertThat(replay.getResponse().getContentAsString()).doesNotContain(person.number());
        // Same key, other content: refused.
        mvc.perform(submit(courtKey, key, "{\"records\":[" + good + "]}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BATCH_CONFLICT"));
        // The same rows under a new key: everything is a duplicate.
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + good + "]}"))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(records()).isEqualTo(stored);
        // Another department cannot read the batch.
        mvc.perform(get("/api/v1/submissions/" + key).header("Authorization", "Bearer " + marketKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/submissions/" + key).header("Authorization", "Bearer " + courtKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(7))
                .andExpect(jsonPath("$.errorCount").value(org.hamcrest.Matchers.greaterThanOrEqualTo(7)));
        // The problems page through, whole rows at a time, for the batch's own department only.
        mvc.perform(get("/api/v1/submissions/" + key + "/errors").param("afterLine", "4").param("limit", "2")
                        .header("Authorization", "Bearer " + courtKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].line").value(5))
                .andExpect(jsonPath("$.errors[-1].line").value(6))
                .andExpect(jsonPath("$.nextAfterLine").value(6));
        mvc.perform(get("/api/v1/submissions/" + key + "/errors").param("afterLine", "9")
                        .header("Authorization", "Bearer " + courtKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.nextAfterLine").doesNotExist());
        mvc.perform(get("/api/v1/submissions/" + key + "/errors").header("Authorization", "Bearer " + marketKey))
                .andExpect(status().isNotFound());
        assertThat(maskedNumbersOf(key, 2)).as("the number a row was sent with, masked")
                .containsExactly(Masking.identityNumber(wrongNumber));
        assertThat(maskedNumbersOf(key, 4)).containsExactly(Masking.identityNumber(person.number()));
        // and none of its numbers is kept in clear anywhere: noIdentityNumberIsKeptInClear, after the class

        // The data-quality page counts the department's deliveries, rejections by code and timeliness.
        mvc.perform(get("/console/quality").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("clerk").authorities(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("console:home"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("ITEM_OUTSIDE_REMIT"),
                                org.hamcrest.Matchers.containsString("DECISION_DATE_FUTURE"),
                                org.hamcrest.Matchers.containsString("<code>COURT</code>"),
                                // the department by its name too, and why the reasons may add up to more rows
                                org.hamcrest.Matchers.containsString(courtName()),
                                org.hamcrest.Matchers.containsString("每个原因各计一次"))));
    }

    @Test
    void aPassportHoldersRecordIsDeliveredWithItsDocumentTypeAndAWrongOrUnknownTypeIsARowError() throws Exception {
        String passport = passportNumber();
        String permit = "H" + passportNumber().substring(1);
        TestCitizens.Person resident = TestCitizens.register(subjects, "韦振华");
        String byCode = typed(row("P_COURT_DEFAULTER", passport, "史密斯", "PP-" + UUID.randomUUID(), "2025-06-01",
                courtFields()), "PASSPORT");
        String byLabel = typed(row("P_COURT_DEFAULTER", permit, "陈家豪", "PP-" + UUID.randomUUID(), "2025-06-01",
                courtFields()), "港澳居民来往内地通行证");
        String untyped = row("P_COURT_DEFAULTER", passport, "史密斯", "PP-" + UUID.randomUUID(), "2025-06-01",
                courtFields());
        String unknownType = typed(row("P_COURT_DEFAULTER", resident.number(), resident.name(),
                "PP-" + UUID.randomUUID(), "2025-06-01", courtFields()), "驾驶证");
        String residentAsPassport = typed(row("P_COURT_DEFAULTER", resident.number(), resident.name(),
                "PP-" + UUID.randomUUID(), "2025-06-01", courtFields()), "PASSPORT");
        String passportAsResident = typed(row("P_COURT_DEFAULTER", passport, "史密斯", "PP-" + UUID.randomUUID(),
                "2025-06-01", courtFields()), "居民身份证");
        String organisationType = typed(row("P_COURT_DEFAULTER", TestCreditCodes.next(), "某某有限公司",
                "PP-" + UUID.randomUUID(), "2025-06-01", courtFields()), "UNIFIED_SOCIAL_CREDIT_CODE");

        String answer = mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",",
                        byCode, byLabel, untyped, unknownType, residentAsPassport, passportAsResident, organisationType)
                        + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(5))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("ID_FORMAT"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].code").value("DOCUMENT_TYPE_UNKNOWN"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field").value("documentType"))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].code").value("DOCUMENT_FORMAT"))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].code").value("ID_FORMAT"))
                .andExpect(jsonPath("$.errors[?(@.line == 7)].code").value("SUBJECT_TYPE_MISMATCH"))
                .andReturn().getResponse().getContentAsString();

        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        assertThat(subjects.profile(holder).orElseThrow().documentType()).isEqualTo(DocumentType.PASSPORT);
        assertThat(subjects.profile(holder).orElseThrow().birthDate()).as("a passport carries no birth date").isNull();
        assertThat(creditFile.fileOf(holder)).singleElement()
                .satisfies(e -> assertThat(e.itemCode()).isEqualTo("P_COURT_DEFAULTER"));
        UUID permitHolder = subjects.find(subjects.validate(DocumentType.HK_MACAO_PERMIT, permit)).orElseThrow();
        assertThat(creditFile.fileOf(permitHolder)).hasSize(1);
        assertThat(answer).doesNotContain(passport).doesNotContain(permit).doesNotContain(resident.number());
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.row_error WHERE subject_masked LIKE ? OR message LIKE ?")
                .params("%" + passport + "%", "%" + passport + "%").query(Long.class).single()).isZero();

        // The court's staff find the record on the holder's credit file by naming the type, the number masked.
        String file = mvc.perform(post("/console/file").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(csrf()).with(authentication(
                                Principals.member("court-pp", department("COURT"), Permission.CONSOLE_HOME,
                                        Permission.SUBJECT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("驻执〔2025〕1号", Masking.identityNumber(passport), "value=\"PASSPORT\" selected")
                .doesNotContain(passport);
    }

    /** Issue #4: "dates coherent (decision not before birth)", the birth date read from the identity number. */
    @Test
    void aRowDecidedBeforeThePersonsBirthIsRefusedDecisionDateBeforeBirth() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "尚后生", LocalDate.of(2001, 3, 9));
        String beforeBirth = row("P_COURT_DEFAULTER", person.number(), person.name(), "BB-" + UUID.randomUUID(),
                "2001-03-08", courtFields());
        String after = row("P_COURT_DEFAULTER", person.number(), person.name(), "BB-" + UUID.randomUUID(),
                "2025-06-01", courtFields());

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + beforeBirth + "," + after
                        + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("DECISION_DATE_BEFORE_BIRTH"))
                .andExpect(jsonPath("$.errors[0].field").value("decisionDate"));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(creditFile.fileOf(subject)).singleElement()
                .satisfies(e -> assertThat(e.decisionDate()).isEqualTo(LocalDate.of(2025, 6, 1)));
    }

    /**
     * A passport carries no birth date; once the registry holds the holder's (completed from evidence by one clerk and
     * approved by another), a row decided before it is refused as a resident's would be.
     */
    @Test
    void aPassportHoldersRowDecidedBeforeTheBirthDateTheRegistryHoldsIsRefused() throws Exception {
        String passport = passportNumber();
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + typed(row("P_COURT_DEFAULTER",
                        passport, "LEE ANNA", "PB-" + UUID.randomUUID(), "2025-06-01", courtFields()), "PASSPORT")
                        + "]}")).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        UUID proposal = cn.chengxin.support.AsStaff.as("birth-clerk-1", () -> birthDates.propose(holder,
                LocalDate.of(1990, 5, 1), cn.chengxin.subject.domain.BirthDateEvidence.PASSPORT_DATA_PAGE,
                "出入境复印件 2026-118 号", "法院送达回证所附护照资料页"));
        cn.chengxin.support.AsStaff.as("birth-clerk-2", () -> {
            birthDates.approve(proposal, "");
            return null;
        });

        String beforeBirth = typed(row("P_COURT_DEFAULTER", passport, "LEE ANNA", "PB-" + UUID.randomUUID(),
                "1990-04-30", courtFields()), "PASSPORT");
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + beforeBirth + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("DECISION_DATE_BEFORE_BIRTH"))
                .andExpect(jsonPath("$.errors[0].field").value("decisionDate"));
        assertThat(creditFile.fileOf(holder)).hasSize(1);
    }

    @Test
    void aFieldSentAsNullIsReportedMissingAndTheRestOfTheBatchIsStored() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "尤美玲");
        String good = row("P_COURT_DEFAULTER", person.number(), person.name(), "NL-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String nullCaseNumber = row("P_COURT_DEFAULTER", person.number(), person.name(), "NL-" + UUID.randomUUID(),
                "2025-06-01", courtFields().replace("\"case_number\":\"x\"", "\"case_number\":null"));

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + nullCaseNumber + "," + good
                        + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_REQUIRED"))
                .andExpect(jsonPath("$.errors[0].field").value("fields.case_number"));
    }

    /**
     * A NUL, which PostgreSQL refuses in any text, is the row's own error with its line, never a failed batch; the
     * rows around it are stored (issue #2).
     */
    @Test
    void aControlCharacterInARowIsThatRowsErrorAndTheRestOfTheBatchIsStored() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "卫晓东");
        String good = row("P_COURT_DEFAULTER", person.number(), person.name(), "NUL-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String nulInName = row("P_COURT_DEFAULTER", person.number(), person.name() + "\\u0000",
                "NUL-" + UUID.randomUUID(), "2025-06-01", courtFields());
        String nulInField = row("P_COURT_DEFAULTER", person.number(), person.name(), "NUL-" + UUID.randomUUID(),
                "2025-06-01", courtFields().replace("\"case_number\":\"x\"", "\"case_number\":\"x\\u0000\""));
        String nulInSource = row("P_COURT_DEFAULTER", person.number(), person.name(), "NUL-\\u0000-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String belInItem = row("P_COURT\\u0007_DEFAULTER", person.number(), person.name(), "NUL-" + UUID.randomUUID(),
                "2025-06-01", courtFields());

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", nulInName,
                        nulInField, good, nulInSource, belInItem) + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"))
                .andExpect(jsonPath("$.errors[0].field").value("subjectName"))
                .andExpect(jsonPath("$.errors[1].line").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("fields.case_number"))
                .andExpect(jsonPath("$.errors[2].line").value(4))
                .andExpect(jsonPath("$.errors[2].field").value("sourceRecordId"))
                .andExpect(jsonPath("$.errors[3].line").value(5))
                .andExpect(jsonPath("$.errors[3].field").value("item"));
    }

    /** Wages owed are the fact of a dishonesty, not the person's income (issue #4); an income stated still is one. */
    @Test
    void aRecordStatingWagesInArrearsIsAcceptedButNotOneStatingAnIncome() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "田志刚");
        String arrears = row("P_COURT_DEFAULTER", person.number(), person.name(), "WA-" + UUID.randomUUID(),
                "2025-06-01", courtFields().replace("\"behaviour\":\"w\"",
                        "\"behaviour\":\"拖欠 12 名农民工工资约 18 万元，拒不履行\""));
        String income = row("P_COURT_DEFAULTER", person.number(), person.name(), "WA-" + UUID.randomUUID(),
                "2025-06-01", courtFields().replace("\"behaviour\":\"w\"",
                        "\"behaviour\":\"拖欠工资，其月工资为 9000 元\""));

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + arrears + "," + income + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("FORBIDDEN_CONTENT"))
                .andExpect(jsonPath("$.errors[0].field").value("fields.behaviour"));
    }

    @Test
    void theDecisionNumberIsTrimmedCappedAndScannedLikeTheOtherText() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "吕文斌");
        TestCitizens.Person other = TestCitizens.register(subjects, "吕文娟");
        String number = "驻执〔" + UUID.randomUUID() + "〕号";
        String padded = row("P_COURT_DEFAULTER", person.number(), person.name(), "DN-" + UUID.randomUUID(),
                "2025-06-01", courtFields()).replace("驻执〔2025〕1号", "\u3000 " + number + " ");
        String tooLong = row("P_COURT_DEFAULTER", person.number(), person.name(), "DN-" + UUID.randomUUID(),
                "2025-06-01", courtFields()).replace("驻执〔2025〕1号", "驻".repeat(101));
        String identity = row("P_COURT_DEFAULTER", person.number(), person.name(), "DN-" + UUID.randomUUID(),
                "2025-06-01", courtFields()).replace("驻执〔2025〕1号", "驻执" + other.number() + "号");

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", padded,
                        tooLong, identity) + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("DECISION_NUMBER_TOO_LONG"))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].field").value("decisionNumber"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("FORBIDDEN_CONTENT"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].field").value("decisionNumber"));
        assertThat(creditFile.shownWithDecisionNumber(number)).singleElement()
                .satisfies(e -> assertThat(e.entry().decisionNumber()).isEqualTo(number));
        // and none of its numbers is kept in clear anywhere: noIdentityNumberIsKeptInClear, after the class
    }

    @Test
    void aKeyBuiltFromAnIdentityNumberIsRefusedAndNeverStored() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜文静");
        TestCitizens.Person other = TestCitizens.register(subjects, "郜文海");
        String ownNumber = row("P_COURT_DEFAULTER", person.number(), person.name(), person.number().toLowerCase(),
                "2025-06-01", courtFields());
        String anothersNumber = row("P_COURT_DEFAULTER", person.number(), person.name(),
                "ZX-" + other.number().substring(0, 6) + " " + other.number().substring(6) + "-1", "2025-06-01",
                courtFields());
        String ownKey = row("P_COURT_DEFAULTER", person.number(), person.name(), "ZX-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String firstGenerationNumber = row("P_COURT_DEFAULTER", person.number(), person.name(), "ZX-410102770405123",
                "2025-06-01", courtFields());

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", ownNumber,
                        anothersNumber, ownKey, firstGenerationNumber) + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].code").value("SOURCE_ID_PERSONAL"))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].field").value("sourceRecordId"))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("SOURCE_ID_PERSONAL"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].code").value("SOURCE_ID_PERSONAL"));
        // and none of its numbers is kept in clear anywhere: noIdentityNumberIsKeptInClear, after the class
    }

    /**
     * What a row's errors quote of it (an item code, a field's name) is kept and shown masked and bounded: a number in
     * a swapped column is not stored in clear in the report, and a row of endless field names is one error.
     */
    @Test
    void aRowsErrorsQuoteNoNumberInClearAndARowOfEndlessFieldsIsOneError() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜文清");
        String swapped = row(person.number(), person.number(), person.name(), "ZX-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        StringBuilder many = new StringBuilder(courtFields());
        for (int i = 0; i <= RowValidator.MOST_FIELDS; i++) {
            many.append(",\"f").append(i).append("\":\"v\"");
        }
        String endless = row("P_COURT_DEFAULTER", person.number(), person.name(), "ZX-" + UUID.randomUUID(),
                "2025-06-01", many.toString());

        String batch = UUID.randomUUID().toString();
        String answer = mvc.perform(submit(courtKey, batch, "{\"records\":[" + swapped + "," + endless + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].code").value("ITEM_NOT_IN_CATALOGUE"))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("FIELDS_TOO_MANY"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain(person.number()).contains(person.number().substring(0, 4) + "**********");
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.row_error WHERE batch_id = ? AND line = 2")
                .param(UUID.fromString(batch)).query(Long.class).single()).isOne();
        // and none of its numbers is kept in clear anywhere: noIdentityNumberIsKeptInClear, after the class
    }

    /**
     * A client that timed out sends its batch again, and the load balancer gives it to another instance while the first
     * still runs it: the batch is answered as it stands, not started a second time (its errors and counts kept). Once
     * nobody holds its claim — the instance that ran it is gone — the same resend runs it to its end, storing nothing
     * twice. The other instance is played by a connection holding the batch's claim.
     */
    @Test
    void aBatchRunningOnAnotherInstanceIsAnsweredAsItStandsAndRunAgainOnlyOnceItsClaimIsGone() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜文远");
        String body = "{\"records\":[" + row("P_COURT_DEFAULTER", person.number(), person.name(),
                "ZX-" + UUID.randomUUID(), "2025-06-01", courtFields()) + "]}";
        String key = UUID.randomUUID().toString();
        UUID batch = UUID.fromString(key);
        mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        long stored = records();
        // As the other instance left it part-way: RUNNING, with what it has counted so far.
        jdbc.sql("UPDATE ingestion.batch SET status = 'RUNNING', finished_at = NULL, rows_done = 0, accepted = 0, "
                + "rejected = 1 WHERE id = ?").param(batch).update();
        jdbc.sql("INSERT INTO ingestion.row_error (batch_id, line, field, code, message) "
                + "VALUES (?, 7, 'item', 'SO_FAR', '另一实例已记下的问题')").param(batch).update();

        try (java.sql.Connection other = dataSource.getConnection()) {
            try (var lock = other.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, cn.chengxin.ingestion.persistence.BatchClaims.KIND);
                lock.setInt(2, cn.chengxin.ingestion.persistence.BatchClaims.keyOf(batch));
                lock.execute();
            }
            mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk())
                    .andExpect(header().string("Idempotent-Replayed", "true"))
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.rejected").value(1));
            assertThat(jdbc.sql("SELECT count(*) FROM ingestion.row_error WHERE batch_id = ? AND code = 'SO_FAR'")
                    .param(batch).query(Long.class).single()).as("not restarted under its runner").isOne();
            try (var unlock = other.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        }

        mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(records()).as("nothing stored twice").isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.row_error WHERE batch_id = ?").param(batch)
                .query(Long.class).single()).isZero();
    }

    /**
     * The claim's connection ends while the batch runs (here its backend is terminated, as a restart of the database
     * or an idle timeout would end it), and its lock with it: the runner stops before it stores another chunk, leaves
     * the batch neither done nor failed, and the resend runs it to its end, every row stored once. The rows are read
     * through an iterator that ends the connection when the third chunk's row is read, the first two handed over.
     */
    @Test
    void aRunnerWhoseClaimIsLostStopsBeforeItsNextChunkAndTheResendEndsIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜断线");
        String prefix = "CL-" + UUID.randomUUID() + "-";
        List<IncomingRecord> records = new java.util.ArrayList<>();
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * Submissions.CHUNK + 1; i++) {
            records.add(new IncomingRecord("P_COURT_DEFAULTER", person.number(), person.name(), prefix + i, null, null,
                    "驻执〔2025〕1号", "2025-06-01", java.util.Map.of("case_number", "x", "court", "y", "obligation",
                    "z", "performance", "全部未履行", "behaviour", "w")));
            rows.add(row("P_COURT_DEFAULTER", person.number(), person.name(), prefix + i, "2025-06-01", courtFields()));
        }
        UUID batch = UUID.randomUUID();
        java.util.Iterator<Submissions.Numbered> cutting = new java.util.Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < records.size();
            }

            @Override
            public Submissions.Numbered next() {
                if (next == 2 * Submissions.CHUNK) {
                    terminateTheClaimOf(batch);
                }
                next++;
                return new Submissions.Numbered(next, records.get(next - 1));
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> submissions.run(batch, "COURT", "API", null,
                        Submissions.hash(records), records.size(), cutting))
                .isInstanceOf(cn.chengxin.ingestion.persistence.BatchClaims.ClaimLost.class)
                .hasFieldOrPropertyWithValue("code", "BATCH_INTERRUPTED");
        assertThat(jdbc.sql("SELECT status FROM ingestion.batch WHERE id = ?").param(batch).query(String.class)
                .single()).as("neither done nor failed: to be taken up by its resend").isEqualTo("RUNNING");
        assertThat(jdbc.sql("SELECT rows_done FROM ingestion.batch WHERE id = ?").param(batch).query(Integer.class)
                .single()).as("the last chunk not stored").isLessThanOrEqualTo(2 * Submissions.CHUNK);
        assertThat(storedUnder(prefix)).isLessThan(records.size());

        mvc.perform(submit(courtKey, batch.toString(), "{\"records\":[" + String.join(",", rows) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(storedUnder(prefix)).as("every row once").isEqualTo(records.size());
        assertThat(jdbc.sql("SELECT count(DISTINCT source_record_id) FROM creditfile.record WHERE source_record_id LIKE ?")
                .param(prefix + "%").query(Long.class).single()).isEqualTo(records.size());
    }

    /** What a restart of the database does to the batch's claim: its connection's backend ends. */
    private void terminateTheClaimOf(UUID batch) {
        Integer pid = jdbc.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = ? "
                        + "AND objid::bigint = ? AND objsubid = 2 AND granted")
                .param(Integer.toUnsignedLong(cn.chengxin.ingestion.persistence.BatchClaims.KIND))
                .param(Integer.toUnsignedLong(cn.chengxin.ingestion.persistence.BatchClaims.keyOf(batch)))
                .query(Integer.class).single();
        assertThat(jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
        // Terminating is a signal: the backend, and its lock, are gone a moment later.
        for (int attempt = 0; attempt < 200 && jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")
                .param(pid).query(Long.class).single() > 0; attempt++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long storedUnder(String prefix) {
        return jdbc.sql("SELECT count(*) FROM creditfile.record WHERE source_record_id LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    /**
     * The batch id is the client's choice, and its claim must never name another lock of the platform: a batch whose
     * id folds to the audit writer's lock key ("audit") runs and is audited like any other, without stalling the log.
     */
    @Test
    void aBatchIdChosenToMatchTheAuditWritersLockTakesNothingFromTheAuditLog() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜审计");
        String body = "{\"records\":[" + row("P_COURT_DEFAULTER", person.number(), person.name(),
                "ZX-" + UUID.randomUUID(), "2025-06-01", courtFields()) + "]}";
        // Had the claim taken the writer's lock, the batch's own audit event would wait for it and fail (503).
        mvc.perform(submit(courtKey, "00000000-0000-0000-0000-006175646974", body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void aNameWrittenWithAnotherMiddleDotOrBracketWidthIsTheSameName() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "买买提·艾力（小）");
        String otherDot = row("P_COURT_DEFAULTER", person.number(), " 买买提•艾力(小) ", "NM-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String otherName = row("P_COURT_DEFAULTER", person.number(), "买买提·艾力", "NM-" + UUID.randomUUID(),
                "2025-06-01", courtFields());

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + otherDot + "," + otherName
                        + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("SUBJECT_NAME_MISMATCH"));
    }

    /**
     * Gaps review xxv H6: after an approved name change, rows naming the subject by its new name are accepted, rows
     * naming it by its former name are accepted when decided within that name's period (stored under the subject, with
     * the warning SUBJECT_FORMER_NAME), and rows naming it otherwise, or by the former name after the change, are
     * still refused.
     */
    @Test
    void afterAnApprovedRenameTheNewNameAndTheFormerNameOfItsPeriodAreAcceptedAndNoOtherName() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "尚旧名");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        cn.chengxin.support.TestRenames.approved(names, subject, "尚新名", LocalDate.of(2025, 7, 1));
        String newName = row("P_COURT_DEFAULTER", person.number(), "尚新名", "RN-" + UUID.randomUUID(), "2025-08-01",
                courtFields());
        String formerInItsPeriod = row("P_COURT_DEFAULTER", person.number(), "尚旧名", "RN-" + UUID.randomUUID(),
                "2025-06-30", courtFields());
        String formerAfterTheChange = row("P_COURT_DEFAULTER", person.number(), "尚旧名", "RN-" + UUID.randomUUID(),
                "2025-07-01", courtFields());
        String unrelated = row("P_COURT_DEFAULTER", person.number(), "尚别名", "RN-" + UUID.randomUUID(), "2025-06-01",
                courtFields());

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", newName,
                        formerInItsPeriod, formerAfterTheChange, unrelated) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(3, 4)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains("SUBJECT_NAME_MISMATCH",
                        "SUBJECT_NAME_MISMATCH")))
                // The row under the former name is accepted, and its department told so beside the errors.
                .andExpect(jsonPath("$.warningCount").value(1))
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].line").value(2))
                .andExpect(jsonPath("$.warnings[0].field").value("subjectName"))
                .andExpect(jsonPath("$.warnings[0].code").value("SUBJECT_FORMER_NAME"))
                .andExpect(jsonPath("$.warnings[0].maskedNumber").value(
                        cn.chengxin.subject.domain.Masking.identityNumber(person.number())));
        assertThat(creditFile.fileOf(subject)).as("both stored under the one subject").hasSize(2);
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("尚新名");
    }

    /**
     * Gaps review xxv H6 (session xxxv): an organisation's row naming its responsible person by a former name of the
     * decision date is accepted, the copy made for that person, and warned of (RESPONSIBLE_PERSON_FORMER_NAME, on the
     * field the name was sent in), in the answer and in the downloadable report (CSV and XLSX) after its problems, by
     * line, key and masked number; the old code accepted it silently.
     */
    @Test
    void aResponsiblePersonNamedByAFormerNameIsWarnedOfInTheAnswerAndInTheDownloadedReport() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "闻旧名");
        UUID repId = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        cn.chengxin.support.TestRenames.approved(names, repId, "闻新名", LocalDate.of(2025, 7, 1));
        String code = TestCreditCodes.next();
        String source = "RP-" + UUID.randomUUID();
        String former = withResponsible(row("O_COURT_DEFAULTER", code, "闻氏实业有限公司", source, "2025-06-01",
                DEFAULTER_FIELDS), rep.number(), "闻旧名", "法定代表人");
        String refused = row("P_COURT_DEFAULTER", rep.number(), "闻别名", "RP-" + UUID.randomUUID(), "2025-06-01",
                courtFields());

        String answer = mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + former + ","
                        + refused + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("SUBJECT_NAME_MISMATCH"))
                .andExpect(jsonPath("$.warningCount").value(1))
                .andExpect(jsonPath("$.warnings[0].line").value(1))
                .andExpect(jsonPath("$.warnings[0].code").value("RESPONSIBLE_PERSON_FORMER_NAME"))
                .andExpect(jsonPath("$.warnings[0].field").value(org.hamcrest.Matchers.startsWith("responsiblePersons")))
                .andExpect(jsonPath("$.warnings[0].sourceRecordId").value(source))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(creditFile.fileOf(repId)).as("the copy made for the person").hasSize(1);
        String batch = com.jayway.jsonpath.JsonPath.read(answer, "$.batchId");

        String csv = mvc.perform(get("/api/v1/submissions/" + batch + "/errors.csv")
                        .header("Authorization", "Bearer " + courtKey))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String masked = Masking.identityNumber(code);
        assertThat(csv.lines().toList()).anyMatch(l -> l.startsWith("2,") && l.contains("SUBJECT_NAME_MISMATCH"))
                .anyMatch(l -> l.startsWith("1," + source + "," + masked + ",responsiblePersons")
                        && l.contains(",RESPONSIBLE_PERSON_FORMER_NAME,提示（该行已接受）："));
        assertThat(ClearIdentityNumbers.in(csv)).isEmpty();
        byte[] xlsx = mvc.perform(get("/api/v1/submissions/" + batch + "/errors.xlsx")
                        .header("Authorization", "Bearer " + courtKey))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            workbook.getFirstSheet().read().forEach(r -> {
                r.forEach(cell -> cells.append(cell == null ? "" : cell.getText()).append('|'));
                cells.append('\n');
            });
        }
        assertThat(cells.toString()).contains("1|" + source + "|" + masked + "|responsiblePersons",
                "|RESPONSIBLE_PERSON_FORMER_NAME|提示（该行已接受）：");
    }

    /**
     * The market regulator's registered change of a company's name (O_NAME_CHANGE) becomes a name-change proposal with
     * its registration notice as evidence, which a reviewer of the credit office then approves; a row whose name before
     * is not the registry's current name is refused, and proposes nothing.
     */
    @Test
    void aRenameDeliveredByTheMarketRegulatorBecomesAProposalAndARowWithAnotherFormerNameIsRefused() throws Exception {
        String code = TestCreditCodes.next();
        UUID company = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code), "旧号商贸有限公司",
                LocalDate.of(2015, 3, 1), List.of(), false));
        String rename = row("O_NAME_CHANGE", code, "旧号商贸有限公司", "NC-" + UUID.randomUUID(), "2025-09-01",
                "\"former_name\":\"旧号商贸有限公司\",\"new_name\":\"新号商贸有限公司\"");
        String otherFormerName = row("O_NAME_CHANGE", code, "旧号商贸有限公司", "NC-" + UUID.randomUUID(), "2025-09-02",
                "\"former_name\":\"别号商贸有限公司\",\"new_name\":\"又号商贸有限公司\"");

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", rename,
                        otherFormerName) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(2)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains(
                        "NAME_CHANGE_FORMER_NAME_MISMATCH")));

        List<cn.chengxin.subject.domain.NameChangeProposal> proposals = names.of(company);
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(cn.chengxin.subject.domain.NameChangeProposal.Status.PENDING);
            assertThat(p.newName()).isEqualTo("新号商贸有限公司");
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2025, 9, 1));
            assertThat(p.evidence()).isEqualTo(cn.chengxin.subject.domain.NameChangeEvidence.NAME_CHANGE_NOTICE);
            assertThat(p.evidenceReference()).isEqualTo("驻执〔2025〕1号");
        });
        assertThat(subjects.profile(company).orElseThrow().name()).as("not renamed before review")
                .isEqualTo("旧号商贸有限公司");
        cn.chengxin.support.AsStaff.as("rename-checker", () -> {
            names.approve(proposals.get(0).id(), "与登记通知书核对一致");
            return null;
        });
        assertThat(subjects.profile(company).orElseThrow().name()).isEqualTo("新号商贸有限公司");
    }

    /**
     * A subject or responsible person the registry does not know yet is registered under the name of the batch's first
     * row naming them: a later row of the batch naming them otherwise is refused as one naming them otherwise than the
     * registry would be, rather than have its record stored on the file of the first row's name.
     */
    @Test
    void rowsOfOneBatchNamingAnUnregisteredSubjectOrPersonOtherwiseThanTheFirstAreRefused() throws Exception {
        String person = unregisteredNumber();
        String code = TestCreditCodes.next();
        String rep = unregisteredNumber();
        String company = "同批实业有限公司";
        String firstOfPerson = row("P_COURT_DEFAULTER", person, "沈一川", "NP-" + UUID.randomUUID(), "2025-06-01",
                courtFields());
        String personOtherwise = row("P_COURT_DEFAULTER", person, "沈二川", "NP-" + UUID.randomUUID(), "2025-06-01",
                courtFields());
        String firstOfCompany = withResponsible(row("O_COURT_DEFAULTER", code, company, "NO-" + UUID.randomUUID(),
                "2026-02-01", DEFAULTER_FIELDS), rep, "钱三多", "法定代表人");
        String companyOtherwise = row("O_COURT_DEFAULTER", code, "异名实业有限公司", "NO-" + UUID.randomUUID(),
                "2026-02-01", DEFAULTER_FIELDS);
        String repOtherwise = withResponsible(row("O_COURT_DEFAULTER", code, company, "NO-" + UUID.randomUUID(),
                "2026-02-01", DEFAULTER_FIELDS), rep, "钱四多", "法定代表人");

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + String.join(",", firstOfPerson,
                        personOtherwise, firstOfCompany, companyOtherwise, repOtherwise) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(2, 4, 5)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains("SUBJECT_NAME_MISMATCH",
                        "SUBJECT_NAME_MISMATCH", "RESPONSIBLE_PERSON_NAME_MISMATCH")));

        UUID personId = subjects.find(subjects.validate(null, person)).orElseThrow();
        assertThat(subjects.profile(personId).orElseThrow().name()).isEqualTo("沈一川");
        assertThat(creditFile.fileOf(personId)).hasSize(1);
        UUID companyId = subjects.find(subjects.validate(null, code)).orElseThrow();
        assertThat(subjects.profile(companyId).orElseThrow().name()).isEqualTo(company);
        assertThat(creditFile.fileOf(companyId)).hasSize(1);
        UUID repId = subjects.find(subjects.validate(null, rep)).orElseThrow();
        assertThat(subjects.profile(repId).orElseThrow().name()).isEqualTo("钱三多");
        assertThat(creditFile.fileOf(repId)).hasSize(1);
    }

    @Test
    void aDateFieldIsStoredInOneFormWhateverTheDepartmentWrote() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "晏晓梅");
        String fields = "\"qualification\":\"执业药师\",\"certificate\":\"ZY-1\",\"issued_on\":\"2026年1月5日\","
                + "\"valid_until\":\"2030/12/31\"";

        mvc.perform(submit(key("HRSS"), UUID.randomUUID().toString(), "{\"records\":[" + row("P_QUALIFICATION",
                        person.number(), person.name(), "QD-" + UUID.randomUUID(), "2025-06-01", fields) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));

        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> assertThat(e.content())
                .containsEntry("issued_on", "2026-01-05").containsEntry("valid_until", "2030-12-31")
                .containsEntry("certificate", "ZY-1"));
    }

    @Test
    void aKeyIsRequiredAndUnknownFieldsAreIgnored() throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtKey)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"records\":[{\"itemCode\":\"X\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));
        // A tolerant reader (gaps review xxxvii R3): a field no API defines is ignored; the row is judged as sent.
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[{\"itemCode\":\"X\",\"role\":\"ADMIN\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[*].code", org.hamcrest.Matchers.hasItem("ITEM_NOT_IN_CATALOGUE")));
        // A null where a record belongs is the caller's mistake, named as such, not a server error.
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[null]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("records[0]"));
        mvc.perform(submit(key("COURT", Set.of(Permission.API_SUBJECT_CHECK)), UUID.randomUUID().toString(),
                "{\"records\":[]}")).andExpect(status().isForbidden());
    }

    /**
     * Two batches whose contents were alike only as the hash was once written (a value holding ", b=2" read like a
     * field of its own) are two batches: the second under the first one's id is a conflict, not its replay.
     */
    @Test
    void aBatchWhoseValueReadsLikeAnotherFieldIsAnotherBatch() throws Exception {
        String key = UUID.randomUUID().toString();
        String split = "{\"records\":[{\"itemCode\":\"P_NO_SUCH_ITEM\",\"fields\":{\"a\":\"1\",\"b\":\"2\"}}]}";
        String joined = "{\"records\":[{\"itemCode\":\"P_NO_SUCH_ITEM\",\"fields\":{\"a\":\"1, b=2\"}}]}";

        mvc.perform(submit(courtKey, key, split)).andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(1));
        mvc.perform(submit(courtKey, key, joined)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BATCH_CONFLICT"));
    }

    /**
     * A batch stored before the hash took its canonical form carries its hash in the form before: sent again, it is
     * still the same batch, answered with its first result, and stores nothing.
     */
    @Test
    void aBatchStoredWithTheHashOfTheFormBeforeIsStillRecognisedWhenSentAgain() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜旧式");
        String source = "ZX-" + UUID.randomUUID();
        String body = "{\"records\":[" + row("P_COURT_DEFAULTER", person.number(), person.name(), source, "2025-06-01",
                courtFields()) + "]}";
        String key = UUID.randomUUID().toString();
        mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        IncomingRecord sent = new IncomingRecord("P_COURT_DEFAULTER", person.number(), person.name(), source, null,
                null, "驻执〔2025〕1号", "2025-06-01", java.util.Map.of("case_number", "x", "court", "y", "obligation",
                "z", "performance", "全部未履行", "behaviour", "w"));
        assertThat(jdbc.sql("UPDATE ingestion.batch SET content_hash = ? WHERE id = ? AND content_hash LIKE 'v2:%'")
                .param(Submissions.legacyHash(List.of(sent))).param(UUID.fromString(key)).update())
                .as("the batch's hash, now in the form before").isOne();
        long stored = records();

        mvc.perform(submit(courtKey, key, body)).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(records()).isEqualTo(stored);
    }

    /**
     * Two versions alike only as the fingerprint was once written (a value holding a line break and another field's
     * name) are two contents: the second, sent as the same version, is a conflict, not a replay dropped as a duplicate.
     */
    @Test
    void aVersionWhoseValueReadsLikeAnotherLineIsAConflictNotAReplay() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜换行");
        String source = "ZX-" + UUID.randomUUID();
        String first = row("P_COURT_DEFAULTER", person.number(), person.name(), source, "2025-06-01",
                "\"case_number\":\"x\\ncase_number=q\",\"court\":\"y\",\"obligation\":\"z\","
                        + "\"performance\":\"全部未履行\",\"behaviour\":\"w\"");
        String other = row("P_COURT_DEFAULTER", person.number(), person.name(), source, "2025-06-01",
                "\"case_number\":\"q\",\"court\":\"y\",\"obligation\":\"z\","
                        + "\"performance\":\"全部未履行\",\"behaviour\":\"w\\ncase_number=x\"");
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + other + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("RECORD_VERSION_CONFLICT"));
    }

    /**
     * A version stored before the fingerprint took its canonical form carries its fingerprint in the form before: the
     * same row sent again is still its replay, a duplicate that stores nothing, not a conflict.
     */
    @Test
    void aVersionStoredWithTheFingerprintOfTheFormBeforeIsStillAReplay() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜旧印");
        String source = "ZX-" + UUID.randomUUID();
        String body = "{\"records\":[" + row("P_COURT_DEFAULTER", person.number(), person.name(), source, "2025-06-01",
                courtFields()) + "]}";
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        IncomingRecord sent = new IncomingRecord("P_COURT_DEFAULTER", person.number(), person.name(), source, null,
                null, "驻执〔2025〕1号", "2025-06-01", java.util.Map.of("case_number", "x", "court", "y", "obligation",
                "z", "performance", "全部未履行", "behaviour", "w"));
        String legacy = RowValidator.legacyFingerprint(sent,
                subjects.pseudonymOf(subjects.validate(null, person.number())));
        assertThat(jdbc.sql("UPDATE creditfile.record SET fingerprint = ? WHERE department_code = 'COURT' "
                        + "AND source_record_id = ? AND fingerprint LIKE 'v2:%'").param(legacy).param(source).update())
                .as("the version's fingerprint, now in the form before").isOne();
        long stored = records();

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(records()).isEqualTo(stored);
    }

    /**
     * A batch over the limit is refused whole with the code the check API gives a batch over its limit,
     * BATCH_TOO_LARGE (422), not a generic VALIDATION_FAILED: one situation, one code. Nothing of it is stored.
     */
    @Test
    void aBatchOverItsLimitIsRefusedWholeAsBatchTooLargeLikeACheckBatch() throws Exception {
        String records = String.join(",", java.util.Collections.nCopies(Submissions.MAX_RECORDS + 1,
                "{\"itemCode\":\"P_NO_SUCH_ITEM\"}"));
        String key = UUID.randomUUID().toString();

        mvc.perform(submit(courtKey, key, "{\"records\":[" + records + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("BATCH_TOO_LARGE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("10000")));
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE id = ?").param(UUID.fromString(key))
                .query(Long.class).single()).as("refused before anything is stored").isZero();
    }

    @Test
    void anUpdateAddsAVersionAndARevocationEndsTheRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "褚丽华");
        String source = "CF-" + UUID.randomUUID();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"《无证无照经营查处办法》第十三条\","
                + "\"authority\":\"驻马店市市场监督管理局\"";
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + row("P_ADMIN_PENALTY_GENERAL",
                person.number(), person.name(), source, "2026-01-10", fields) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        String update = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), source, "2026-01-10",
                fields.replace("无照经营", "无照经营（更正）")).replace("\"sourceRecordId\"", "\"version\":\"2\",\"action\":\"UPDATE\",\"sourceRecordId\"");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + update + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        FileEntry current = creditFile.fileOf(subject).get(0);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.content()).containsEntry("facts", "无照经营（更正）");
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE source_record_id = ?").param(source)
                .query(Long.class).single()).as("every version kept").isEqualTo(2);
        // A stale version is refused; a revocation ends it.
        String stale = update.replace("\"version\":\"2\"", "\"version\":\"1\"");
        String staleBatch = UUID.randomUUID().toString();
        mvc.perform(submit(marketKey, staleBatch, "{\"records\":[" + stale.replace("（更正）", "（再改）") + "]}"))
                .andExpect(jsonPath("$.errors[0].code").value("RECORD_VERSION_CONFLICT"));
        assertThat(maskedNumbersOf(staleBatch, 1)).as("refused when stored")
                .containsExactly(Masking.identityNumber(person.number()));
        String revoke = update.replace("\"version\":\"2\",\"action\":\"UPDATE\"", "\"version\":\"3\",\"action\":\"REVOKE\"");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + revoke + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.REVOKED);
    }

    @Test
    void aCorrectionFromTheDepartmentDoesNotReviveARepairedOrRevokedRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "韩秀英");
        String source = "RP-" + UUID.randomUUID();
        String decided = LocalDate.now().minusMonths(4).toString();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String first = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), source, decided, fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID recordKey = creditFile.fileOf(subject).get(0).recordKey();
        assertThat(creditFile.changeStatus(subject, recordKey, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED,
                "reviewer", "信用修复")).isTrue();

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + version(first, 2, "UPDATE")
                        .replace("无照经营", "无照经营（更正）") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.status()).as("repair stops publication and use").isEqualTo(RecordStatus.REPAIRED);
        });

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withReason(
                version(first, 3, "REVOKE"), "原处罚决定已被复议撤销") + "]}")).andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(3);
            assertThat(e.status()).as("a revocation closes a repaired record too").isEqualTo(RecordStatus.REVOKED);
        });
    }

    /**
     * A revoked record takes no later version: a correction would drop its revocation's reason from the file and read
     * 已撤销 → 已更正 in its history, a second revocation would replace the reason. Each is refused on its row, with
     * its line, and the record stays as revoked.
     */
    @Test
    void aRevokedRecordIsNeitherCorrectedNorRevokedAgain() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "韩晓东");
        String source = "RV-" + UUID.randomUUID();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String first = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), source,
                LocalDate.now().minusMonths(2).toString(), fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withReason(
                version(first, 2, "REVOKE"), "原处罚决定已被复议撤销") + "]}")).andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        long stored = records();

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + first.replace(source, "RV-"
                        + UUID.randomUUID()) + "," + version(first, 3, "UPDATE").replace("无照经营", "无照经营（更正）") + ","
                        + withReason(version(first, 4, "REVOKE"), "另一原因") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(2, 3)))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("sourceRecordId"))))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("RECORD_REVOKED"))))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("已撤销")));
        assertThat(records()).as("only the new record").isEqualTo(stored + 1);
        assertThat(creditFile.fileOf(subject)).filteredOn(e -> e.status() == RecordStatus.REVOKED).singleElement()
                .satisfies(e -> {
                    assertThat(e.version()).isEqualTo(2);
                    assertThat(e.content()).containsEntry("facts", "无照经营");
                    assertThat(e.revocationReason()).isEqualTo("原处罚决定已被复议撤销");
                });
    }

    /**
     * An archived record is past its retention (RULES.md §4) and is not rewritten: neither a correction nor a
     * revocation (which would take it out of the archive until the next night) is stored. An expired record, still
     * kept, is corrected and stays expired.
     */
    @Test
    void anArchivedRecordIsNotRewrittenWhileAnExpiredOneIsStillCorrected() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "韩立新");
        String source = "AV-" + UUID.randomUUID();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String first = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), source,
                LocalDate.now().minusMonths(13).toString(), fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + version(first, 2, "UPDATE")
                .replace("无照经营", "无照经营（更正）") + "]}")).andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.status()).as("corrected, still expired").isEqualTo(RecordStatus.EXPIRED);
        });
        creditFile.applyWindows(LocalDate.now().plusYears(6), Set.of(subject));
        List<FileEntry> archived = creditFile.fileOf(subject);
        assertThat(archived).singleElement().extracting(FileEntry::status).isEqualTo(RecordStatus.ARCHIVED);
        long stored = records();

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + version(first, 3, "UPDATE")
                        .replace("无照经营", "无照经营（再改）") + "," + version(first, 4, "REVOKE") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(1, 2)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("RECORD_ARCHIVED"))));
        assertThat(records()).isEqualTo(stored);
        assertThat(creditFile.fileOf(subject)).as("as archived").isEqualTo(archived);
    }

    /**
     * An operator revokes a record by naming it: item, subject, the department's key and a higher version. The revoked
     * version keeps the content, decision and windows of the version it closes, and the history keeps both.
     */
    @Test
    void aRevocationNamingOnlyItsRecordRevokesItAndKeepsThePriorVersionsContent() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邹文静");
        String source = "RK-" + UUID.randomUUID();
        String decided = LocalDate.now().minusMonths(3).toString();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + row("P_ADMIN_PENALTY_GENERAL",
                person.number(), person.name(), source, decided, fields) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        FileEntry before = creditFile.fileOf(subject).get(0);
        String named = named(person.number(), person.name(), source, 2, "REVOKE");

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + named.replaceFirst("}$",
                        ",\"decisionDate\":\"去年\",\"fields\":{\"facts\":\"当事人患有糖尿病\"}}") + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "DECISION_DATE_FORMAT", "FORBIDDEN_CONTENT")));
        String revoke = "{\"records\":[" + named + "]}";
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), revoke)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.errors").isEmpty());

        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(RecordStatus.REVOKED);
            assertThat(e.status().label()).isEqualTo("已撤销");
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.content()).as("the current version's content").isEqualTo(before.content());
            assertThat(e.decisionDate()).isEqualTo(before.decisionDate());
            assertThat(e.decisionNumber()).isEqualTo(before.decisionNumber());
            assertThat(e.publicationEnd()).isEqualTo(before.publicationEnd());
        });
        assertThat(jdbc.sql("""
                        SELECT r.version || ':' || (r.content->>'facts') || ':' || e.to_status || ':' || e.reason
                               || ':' || (e.by_whom IS NOT NULL AND e.at IS NOT NULL)
                        FROM creditfile.record r JOIN creditfile.record_event e ON e.record_id = r.id
                        WHERE r.source_record_id = ? ORDER BY r.version""").param(source).query(String.class).list())
                .as("who, when and why, and the prior version's content kept")
                .containsExactly("1:无照经营:CORRECTED:撤销:true", "2:无照经营:REVOKED:撤销:true");
        long stored = records();
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), revoke))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.errors").isEmpty());
        assertThat(records()).as("a replayed revocation writes nothing").isEqualTo(stored);
    }

    /**
     * A correction or revocation of a record the department never sent, under that item and for that subject, is one
     * error that says so, not a list of the fields a new record would need; its person is not registered for it.
     */
    @Test
    void aRevisionOfARecordNeverSentIsOneErrorRecordUnknown() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邹明辉");
        String stranger = TestCitizens.withCheckCharacter("410102" + "1977" + "0405"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000)));
        long stored = records();

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":["
                        + named(stranger, "邹无名", "RU-" + UUID.randomUUID(), 2, "REVOKE") + ","
                        + named(person.number(), person.name(), "RU-" + UUID.randomUUID(), 2, "UPDATE") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(1, 2)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("RECORD_UNKNOWN"))))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("sourceRecordId"))))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("未报送过")));
        assertThat(records()).isEqualTo(stored);
        assertThat(subjects.find(subjects.validate(null, stranger))).as("registers nobody").isEmpty();
    }

    /**
     * A correction naming a record the department sent for another subject or under another item would move it: one
     * error that says so and what to do instead (revoke it, then add the record anew), not "never sent" — however it
     * is found: before storing (another item), on resolving a person not registered, or when stored (another person).
     */
    @Test
    void aCorrectionThatWouldMoveARecordToAnotherSubjectOrItemIsToldToRevokeAndAddAnew() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邹晓岚");
        TestCitizens.Person other = TestCitizens.register(subjects, "邹晓峰");
        String stranger = TestCitizens.withCheckCharacter("410102" + "1978" + "0506"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000)));
        String source = "MV-" + UUID.randomUUID();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + row("P_ADMIN_PENALTY_GENERAL",
                person.number(), person.name(), source, "2026-01-10", fields) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        long stored = records();

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":["
                        + updated(row("P_ADMIN_PENALTY_GENERAL", other.number(), other.name(), source, "2026-01-10",
                                fields)) + ","
                        + updated(row("P_ADMIN_PENALTY_GENERAL", stranger, "邹无名", source, "2026-01-10", fields)) + ","
                        + updated(row("P_COMMITMENT_BREACH", person.number(), person.name(), source, "2026-01-10",
                                "\"commitment\":\"按期整改\",\"facts\":\"逾期未整改\"")) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(1, 2, 3)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("RECORD_SUBJECT_OR_ITEM_CHANGED"))))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("sourceRecordId"))))
                .andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("另一主体或另一信息项下"),
                                org.hamcrest.Matchers.containsString("先撤销原记录")))));
        assertThat(records()).isEqualTo(stored);
        assertThat(subjects.find(subjects.validate(null, stranger))).as("registers nobody").isEmpty();
    }

    /**
     * A revocation says why (issue #4): the reason is stored with the revoked version, written into its history and
     * shown beside 已撤销 in the credit office's console credit file and in the citizen's own. It is checked as the record's other
     * text is; on a row that adds a record it is refused, as it would be kept nowhere (and the operator most likely
     * left out REVOKE); the same version sent again with another reason is another version, refused.
     */
    @Test
    void aRevocationsReasonIsKeptInTheHistoryAndShownWhereTheRevokedRecordIs() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邹静怡");
        String source = "RR-" + UUID.randomUUID();
        String reason = "原处罚决定已被复议撤销";
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String add = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), source,
                LocalDate.now().minusMonths(2).toString(), fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withReason(add, reason)
                        + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("REVOCATION_REASON_WITHOUT_REVOKE"))
                .andExpect(jsonPath("$.errors[0].field").value("revocationReason"));
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + add + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        String named = named(person.number(), person.name(), source, 2, "REVOKE");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":["
                        + withReason(named, "撤".repeat(201)) + "," + withReason(named, "当事人患有糖尿病") + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains(
                        "REVOCATION_REASON_TOO_LONG", "FORBIDDEN_CONTENT")))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("revocationReason"))));

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withReason(named,
                        " " + reason + " ") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.errors").isEmpty());

        assertThat(jdbc.sql("""
                        SELECT r.version || ':' || e.to_status || ':' || e.reason || ':'
                               || coalesce(r.revocation_reason, '')
                        FROM creditfile.record r JOIN creditfile.record_event e ON e.record_id = r.id
                        WHERE r.source_record_id = ? ORDER BY r.version""").param(source).query(String.class).list())
                .as("the reason with the revoked version, and in the history of both versions")
                .containsExactly("1:CORRECTED:撤销：" + reason + ":", "2:REVOKED:撤销：" + reason + ":" + reason);
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        // The credit office (objections, audit) sees the revoked record with its reason and history; the market
        // regulator's staff, who decide on it no more (RULES.md §4), only that one record is no longer in force.
        String console = mvc.perform(post("/console/file").param("number", person.number())
                        .param("purpose", "OBJECTION_HANDLING").with(csrf()).with(authentication(
                                Principals.staff("office-rr", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                                        Permission.SUBJECT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(console).contains("<span data-field=\"revocation-reason\">撤销原因：" + reason + "</span>")
                .doesNotContain(person.number());
        assertThat(mvc.perform(post("/console/file").param("number", person.number())
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(csrf()).with(authentication(
                                Principals.member("market-rr", department("MARKET"), Permission.CONSOLE_HOME,
                                        Permission.SUBJECT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("另有 1 条已停止公示、已修复或已撤销的记录，不得作为办理依据。")
                .doesNotContain(reason).doesNotContain(person.number());
        String by = jdbc.sql("""
                        SELECT DISTINCT e.by_whom FROM creditfile.record r
                        JOIN creditfile.record_event e ON e.record_id = r.id WHERE r.source_record_id = ?""")
                .param(source).query(String.class).single();
        String history = console.substring(console.indexOf("<details data-field=\"history\""));
        history = history.substring(0, history.indexOf("</details>"));
        assertThat(history).as("every version's steps, who took them, when and why, oldest first")
                .contains("版本历史（3）", "<td>第 1 版</td>", "<td>第 2 版</td>", "<td>报送新增</td>",
                        "<td>有效 → 已更正</td>", "<td>撤销：" + reason + "</td>", "<td>报送撤销</td>",
                        "<td>" + reason + "</td>", "<td>" + by + "</td>");
        assertThat(history.indexOf("<td>报送新增</td>")).isLessThan(history.indexOf("<td>有效 → 已更正</td>"));
        assertThat(history.indexOf("<td>有效 → 已更正</td>")).isLessThan(history.indexOf("<td>报送撤销</td>"));
        String own = mvc.perform(get("/me/file").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("<span data-field=\"revocation-reason\">撤销原因：" + reason + "</span>");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withReason(named,
                        "另一原因") + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("RECORD_VERSION_CONFLICT"));
    }

    /** The row as its second version, a correction. */
    private static String updated(String row) {
        return row.replaceFirst("}$", ",\"version\":\"2\",\"action\":\"UPDATE\"}");
    }

    private static String withReason(String row, String reason) {
        return row.replaceFirst("}$", ",\"revocationReason\":\"" + reason + "\"}");
    }

    /** A row naming a record by its key alone, without content, decision number or date. */
    private static String named(String number, String name, String source, int version, String action) {
        return "{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\"" + number + "\",\"subjectName\":\""
                + name + "\",\"sourceRecordId\":\"" + source + "\",\"version\":\"" + version + "\",\"action\":\""
                + action + "\"}";
    }

    @Test
    void aWithdrawnItemTakesNoNewRecordButCorrectionsAndRevocationsOfTheOnesDelivered() throws Exception {
        String item = penaltyItemOfItsOwn("P_WD_PENALTY_", "测试废止的处罚事项");
        TestCitizens.Person person = TestCitizens.register(subjects, "甘秀梅");
        TestCitizens.Person newcomer = TestCitizens.register(subjects, "甘志远");
        String decided = LocalDate.now().minusMonths(2).toString();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String corrected = row(item, person.number(), person.name(), "WD-" + UUID.randomUUID(), decided, fields);
        String revoked = row(item, person.number(), person.name(), "WD-" + UUID.randomUUID(), decided, fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + corrected + "," + revoked
                + "]}")).andExpect(jsonPath("$.accepted").value(2));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        List<FileEntry> before = creditFile.fileOf(subject);

        CatalogueVersions.withdraw(catalogue, item);
        assertThat(creditFile.fileOf(subject)).as("withdrawal deletes nothing and changes no state or window")
                .isEqualTo(before);

        String added = row(item, newcomer.number(), newcomer.name(), "WD-" + UUID.randomUUID(), decided, fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + added + ","
                        + version(corrected, 2, "UPDATE").replace("无照经营", "无照经营（更正）") + ","
                        + version(revoked, 2, "REVOKE") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("item"))
                .andExpect(jsonPath("$.errors[0].code").value("ITEM_WITHDRAWN"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("已废止")));
        assertThat(subjects.find(subjects.validate(null, newcomer.number())).flatMap(s -> creditFile.fileOf(s)
                .stream().filter(e -> e.itemCode().equals(item)).findAny())).isEmpty();
        assertThat(creditFile.fileOf(subject)).extracting(FileEntry::version, FileEntry::status,
                FileEntry::publicationEnd).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, RecordStatus.ACTIVE, before.get(0).publicationEnd()),
                org.assertj.core.groups.Tuple.tuple(2, RecordStatus.REVOKED, before.get(0).publicationEnd()));
    }

    @Test
    void aFileReplayedAfterItsItemWasWithdrawnIsRecognisedAsDuplicatesAndOnlyNewRowsAreRefused() throws Exception {
        String item = penaltyItemOfItsOwn("P_WD_REPLAY_", "测试废止后重放的处罚事项");
        TestCitizens.Person person = TestCitizens.register(subjects, "甘晓燕");
        String decided = LocalDate.now().minusMonths(2).toString();
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String first = row(item, person.number(), person.name(), "WR-" + UUID.randomUUID(), decided, fields);
        String second = row(item, person.number(), person.name(), "WR-" + UUID.randomUUID(), decided, fields);
        String delivered = "{\"records\":[" + first + "," + second + "]}";
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), delivered))
                .andExpect(jsonPath("$.accepted").value(2));
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), delivered))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.rejected").value(0));
        long stored = records();

        CatalogueVersions.withdraw(catalogue, item);

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), delivered)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.errors").isEmpty());
        assertThat(records()).isEqualTo(stored);
        TestCitizens.Person newcomer = TestCitizens.register(subjects, "甘晓光");
        String added = row(item, newcomer.number(), newcomer.name(), "WR-" + UUID.randomUUID(), decided, fields);
        String changed = first.replace("无照经营", "超范围经营");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "," + added + ","
                        + changed + "]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("ITEM_WITHDRAWN"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("ITEM_WITHDRAWN"));
        assertThat(records()).isEqualTo(stored);
    }

    @Test
    void aRecordLeavesDisplayTheDayAfterItsPublicationEnds() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "卫志强");
        String fields = "\"penalty_type\":\"警告\",\"facts\":\"占道经营\",\"basis\":\"某条例\",\"authority\":\"城管局\"";
        // Decided recently: a record whose window has already ended is stored expired.
        LocalDate decided = LocalDate.now().minusMonths(2).withDayOfMonth(15);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + row("P_ADMIN_PENALTY_GENERAL",
                person.number(), person.name(), "W-" + UUID.randomUUID(), decided.toString(), fields) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        LocalDate lastDay = creditFile.fileOf(subject).get(0).publicationEnd();
        // 《民法典》第二百零一条、第二百零二条: the decision day is not counted, a year ends on its anniversary.
        assertThat(lastDay).isEqualTo(decided.plusYears(1));

        // The windows of this subject only: the shared database's other records are no business of this test's.
        creditFile.applyWindows(lastDay, Set.of(subject));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("still shown on its last day")
                .isEqualTo(RecordStatus.ACTIVE);
        creditFile.applyWindows(lastDay.plusDays(1), Set.of(subject));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("gone the day after").isEqualTo(RecordStatus.EXPIRED);
        assertThat(creditFile.fileOf(subject).get(0).status().shown()).isFalse();
        creditFile.applyWindows(decided.plusYears(5), Set.of(subject));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("kept on the retention's last day")
                .isEqualTo(RecordStatus.EXPIRED);
        creditFile.applyWindows(decided.plusYears(5).plusDays(1), Set.of(subject));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("archived after 5 years").isEqualTo(RecordStatus.ARCHIVED);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record_event e JOIN creditfile.record r ON r.id = e.record_id "
                + "WHERE r.subject_id = ?").param(subject).query(Long.class).single()).as("expired, archived").isEqualTo(2);
    }

    @Test
    void aRecordDeliveredAfterItsPublicationEndedIsStoredExpiredAndNotShown() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "施国栋");
        String decisionNumber = "驻市监罚〔" + UUID.randomUUID() + "〕";
        String fields = "\"penalty_type\":\"警告\",\"facts\":\"占道经营\",\"basis\":\"某条例\",\"authority\":\"城管局\"";
        String late = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), "LT-" + UUID.randomUUID(),
                LocalDate.now().minusMonths(13).toString(), fields).replace("驻执〔2025〕1号", decisionNumber);

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + late + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.publicationEnd()).isBefore(LocalDate.now());
            assertThat(e.status()).isEqualTo(RecordStatus.EXPIRED);
        });
        assertThat(creditFile.shownWithDecisionNumber(decisionNumber)).as("not shown").isEmpty();
        assertThat(creditFile.factsOf(Set.of(subject), Set.of(RecordStatus.ACTIVE, RecordStatus.IN_DISPUTE)))
                .as("not used").isEmpty();
    }

    /**
     * Gaps review xliii X10: a record delivered after its retention too has ended (an old system's decision brought
     * over) is stored archived (RULES.md §4), not expired, which may be disclosed until the night's windows archive it.
     */
    @Test
    void aRecordDeliveredAfterItsRetentionEndedIsStoredArchived() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "施国梁");
        String fields = "\"penalty_type\":\"警告\",\"facts\":\"占道经营\",\"basis\":\"某条例\",\"authority\":\"城管局\"";
        String old = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), "LA-" + UUID.randomUUID(),
                LocalDate.now().minusYears(6).toString(), fields);

        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + old + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(jdbc.sql("SELECT status FROM creditfile.record WHERE subject_id = ? AND current AND retention_end < ?")
                .params(subject, java.sql.Date.valueOf(LocalDate.now())).query(String.class).list())
                .as("stored past its retention, archived at once").containsExactly("ARCHIVED");
    }

    @Test
    void repairedAndRevokedRecordsAreArchivedAfterTheirRetentionToo() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "孔令辉");
        String fields = "\"penalty_type\":\"罚款\",\"facts\":\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\"";
        String decided = LocalDate.now().minusMonths(4).toString();
        String repaired = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), "AR-" + UUID.randomUUID(),
                decided, fields);
        String revoked = row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), "AR-" + UUID.randomUUID(),
                decided, fields);
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + repaired + "," + revoked
                + "]}")).andExpect(jsonPath("$.accepted").value(2));
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + version(revoked, 2, "REVOKE")
                + "]}")).andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID repairedKey = creditFile.fileOf(subject).stream().filter(e -> e.status() == RecordStatus.ACTIVE)
                .findFirst().orElseThrow().recordKey();
        assertThat(creditFile.changeStatus(subject, repairedKey, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED,
                "reviewer", "信用修复")).isTrue();

        creditFile.applyWindows(LocalDate.now().plusYears(6), Set.of(subject));

        assertThat(creditFile.fileOf(subject)).hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(RecordStatus.ARCHIVED));
    }

    @Test
    void anOrganisationsSeriousRecordIsAlsoRecordedOnItsLegalRepresentative() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "蒋大伟");
        UUID repId = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        String code = cn.chengxin.support.TestCreditCodes.next();
        subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code), "示例科技有限公司",
                LocalDate.of(2015, 3, 1), List.of(new NewOrganisation.Responsible(repId,
                ResponsibleRole.LEGAL_REPRESENTATIVE, LocalDate.of(2015, 3, 1))), false));
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + row("O_COURT_DEFAULTER", code,
                        "示例科技有限公司", "ORG-" + UUID.randomUUID(), "2026-02-01",
                        "\"case_number\":\"(2026)豫1702执9号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付\"") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(repId)).anySatisfy(e -> {
            assertThat(e.itemCode()).isEqualTo("O_COURT_DEFAULTER");
            assertThat(e.linked()).isTrue();
        });
    }

    @Test
    void aRowNamingTheLegalRepresentativeOfACompanyTheRegistryDoesNotKnowRecordsItOnThem() throws Exception {
        String code = TestCreditCodes.next();
        String repNumber = unregisteredNumber();
        String source = "ORG-" + UUID.randomUUID();
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + withResponsible(
                        row("O_COURT_DEFAULTER", code, "新登记贸易有限公司", source, "2026-02-01", DEFAULTER_FIELDS),
                        repNumber, "欧阳明远", "法定代表人") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(0));

        UUID repId = subjects.find(subjects.validate(null, repNumber)).orElseThrow();
        assertThat(subjects.profile(repId).orElseThrow().name()).isEqualTo("欧阳明远");
        assertThat(creditFile.fileOf(repId)).singleElement().satisfies(e -> {
            assertThat(e.itemCode()).isEqualTo("O_COURT_DEFAULTER");
            assertThat(e.linked()).isTrue();
        });
    }

    /** The department's revocation of the company's record reaches the copy of a person its first version named. */
    @Test
    void aRevocationNotNamingThePersonAgainRevokesTheCopyTheFirstVersionMadeForThem() throws Exception {
        String code = TestCreditCodes.next();
        String repNumber = unregisteredNumber();
        String first = row("O_COURT_DEFAULTER", code, "撤销科技有限公司", "ORG-" + UUID.randomUUID(), "2026-02-01",
                DEFAULTER_FIELDS);
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + withResponsible(first,
                        repNumber, "司马青", "法定代表人") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID repId = subjects.find(subjects.validate(null, repNumber)).orElseThrow();
        assertThat(creditFile.fileOf(repId)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.ACTIVE));

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + version(first, 2, "REVOKE")
                        + "]}"))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(0));

        assertThat(creditFile.fileOf(repId)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REVOKED));
    }

    /** A revocation sent in the batch of its record's first version reaches the copy that version made. */
    @Test
    void aRevocationInTheBatchOfItsRecordRevokesTheCopyTheRecordMade() throws Exception {
        String repNumber = unregisteredNumber();
        String first = row("O_COURT_DEFAULTER", TestCreditCodes.next(), "同批撤销有限公司", "ORG-" + UUID.randomUUID(),
                "2026-02-01", DEFAULTER_FIELDS);

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + withResponsible(first,
                        repNumber, "东方既白", "法定代表人") + "," + version(first, 2, "REVOKE") + "]}"))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(0));

        UUID repId = subjects.find(subjects.validate(null, repNumber)).orElseThrow();
        assertThat(creditFile.fileOf(repId)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REVOKED));
    }

    /**
     * A row refused when stored leaves no copy on the persons it names: under its key stands another record, of
     * another company or with other content, and the copy would put on their file a record never delivered for them.
     */
    @Test
    void aRefusedOrganisationRowPutsNoCopyOnThePersonsItNames() throws Exception {
        String source = "ORG-" + UUID.randomUUID();
        String first = row("O_COURT_DEFAULTER", TestCreditCodes.next(), "先报科技有限公司", source, "2026-02-01",
                DEFAULTER_FIELDS);
        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + first + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        String otherCompanysRep = unregisteredNumber();
        String otherContentsRep = unregisteredNumber();
        String otherCompany = version(row("O_COURT_DEFAULTER", TestCreditCodes.next(), "后报贸易有限公司", source,
                "2026-02-01", DEFAULTER_FIELDS), 2, "ADD");

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":["
                        + withResponsible(otherCompany, otherCompanysRep, "邵一鸣", "法定代表人") + ","
                        + withResponsible(first, otherContentsRep, "邵二鸣", "法定代表人") + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains("RECORD_EXISTS",
                        "RECORD_VERSION_CONFLICT")));

        for (String rep : List.of(otherCompanysRep, otherContentsRep)) {
            assertThat(subjects.find(subjects.validate(null, rep)).map(creditFile::fileOf).orElse(List.of()))
                    .isEmpty();
        }
    }

    @Test
    void aFormerLegalRepresentativeGetsNoCopyOfARecordDecidedAfterTheyLeft() throws Exception {
        TestCitizens.Person former = TestCitizens.register(subjects, "柳青山");
        TestCitizens.Person current = TestCitizens.register(subjects, "白露");
        UUID formerId = subjects.find(subjects.validate(null, former.number())).orElseThrow();
        UUID currentId = subjects.find(subjects.validate(null, current.number())).orElseThrow();
        String code = TestCreditCodes.next();
        UUID organisation = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code),
                "换届实业有限公司", LocalDate.of(2010, 3, 1), List.of(
                new NewOrganisation.Responsible(formerId, ResponsibleRole.LEGAL_REPRESENTATIVE, LocalDate.of(2010, 3, 1)),
                new NewOrganisation.Responsible(currentId, ResponsibleRole.LEGAL_REPRESENTATIVE,
                        LocalDate.of(2025, 1, 1))), false));
        jdbc.sql("UPDATE subject.responsible_person SET valid_to = ? WHERE organisation_id = ? AND person_id = ?")
                .params(LocalDate.of(2024, 12, 31), organisation, formerId).update();

        mvc.perform(submit(courtKey, UUID.randomUUID().toString(), "{\"records\":[" + row("O_COURT_DEFAULTER", code,
                        "换届实业有限公司", "ORG-" + UUID.randomUUID(), "2026-02-01", DEFAULTER_FIELDS) + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));

        assertThat(creditFile.fileOf(formerId)).isEmpty();
        assertThat(creditFile.fileOf(currentId)).singleElement().satisfies(e -> assertThat(e.linked()).isTrue());
    }

    @Test
    void aRowNamingAResponsiblePersonByAnInvalidNumberIsRefusedWholeOnThatField() throws Exception {
        String code = TestCreditCodes.next();
        String bad = TestCitizens.withWrongCheckCharacter(unregisteredNumber());
        String batch = UUID.randomUUID().toString();
        mvc.perform(submit(courtKey, batch, "{\"records\":[" + withResponsible(row("O_COURT_DEFAULTER", code,
                        "错号商贸有限公司", "ORG-" + UUID.randomUUID(), "2026-02-01", DEFAULTER_FIELDS), bad, "夏雨",
                        "LEGAL_REPRESENTATIVE") + "]}"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("responsiblePersons[0].identityNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("ID_CHECKSUM"));

        assertThat(subjects.find(subjects.validate(null, code))).isEmpty();
    }

    @Test
    void responsiblePersonsOnTheRowOfAnItemThatDoesNotLinkAreRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "聂远");
        TestCitizens.Person rep = TestCitizens.register(subjects, "唐宁");
        mvc.perform(submit(marketKey, UUID.randomUUID().toString(), "{\"records\":[" + withResponsible(
                        row("P_ADMIN_PENALTY_GENERAL", person.number(), person.name(), "AR-" + UUID.randomUUID(),
                                LocalDate.now().minusMonths(1).toString(), "\"penalty_type\":\"罚款\",\"facts\":"
                                        + "\"无照经营\",\"basis\":\"某条例\",\"authority\":\"市场监管局\""),
                        rep.number(), rep.name(), "LEGAL_REPRESENTATIVE") + "]}"))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("responsiblePersons"))
                .andExpect(jsonPath("$.errors[0].code").value("RESPONSIBLE_PERSONS_NOT_LINKED"));
    }

    private static final String DEFAULTER_FIELDS =
            "\"case_number\":\"(2026)豫1702执9号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付\"";

    /** The row naming one responsible person. */
    private static String withResponsible(String row, String number, String name, String role) {
        return row.substring(0, row.length() - 1) + ",\"responsiblePersons\":[{\"identityNumber\":\"" + number
                + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}]}";
    }

    /** A valid resident identity number of 郑州 中原区, outside the demo population, that no test registered. */

    /** A copy of the general penalty item, in force, for a test that withdraws it. */
    private String penaltyItemOfItsOwn(String codePrefix, String name) throws Exception {
        String item = codePrefix + (System.nanoTime() % 100000);
        CatalogueVersions.draft(catalogue, CatalogueVersions.copied(catalogue.active("P_ADMIN_PENALTY_GENERAL")
                .orElseThrow().definition(), item, name));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        return item;
    }

    private List<String> maskedNumbersOf(String batch, long line) {
        return jdbc.sql("SELECT DISTINCT subject_masked FROM ingestion.row_error WHERE batch_id = ?::uuid AND line = ?")
                .params(batch, line).query(String.class).list();
    }

    /**
     * 仅校验 (gaps review xxxvii-api R8): {@code validateOnly=true} answers the row errors a real submission of the same
     * rows answers, and stores nothing: no record, no batch, no subject registered; the call is audited as such.
     */
    @Test
    void aValidateOnlyBatchAnswersTheRealErrorsAndStoresNothing() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祝晓校");
        String newcomer = unregisteredNumber();
        String good = row("P_COURT_DEFAULTER", person.number(), person.name(), "V-" + UUID.randomUUID(), "2025-06-01",
                courtFields());
        String unknown = row("P_COURT_DEFAULTER", newcomer, "祝新人", "V-" + UUID.randomUUID(), "2025-06-01",
                courtFields());
        String wrongName = row("P_COURT_DEFAULTER", person.number(), "别的名字", "V-" + UUID.randomUUID(),
                "2025-06-01", courtFields());
        String wrongCheck = row("P_COURT_DEFAULTER", TestCitizens.withWrongCheckCharacter(person.number()),
                person.name(), "V-" + UUID.randomUUID(), "2025-06-01", courtFields());
        String missingField = row("P_COURT_DEFAULTER", person.number(), person.name(), "V-" + UUID.randomUUID(),
                "2025-06-01", "\"court\":\"驿城区人民法院\"");
        String unknownItem = row("P_NO_SUCH_ITEM", person.number(), person.name(), "V-" + UUID.randomUUID(),
                "2025-06-01", "");
        String body = "{\"records\":[" + String.join(",", good, unknown, wrongName, wrongCheck, missingField,
                unknownItem) + "]}";
        long recordsBefore = records();
        long batchesBefore = jdbc.sql("SELECT count(*) FROM ingestion.batch").query(Long.class).single();
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();

        String validated = mvc.perform(post("/api/v1/submissions").param("validateOnly", "true")
                        .header("Authorization", "Bearer " + courtKey).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(Submissions.VALIDATED))
                .andExpect(jsonPath("$.batchId").doesNotExist())
                .andExpect(jsonPath("$.received").value(6))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("SUBJECT_NAME_MISMATCH"))
                .andReturn().getResponse().getContentAsString();

        assertThat(records()).as("no record").isEqualTo(recordsBefore);
        assertThat(creditFile.fileOf(subject)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch").query(Long.class).single()).as("no batch")
                .isEqualTo(batchesBefore);
        assertThat(subjects.find(subjects.validate(null, newcomer))).as("nobody registered").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'ingestion.validate' AND detail = ?")
                .param("reason=BATCH_VALIDATED; rows=6; accepted=2; rejected=4").query(Long.class).single())
                .isPositive();

        String submitted = mvc.perform(submit(courtKey, UUID.randomUUID().toString(), body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(4)).andReturn().getResponse().getContentAsString();
        assertThat(problems(validated)).as("the errors of the real submission").isEqualTo(problems(submitted))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(creditFile.fileOf(subject)).hasSize(1);
    }

    /** Each error's line, field and code, in the answer's order. */
    private static List<String> problems(String answer) {
        List<java.util.Map<String, Object>> errors = com.jayway.jsonpath.JsonPath.read(answer, "$.errors");
        return errors.stream().map(e -> e.get("line") + " " + e.get("field") + " " + e.get("code")
                + " " + e.get("sourceRecordId") + " " + e.get("maskedNumber")).toList();
    }

    private long records() {
        return jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single();
    }

    private String key(String department) {
        return key(department, Set.of(Permission.RECORD_SUBMIT));
    }

    private String key(String department, Set<Permission> permissions) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 报送系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                permissions, 6000).key();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder submit(String apiKey,
                                                                                                    String idempotencyKey,
                                                                                                    String body) {
        return post("/api/v1/submissions").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String courtName() {
        return directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow().name();
    }

    private static String courtFields() {
        return "\"case_number\":\"x\",\"court\":\"y\",\"obligation\":\"z\",\"performance\":\"全部未履行\",\"behaviour\":\"w\"";
    }

    private static String row(String item, String number, String name, String source, String date, String fields) {
        return "{\"itemCode\":\"" + item + "\",\"subjectNumber\":\"" + number + "\",\"subjectName\":\"" + name
                + "\",\"sourceRecordId\":\"" + source + "\",\"decisionNumber\":\"驻执〔2025〕1号\",\"decisionDate\":\""
                + date + "\",\"fields\":{" + fields + "}}";
    }

    /** The row with the document type stated. */
    private static String typed(String row, String documentType) {
        return row.replace("\"subjectName\"", "\"documentType\":\"" + documentType + "\",\"subjectName\"");
    }

    /** The department as signing in finds it: its staff see the records of its data scope. */
    private Department department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static String passportNumber() {
        return "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static String version(String row, int version, String action) {
        return row.replace("\"sourceRecordId\"", "\"version\":\"" + version + "\",\"action\":\"" + action
                + "\",\"sourceRecordId\"");
    }

    private static String withCheck(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
