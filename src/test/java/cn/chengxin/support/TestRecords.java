package cn.chengxin.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.scoring.ProvidedBenefits;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.ResponsibleRole;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Penalties delivered by the market regulator through the submissions API, as a department's system sends them;
 * court-defaulter records of persons the API cannot name (passport holders), stored as ingestion stores them.
 */
public final class TestRecords {

    private TestRecords() {
    }

    /**
     * The key of a library's system asking about benefits (信用惠民), bound to the library as a department's key is, and
     * checking the library's benefit LIBRARY_DEPOSIT_FREE.
     */
    public static String libraryKey(ApiClients apiClients, StaffDirectory directory, ProvidedBenefits provided) {
        UUID library = directory.departments().stream().filter(d -> d.code().equals("LIBRARY")).findFirst()
                .map(Department::id).orElseGet(() -> directory.createDepartment("LIBRARY", "市图书馆",
                        Department.Kind.RESPONDING_UNIT, List.of()).id());
        ApiClients.IssuedKey key = apiClients.issue("图书馆系统", "市图书馆", ApiClient.Kind.DEPARTMENT, library,
                Set.of(Permission.API_BENEFITS_CHECK), 6000);
        provided.bind("LIBRARY_DEPOSIT_FREE", key.clientId());
        return key.key();
    }

    /**
     * Test setup: a list entry of {@code listType} another platform issued about the subject, as the exchange stores it
     * once received (signing a batch is ExchangeIT's business), in force until {@code validUntil}.
     */
    public static void receiveListEntry(org.springframework.jdbc.core.simple.JdbcClient jdbc, String pseudonym,
                                        String listType, String sourceId, LocalDate validUntil) {
        jdbc.sql("""
                        INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                               subject_pseudonym, masked_number, list_type, status, in_force, disputed, period_end,
                               issuing_platform, occurred_at, received_at, digest)
                        VALUES ('PROV41', ?, 1, 'LIST_ENTRY', 'PROV41', ?, '4117**********0011', ?, 'EFFECTIVE',
                                true, false, ?, '河南省信用平台', now(), now(), 'x')""")
                .params(sourceId, pseudonym, listType, java.sql.Date.valueOf(validUntil)).update();
    }

    /** One administrative penalty ({@code itemCode} P_ADMIN_PENALTY_*) decided a month ago; must be accepted. */
    public static void penalty(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, String number,
                               String name, String itemCode, String decisionNumber) throws Exception {
        deliver(mvc, apiClients, directory, new Penalty(number, name, itemCode, "T-" + UUID.randomUUID(), "1", "ADD",
                decisionNumber, "无照经营"));
    }

    /** The same, of a person known by another document than a resident identity card: {@code documentType} names it. */
    public static void penalty(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, String documentType,
                               String number, String name, String itemCode, String decisionNumber) throws Exception {
        deliver(mvc, apiClients, directory, new Penalty(number, name, itemCode, "T-" + UUID.randomUUID(), "1", "ADD",
                decisionNumber, "无照经营"), LocalDate.now().minusMonths(1), "MARKET", documentType);
    }

    /** A version of a penalty record: its source id, version and action (ADD, UPDATE, REVOKE) and the facts. */
    public record Penalty(String number, String name, String itemCode, String sourceRecordId, String version,
                          String action, String decisionNumber, String facts) {
    }

    public static void deliver(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, Penalty p)
            throws Exception {
        deliver(mvc, apiClients, directory, p, LocalDate.now().minusMonths(1));
    }

    /** {@link #deliver(MockMvc, ApiClients, StaffDirectory, Penalty)} with the decision taken on {@code decided}. */
    public static void deliver(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, Penalty p,
                               LocalDate decided) throws Exception {
        deliver(mvc, apiClients, directory, p, decided, "MARKET");
    }

    /** A penalty-shaped record delivered by {@code departmentCode} (its remit must include the item). */
    public static void deliver(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, Penalty p,
                               LocalDate decided, String departmentCode) throws Exception {
        deliver(mvc, apiClients, directory, p, decided, departmentCode, null);
    }

