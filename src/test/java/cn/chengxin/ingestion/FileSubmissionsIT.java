package cn.chengxin.ingestion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files through the API: GB18030, replays and conflicts, and files that cannot be read at all. */
@IntegrationTest
class FileSubmissionsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.subject.RenamingSubjects names;

    @Autowired
    cn.chengxin.ingestion.persistence.BatchClaims claims;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.springframework.core.env.Environment environment;

    private String key;

    @BeforeEach
    void client() {
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        key = apiClients.issue("法院报送系统", "市中级人民法院", ApiClient.Kind.DEPARTMENT, court,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    @Test
    void aGb18030CsvIsAcceptedAndItsReplayStoresNothing() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "欧阳娜");
        TestCitizens.Person b = TestCitizens.register(subjects, "司马光明");
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour\n"
                + line(a, "G-" + UUID.randomUUID()) + line(b, "G-" + UUID.randomUUID())
                + "P_COURT_DEFAULTER,12345,某人,G-bad,驻执〔2025〕1号,2025-06-01,x,驿城区人民法院,y,全部未履行,z\n";
        byte[] gb = csv.getBytes(Charset.forName("GB18030"));
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "法院.csv", gb)).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/submissions/" + batch));
        String done = awaitDone(batch);
        assertThat((Integer) JsonPath.read(done, "$.accepted")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.rejected")).isEqualTo(1);
        assertThat((String) JsonPath.read(done, "$.errors[0].code")).isEqualTo("ID_FORMAT");
        assertThat((Integer) JsonPath.read(done, "$.errors[0].line")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record r JOIN subject.subject s ON s.id = r.subject_id "
                + "WHERE s.name IN ('欧阳娜', '司马光明')").query(Long.class).single()).isEqualTo(2);

        long before = jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single();
        mvc.perform(upload(batch, "法院.csv", gb)).andExpect(status().isAccepted());
        awaitDone(batch);
        mvc.perform(upload(UUID.randomUUID().toString(), "再次.csv", gb)).andExpect(status().isAccepted());
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single()).isEqualTo(before);
        mvc.perform(upload(batch, "其他.csv", (csv + "\n").getBytes(Charset.forName("GB18030"))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("BATCH_CONFLICT"));
    }

    /**
     * Gaps review xxv H6: a file's row naming a renamed person by the former name of its decision date is accepted and
     * warned of (SUBJECT_FORMER_NAME) in the batch's result and on its page beside the errors, by line and the
     * department's own key, no number shown; the row under the current name is not.
     */
    @Test
    void aRowUnderAFormerNameIsAcceptedWithAWarningInTheResultAndOnTheBatchPage() throws Exception {
        TestCitizens.Person renamed = TestCitizens.register(subjects, "柏旧名");
        UUID subject = subjects.find(subjects.validate(null, renamed.number())).orElseThrow();
        cn.chengxin.support.TestRenames.approved(names, subject, "柏新名", java.time.LocalDate.of(2025, 7, 1));
        String formerRow = "FN-" + UUID.randomUUID();
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour\n"
                + line(renamed, formerRow)
                + line(new TestCitizens.Person(renamed.number(), "柏新名", renamed.phone()), "FN-" + UUID.randomUUID());
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "曾用名.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertThat((Integer) JsonPath.read(done, "$.accepted")).as(done).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.rejected")).isZero();
        assertThat((Integer) JsonPath.read(done, "$.warningCount")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.warnings[0].line")).isEqualTo(2);
        assertThat((String) JsonPath.read(done, "$.warnings[0].code")).isEqualTo("SUBJECT_FORMER_NAME");
        assertThat((String) JsonPath.read(done, "$.warnings[0].sourceRecordId")).isEqualTo(formerRow);
        String page = mvc.perform(get("/console/submissions/" + batch).with(operator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"warnings\"", "共 1 条提示", "data-warning-line=\"2\"", formerRow,
                "SUBJECT_FORMER_NAME", "曾用名").doesNotContain(renamed.number());
    }

    @Test
    void aCsvTitledWithTheFieldsChineseLabelsIsReadAsTheFieldsAndItsResendUnderTheirNamesIsADuplicate()
            throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "诸葛明月");
        String source = "L-" + UUID.randomUUID();
        String labelled = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,执行案号,执行法院,生效法律文书确定的义务,"
                + "被执行人履行情况,失信被执行人具体情形\n" + line(a, source);
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "中文列名.csv", labelled.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertThat((Integer) JsonPath.read(done, "$.accepted")).as(done).isEqualTo(1);
        assertThat(jdbc.sql("SELECT content->>'court' FROM creditfile.record WHERE source_record_id = ?")
                .param(source).query(String.class).single()).isEqualTo("驿城区人民法院");
        String named = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,"
                + "behaviour\n" + line(a, source);
        String again = UUID.randomUUID().toString();
        mvc.perform(upload(again, "英文列名.csv", named.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());
        assertThat((Integer) JsonPath.read(awaitDone(again), "$.duplicates")).isEqualTo(1);
    }

    /** A file refused on the console is told on the submissions page by the refusal's code and message. */
    @Test
    void aFileRefusedOnTheConsoleIsToldOnTheSubmissionsPage() throws Exception {
        var refused = mvc.perform(multipart("/console/submissions")
                        .file(new MockMultipartFile("file", "空.csv", "text/csv", new byte[0]))
                        .with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/submissions"))
                .andExpect(flash().attribute("failureCode", "FILE_EMPTY"))
                .andExpect(flash().attribute("failure", "文件为空，或没有表头行"))
                .andExpect(flash().attributeCount(2)).andReturn();

        assertThat(mvc.perform(get("/console/submissions").with(Sessions.flashOf(refused)).with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<code>FILE_EMPTY</code> <span>文件为空，或没有表头行</span>");
    }

    /**
     * The operator downloads the template of an item the court delivers and fills it: the file is read as it comes (its
     * byte-order mark, the Chinese titles, the fields' labels). An item outside the court's remit has no template.
     */
    @Test
    void theTemplateOfAnItemInTheRemitIsFilledAndDeliveredAsItComes() throws Exception {
        assertThat(mvc.perform(get("/console/submissions").with(operator())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"template\"", "value=\"P_COURT_DEFAULTER\"")
                .doesNotContain("value=\"P_ADMIN_PENALTY_GENERAL\"");
        byte[] template = mvc.perform(get("/console/submissions/template.csv").param("item", "P_COURT_DEFAULTER")
                        .with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String header = new String(template, StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("\uFEFF事项代码,证件类型,证件号码,主体名称,部门记录编号,版本,操作,决定文书号,决定日期,"
                + "撤销原因,执行案号,执行法院,生效法律文书确定的义务,被执行人履行情况,失信被执行人具体情形,纳入期限截止日\r\n");

        TestCitizens.Person p = TestCitizens.register(subjects, "司马青云");
        String source = "TPL-" + UUID.randomUUID();
        String filled = header + "P_COURT_DEFAULTER,," + p.number() + "," + p.name() + "," + source
                + ",1,ADD,驻执〔2025〕1号,2025-06-01,,(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行,\r\n";
        String batch = UUID.randomUUID().toString();
        mvc.perform(upload(batch, "模板.csv", filled.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        assertThat((Integer) JsonPath.read(awaitDone(batch), "$.accepted")).isEqualTo(1);

        mvc.perform(get("/console/submissions/template.csv").param("item", "P_ADMIN_PENALTY_GENERAL").with(operator()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCsvWithADocumentTypeColumnDeliversAPassportHoldersRecordAndRefusesAnUnknownType() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        TestCitizens.Person resident = TestCitizens.register(subjects, "上官文静");
        String csv = "事项代码,证件类型,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,"
                + "performance,behaviour\n"
                + "P_COURT_DEFAULTER,护照," + passport + ",史密斯,PC-" + UUID.randomUUID() + ",驻执〔2025〕1号,2025-06-01,"
                + "(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行\n"
                + "P_COURT_DEFAULTER,," + line(resident, "PC-" + UUID.randomUUID()).substring("P_COURT_DEFAULTER,".length())
                + "P_COURT_DEFAULTER,军官证," + passport + ",史密斯,PC-" + UUID.randomUUID() + ",驻执〔2025〕1号,2025-06-01,"
                + "(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行\n"
                + "P_COURT_DEFAULTER,," + passport + ",史密斯,PC-" + UUID.randomUUID() + ",驻执〔2025〕1号,2025-06-01,"
                + "(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行\n";
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "护照.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertThat((Integer) JsonPath.read(done, "$.accepted")).isEqualTo(2);
        assertThat(JsonPath.<java.util.List<String>>read(done, "$.errors[?(@.line == 4)].code"))
                .containsExactly("DOCUMENT_TYPE_UNKNOWN");
        assertThat(JsonPath.<java.util.List<String>>read(done, "$.errors[?(@.line == 5)].code"))
                .as("without a type, a passport number is refused as today").containsExactly("ID_FORMAT");
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE subject_id = ?").param(holder)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(done).doesNotContain(passport).doesNotContain(resident.number());
        assertThat(ClearIdentityNumbers.in(done)).isEmpty();
    }

    @Test
    void theRowsBeforeALineThatBreaksTheFileAreStoredAndTheFixedFileAddsOnlyTheRest() throws Exception {
        String header = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,"
                + "behaviour\n";
        StringBuilder good = new StringBuilder(header);
        for (int i = 0; i < 10; i++) {
            good.append(line(TestCitizens.register(subjects, "断行" + (char) ('甲' + i)), "T-" + UUID.randomUUID()));
        }
        TestCitizens.Person last = TestCitizens.register(subjects, "断行末");
        String lastSource = "T-" + UUID.randomUUID();
        String broken = good + line(last, lastSource).replace(",驿城区人民法院,", ",\"驿城区人民法院,");
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "断行.csv", broken.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String failed = awaitDone(batch);
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((Integer) JsonPath.read(failed, "$.received")).isEqualTo(10);
        assertThat((Integer) JsonPath.read(failed, "$.accepted")).isEqualTo(10);
        assertThat(storedFor(batch)).isEqualTo(10);
        assertThat((String) JsonPath.read(failed, "$.failure.code")).isEqualTo("CSV_MALFORMED");
        assertThat((Integer) JsonPath.read(failed, "$.failure.line")).isEqualTo(12);
        assertThat((String) JsonPath.read(failed, "$.failure.reason")).startsWith("第 12 行：CSV 格式错误")
                .doesNotContain(last.number());
        String console = mvc.perform(get("/console/submissions").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(console).contains("已中止").contains("第 12 行：CSV 格式错误")
                .contains("/console/submissions/" + batch + "/errors.csv").doesNotContain(last.number());
        String report = mvc.perform(get("/console/submissions/" + batch + "/errors.csv").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("\r\n12,,,,CSV_MALFORMED,第 12 行：CSV 格式错误").doesNotContain(last.number());

        String fixed = good + line(last, lastSource);
        String again = UUID.randomUUID().toString();
        mvc.perform(upload(again, "断行-修正.csv", fixed.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());
        String done = awaitDone(again);
        assertThat((Integer) JsonPath.read(done, "$.accepted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.duplicates")).isEqualTo(10);
        assertThat(storedFor(batch) + storedFor(again)).isEqualTo(11);
    }

    @Test
    void theErrorReportNamesEachRejectedRowByTheDepartmentsOwnKeyAndTheMaskedNumber() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "乐思远");
        TestCitizens.Person b = TestCitizens.register(subjects, "乐思齐");
        String wrongNumber = TestCitizens.withWrongCheckCharacter(a.number());
        String keyed = "K-" + UUID.randomUUID();
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour\n"
                + line(a, "K-" + UUID.randomUUID())
                + line(new TestCitizens.Person(wrongNumber, a.name(), null), keyed)
                + line(b, "")
                + line(a, "ZX-" + b.number() + "-1").replace("P_COURT_DEFAULTER", "P_NO_SUCH_ITEM")
                + line(a, "=1+2").replace("P_COURT_DEFAULTER", "P_NO_SUCH_ITEM");
        String batch = UUID.randomUUID().toString();
        mvc.perform(upload(batch, "报告.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        assertThat((Integer) JsonPath.read(awaitDone(batch), "$.rejected")).isEqualTo(4);

        String report = mvc.perform(get("/console/submissions/" + batch + "/errors.csv").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String masked = Masking.identityNumber(a.number());
        assertThat(report.lines().map(l -> l.replace("\uFEFF", "")).toList()).startsWith(
                        "行号,部门记录编号,证件号码（脱敏）,字段,错误代码,说明")
                .anyMatch(l -> l.startsWith("3," + keyed + "," + Masking.identityNumber(wrongNumber)
                        + ",subjectNumber,ID_CHECKSUM,"))
                .anyMatch(l -> l.startsWith("4,," + Masking.identityNumber(b.number())
                        + ",sourceRecordId,SOURCE_ID_MISSING,"))
                .anyMatch(l -> l.startsWith("5,ZX-" + Masking.identityNumber(b.number()) + "-1," + masked + ",item,"))
                .anyMatch(l -> l.startsWith("6,'=1+2," + masked + ",item,ITEM_NOT_IN_CATALOGUE,"));
        assertThat(ClearIdentityNumbers.in(report)).as("no number in clear, not even in a department's key").isEmpty();

        byte[] xlsx = mvc.perform(get("/console/submissions/" + batch + "/errors.xlsx").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            workbook.getFirstSheet().read().forEach(row -> {
                row.forEach(cell -> cells.append(cell == null ? "" : cell.getText()).append('|'));
                cells.append('\n');
            });
        }
        assertThat(cells.toString()).contains("行号|部门记录编号|证件号码（脱敏）|字段|错误代码|说明|",
                "3|" + keyed + "|" + Masking.identityNumber(wrongNumber) + "|subjectNumber|ID_CHECKSUM|",
                "6|'=1+2|" + masked + "|item|ITEM_NOT_IN_CATALOGUE|");
        assertThat(ClearIdentityNumbers.in(cells)).isEmpty();

        String api = mvc.perform(get("/api/v1/submissions/" + batch + "/errors")
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[?(@.line == 3)].sourceRecordId").value(keyed))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].sourceRecordId").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue())))
                // Two problems on line 5 (an unknown item, a key holding a number): each names the row alike.
                .andExpect(jsonPath("$.errors[?(@.line == 5)].sourceRecordId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("ZX-" + Masking.identityNumber(b.number()) + "-1"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ClearIdentityNumbers.in(api)).isEmpty();

        // The department's system downloads the same files with its key; another department finds no such batch.
        assertThat(mvc.perform(get("/api/v1/submissions/" + batch + "/errors.csv")
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(report);
        assertThat(mvc.perform(get("/api/v1/submissions/" + batch + "/errors.xlsx")
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isNotEmpty();
        String otherDepartment = apiClients.issue("市场监管报送系统", "市市场监管局", ApiClient.Kind.DEPARTMENT,
                directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst().orElseThrow().id(),
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(get("/api/v1/submissions/" + batch + "/errors.csv")
                        .header("Authorization", "Bearer " + otherDepartment))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * A file adds a record and, further down, revokes it by its key alone, with its content columns left empty; a
     * revocation of a key the court never sent is one row of the error report, RECORD_UNKNOWN on its key.
     */
    @Test
    void aCsvRevokesARecordByItsKeyAloneAndReportsTheRevocationOfAnUnknownKeyOnce() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "乐文远");
        String source = "RV-" + UUID.randomUUID();
        String unknown = "RV-" + UUID.randomUUID();
        String csv = "事项代码,证件号码,主体名称,部门记录编号,版本,操作,决定文书号,决定日期,case_number,court,obligation,"
                + "performance,behaviour\n" + line(a, source).replace(source + ",", source + ",1,ADD,")
                + "P_COURT_DEFAULTER," + a.number() + "," + a.name() + "," + source + ",2,REVOKE,,,,,,,\n"
                + "P_COURT_DEFAULTER," + a.number() + "," + a.name() + "," + unknown + ",2,REVOKE,,,,,,,\n";
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "撤销.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertThat((Integer) JsonPath.read(done, "$.accepted")).as(done).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.rejected")).isEqualTo(1);
        assertThat((List<?>) JsonPath.read(done, "$.errors")).hasSize(1);
        assertThat(jdbc.sql("SELECT version || ':' || status || ':' || (content->>'court') FROM creditfile.record "
                + "WHERE source_record_id = ? AND current").param(source).query(String.class).single())
                .isEqualTo("2:REVOKED:驿城区人民法院");
        String report = mvc.perform(get("/console/submissions/" + batch + "/errors.csv").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().skip(1).toList()).singleElement().asString().startsWith("4," + unknown + ","
                + Masking.identityNumber(a.number()) + ",sourceRecordId,RECORD_UNKNOWN,本部门未报送过");
        assertThat(mvc.perform(get("/console/submissions/" + batch).with(operator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("RECORD_UNKNOWN", unknown);
    }

    /**
     * A file revokes a record and says why in its column 撤销原因: the reason is kept with the revoked version; the
     * same column on a row that adds a record is that row's error, as nothing would keep it.
     */
    @Test
    void aCsvRevocationSaysWhyInTheColumnRevocationReason() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "乐文静");
        String source = "RW-" + UUID.randomUUID();
        String csv = "事项代码,证件号码,主体名称,部门记录编号,版本,操作,决定文书号,决定日期,撤销原因,case_number,court,"
                + "obligation,performance,behaviour\n"
                + line(a, source).replace(source + ",", source + ",1,ADD,").replace("2025-06-01,", "2025-06-01,,")
                + "P_COURT_DEFAULTER," + a.number() + "," + a.name() + "," + source + ",2,REVOKE,,,已执行完毕,,,,,\n"
                + line(a, "RW-" + UUID.randomUUID()).replace("2025-06-01,", "2025-06-01,误报,")
                        .replace(",驻执", ",1,ADD,驻执");
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "撤销原因.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertThat((Integer) JsonPath.read(done, "$.accepted")).as(done).isEqualTo(2);
        assertThat((String) JsonPath.read(done, "$.errors[0].code")).isEqualTo("REVOCATION_REASON_WITHOUT_REVOKE");
        assertThat((Integer) JsonPath.read(done, "$.errors[0].line")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT version || ':' || status || ':' || revocation_reason FROM creditfile.record "
                + "WHERE source_record_id = ? AND current").param(source).query(String.class).single())
                .isEqualTo("2:REVOKED:已执行完毕");
    }

    /**
     * Issue #4: a CSV cell holding a control character (a NUL, U+0001) is its row's CONTROL_CHARACTER error on its
     * line, as in a JSON row; the good rows around it are stored, and nothing else is lost.
     */
    @Test
    void aCsvCellHoldingAControlCharacterIsItsRowsErrorAndTheOtherRowsAreStored() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "严守一");
        TestCitizens.Person b = TestCitizens.register(subjects, "严守二");
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour\n"
                + line(a, "CC-" + UUID.randomUUID())
                + line(b, "CC-" + UUID.randomUUID()).replace(b.name(), b.name() + "\u0001")
                + line(b, "CC-" + UUID.randomUUID()).replace("给付货款", "给付\u0000货款")
                + line(b, "CC-" + UUID.randomUUID());
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "控制字符.csv", csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertControlCharacterRows(done, batch, "subjectName", "fields.obligation");
    }

    /**
     * Issue #4: the same in an XLSX. Excel writes a control character in a cell as {@code _x0001_} (ECMA-376 escapes
     * the characters XML cannot carry), and the characters XML carries as they are (U+0085) come as such: either is
     * its row's CONTROL_CHARACTER error, the good rows are stored, and an escaped underscore is read as one.
     */
    @Test
    void anXlsxCellHoldingAControlCharacterIsItsRowsErrorAndTheOtherRowsAreStored() throws Exception {
        TestCitizens.Person a = TestCitizens.register(subjects, "严守三");
        TestCitizens.Person b = TestCitizens.register(subjects, "严守四");
        String underscored = "CX_" + UUID.randomUUID();
        List<String> header = List.of("事项代码", "证件号码", "主体名称", "部门记录编号", "决定文书号", "决定日期", "case_number",
                "court", "obligation", "performance", "behaviour");
        StringBuilder sheet = new StringBuilder(xlsxRow(1, header));
        sheet.append(xlsxRow(2, cells(a, underscored.replace("_", "_x005F_"))));
        sheet.append(xlsxRow(3, cells(b, "CX-" + UUID.randomUUID()).stream()
                .map(c -> c.equals(b.name()) ? b.name() + "_x0001_" : c).toList()));
        sheet.append(xlsxRow(4, cells(b, "CX-" + UUID.randomUUID()).stream()
                .map(c -> c.equals("给付货款") ? "给付\u0085货款" : c).toList()));
        sheet.append(xlsxRow(5, cells(b, "CX-" + UUID.randomUUID())));
        String batch = UUID.randomUUID().toString();

        mvc.perform(upload(batch, "控制字符.xlsx", xlsx(sheet.toString()))).andExpect(status().isAccepted());
        String done = awaitDone(batch);

        assertControlCharacterRows(done, batch, "subjectName", "fields.obligation");
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE source_record_id = ?").param(underscored)
                .query(Long.class).single()).as("_x005F_ is an underscore").isOne();
    }

    /** Rows 2 and 5 stored; rows 3 and 4 refused, each with CONTROL_CHARACTER on the field given. */
    private void assertControlCharacterRows(String done, String batch, String thirdLine, String fourthLine) {
        assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(done, "$.accepted")).as(done).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.rejected")).as(done).isEqualTo(2);
        assertThat((List<Object>) JsonPath.read(done, "$.errors[?(@.line == 3 && @.code == 'CONTROL_CHARACTER')].field"))
                .as(done).containsExactly(thirdLine);
        assertThat((List<Object>) JsonPath.read(done, "$.errors[?(@.line == 4 && @.code == 'CONTROL_CHARACTER')].field"))
                .as(done).containsExactly(fourthLine);
        assertThat((List<Object>) JsonPath.read(done, "$.errors[*]")).as(done).hasSize(2);
        assertThat(storedFor(batch)).isEqualTo(2);
    }

    /** The cells of {@link #line}, one by one. */
    private static List<String> cells(TestCitizens.Person p, String source) {
        return List.of(line(p, source).strip().split(",", -1));
    }

    private static String xlsxRow(int number, List<String> values) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < values.size(); c++) {
            String escaped = values.get(c).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            row.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(escaped).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    /** A one-sheet workbook built part by part, as Excel lays it out, around {@code sheetData}. */
    private static byte[] xlsx(String sheetData) throws Exception {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        String docRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type + "worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + type + "styles+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + rels + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + docRels + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main
                + "\" xmlns:r=\"" + docRels + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + rels + "\"><Relationship Id=\"rId1\" Type=\"" + docRels + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + docRels + "/styles\" "
                + "Target=\"styles.xml\"/></Relationships>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + main + "\">"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main
                + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (java.util.Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(Principals.staff("operator-court", "COURT", Permission.CONSOLE_HOME,
                        Permission.RECORD_SUBMIT));
    }

    private long storedFor(String batch) {
        return jdbc.sql("SELECT count(*) FROM creditfile.record WHERE batch_id = ?::uuid").param(batch)
                .query(Long.class).single();
    }

    @Test
    void filesThatCannotBeReadAreRefusedAtOnceWithTheirCode() throws Exception {
        mvc.perform(upload(UUID.randomUUID().toString(), "空.xlsx", new byte[0]))
                .andExpect(jsonPath("$.code").value("FILE_EMPTY"));
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        mvc.perform(upload(UUID.randomUUID().toString(), "乱码.xlsx", noise))
                .andExpect(jsonPath("$.code").value("FILE_UNREADABLE"));
        byte[] binaryCsv = "a,b\n\u0000\u0001\u0002,\u0000\n".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(upload(UUID.randomUUID().toString(), "二进制.csv", binaryCsv))
                .andExpect(jsonPath("$.code").value("FILE_UNREADABLE"));
        mvc.perform(upload(UUID.randomUUID().toString(), "炸弹.xlsx", zipBomb()))
                .andExpect(jsonPath("$.code").value("FILE_ZIP_BOMB"));
        mvc.perform(upload(UUID.randomUUID().toString(), "文档.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .andExpect(jsonPath("$.code").value("FILE_FORMAT_UNSUPPORTED"));
    }

    /**
     * With as many batches running as the instance takes at once, a received file waits for its turn and then runs:
     * it is neither refused after its 202 nor left marked running.
     */
    @Test
    void aFileReceivedWhileTheInstanceIsBusyWaitsItsTurnAndRuns() throws Exception {
        List<cn.chengxin.ingestion.persistence.BatchClaims.Claim> held = new java.util.ArrayList<>();
        String batch = UUID.randomUUID().toString();
        try {
            for (int i = 0; i < cn.chengxin.ingestion.persistence.BatchClaims.MOST_RUNNING; i++) {
                held.add(claims.claim(UUID.randomUUID()).orElseThrow());
            }
            TestCitizens.Person person = TestCitizens.register(subjects, "候轮到");
            String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,"
                    + "performance,behaviour\n" + line(person, "BUSY-" + UUID.randomUUID());
            mvc.perform(upload(batch, "排队.csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isAccepted());
            awaitPauseAfterRefusedClaim(); // past one wait for a claim
            mvc.perform(get("/api/v1/submissions/" + batch).header("Authorization", "Bearer " + key))
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.percentRead").isNumber());
            assertThat(mvc.perform(get("/console/submissions/table").with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .authentication(Principals.staff("operator-court", "COURT",
                                            Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT))))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .as("its progress while its rows are not yet counted").containsPattern(
                            "data-batch=\"" + batch + "\"[\\s\\S]*?data-field=\"percent\">已读文件 \\d{1,2}%<");
        } finally {
            held.forEach(cn.chengxin.ingestion.persistence.BatchClaims.Claim::close);
        }
        String done = awaitDone(batch);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(done, "$.accepted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.percentRead")).as("counted now").isNull();
    }

    /**
     * The file worker has asked for a claim, been told INGESTION_BUSY (after the claims pool's own wait for a
     * connection) and sleeps before it asks again: seen in its stack, rather than slept past with a margin.
     */
    private static void awaitPauseAfterRefusedClaim() throws InterruptedException {
        for (int i = 0; i < 1_200; i++) {
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                StackTraceElement[] stack = thread.getValue();
                if (!thread.getKey().getName().startsWith("ingestion-files")) {
                    continue;
                }
                for (int frame = 1; frame < stack.length; frame++) {
                    if (stack[frame].getMethodName().equals("runWhenClaimed")
                            && stack[frame - 1].getClassName().equals(Thread.class.getName())
                            && stack[frame - 1].getMethodName().startsWith("sleep")) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the file worker never paused after a refused claim");
    }

    @Test
    void aFileWhoseClaimIsLostPartWayIsTakenUpAgainAndEndsWithEveryRowOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "断线续");
        String batch = UUID.randomUUID().toString();
        String prefix = "LOST-" + UUID.randomUUID() + "-";
        StringBuilder csv = new StringBuilder("事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,"
                + "obligation,performance,behaviour\n");
        int rows = 2 * Submissions.CHUNK + 1;
        for (int i = 0; i < rows; i++) {
            csv.append(line(person, prefix + i));
        }
        mvc.perform(upload(batch, "断线.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());
        // What a dropped connection or a restart of the database does to the claim, while the first chunk is read.
        Integer pid = null;
        for (int i = 0; i < 2_000 && pid == null; i++) {
            pid = jdbc.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = ? "
                            + "AND objid::bigint = ? AND objsubid = 2 AND granted")
                    .param(Integer.toUnsignedLong(cn.chengxin.ingestion.persistence.BatchClaims.KIND))
                    .param(Integer.toUnsignedLong(cn.chengxin.ingestion.persistence.BatchClaims.keyOf(
                            UUID.fromString(batch))))
                    .query(Integer.class).optional().orElse(null);
            if (pid == null) {
                Thread.sleep(5);
            }
        }
        assertThat(pid).as("the file's claim, taken").isNotNull();
        assertThat(jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
        assertThat(storedFor(batch)).as("cut part-way").isLessThan(rows);

        String done = awaitDone(batch);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(done, "$.rejected")).isZero();
        assertThat((Integer) JsonPath.read(done, "$.accepted") + (Integer) JsonPath.read(done, "$.duplicates"))
                .as("run again from its first row: what the cut run stored are replays").isEqualTo(rows);
        assertThat(jdbc.sql("SELECT count(DISTINCT source_record_id), count(*) FROM creditfile.record "
                        + "WHERE source_record_id LIKE ?").param(prefix + "%")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .as("every row once").containsExactly((long) rows, (long) rows);
    }

    @Autowired
    InterruptedFiles interruptedFiles;

    @org.springframework.beans.factory.annotation.Value("${chengxin.data-dir:./data}")
    java.nio.file.Path dataDir;

    /**
     * Files cut off by a stop of the instance, found at its start: one whose spooled copy is there runs again to its
     * end; one whose copy is gone ends FAILED, saying why, rather than run for ever; one whose claim is held runs on
     * another instance and is left to it; an upload an earlier run left behind (identity numbers in clear) is deleted.
     */
    @Test
    void filesCutOffByAStopRunAgainAtStartOrEndSayingTheirFileIsGone() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "断电续");
        String source = "CUT-" + UUID.randomUUID();
        byte[] csv = ("事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,"
                + "performance,behaviour\n" + line(person, source)).getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path uploads = java.nio.file.Files.createDirectories(dataDir.resolve("uploads"));
        UUID resumed = cutOff(csv);
        java.nio.file.Files.write(uploads.resolve("batch-" + resumed + ".part"), csv);
        UUID lost = cutOff(csv);
        UUID elsewhere = cutOff(csv);
        java.nio.file.Path elsewhereFile = java.nio.file.Files.write(uploads.resolve("batch-" + elsewhere + ".part"),
                csv);
        java.nio.file.Path leftover = java.nio.file.Files.write(uploads.resolve("upload-" + UUID.randomUUID() + ".part"),
                csv);
        java.nio.file.Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(30))));

        try (cn.chengxin.ingestion.persistence.BatchClaims.Claim held = claims.claim(elsewhere).orElseThrow()) {
            interruptedFiles.takeUp();
        }

        String done = awaitDone(resumed.toString());
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(done, "$.accepted")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE source_record_id = ?").param(source)
                .query(Long.class).single()).isEqualTo(1);
        String failed = awaitDone(lost.toString());
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(failed, "$.failure.code")).isEqualTo("UPLOAD_LOST");
        assertThat((String) JsonPath.read(failed, "$.failure.reason")).contains("请重新上传");
        assertThat(jdbc.sql("SELECT status FROM ingestion.batch WHERE id = ?").param(elsewhere).query(String.class)
                .single()).as("running on another instance").isEqualTo("RUNNING");
        assertThat(elsewhereFile).exists();
        assertThat(leftover).as("an upload an earlier run left").doesNotExist();
        for (int i = 0; i < 100 && java.nio.file.Files.exists(uploads.resolve("batch-" + resumed + ".part")); i++) {
            Thread.sleep(50);
        }
        assertThat(uploads.resolve("batch-" + resumed + ".part")).as("deleted once its batch ended").doesNotExist();
        jdbc.sql("UPDATE ingestion.batch SET status = 'FAILED' WHERE id = ?").param(elsewhere).update();
        java.nio.file.Files.delete(elsewhereFile);
    }

    /** A file's batch stored as received long before this instance started, RUNNING and unclaimed, as a crash left it. */
    private UUID cutOff(byte[] content) throws Exception {
        UUID batch = UUID.randomUUID();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        jdbc.sql("""
                        INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, file_name, content_hash,
                                                     status, started_at)
                        VALUES (?, 'COURT', '法院报送系统', 'FILE', '断电.csv', ?, 'RUNNING', now() - interval '30 days')""")
                .params(batch, sha).update();
        return batch;
    }

    @Test
    void aFileFromAClientOfNoDepartmentIsRefusedAtOnceAndNoBatchIsLeftRunning() throws Exception {
        // A key is bound to its department when issued; one issued before that was required is bound to none.
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        ApiClients.IssuedKey issued = apiClients.issue("无单位报送系统", "某集成商", ApiClient.Kind.DEPARTMENT, court,
                Set.of(Permission.RECORD_SUBMIT), 6000);
        jdbc.sql("UPDATE account.api_client SET department_id = NULL WHERE id = ?").param(issued.clientId()).update();
        String unlinked = issued.key();
        String batch = UUID.randomUUID().toString();
        TestCitizens.Person person = TestCitizens.register(subjects, "单无位");
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,"
                + "behaviour\n" + line(person, "NODEPT-" + UUID.randomUUID());
        mvc.perform(multipart("/api/v1/submissions/files").file(new MockMultipartFile("file", "无单位.csv",
                                "text/csv", csv
                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + unlinked).header("Idempotency-Key", batch))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DEPARTMENT_REQUIRED"));
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE id = ?").param(UUID.fromString(batch))
                .query(Long.class).single()).as("no batch stored to stay RUNNING").isZero();
    }

    /**
     * Over real HTTP, since the container's multipart bound (200 MB) is met before ingestion's own: a file past it is
     * refused as FILE_TOO_LARGE, the code the endpoint documents, not as a long body.
     */
    @Test
    void aFilePastTheUploadBoundIsRefusedAsTooLargeWithItsCode() throws Exception {
        String boundary = "chengxin" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"大.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long fileBytes = (200L << 20) + (1 << 20);
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                        new java.io.InputStream() {
                            private long left = fileBytes;

                            @Override
                            public int read() {
                                return left-- > 0 ? 'a' : -1;
                            }

                            @Override
                            public int read(byte[] b, int off, int len) {
                                if (left <= 0) {
                                    return -1;
                                }
                                int n = (int) Math.min(len, left);
                                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                                left -= n;
                                return n;
                            }
                        }, new java.io.ByteArrayInputStream(tail))));
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                + "/api/v1/submissions/files"))
                        .header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                                java.net.http.HttpRequest.BodyPublishers.ofInputStream(body),
                                head.length + fileBytes + tail.length)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"FILE_TOO_LARGE\"");
    }

    /**
     * Gaps review xxxvii-api R8: a file sent with validateOnly=true is checked row by row as a real batch checks it and
     * answered at once with the same errors by line, status VALIDATED; no batch, record or subject is stored, no key
     * is needed, the upload is deleted, and the call is audited. The same file sent for real then finds the same
     * errors.
     */
    @Test
    void aFileValidatedOnlyAnswersItsRowErrorsByLineAndStoresNothing() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "文校验");
        String newcomer = TestCitizens.unregisteredNumber();
        String csv = "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour\n"
                + line(person, "FV-" + UUID.randomUUID())
                + line(new TestCitizens.Person(newcomer, "文新人", null), "FV-" + UUID.randomUUID())
                + line(new TestCitizens.Person(person.number(), "别的名字", null), "FV-" + UUID.randomUUID())
                + "P_COURT_DEFAULTER,12345,某人,FV-bad,驻执〔2025〕1号,2025-06-01,x,驿城区人民法院,y,全部未履行,z\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        long records = jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single();
        long batches = jdbc.sql("SELECT count(*) FROM ingestion.batch").query(Long.class).single();
        long uploads = uploadsLeft();

        String validated = mvc.perform(multipart("/api/v1/submissions/files").file(new MockMultipartFile("file",
                                "校验.csv", "text/csv", bytes)).param("validateOnly", "true")
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(Submissions.VALIDATED))
                .andExpect(jsonPath("$.batchId").doesNotExist())
                .andExpect(jsonPath("$.received").value(4))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].code").value("SUBJECT_NAME_MISMATCH"))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].code").value("ID_FORMAT"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(validated).doesNotContain(person.number());
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single()).as("no record")
                .isEqualTo(records);
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch").query(Long.class).single()).as("no batch")
                .isEqualTo(batches);
        assertThat(subjects.find(subjects.validate(null, newcomer))).as("nobody registered").isEmpty();
        assertThat(uploadsLeft()).as("the upload deleted").isEqualTo(uploads);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'ingestion.validate' AND detail = ?")
                .param("reason=FILE_VALIDATED; rows=4; accepted=2; rejected=2").query(Long.class).single())
                .isPositive();

        // The console's 仅校验 shows the same rows' problems on the page, and stores nothing either.
        String page = mvc.perform(multipart("/console/submissions").file(new MockMultipartFile("file", "校验.csv",
                        "text/csv", bytes)).param("validateOnly", "true").with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"validated\"", "data-received=\"4\"", "data-rejected=\"2\"",
                "data-line=\"4\" data-code=\"SUBJECT_NAME_MISMATCH\"", "data-line=\"5\" data-code=\"ID_FORMAT\"")
                .doesNotContain(person.number());
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch").query(Long.class).single()).isEqualTo(batches);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record").query(Long.class).single()).isEqualTo(records);

        String batch = UUID.randomUUID().toString();
        mvc.perform(upload(batch, "校验.csv", bytes)).andExpect(status().isAccepted());
        String done = awaitDone(batch);
        assertThat(JsonPath.<List<Object>>read(done, "$.errors[*].code"))
                .isEqualTo(JsonPath.<List<Object>>read(validated, "$.errors[*].code"));
        assertThat(JsonPath.<List<Object>>read(done, "$.errors[*].line"))
                .isEqualTo(JsonPath.<List<Object>>read(validated, "$.errors[*].line"));
    }

    /** The files left in the upload directory (the test profile's data directory). */
    private long uploadsLeft() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(environment.getProperty("chengxin.data-dir", "./data"))
                .resolve("uploads");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.count();
        }
    }

    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros); // 200 MB of zeros compress to about 200 KB
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * Polls for up to three minutes: a file run again from its first row takes long on a busy 2-core machine (a minute
     * was not enough with other builds running beside the suite).
     */
    private String awaitDone(String batch) throws Exception {
        for (int i = 0; i < 1_800; i++) {
            String body = mvc.perform(get("/api/v1/submissions/" + batch).header("Authorization", "Bearer " + key))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (body.contains("\"status\":\"DONE\"") || body.contains("\"status\":\"FAILED\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + batch + " did not finish");
    }

    private org.springframework.test.web.servlet.RequestBuilder upload(String batch, String name, byte[] content) {
        return multipart("/api/v1/submissions/files").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", batch);
    }

    private static String line(TestCitizens.Person p, String source) {
        return "P_COURT_DEFAULTER," + p.number() + "," + p.name() + "," + source + ",驻执〔2025〕1号,2025-06-01,"
                + "(2025)豫1702执8号,驿城区人民法院,给付货款,全部未履行,拒不履行\n";
    }
}
