package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.RepairRequirement;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding #14: what an item's repair asks beyond proof and the commitment (RULES.md §6: "Training and a credit report
 * may be required by sector rules") is an attribute of the item version, approved by a second person; an application
 * without the material is refused with REPAIR_REQUIREMENT_MISSING naming it, and the 信用修复告知书, the form, the
 * catalogue and the counter's form say what to bring.
 */
@IntegrationTest
class RepairRequirementsIT {

    private static final byte[] PDF = "%PDF-1.4\n% 材料（测试）\n".getBytes(StandardCharsets.UTF_8);

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
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /**
     * An item whose new version (maker-checker) asks for training: its record's application without the certificate
     * is refused, naming it, and nothing is kept; with it, it is accepted and the certificate kept as TRAINING. A
     * record stored under the version before is repaired by that version, which asked for nothing more.
     */
    @Test
    void anItemAskingForTrainingRefusesAnApplicationWithoutTheCertificateAndTakesOneWithIt() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_REPAIR_REQ_",
                "须培训的行政处罚");
        LocalDate decided = LocalDate.now(clock).minusMonths(4);
        Person before = person("俞旧规", code, decided);
        ItemDefinition v1 = catalogue.active(code).orElseThrow().definition();
        CatalogueVersions.draft(catalogue, v1.withRepairRequirements(Set.of(RepairRequirement.TRAINING)));
        assertThat(catalogue.active(code).orElseThrow().definition().repairRequirements())
                .as("in force only once a second person approves it").isEmpty();
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        Person p = person("俞培训", code, decided);
        assertThat(repairs.repairable(p.id()).get(p.record()).item().repairRequirements())
                .containsExactly(RepairRequirement.TRAINING);

        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> repairs.apply(p.id(), p.record(),
                "已缴纳罚款", "俞培训", List.of(upload("PROOF"), upload("VOLUNTEER")), null));
        assertThat(refused.code()).isEqualTo("REPAIR_REQUIREMENT_MISSING");
        assertThat(refused.getMessage()).contains("信用修复培训证明").contains("TRAINING").doesNotContain("信用报告");
        assertThat(repairs.of(p.id())).isEmpty();

        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款并参加信用修复培训", "俞培训",
                List.of(upload("PROOF"), upload("TRAINING")), null);
        assertThat(kinds(id)).containsExactlyInAnyOrder("PROOF", "TRAINING");

        assertThat(repairs.apply(before.id(), before.record(), "已缴纳罚款", "俞旧规", List.of(upload("PROOF")), null))
                .as("stored under the version that asked for nothing more").isNotNull();
    }

    /**
     * The 信用修复告知书 and the form name the requirement, in the reader's language, the form with a required field for
     * it; posted without it, the form comes back with the refusal, and with it the application is filed.
     */
    @Test
    void theNoticeAndTheFormNameWhatToBringAndTheFormRefusesAnApplicationWithoutIt() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_REPAIR_REQ_",
                "须培训和信用报告的行政处罚");
        ItemDefinition v1 = catalogue.active(code).orElseThrow().definition();
        CatalogueVersions.draft(catalogue, v1.withRepairRequirements(
                Set.of(RepairRequirement.CREDIT_REPORT, RepairRequirement.TRAINING)));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        Person p = person("俞表单", code, LocalDate.now(clock).minusMonths(4));
        var citizen = authentication(Principals.citizen(subjects, p.id()));

        String notice = body(get("/me/repairs/notice/{id}", p.record()).with(citizen));
        assertThat(notice).contains("data-field=\"requirements\"").contains("该事项的信用修复还须提交：")
                .contains("<span data-requirement=\"TRAINING\">信用修复培训证明</span>、"
                        + "<span data-requirement=\"CREDIT_REPORT\">信用报告</span>");
        assertThat(body(get("/me/repairs/notice/{id}", p.record()).param("lang", "en").with(citizen)))
                .contains("Credit repair training certificate").contains("Credit report");
        String form = body(get("/me/repairs/apply/{id}", p.record()).with(citizen));
        assertThat(form).contains("id=\"requirements\"").contains("信用修复培训证明（该事项要求，必须提交）")
                .containsPattern("<input id=\"training\" name=\"training\" type=\"file\" multiple required")
                .containsPattern("<input id=\"creditReport\" name=\"creditReport\" type=\"file\" multiple required");

        var refused = mvc.perform(multipart("/me/repairs/apply/{id}", p.record())
                        .file(new MockMultipartFile("proof", "缴款凭证.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("creditReport", "信用报告.pdf", "application/pdf", PDF))
                        .param("performance", "已缴纳罚款").param("signature", "俞表单")
                        .with(citizen).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String again = body(get(refused.getResponse().getRedirectedUrl()).with(citizen)
                .with(Sessions.flashOf(refused)));
        assertThat(again).contains("REPAIR_REQUIREMENT_MISSING").contains("信用修复培训证明");
        assertThat(repairs.of(p.id())).isEmpty();

        mvc.perform(multipart("/me/repairs/apply/{id}", p.record())
                        .file(new MockMultipartFile("proof", "缴款凭证.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("training", "培训证明.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("creditReport", "信用报告.pdf", "application/pdf", PDF))
                        .param("performance", "已缴纳罚款").param("signature", "俞表单")
                        .with(citizen).with(csrf()))
                .andExpect(redirectedUrl("/me/repairs"));
        assertThat(repairs.of(p.id())).singleElement()
                .satisfies(a -> assertThat(kinds(a.id())).containsExactlyInAnyOrder("PROOF", "TRAINING",
                        "CREDIT_REPORT"));
    }

    /**
     * The base catalogue's serious penalties ask for training and a credit report (seeded, migration V191): the public
     * catalogue says so, and a counter filing without them is refused naming both, with them accepted.
     */
    @Test
    void theSeededSeriousPenaltyAsksForTrainingAndACreditReportAtTheCounterToo() throws Exception {
        assertThat(catalogue.active("P_ADMIN_PENALTY_SERIOUS").orElseThrow().definition().repairRequirements())
                .containsExactly(RepairRequirement.TRAINING, RepairRequirement.CREDIT_REPORT);
        String page = body(get("/catalog"));
        int row = page.indexOf("data-code=\"P_ADMIN_PENALTY_SERIOUS\"");
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("信用修复培训证明").contains("信用报告");

        String decision = "驻市监罚〔2025〕" + (System.nanoTime() % 100_000) + "号";
        Person p = person("俞柜台", "P_ADMIN_PENALTY_SERIOUS", decision, LocalDate.now(clock).minusMonths(13));
        String number = subjects.revealNumber(p.id()).orElseThrow().number();
        var counter = authentication(Principals.staff("counter-req", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.REPAIR_DECIDE));
        assertThat(body(get("/console/repairs").with(counter))).contains("name=\"training\"")
                .contains("name=\"creditReport\"");

        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> as("counter-req",
                () -> repairs.applyAtCounter(number, null, decision, "已缴纳罚款", "俞柜台", List.of(upload("PROOF")))));
        assertThat(refused.code()).isEqualTo("REPAIR_REQUIREMENT_MISSING");
        assertThat(refused.getMessage()).contains("信用修复培训证明、信用报告");

        mvc.perform(multipart("/console/repairs")
                        .file(new MockMultipartFile("proof", "缴款凭证.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("training", "培训证明.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("creditReport", "信用报告.pdf", "application/pdf", PDF))
                        .param("number", number).param("decisionNumber", decision).param("performance", "已缴纳罚款")
                        .param("signature", "俞柜台").with(counter).with(csrf()))
                .andExpect(redirectedUrl("/console/repairs"));
        assertThat(repairs.of(p.id())).singleElement()
                .satisfies(a -> assertThat(kinds(a.id())).containsExactlyInAnyOrder("PROOF", "TRAINING",
                        "CREDIT_REPORT"));
    }

    private List<String> kinds(UUID application) {
        return jdbc.sql("SELECT kind FROM repair.attachment WHERE application_id = ?").param(application)
                .query(String.class).list();
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Repairs.Upload upload(String kind) {
        return new Repairs.Upload(kind, kind.toLowerCase() + ".pdf", PDF);
    }

    record Person(UUID id, UUID record) {
    }

    private Person person(String name, String item, LocalDate decided) throws Exception {
        return person(name, item, "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号", decided);
    }

    private Person person(String name, String item, String decision, LocalDate decided) throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), name, item,
                "R-" + UUID.randomUUID(), "1", "ADD", decision, "无照经营"), decided, "MARKET");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        return new Person(id, creditFile.fileOf(id).get(0).recordKey());
    }
}
