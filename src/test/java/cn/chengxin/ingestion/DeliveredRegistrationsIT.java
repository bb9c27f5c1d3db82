package cn.chengxin.ingestion;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.SubjectScore;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static cn.chengxin.support.TestCitizens.unregisteredNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry's residency and occupational groups delivered as catalogue records (gaps review xxviii J1): a person
 * registered by ingestion is scored once the public security bureau delivers their residence, and no longer once it
 * ended; a key occupational group delivered by its authority is the person's, until the record is revoked.
 */
@IntegrationTest
class DeliveredRegistrationsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Scoring scoring;

    @Test
    void aResidenceDeliveredMakesAPersonScoredAndItsEndMakesThemNotResident() throws Exception {
        String police = key("PUBLIC_SECURITY", "市公安局");
        String court = key("COURT", "市中级人民法院");
        String number = unregisteredNumber();
        // Registered by a court record alone, as every person outside the demo was: not resident, not scored.
        mvc.perform(submit(court, row("P_CONSUMPTION_RESTRICTED", number, "龙居安", "XF-" + UUID.randomUUID(), 1,
                        "ADD", "\"case_number\":\"(2025)豫1702执8号\",\"court\":\"驿城区人民法院\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        UUID person = subjects.find(subjects.validate(null, number)).orElseThrow();
        scoring.rescore(Set.of(person));
        assertThat(scoring.scoreOf(person)).get().extracting(SubjectScore::notScoredCode).isEqualTo("NOT_RESIDENT");

        String source = "HJ-" + UUID.randomUUID();
        String household = "\"kind\":\"户籍\",\"region_code\":\"411702\",\"since\":\"2010-05-01\"";
        mvc.perform(submit(police, row("P_RESIDENCY", number, "龙居安", source, 1, "ADD", household)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(person).map(SubjectScore::scored)
                .orElse(false));
        assertThat(subjects.profile(person).orElseThrow().residences()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ResidencyKind.HOUSEHOLD);
            assertThat(r.regionCode()).isEqualTo("411702");
            assertThat(r.from()).isEqualTo(LocalDate.of(2010, 5, 1));
            assertThat(r.to()).isNull();
        });

        // The same record sent again is a replay: no second residence.
        mvc.perform(submit(police, row("P_RESIDENCY", number, "龙居安", source, 1, "ADD", household)))
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(subjects.profile(person).orElseThrow().residences()).hasSize(1);

        // Moved out: the correction gives the end, the residence is closed and the person no longer scored.
        mvc.perform(submit(police, row("P_RESIDENCY", number, "龙居安", source, 2, "UPDATE",
                        household + ",\"until\":\"2025-03-31\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(subjects.profile(person).orElseThrow().residences()).singleElement()
                .satisfies(r -> assertThat(r.to()).isEqualTo(LocalDate.of(2025, 3, 31)));
        await().atMost(Duration.ofSeconds(5)).until(() -> "NOT_RESIDENT".equals(scoring.scoreOf(person)
                .map(SubjectScore::notScoredCode).orElse(null)));

        // A residence permit (常住) of another record is another residence: the history keeps both.
        mvc.perform(submit(police, row("P_RESIDENCY", number, "龙居安", "JZ-" + UUID.randomUUID(), 1, "ADD",
                        "\"kind\":\"常住\",\"region_code\":\"411702\",\"since\":\"2025-04-01\"")))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(subjects.profile(person).orElseThrow().residences()).extracting(SubjectProfile.ResidenceView::kind)
                .containsExactly(ResidencyKind.HOUSEHOLD, ResidencyKind.HABITUAL);
    }

    @Test
    void aResidenceTheRegistryWouldNotTakeIsRefusedAndRegistersNobody() throws Exception {
        String police = key("PUBLIC_SECURITY", "市公安局");
        String number = unregisteredNumber();
        String today = LocalDate.now().toString();
        mvc.perform(submit(police, String.join(",",
                        row("P_RESIDENCY", number, "言无据", "HJ-" + UUID.randomUUID(), 1, "ADD",
                                "\"kind\":\"户籍\",\"region_code\":\"991702\",\"since\":\"2010-05-01\""),
                        row("P_RESIDENCY", number, "言无据", "HJ-" + UUID.randomUUID(), 1, "ADD",
                                "\"kind\":\"户籍\",\"region_code\":\"411702\",\"since\":\"2010-05-01\","
                                        + "\"until\":\"2009-01-01\""),
                        row("P_RESIDENCY", number, "言无据", "HJ-" + UUID.randomUUID(), 1, "ADD",
                                "\"kind\":\"户籍\",\"region_code\":\"411702\",\"since\":\"" + today + "\","
                                        + "\"until\":\"" + LocalDate.now().plusDays(30) + "\""))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].code").value("RESIDENCE_REGION_INVALID"))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].field").value("fields.region_code"))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].code").value("REGISTRY_PERIOD_INVALID"))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].code").value("REGISTRY_PERIOD_INVALID"));
        assertThat(subjects.find(subjects.validate(null, number))).as("registers nobody").isEmpty();
    }

    @Test
    void anOccupationDeliveredIsThePersonsUntilItsRecordIsRevoked() throws Exception {
        String education = key("EDUCATION", "市教育局");
        String number = unregisteredNumber();
        String source = "JS-" + UUID.randomUUID();
        String teacher = "\"group\":\"教师\",\"since\":\"2015-09-01\",\"issued_by\":\"驻马店市教育局\"";
        mvc.perform(submit(education, row("P_OCCUPATION", number, "师道远", source, 1, "ADD", teacher)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        UUID person = subjects.find(subjects.validate(null, number)).orElseThrow();
        assertThat(subjects.profile(person).orElseThrow().occupations()).singleElement().satisfies(o -> {
            assertThat(o.group()).isEqualTo(OccupationalGroup.TEACHER);
            assertThat(o.from()).isEqualTo(LocalDate.of(2015, 9, 1));
        });

        mvc.perform(submit(education, row("P_OCCUPATION", number, "师道远", "JS-" + UUID.randomUUID(), 1, "ADD",
                        "\"group\":\"宇航员\",\"since\":\"2015-09-01\",\"issued_by\":\"驻马店市教育局\"")))
                .andExpect(jsonPath("$.errors[0].code").value("FIELD_TYPE"));

        mvc.perform(submit(education, row("P_OCCUPATION", number, "师道远", source, 2, "REVOKE", teacher)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(subjects.profile(person).orElseThrow().occupations()).isEmpty();
    }

    private String key(String code, String name) {
        Department department = directory.departments().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseGet(() -> directory.createDepartment(code, name, Department.Kind.DATA_PROVIDER, List.of()));
        return apiClients.issue(code + " 报送系统", code, ApiClient.Kind.DEPARTMENT, department.id(),
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    private static MockHttpServletRequestBuilder submit(String apiKey, String rows) {
        return post("/api/v1/submissions").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"records\":[" + rows + "]}");
    }

    private static String row(String item, String number, String name, String source, int version, String action,
                              String fields) {
        return "{\"itemCode\":\"" + item + "\",\"subjectNumber\":\"" + number + "\",\"subjectName\":\"" + name
                + "\",\"version\":\"" + version + "\",\"action\":\"" + action + "\",\"sourceRecordId\":\"" + source
                + "\",\"decisionNumber\":\"驻公〔2025〕1号\",\"decisionDate\":\"2025-04-01\",\"fields\":{" + fields
                + "}}";
    }

}
