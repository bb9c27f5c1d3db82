package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Review xxv H2 (法释〔2015〕17号 第三条第二款; RULES.md §1, §7): the court lists a company; its legal representative is not
 * listed, but a check of him answers the court's travel restriction as the company's representative, apart from his
 * own entries, with the company's entry as its ground; nobody else is reached, and nothing once the entry ends.
 */
@IntegrationTest
class ResponsiblePersonChecksIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    CreditFile creditFile;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Clock clock;

    @Autowired
    Lifts lifts;

    @Test
    void theLegalRepresentativeOfACourtDefaulterIsAnsweredTheTravelRestrictionAsItsRepresentativeOnly()
            throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "岳承业");
        TestRecords.Organisation org = TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects,
                creditFile, rep, "(2026)豫1702执318号", LocalDate.now(clock).minusDays(15));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(org.id()).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        as("reviewer-rp", () -> listing.approve(proposal.id(), ""));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        String entryId = proposal.id().toString();

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(DemoAccounts.API_KEY, rep.number(), "TRAVEL")
                .andExpect(jsonPath("$.asResponsiblePerson[0].entryId").value(entryId)));
        String answer = check(DemoAccounts.API_KEY, rep.number(), "TRAVEL").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(true))
                .andExpect(jsonPath("$.asResponsiblePerson.length()").value(1))
                .andExpect(jsonPath("$.asResponsiblePerson[0].role").value("LEGAL_REPRESENTATIVE"))
                .andExpect(jsonPath("$.asResponsiblePerson[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.asResponsiblePerson[0].organisation.name").value(org.name()))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[*].code", hasItem("NO_FLIGHTS_TRAINS")))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[0].legalBasis",
                        containsString("第三条第二款")))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[0].basedOn[0]").value(entryId))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).as("the credit code masked").doesNotContain(org.code()).doesNotContain(rep.number());
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
        // Owed feedback, and lifted once the company's entry ends (H3): the check keeps the company's entry.
        assertThat(jdbc.sql("SELECT feedback_due FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT measure_codes FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single())
                .contains("NO_FLIGHTS_TRAINS");
        restsOnlyOnAndIsApplied(checkId, entryId);

        // Only measures extended to responsible persons: hiring follows the person's own entries only.
        check(key("HRSS"), rep.number(), "HIRING").andExpect(status().isOk())
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false));
        // Someone unrelated: nothing.
        TestCitizens.Person stranger = TestCitizens.register(subjects, "路人甲");
        check(DemoAccounts.API_KEY, stranger.number(), "TRAVEL").andExpect(status().isOk())
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false));

        // Responsible persons recorded later reach checks within seconds (the registry's change feed): one in the role
        // now is reached; a former representative, who left before the entry took effect, is not.
        TestCitizens.Person director = TestCitizens.register(subjects, "钟直责");
        TestCitizens.Person former = TestCitizens.register(subjects, "卸任前");
        responsible(org.id(), former, "LEGAL_REPRESENTATIVE", LocalDate.of(2015, 3, 1),
                LocalDate.now(clock).minusYears(1));
        responsible(org.id(), director, "DIRECTLY_RESPONSIBLE", LocalDate.now(clock).minusYears(2), null);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(DemoAccounts.API_KEY, director.number(),
                "TRAVEL").andExpect(jsonPath("$.asResponsiblePerson[0].role").value("DIRECTLY_RESPONSIBLE"))
                .andExpect(jsonPath("$.asResponsiblePerson[0].entryId").value(entryId)));
        check(DemoAccounts.API_KEY, former.number(), "TRAVEL").andExpect(status().isOk())
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty());

        // The company's entry ends: its representative is reached no more.
        as("reviewer-rp", () -> {
            listing.exit(proposal.id(), "法院撤销失信决定");
            return null;
        });
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> check(DemoAccounts.API_KEY, rep.number(), "TRAVEL")
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false)));
    }

    /**
     * Review xxv H2 with "一处失信，处处受限" (RULES.md §11): another platform's court-defaulter entry about a company
     * registered here reaches its legal representative's check as our own entry does, with the received entry as the
     * measure's ground; a representative who left before today is not reached; once the issuing platform ends the entry,
     * the representative is reached no more and the check whose measure was applied is lifted.
     */
    @Test
    void anotherPlatformsEntryAboutACompanyReachesItsRepresentativeAndItsEndLiftsTheMeasure() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "甘外省");
        UUID repId = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        String code = cn.chengxin.support.TestCreditCodes.next();
        String name = "甘外省商贸有限公司";
        UUID company = subjects.registerOrganisation(new cn.chengxin.subject.NewOrganisation(
                subjects.validate(null, code), name, LocalDate.of(2015, 3, 1),
                List.of(new cn.chengxin.subject.NewOrganisation.Responsible(repId,
                        cn.chengxin.subject.domain.ResponsibleRole.LEGAL_REPRESENTATIVE, LocalDate.of(2015, 3, 1))),
                false));
        String sourceId = "RP-" + UUID.randomUUID();
        String entryId = "PROV41:" + sourceId;
        jdbc.sql("""
                        INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                               subject_pseudonym, masked_number, masked_name, list_type, item_code, status, in_force,
                               disputed, period_end, issuing_platform, occurred_at, received_at, digest)
                        VALUES ('PROV41', ?, 1, 'LIST_ENTRY', 'PROV41', ?, ?, ?, 'BLACK', 'O_COURT_DEFAULTER',
                                'EFFECTIVE', true, false, ?, '河南省信用平台', now(), now(), 'x')""")
                .params(sourceId, subjects.pseudonymOf(company).orElseThrow(),
                        cn.chengxin.subject.domain.Masking.identityNumber(code), name,
                        java.sql.Date.valueOf(LocalDate.now(clock).plusYears(1)))
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(DemoAccounts.API_KEY, rep.number(), "TRAVEL")
                .andExpect(jsonPath("$.asResponsiblePerson[0].entryId").value(entryId)));
        String answer = check(DemoAccounts.API_KEY, rep.number(), "TRAVEL").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(true))
                .andExpect(jsonPath("$.asResponsiblePerson.length()").value(1))
                .andExpect(jsonPath("$.asResponsiblePerson[0].role").value("LEGAL_REPRESENTATIVE"))
                .andExpect(jsonPath("$.asResponsiblePerson[0].organisation.name").value(name))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[*].code", hasItem("NO_FLIGHTS_TRAINS")))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[0].legalBasis",
                        containsString("第三条第二款")))
                .andExpect(jsonPath("$.asResponsiblePerson[0].measures[0].basedOn[0]").value(entryId))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).as("the credit code masked").doesNotContain(code).doesNotContain(rep.number());
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
        restsOnlyOnAndIsApplied(checkId, entryId);

        // A representative recorded later who left yesterday is not reached (the check's day is outside the period);
        // one in the role today is, within seconds (the registry's change feed reaches a received entry's company too).
        TestCitizens.Person left = TestCitizens.register(subjects, "甘已卸");
        TestCitizens.Person director = TestCitizens.register(subjects, "甘直责");
        responsible(company, left, "PRINCIPAL", LocalDate.of(2016, 1, 1), LocalDate.now(clock).minusDays(1));
        responsible(company, director, "DIRECTLY_RESPONSIBLE", LocalDate.now(clock).minusYears(1), null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(DemoAccounts.API_KEY, director.number(),
                "TRAVEL").andExpect(jsonPath("$.asResponsiblePerson[0].entryId").value(entryId)));
        check(DemoAccounts.API_KEY, left.number(), "TRAVEL").andExpect(status().isOk())
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty());

        // The issuing platform ends the entry: the representative is reached no more, and the applied measure lifted.
        jdbc.sql("""
                        UPDATE exchange.received SET in_force = false, version = 2,
                               change_seq = nextval('exchange.received_seq')
                        WHERE source_platform = 'PROV41' AND source_id = ?""").param(sourceId).update();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(DemoAccounts.API_KEY, rep.number(), "TRAVEL")
                .andExpect(jsonPath("$.asResponsiblePerson").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            lifts.followReceived();
            assertThat(jdbc.sql("SELECT count(*) FROM measures.check_lifted WHERE check_id = ?::uuid")
                    .param(checkId).query(Long.class).single()).isOne();
        });
    }

    /** The check keeps {@code entryId} alone as its measures' ground, and its department feeds it back applied. */
    private void restsOnlyOnAndIsApplied(String checkId, String entryId) throws Exception {
        assertThat(jdbc.sql("SELECT entry_ids FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly(entryId);
        mvc.perform(post("/api/v1/checks/" + checkId + "/feedback")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"未予售票\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private void responsible(UUID organisation, TestCitizens.Person person, String role, LocalDate from,
                             LocalDate to) {
        UUID personId = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        jdbc.sql("""
                        INSERT INTO subject.responsible_person (organisation_id, person_id, role, valid_from, valid_to)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(organisation, personId, role, from, to).update();
    }

    private ResultActions check(String key, String number, String scenario) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number + "\",\"scenario\":\""
                        + scenario + "\",\"purpose\":\"购票审查 2026-318\"}"));
    }

    private String key(String department) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(Permission.API_SUBJECT_CHECK), 6000).key();
    }
}
