package cn.chengxin.listing;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X2 (rest): the migration tooling of a department's system sends by API the list entries its
 * department decided in the older system, as a clerk's file carries them — rows refused at once with line and code,
 * the same request under the same Idempotency-Key answered with the batch stored first, another under it refused —
 * and the batch waits for a list reviewer's approval in the console, which stores the entries in force.
 */
@IntegrationTest
class ListMigrationsApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void aBatchSentByApiIsCheckedRowByRowReplayedByItsKeyAndStoredOnlyOnItsReviewersApproval() throws Exception {
        LocalDate decided = LocalDate.now(clock).minusMonths(9);
        TestCitizens.Person first = TestCitizens.register(subjects, "屈映雪");
        TestCitizens.Person second = TestCitizens.register(subjects, "仉海澄");
        String court = key("COURT", Permission.LIST_MIGRATE);
        String body = "{\"rows\":["
                // 1: the key's department named
                + row(first, "BLACK_COURT_DEFAULTER", decided, "\"department\":\"COURT\",", "(2026)豫1702执501号")
                // 2: none named: the key's
                + "," + row(second, "BLACK_COURT_DEFAULTER", decided, "", "(2026)豫1702执502号")
                // 3: a rule the platform does not have
                + "," + row(second, "BLACK_OLD_SYSTEM_CODE", decided, "", "X-503")
                // 4: another department's decision
                + "," + row(first, "BLACK_TAX_SERIOUS", decided, "\"department\":\"MARKET\",", "X-504") + "]}";
        UUID key = UUID.randomUUID();

        send(court, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/list-migrations/" + key))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.id").value(key.toString()))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.refused[0].line").value(3))
                .andExpect(jsonPath("$.refused[0].code").value("LIST_MIGRATION_RULE_UNKNOWN"))
                .andExpect(jsonPath("$.refused[1].line").value(4))
                .andExpect(jsonPath("$.refused[1].code").value("LIST_MIGRATION_ROW_INVALID"))
                .andExpect(jsonPath("$.refused[1].reason").value(containsString("只能迁移本部门作出的认定")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(first.number()))));
        assertThat(listing.entriesOf(subjectOf(first))).as("nothing listed before the reviewer's approval").isEmpty();

        // Sent again (a timeout): the batch stored first, nothing checked or stored twice.
        send(court, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(key.toString())).andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.refused[0].line").value(3));
        assertThat(jdbc.sql("SELECT count(*) FROM listing.migration_row WHERE batch_id = ?").param(key)
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.migrate' AND detail LIKE ?")
                .param("%" + key + "%").query(Long.class).single()).isEqualTo(1L);

        // Another body under the key, or the key without a body's rows, or without the scope: refused.
        send(court, key, body.replace("(2026)豫1702执502号", "(2026)豫1702执509号")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_CONFLICT"));
        send(court, null, body).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));
        send(key("COURT", Permission.RECORD_SUBMIT), UUID.randomUUID(), body).andExpect(status().isForbidden());
        // Another department's key neither reads the batch nor replays it.
        String market = key("MARKET", Permission.LIST_MIGRATE);
        mvc.perform(get("/api/v1/list-migrations/{id}", key).header("Authorization", "Bearer " + market))
                .andExpect(status().isNotFound());
        send(market, key, body).andExpect(status().isConflict());

        // The reviewer approves it in the console (双人复核): the entries are in force, the state says so.
        mvc.perform(post("/console/list-migrations/{id}/approve", key).with(staff("reviewer-a1", "list:review"))
                .with(csrf())).andExpect(flash().attribute("successKey", "listMigrations.approved"));
        assertThat(listing.entriesOf(subjectOf(first))).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.EFFECTIVE);
            assertThat(e.actDay()).isEqualTo(decided);
            assertThat(e.departmentCode()).isEqualTo("COURT");
        });
        assertThat(listing.entriesOf(subjectOf(second))).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EntryStatus.EFFECTIVE));
        mvc.perform(get("/api/v1/list-migrations/{id}", key).header("Authorization", "Bearer " + court))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.stored").value(2)).andExpect(jsonPath("$.refused.length()").value(2));
    }

    private ResultActions send(String apiKey, UUID key, String body) throws Exception {
        var request = post("/api/v1/list-migrations").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key.toString()));
    }

    private static String row(TestCitizens.Person who, String rule, LocalDate decided, String department,
                              String document) {
        return "{\"number\":\"" + who.number() + "\",\"name\":\"" + who.name() + "\",\"list\":\"BLACK\",\"rule\":\""
                + rule + "\",\"actDay\":\"" + decided + "\",\"effectiveFrom\":\"" + decided + "\",\"validUntil\":\""
                + decided.plusYears(2) + "\"," + department + "\"documentNumber\":\"" + document + "\"}";
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 迁移系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