    /** The same, of a person known by another document than a resident identity card: {@code documentType} names it. */
    public static void deliver(MockMvc mvc, ApiClients apiClients, StaffDirectory directory, Penalty p,
                               LocalDate decided, String departmentCode, String documentType) throws Exception {
        UUID department = directory.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                .orElseThrow().id();
        String key = apiClients.issue("部门报送", departmentCode, ApiClient.Kind.DEPARTMENT, department,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"" + p.itemCode() + "\","
                                + (documentType == null ? "" : "\"documentType\":\"" + documentType + "\",")
                                + "\"subjectNumber\":\""
                                + p.number() + "\",\"subjectName\":\"" + p.name() + "\",\"version\":\"" + p.version()
                                + "\",\"action\":\"" + p.action() + "\",\"sourceRecordId\":\"" + p.sourceRecordId()
                                + "\",\"decisionNumber\":\"" + p.decisionNumber() + "\",\"decisionDate\":\""
                                + decided + "\",\"fields\":{\"penalty_type\":\"罚款\","
                                + "\"facts\":\"" + p.facts() + "\",\"basis\":\"《无证无照经营查处办法》第十三条\","
                                + "\"authority\":\"市市场监督管理局\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    /**
     * A version of a court-defaulter record of the subject ({@code sourceRecordId}: the court's id of it), decided a
     * month ago, stored as ingestion stores an accepted row (the submission API takes identity numbers and credit
     * codes only).
     */
    public static void courtDefaulter(CreditFile creditFile, Catalogue catalogue, UUID subject, String sourceRecordId,
                                      int version, RecordAction action) {
        int itemVersion = catalogue.active().stream().filter(i -> i.code().equals("P_COURT_DEFAULTER")).findFirst()
                .orElseThrow().version();
        LocalDate decided = LocalDate.now().minusMonths(1);
        creditFile.store(UUID.randomUUID(), "test", List.of(new NewRecord(subject, "P_COURT_DEFAULTER", itemVersion,
                "COURT", sourceRecordId, version, action, "(2026)豫1702执77号", decided,
                Map.of("case_number", "(2026)豫1702执77号", "court", "驿城区人民法院", "obligation", "给付货款",
                        "performance", "全部未履行", "behaviour", "违反限制消费令"),
                decided.plusYears(2), decided.plusYears(5), "fp-" + UUID.randomUUID(), null, null, null)));
    }
    /** An organisation's record, its key, and the legal representative the record is copied onto (RULES.md §1). */
    public record Organisation(UUID id, UUID record, UUID representative, String code, String name,
                               String sourceRecordId, String decision, LocalDate decided) {
    }

    /**
     * An organisation, newly registered with a newly registered legal representative, found a court defaulter by the
     * court on {@code decided} under {@code decision}: submitted through the API, so that ingestion copies the record
     * onto the representative as it copies any.
     */
    public static Organisation organisationDefaulter(MockMvc mvc, ApiClients apiClients, StaffDirectory directory,
                                                     SubjectRegistry subjects, CreditFile creditFile,
                                                     String representativeName,
                                                     String decision, LocalDate decided) throws Exception {
        return organisationDefaulter(mvc, apiClients, directory, subjects, creditFile,
                TestCitizens.register(subjects, representativeName), decision, decided);
    }

    /** The same, with {@code rep}, a person already registered, as the organisation's legal representative. */
    public static Organisation organisationDefaulter(MockMvc mvc, ApiClients apiClients, StaffDirectory directory,
                                                     SubjectRegistry subjects, CreditFile creditFile,
                                                     TestCitizens.Person rep, String decision, LocalDate decided)
            throws Exception {
        UUID repId = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        String code = TestCreditCodes.next();
        String name = rep.name() + "商贸有限公司";
        subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code), name, LocalDate.of(2015, 3, 1),
                List.of(new NewOrganisation.Responsible(repId, ResponsibleRole.LEGAL_REPRESENTATIVE,
                        LocalDate.of(2015, 3, 1))), false));
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        String source = "ORG-" + UUID.randomUUID();
        // The department's id sent with spaces around it, stored without: the decisions about the record still find
        // the copies made of it.
        sendOrganisationDefaulter(mvc, apiClients, court, code, name, " " + source + " ", "1", "ADD", decision,
                decided, "给付货款");
        UUID orgId = subjects.find(subjects.validate(null, code)).orElseThrow();
        return new Organisation(orgId, creditFile.fileOf(orgId).get(0).recordKey(), repId, code, name, source,
                decision, decided);
    }

    /**
     * An organisation, newly registered with a newly registered legal representative, given a serious administrative
     * penalty by market regulation on {@code decided} under {@code decision} — an item copied onto the responsible
     * persons and repaired on the platform (a court defaulter is the court's to delete, RULES.md §7).
     */
    public static Organisation organisationPenalised(MockMvc mvc, ApiClients apiClients, StaffDirectory directory,
                                                     SubjectRegistry subjects, CreditFile creditFile,
                                                     String representativeName, String decision, LocalDate decided)
            throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, representativeName);
        UUID repId = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        String code = TestCreditCodes.next();
        String name = representativeName + "商贸有限公司";
        subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code), name, LocalDate.of(2015, 3, 1),
                List.of(new NewOrganisation.Responsible(repId, ResponsibleRole.LEGAL_REPRESENTATIVE,
                        LocalDate.of(2015, 3, 1))), false));
        String source = "ORG-P-" + UUID.randomUUID();
        deliver(mvc, apiClients, directory, new Penalty(code, name, "O_ADMIN_PENALTY_SERIOUS", source, "1", "ADD",
                decision, "生产销售不合格产品"), decided, "MARKET");
        UUID orgId = subjects.find(subjects.validate(null, code)).orElseThrow();
        return new Organisation(orgId, creditFile.fileOf(orgId).get(0).recordKey(), repId, code, name, source,
                decision, decided);
    }

    /**
     * The court's corrected version {@code version} of the organisation's record (an UPDATE naming the record by its
     * id as stored), with the obligation as now stated: ingestion copies it onto the responsible persons.
     */
    public static void correctOrganisationDefaulter(MockMvc mvc, ApiClients apiClients, StaffDirectory directory,
                                                    Organisation org, String version, String obligation)
            throws Exception {
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        sendOrganisationDefaulter(mvc, apiClients, court, org.code(), org.name(), org.sourceRecordId(), version,
                "UPDATE", org.decision(), org.decided(), obligation);
    }

    private static void sendOrganisationDefaulter(MockMvc mvc, ApiClients apiClients, UUID court, String code,
                                                  String name, String sourceRecordId, String version, String action,
                                                  String decision, LocalDate decided, String obligation)
            throws Exception {
        String key = apiClients.issue("法院报送", "COURT", ApiClient.Kind.DEPARTMENT, court,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"O_COURT_DEFAULTER\",\"subjectNumber\":\"" + code
                                + "\",\"subjectName\":\"" + name + "\",\"version\":\"" + version
                                + "\",\"action\":\"" + action + "\",\"sourceRecordId\":\"" + sourceRecordId
                                + "\",\"decisionNumber\":\"" + decision + "\",\"decisionDate\":\"" + decided
                                + "\",\"fields\":{\"case_number\":\"" + decision
                                + "\",\"court\":\"驿城区人民法院\",\"obligation\":\"" + obligation + "\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
