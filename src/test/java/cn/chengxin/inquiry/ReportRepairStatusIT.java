package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.RecordRepair;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.repair.Repairs;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding G14 (RULES.md §6, §9): a report prints each negative record's repair status. The person holds two general
 * penalties: one past its 3-month minimum period, for which they have applied for repair (修复申请办理中), and one
 * decided a month ago, repairable from three months after its decision. The person's own report (content, Chinese and
 * English PDF) and a bank's lending report (JSON, PDF) say so alike.
 */
@IntegrationTest
class ReportRepairStatusIT {

    private static final byte[] PDF = "%PDF-1.4\n% 缴款凭证（测试）\n".getBytes(StandardCharsets.UTF_8);
    private static final String APPLIED_FOR = "驻市监罚〔2026〕811号";
    private static final String RECENT = "驻市监罚〔2026〕812号";

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
    Repairs repairs;
    @Autowired
    Reports reports;
    @Autowired
    Consents consents;
    @Autowired
    Clock clock;

    @Test
    void aRecordWithAnOpenRepairApplicationShowsItAndAnotherWhenItMayBeRepaired() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String name = "修报告";
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        LocalDate recentDecision = today.minusMonths(1);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), name,
                "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", APPLIED_FOR, "无照经营"),
                today.minusMonths(4));
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), name,
                "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", RECENT, "无照经营"), recentDecision);
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        UUID appliedFor = creditFile.fileOf(id).stream().filter(e -> e.decisionNumber().equals(APPLIED_FOR))
                .map(FileEntry::recordKey).findFirst().orElseThrow();
        String repairableFrom = "可申请修复（自 " + recentDecision.plusMonths(3) + "）";

        Reports.Issued before = reports.forSelf(id, ReportKind.SELF_FULL);
        assertThat(repair(before.content(), APPLIED_FOR).text()).startsWith("可申请修复（自 ");

        repairs.apply(id, appliedFor, "已缴纳罚款", name, List.of(new Repairs.Upload("PROOF", "缴款凭证.pdf", PDF)), null);

        Reports.Issued own = reports.forSelf(id, ReportKind.SELF_FULL);
        assertThat(repair(own.content(), APPLIED_FOR).code()).isEqualTo(RecordRepair.Code.APPLYING);
        assertThat(repair(own.content(), APPLIED_FOR).text()).isEqualTo("修复申请办理中");
        assertThat(repair(own.content(), RECENT).text()).isEqualTo(repairableFrom);
        assertThat(PdfText.compact(own.pdf())).contains("信用修复", "修复申请办理中", repairableFrom.replace(" ", ""));
        assertThat(reports.html(own.content())).contains("修复申请办理中", repairableFrom);
        assertThat(reports.aboutSubject(id, own.id()).orElseThrow().content().negativeRecords())
                .as("kept with the stored report").extracting(l -> l.repair().text())
                .containsExactlyInAnyOrder("修复申请办理中", repairableFrom);

        Reports.Issued english = reports.forSelf(id, ReportKind.OCCUPATIONAL, ReportLanguage.EN);
        assertThat(PdfText.compact(english.pdf())).contains("Repairapplicationbeinghandled",
                "Repairmaybeappliedforfrom" + recentDecision.plusMonths(3));

        ApiClients.IssuedKey issued = apiClients.issue("信贷系统", "庚银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        consents.grant(id, issued.clientId(), Purpose.LENDING, null, false);
        String json = new String(lending(issued.key(), p.number(), "JSON"), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(json, "$.negativeRecords[?(@.decisionNumber == '" + APPLIED_FOR
                + "')].repair.text")).containsExactly("修复申请办理中");
        assertThat(JsonPath.<List<String>>read(json, "$.negativeRecords[?(@.decisionNumber == '" + RECENT
                + "')].repair.from")).containsExactly(recentDecision.plusMonths(3).toString());
        assertThat(PdfText.compact(lending(issued.key(), p.number(), "PDF"))).contains("修复申请办理中", repairableFrom.replace(" ", ""));
    }

    private static RecordRepair repair(ReportContent content, String decisionNumber) {
        return content.negativeRecords().stream().filter(l -> l.decisionNumber().equals(decisionNumber)).findFirst()
                .orElseThrow().repair();
    }

    /** The bank's lending report in {@code format}, as sent. */
    private byte[] lending(String key, String number, String format) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(request(number, format)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String request(String number, String format) {
        return "{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\",\"format\":\"" + format + "\"}";
    }
}
