package cn.chengxin.objection;

import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * K5 of gaps-review-xxix: a clerk finds a person's objections by their document, open and decided, whatever the queue
 * shows; the number is posted and masked on the page, the look audited about the subject; the decided table links each
 * case (RULES.md §5, §9, §10).
 */
@IntegrationTest
class ObjectionsConsoleIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Objections objections;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDecidedCaseIsFoundByTheDocumentNumberAndOpenedAndTheSearchIsAudited() throws Exception {
        Filed filed = filedAtCounter();
        String passport = filed.passport();
        UUID id = filed.id();
        String pseudonym = subjects.pseudonymOf(filed.holder()).orElseThrow();
        as("clerk-k5", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.UPHOLD, "经核实，记录无误");
            return null;
        });
        // Decided long ago: beyond the 50 newest the queue lists, it is found only by the person's number.
        jdbc.sql("UPDATE objection.objection SET decided_at = TIMESTAMPTZ '2026-10-01 10:00+08' WHERE id = ?")
                .param(id).update();

        String page = mvc.perform(post("/console/objections/search").param("documentType", "PASSPORT")
                        .param("number", passport).with(authentication(clerk())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String found = page.substring(page.indexOf("id=\"found-objections\""));
        assertThat(found).contains("/console/objections/" + id, "data-objection=\"" + id + "\"", "P_ADMIN_PENALTY_GENERAL");
        assertThat(page).doesNotContain(passport);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'objection.search' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Integer.class).single()).isEqualTo(1);

        // The case names the providing department, not its code (K7).
        String one = mvc.perform(get("/console/objections/{id}", id).with(authentication(clerk())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(one).contains("<td data-field=\"department\"><span>" + directory.departmentNames().get("MARKET")
                + "</span></td>");
    }

    @Test
    void aNumberThePlatformDoesNotKnowIsRefusedOnTheQueueWithTheNumberKeptInItsField() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String page = mvc.perform(post("/console/objections/search").param("documentType", "PASSPORT")
                        .param("number", passport).with(authentication(clerk())).with(csrf()))
                .andExpect(model().attribute("failureCode", "OBJECTION_SUBJECT_UNKNOWN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"found-objections\"").contains("value=\"" + passport + "\"");
    }

    @Test
    void theDecidedTableNamesItsColumnsAndLinksEachCase() throws Exception {
        String page = mvc.perform(get("/console/objections").with(authentication(clerk())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String decided = page.substring(page.indexOf("id=\"decided-objections\""));
        assertThat(decided).contains("<thead>", "办结时间");
        assertThat(decided.contains("/console/objections/") || decided.contains("近期没有办结的异议")).isTrue();
    }

    /**
     * The console's 信用档案 lists the person's objections, decided ones too, each linking to its page, to a clerk who
     * may open them; a department's reader, who may not, is shown none.
     */
    @Test
    void theCreditFileLinksThePersonsObjectionsForThoseWhoHandleThem() throws Exception {
        Filed filed = filedAtCounter();
        String passport = filed.passport();
        UUID id = filed.id();
        as("clerk-k5", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.UPHOLD, "经核实，记录无误");
            return null;
        });

        String file = mvc.perform(post("/console/file").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(authentication(Principals.staff("clerk-k5",
                                "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.SUBJECT_READ,
                                Permission.OBJECTION_HANDLE))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String cases = file.substring(file.indexOf("id=\"cases\""));
        assertThat(cases).contains("data-case=\"" + id + "\"", "/console/objections/" + id, "异议", "维持原记录");
        assertThat(file).doesNotContain(passport);

        String department = mvc.perform(post("/console/file").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "ADMINISTRATIVE_LICENSING").with(authentication(Principals.staff("reader-k5",
                                "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.SUBJECT_READ))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(department).contains(filed.decision()).doesNotContain("id=\"cases\"", "/console/objections/" + id);
    }

    /**
     * The open queue is paged with the count of all: with more than 500 open cases (the old cap), the one due last is
     * not on the first page but is reached on the last one. The copies are made by SQL (on records of their own, due
     * in 2099 so that no deadline watch takes them) and removed after.
     */
    @Test
    void everyOpenCaseIsReachedPageByPageAndAllAreCounted() throws Exception {
        Filed filed = filedAtCounter();
        String passport = filed.passport();
        UUID holder = filed.holder();
        UUID id = filed.id();
        jdbc.sql("""
                INSERT INTO objection.objection
                SELECT (json_populate_record(o, json_build_object('id', gen_random_uuid(), 'record_key',
                        gen_random_uuid(), 'due_on', DATE '2099-01-01' + g, 'received_on', DATE '2099-01-01' + g))).*
                FROM objection.objection o, generate_series(1, 501) g WHERE o.id = ?""").param(id).update();
        try {
            UUID last = jdbc.sql("SELECT id FROM objection.objection WHERE subject_id = ? AND due_on = DATE '2099-01-01' "
                    + "+ 501").param(holder).query(UUID.class).single();
            long open = jdbc.sql("SELECT count(*) FROM objection.objection WHERE status <> 'DECIDED'")
                    .query(Long.class).single();
            long pages = (open + Objections.OPEN_PER_PAGE - 1) / Objections.OPEN_PER_PAGE;
            assertThat(open).isGreaterThan(500);

            String first = mvc.perform(get("/console/objections").with(authentication(clerk())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(first).contains("待处理的异议：共 " + open + " 件", "id=\"open-pager\"", "rel=\"next\"",
                    "1 / " + pages).doesNotContain("data-objection=\"" + last + "\"");
            String lastPage = mvc.perform(get("/console/objections").param("page", String.valueOf(pages - 1))
                            .with(authentication(clerk())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(lastPage).contains("data-objection=\"" + last + "\"", "/console/objections/" + last,
                    "rel=\"prev\"").doesNotContain("rel=\"next\"", passport);
        } finally {
            jdbc.sql("DELETE FROM objection.objection WHERE subject_id = ? AND id <> ?").params(holder, id).update();
        }
    }

    /** A passport holder's penalty, and an objection to it filed for them at the counter. */
    private Filed filedAtCounter() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, "PASSPORT", passport, "史密斯", "P_ADMIN_PENALTY_GENERAL",
                decision);
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        UUID id = as("counter-k5", () -> objections.fileAtCounter(passport, "PASSPORT", decision, "本人到窗口提出"));
        return new Filed(passport, decision, holder, id);
    }

    record Filed(String passport, String decision, UUID holder, UUID id) {
    }

    private static UsernamePasswordAuthenticationToken clerk() {
        return Principals.staff("clerk-k5", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE);
    }
}
