package cn.chengxin.creditfile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 信用档案 in the console shows a department's staff the records of their department's data scope only (RULES.md §10:
 * least privilege): a responding unit whose scope names no item sees none, a provider its own records of its items
 * (and others' of the items it was granted to read), the credit office every record. The person here holds a market penalty and a court-defaulter record.
 */
@IntegrationTest
class CreditFileScopeIT {

    private static final String PENALTY = "驻市监罚〔2026〕811号";
    private static final String COURT_CASE = "(2026)豫1702执77号";
    /** The stored detail of a look-up (K7) by a department's staff, up to its department's code. */
    private static final String OWN = "reason=FILE_VIEWED_OWN; purpose=#console.subjects.purpose.ADMINISTRATIVE_LICENSING; "
            + "department=";
    /** The stored detail of a look-up (K7) by the credit office, up to what was shown. */
    private static final String ALL = "reason=FILE_VIEWED_ALL; purpose=#console.subjects.purpose.ADMINISTRATIVE_LICENSING; ";

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
    Catalogue catalogue;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRespondingUnitWhoseScopeNamesNoItemSeesNoRecord() throws Exception {
        String number = personWithTwoRecords("祁文斌");
        // SASAC and FINANCE are registered by V115: both implement measures and name no item.
        for (String unit : List.of("SASAC", "FINANCE")) {
            assertThat(department(unit).dataScope()).isEmpty();
            assertThat(file(number, staffOf(unit))).as(unit).doesNotContain(PENALTY).doesNotContain(COURT_CASE)
                    .contains("暂无记录", "仅显示本部门数据范围内的记录。").doesNotContain(number);
        }
    }

    @Test
    void aProviderSeesTheRecordsOfItsOwnItemsOnly() throws Exception {
        String number = personWithTwoRecords("柏文静");
        assertThat(file(number, staffOf("COURT"))).contains(COURT_CASE, "仅显示本部门数据范围内的记录。")
                .doesNotContain(PENALTY);
        assertThat(file(number, staffOf("MARKET"))).contains(PENALTY).doesNotContain(COURT_CASE);
    }

    /**
     * F1 (RULES.md §10): agencies delivering the same item do not see each other's records of it. The police and the
     * market regulator both deliver minor penalties; a police operator sees the police's own, not the market
     * regulator's, until the item is granted to the police for reading others' records.
     */
    @Test
    void aDepartmentSeesItsOwnRecordsOfASharedItemAndOthersOnlyWhenGrantedToReadThem() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "封立新");
        String marketMinor = "驻市监罚〔2026〕877号";
        String policeMinor = "公（治）行罚决字〔2026〕877号";
        TestRecords.penalty(mvc, apiClients, directory, person.number(), "封立新", "P_ADMIN_PENALTY_MINOR",
                marketMinor);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), "封立新",
                        "P_ADMIN_PENALTY_MINOR", "T-" + UUID.randomUUID(), "1", "ADD", policeMinor, "无照经营"),
                java.time.LocalDate.now().minusMonths(1), "PUBLIC_SECURITY");
        Department police = department("PUBLIC_SECURITY");
        assertThat(police.dataScope()).contains("P_ADMIN_PENALTY_MINOR");
        assertThat(police.sharedReadScope()).isEmpty();

        assertThat(file(person.number(), staffOf("PUBLIC_SECURITY"))).contains(policeMinor)
                .doesNotContain(marketMinor);
        assertThat(file(person.number(), staffOf("MARKET"))).contains(marketMinor).doesNotContain(policeMinor);

        Department granted = new Department(police.id(), police.code(), police.name(), police.kind(),
                police.dataScope(), police.active(), List.of("P_ADMIN_PENALTY_MINOR"));
        assertThat(file(person.number(), Principals.member("scope-police-granted", granted,
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ))).contains(policeMinor, marketMinor);

        // The audit says what was withheld, and what others' items the department reads.
        String pseudonym = subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
        List<String> details = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'creditfile.view' "
                + "AND subject_pseudonym = ? ORDER BY seq").param(pseudonym).query(String.class).list();
        assertThat(details).containsExactly(
                OWN + "PUBLIC_SECURITY; shown=1; departments=PUBLIC_SECURITY; items=P_ADMIN_PENALTY_MINOR; "
                        + "notInForce=0; withheld=1",
                OWN + "MARKET; shown=1; departments=MARKET; items=P_ADMIN_PENALTY_MINOR; notInForce=0; withheld=1",
                "reason=FILE_VIEWED_SHARED; purpose=#console.subjects.purpose.ADMINISTRATIVE_LICENSING; "
                        + "department=PUBLIC_SECURITY; sharedItems=P_ADMIN_PENALTY_MINOR; shown=2; "
                        + "departments=MARKET、PUBLIC_SECURITY; items=P_ADMIN_PENALTY_MINOR; notInForce=0; withheld=0");
    }

    @Test
    void theCreditOfficeSeesEveryRecord() throws Exception {
        String number = personWithTwoRecords("滕海燕");
        assertThat(file(number, staffOf("CREDIT_OFFICE"))).contains(PENALTY, COURT_CASE)
                .doesNotContain("仅显示本部门数据范围内的记录。");
    }

    /**
     * Issue #4: the file shows good and negative records apart, negative ones with their severity, and the providing
     * department by its name. The court-defaulter record (serious) comes before the general penalty.
     */
    @Test
    void negativeRecordsComeGroupedMostSeriousFirstWithTheirSeverityAndDepartmentNames() throws Exception {
        String number = personWithTwoRecords("滕思远");
        String page = file(number, staffOf("CREDIT_OFFICE"));
        assertThat(page).contains("失信信息（2）").doesNotContain("守信信息（")
                .contains(department("COURT").name(), department("MARKET").name())
                .doesNotContain("<td class=\"mono\">COURT</td>");
        int serious = page.indexOf(COURT_CASE);
        int general = page.indexOf(PENALTY);
        assertThat(serious).isPositive().isLessThan(general);
        // Each row's severity stands before its decision number.
        assertThat(page.substring(page.indexOf("失信信息（2）"), serious)).contains(">严重<").doesNotContain(">一般<");
        assertThat(page.substring(serious, general)).contains(">一般<").doesNotContain(">严重<");
    }

    /**
     * Issue #4: a record keeps the item version it was stored under. A later version making the item serious does not
     * make a record stored before it serious (as the page groups and labels it), while one stored after it is.
     */
    @Test
    void aRecordShowsTheSeverityOfTheItemVersionItWasStoredUnder() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_VERSIONED_", "按版本分级的行政处罚");
        TestCitizens.Person person = TestCitizens.register(subjects, "严守旧");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), "严守旧", code, "驻市监罚〔2026〕821号");

        ItemDefinition now = catalogue.active(code).orElseThrow().definition();
        CatalogueVersions.draft(catalogue, new ItemDefinition(code, now.name(), now.subjectType(), now.nature(),
                now.category(), now.domain(), now.fields(), now.providers(), now.legalBasis(), now.sharing(),
                Severity.SERIOUS, null, null, null, now.usableForPunishment(), now.usableForScoring(),
                now.sharedUpward(), now.updateCycle(), now.linksToResponsiblePersons(), now.description()));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        assertThat(catalogue.active(code).orElseThrow().definition().severity()).isEqualTo(Severity.SERIOUS);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), "严守旧", code, "驻市监罚〔2026〕822号");

        String page = file(person.number(), staffOf("CREDIT_OFFICE"));
        int serious = page.indexOf("驻市监罚〔2026〕822号");
        int stillGeneral = page.indexOf("驻市监罚〔2026〕821号");
        assertThat(serious).isPositive().isLessThan(stillGeneral);
        assertThat(page.substring(page.indexOf("失信信息（2）"), serious)).contains(">严重<").doesNotContain(">一般<");
        assertThat(page.substring(serious, stillGeneral)).contains(">一般<").doesNotContain(">严重<");
    }

    /** What a template does not show today it could tomorrow: the page gets no other record's history. */
    @Test
    void thePageIsHandedTheHistoryOfTheRecordsItShowsOnly() throws Exception {
        String number = personWithTwoRecords("毕思琪");
        Map<String, Object> model = mvc.perform(post("/console/file").param("number", number)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(csrf())
                        .with(authentication(staffOf("COURT"))))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        List<?> entries = (List<?>) model.get("entries");
        assertThat(entries).singleElement().satisfies(e -> assertThat(((FileEntry) e).itemCode())
                .isEqualTo("P_COURT_DEFAULTER"));
        Set<Object> history = new HashSet<>(((Map<?, ?>) model.get("history")).keySet());
        assertThat(history).containsExactly(((FileEntry) entries.get(0)).recordKey());
    }

    /**
     * Issue #4: the look-up's audit event says why (the purpose given) and what was shown — the department's data
     * scope or every record, and the departments and items of the records shown — and never the number looked up.
     */
    @Test
    void theLookUpIsAuditedWithItsPurposeAndWhatWasShown() throws Exception {
        String number = personWithTwoRecords("田思远");
        String pseudonym = subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, number));
        file(number, staffOf("COURT"));
        file(number, staffOf("CREDIT_OFFICE"));
        List<String> details = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'creditfile.view' "
                + "AND subject_pseudonym = ? ORDER BY seq").param(pseudonym).query(String.class).list();
        assertThat(details).containsExactly(
                OWN + "COURT; shown=1; departments=COURT; items=P_COURT_DEFAULTER; notInForce=0; withheld=1",
                ALL + "shown=2; departments=COURT、MARKET; items=P_ADMIN_PENALTY_GENERAL、P_COURT_DEFAULTER; "
                        + "notInForce=0; withheld=0");
        assertThat(String.join(" ", details)).doesNotContain(number);
    }

    /**
     * G4 (RULES.md §4: after its period a record is not displayed, not used; §6: repair stops its sharing and use): a
     * department's staff see a repaired or expired record of their scope only counted, without its decision number,
     * reasons or history, as the government report leaves it out; the credit office, which handles objections and
     * repairs, sees it with its details.
     */
    @Test
    void departmentStaffSeeRecordsNoLongerInForceOnlyCountedTheCreditOfficeSeesThem() throws Exception {
        String number = personWithTwoRecords("鲁静远");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
        UUID penalty = recordOf(subject, "P_ADMIN_PENALTY_GENERAL");
        assertThat(creditFile.changeStatus(subject, penalty, Set.of(RecordStatus.ACTIVE), RecordStatus.REPAIRED,
                "修复审核", "信用修复：已履行处罚并公开承诺")).isTrue();
        String notInForce = "另有 1 条已停止公示、已修复或已撤销的记录，不得作为办理依据。";

        String market = file(number, staffOf("MARKET"));
        assertThat(market).contains(notInForce, "暂无记录").doesNotContain(PENALTY)
                .doesNotContain("信用修复：已履行处罚并公开承诺").doesNotContain("版本历史");
        assertThat(file(number, staffOf("COURT"))).contains(COURT_CASE).doesNotContain(notInForce);
        Map<String, Object> model = mvc.perform(post("/console/file").param("number", number)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(csrf())
                        .with(authentication(staffOf("MARKET"))))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        assertThat((List<?>) model.get("entries")).isEmpty();
        assertThat((Map<?, ?>) model.get("history")).as("nor is the page handed its history").isEmpty();

        String office = file(number, staffOf("CREDIT_OFFICE"));
        assertThat(office).contains(PENALTY, COURT_CASE, RecordStatus.REPAIRED.label(), "信用修复：已履行处罚并公开承诺")
                .doesNotContain(notInForce);

        // A record past its publication period is not in force either, for the court's staff too.
        UUID court = recordOf(subject, "P_COURT_DEFAULTER");
        assertThat(creditFile.changeStatus(subject, court, Set.of(RecordStatus.ACTIVE), RecordStatus.EXPIRED,
                "system", "公示期满")).isTrue();
        assertThat(file(number, staffOf("COURT"))).contains(notInForce).doesNotContain(COURT_CASE);
        assertThat(file(number, staffOf("CREDIT_OFFICE"))).contains(PENALTY, COURT_CASE)
                .doesNotContain("另有 ");

        // The audit says what was only counted.
        String pseudonym = subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, number));
        List<String> details = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'creditfile.view' "
                + "AND subject_pseudonym = ? ORDER BY seq").param(pseudonym).query(String.class).list();
        assertThat(details.get(0)).isEqualTo(OWN + "MARKET; shown=0; departments=—; items=—; notInForce=1; "
                + "withheld=1");
        assertThat(details.get(details.size() - 1)).isEqualTo(ALL + "shown=2; departments=COURT、MARKET; "
                + "items=P_ADMIN_PENALTY_GENERAL、P_COURT_DEFAULTER; notInForce=0; withheld=0");
    }

    private UUID recordOf(UUID subject, String itemCode) {
        return creditFile.fileAsShown(subject).stream().filter(e -> e.itemCode().equals(itemCode))
                .map(FileEntry::recordKey).findFirst().orElseThrow();
    }

    private String personWithTwoRecords(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), name, "P_ADMIN_PENALTY_GENERAL", PENALTY);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        TestRecords.courtDefaulter(creditFile, catalogue, subject, "C-" + UUID.randomUUID(), 1, RecordAction.ADD);
        return person.number();
    }

    private String file(String number, UsernamePasswordAuthenticationToken staff) throws Exception {
        return mvc.perform(post("/console/file").param("number", number).param("purpose", "ADMINISTRATIVE_LICENSING")
                        .with(csrf()).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private UsernamePasswordAuthenticationToken staffOf(String departmentCode) {
        return Principals.member("scope-" + departmentCode.toLowerCase(), department(departmentCode),
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ);
    }

    private Department department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }
}
