package cn.chengxin.measures;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.HeldTransaction;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * H3: an exit reaches the departments that applied measures (RULES.md §7 "punishment stops at exit"). A check keeps
 * the entries its measures rested on; once all have ended, the department that fed a measure back as applied finds
 * the check under {@code GET /api/v1/checks/lifted} and on its console page, and no department owes feedback on a
 * check whose entries ended first.
 */
@IntegrationTest
class LiftedMeasuresIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Lifts lifts;

    @Autowired
    Listing listing;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Clock clock;

    @Autowired
    cn.chengxin.measures.persistence.JdbcMeasures store;

    @Autowired
    cn.chengxin.exchange.Exchange exchange;

    @Autowired
    cn.chengxin.audit.AuditLog audit;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aMeasureAppliedIsLiftedForItsDepartmentOnlyOnceEveryEntryItRestedOnHasEnded() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "史密斯", LocalDate.of(1979, 4, 2), null, List.of(), List.of(), false));
        UUID first = courtListed(holder, passport);
        UUID second = courtListed(holder, passport);
        String mine = freshDepartment();
        String others = freshDepartment();
        String myKey = systemOf(mine);
        String otherKey = systemOf(others);

        String applied = travelCheck(myKey, passport, 2, "旅检〔2026〕88号");
        String unanswered = travelCheck(myKey, passport, 2, "<i>旅检-7</i>");
        String othersApplied = travelCheck(otherKey, passport, 2);
        feedbackApplied(myKey, applied);
        feedbackApplied(otherKey, othersApplied);
        owed(myKey).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(unanswered));
        // The credit office's list of checks owing feedback shows each check's case reference, as text (H4).
        var office = authentication(Principals.staff("owed-watcher", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.MEASURE_CASES));
        assertThat(mvc.perform(get("/console/measures").param("department", mine).with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(unanswered).contains("&lt;i&gt;旅检-7&lt;/i&gt;").doesNotContain("<i>旅检-7");

        expire(first);
        follow();
        // One of its two entries is still in force: the measure still applies, and the feedback is still owed.
        lifted(myKey).andExpect(jsonPath("$.lifted").isEmpty()).andExpect(jsonPath("$.unacknowledged").value(0));
        owed(myKey).andExpect(jsonPath("$.total").value(1));

        expire(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            follow();
            lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));
        });
        String today = LocalDate.now(clock).toString();
        lifted(myKey).andExpect(status().isOk())
                .andExpect(jsonPath("$.lifted[0].checkId").value(applied))
                .andExpect(jsonPath("$.lifted[0].scenario").value("TRAVEL"))
                .andExpect(jsonPath("$.lifted[0].purpose").value("购票审查"))
                .andExpect(jsonPath("$.lifted[0].reference").value("旅检〔2026〕88号"))
                .andExpect(jsonPath("$.lifted[0].measureCodes[0]").value("NO_FLIGHTS_TRAINS"))
                .andExpect(jsonPath("$.lifted[0].endedOn").value(today))
                .andExpect(jsonPath("$.lifted[0].exitReason").value("有效期届满"))
                .andExpect(jsonPath("$.unacknowledged").value(1))
                .andExpect(jsonPath("$.next").doesNotExist());
        // The other department sees its own check only, never this one.
        lifted(otherKey).andExpect(jsonPath("$.lifted.length()").value(1))
                .andExpect(jsonPath("$.lifted[0].checkId").value(othersApplied));
        // The check nobody answered owes nothing any more: nothing is left to apply.
        owed(myKey).andExpect(jsonPath("$.total").value(0)).andExpect(jsonPath("$.checks").isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_lifted WHERE check_id = ?::uuid").param(unanswered)
                .query(Long.class).single()).isZero();
        // Read again from the start, the feed changes nothing: one row a check.
        jdbc.sql("UPDATE measures.feed_position SET position = 0 WHERE feed = 'listing'").update();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(follow()).isZero());
        lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));

        // The department's staff see it on the console and acknowledge it; another department's cannot.
        var myClerk = authentication(Principals.staff("lift-clerk", mine, Permission.CONSOLE_HOME,
                Permission.MEASURE_LIFTED));
        var otherClerk = authentication(Principals.staff("other-clerk", others, Permission.CONSOLE_HOME,
                Permission.MEASURE_LIFTED));
        String page = mvc.perform(get("/console/measures-lifted").with(myClerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(applied).contains("有效期届满").contains("旅检〔2026〕88号")
                .doesNotContain(othersApplied).doesNotContain(passport);
        // A reference is refused at the API when it holds an identity number; one kept all the same is masked.
        jdbc.sql("UPDATE measures.check_made SET reference = ? WHERE id = ?::uuid")
                .params("旅检 11010519491231002X", applied).update();
        assertThat(mvc.perform(get("/console/measures-lifted").with(myClerk)).andReturn().getResponse()
                .getContentAsString()).contains("旅检 1101" + "*".repeat(10) + "002X")
                .doesNotContain("11010519491231002X");
        // Not left in the database, whose every column other tests scan for clear numbers.
        jdbc.sql("UPDATE measures.check_made SET reference = ? WHERE id = ?::uuid").params("旅检〔2026〕88号", applied)
                .update();
        long seq = ((Number) JsonPath.read(lifted(myKey).andReturn().getResponse().getContentAsString(),
                "$.lifted[0].seq")).longValue();
        mvc.perform(post("/console/measures-lifted/{seq}/acknowledge", seq).with(otherClerk).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("failureCode", "LIFTED_UNKNOWN"));
        mvc.perform(post("/console/measures-lifted/{seq}/acknowledge", seq).with(myClerk).with(csrf()))
                .andExpect(status().is3xxRedirection());
        lifted(myKey).andExpect(jsonPath("$.unacknowledged").value(0))
                .andExpect(jsonPath("$.lifted[0].acknowledgedAt").isNotEmpty());
        assertThat(mvc.perform(get("/console/measures-lifted").with(myClerk)).andReturn().getResponse()
                .getContentAsString()).doesNotContain(applied);

        // Feedback "applied" given late, on a check whose entries had ended already: to be lifted at once.
        feedbackApplied(myKey, unanswered);
        lifted(myKey).andExpect(jsonPath("$.unacknowledged").value(1))
                .andExpect(jsonPath("$.lifted.length()").value(2))
                .andExpect(jsonPath("$.lifted[1].checkId").value(unanswered))
                .andExpect(jsonPath("$.lifted[1].acknowledgedAt").doesNotExist());
        assertThat(mvc.perform(get("/console/measures-lifted").with(myClerk)).andReturn().getResponse()
                .getContentAsString()).contains(unanswered).contains("&lt;i&gt;旅检-7&lt;/i&gt;");

        // Acknowledged over the API: by its own department only, audited once, a retry answered as the first.
        long late = ((Number) JsonPath.read(lifted(myKey).andReturn().getResponse().getContentAsString(),
                "$.lifted[1].seq")).longValue();
        acknowledgement(otherKey, late).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("LIFTED_UNKNOWN"));
        acknowledgement(myKey, Long.MAX_VALUE).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LIFTED_UNKNOWN"));
        String answer = acknowledgement(myKey, late).andExpect(status().isOk())
                .andExpect(jsonPath("$.seq").value(late))
                .andReturn().getResponse().getContentAsString();
        String acknowledgedAt = JsonPath.read(answer, "$.acknowledgedAt");
        assertThat(acknowledgedAt).isNotBlank();
        acknowledgement(myKey, late).andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedAt").value(acknowledgedAt));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.lifted.acknowledged' "
                + "AND detail = ?").param("reason=MEASURE_LIFT_ACKNOWLEDGED; lifted=" + late + "; department=" + mine)
                .query(Long.class).single()).isOne();
        // 审计日志 names it in the reader's language (K7), not by its code.
        assertThat(auditLog("")).contains("措施解除 " + late + "：" + mine + " 确认已停止执行")
                .doesNotContain("reason=MEASURE_LIFT_ACKNOWLEDGED");
        assertThat(auditLog("&lang=en")).contains("Lifted measures " + late + ": " + mine
                + " confirmed they are no longer applied").doesNotContain("确认已停止执行");
        lifted(myKey).andExpect(jsonPath("$.unacknowledged").value(0))
                .andExpect(jsonPath("$.lifted[1].acknowledgedAt").value(acknowledgedAt));
        // One its staff acknowledged on the console: answered as acknowledged, not refused.
        acknowledgement(myKey, seq).andExpect(status().isOk());
    }

    private ResultActions acknowledgement(String key, long seq) throws Exception {
        return mvc.perform(post("/api/v1/checks/lifted/{seq}/acknowledgement", seq)
                .header("Authorization", "Bearer " + key));
    }

    /**
     * An entry another platform issued ("一处失信，处处受限", RULES.md §11) that its platform no longer has in force ends
     * the measures here too: the check resting on it is lifted for the department that applied them.
     */
    @Test
    void aMeasureRestingOnAReceivedEntryIsLiftedWhenItsPlatformEndsIt() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "琼斯", LocalDate.of(1981, 7, 9), null, List.of(), List.of(), false));
        String sourceId = received(holder, LocalDate.now(clock).plusYears(1));
        String mine = freshDepartment();
        String myKey = systemOf(mine);
        String applied = travelCheck(myKey, passport, 1);
        feedbackApplied(myKey, applied);
        assertThat(jdbc.sql("SELECT array_to_string(entry_ids, ',') FROM measures.check_made WHERE id = ?::uuid")
                .param(applied).query(String.class).single()).isEqualTo("PROV41:" + sourceId);
        followReceived();
        lifted(myKey).andExpect(jsonPath("$.lifted").isEmpty());

        jdbc.sql("""
                        UPDATE exchange.received SET in_force = false,
                               change_seq = nextval('exchange.received_seq')
                        WHERE source_platform = 'PROV41' AND source_id = ?""").param(sourceId).update();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            followReceived();
            lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));
        });
        lifted(myKey).andExpect(jsonPath("$.lifted[0].checkId").value(applied))
                .andExpect(jsonPath("$.lifted[0].exitReason").value(Lifts.RECEIVED_EXIT))
                .andExpect(jsonPath("$.lifted[0].endedOn").value(LocalDate.now(clock).toString()))
                .andExpect(jsonPath("$.unacknowledged").value(1));
    }

    /**
     * An entry another platform issued that only passes its last day (validUntil), no version arriving since, has
     * ended on the day after (RULES.md §7): the check resting on it is lifted, once however often the follower runs.
     */
    @Test
    void aMeasureRestingOnAReceivedEntryIsLiftedOnceAfterItsLastDayPasses() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "布朗", LocalDate.of(1983, 2, 11), null, List.of(), List.of(), false));
        LocalDate lastDay = LocalDate.now(clock).plusDays(1);
        String key = "PROV41:" + received(holder, lastDay);
        String mine = freshDepartment();
        String myKey = systemOf(mine);
        String applied = travelCheck(myKey, passport, 1);
        feedbackApplied(myKey, applied);
        followReceived();
        lifted(myKey).andExpect(jsonPath("$.lifted").isEmpty());
        assertThat(jdbc.sql("SELECT valid_until FROM measures.received_until WHERE entry_id = ?").param(key)
                .query(LocalDate.class).single()).isEqualTo(lastDay);

        // Two days on, with no new version of the entry: it ended on the day after its last day.
        Lifts later = new Lifts(store, listing, exchange, audit, Clock.offset(clock, Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            followReceived(later);
            lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));
        });
        lifted(myKey).andExpect(jsonPath("$.lifted[0].checkId").value(applied))
                .andExpect(jsonPath("$.lifted[0].exitReason").value(Lifts.RECEIVED_EXPIRED))
                .andExpect(jsonPath("$.lifted[0].endedOn").value(lastDay.plusDays(1).toString()));
        // Followed again, by either, it is not lifted again. The follower on today's clock may read the entry again
        // (a number its cursor stepped over, read within its patience) and, on that clock, rightly keep its last day,
        // tomorrow; the one two days on, as time runs, ends it again without lifting anything twice.
        followReceived();
        followReceived(later);
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_lifted WHERE check_id = ?::uuid").param(applied)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM measures.received_until WHERE entry_id = ?").param(key)
                .query(Long.class).single()).isZero();
        lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));
    }

    /**
     * The race of a check answered on an entry that had just ended, the check index not yet refreshed: the follower
     * recorded the end, and marked the checks resting on the entry, before this check was stored. Fed back as
     * applied, it is lifted all the same, once.
     */
    @Test
    void aCheckStoredAfterItsEntrysEndWasRecordedIsLiftedOnceAppliedAllTheSame() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "史密斯", LocalDate.of(1977, 9, 23), null, List.of(), List.of(), false));
        UUID entry = courtListed(holder, passport);
        String mine = freshDepartment();
        String myKey = systemOf(mine);
        expire(entry);
        follow();
        assertThat(jdbc.sql("SELECT count(*) FROM measures.entry_ended WHERE entry_id = ?").param(entry.toString())
                .query(Long.class).single()).isOne();
        // The check as the index answered it before it read the exit, stored only now (with its audit event).
        UUID stale = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, owed_codes, feedback_due, entry_ids)
                        VALUES (?, now(), 'stale-index', ?, ?, 'TRAVEL', '购票审查', 1, '{NO_FLIGHTS_TRAINS}',
                                '{NO_FLIGHTS_TRAINS}', true, ARRAY[?])""")
                .params(stale, mine, subjects.pseudonymOf(holder).orElseThrow(), entry.toString()).update();
        // Counted in the case tally as the store counts every check it keeps (ChecksIT compares the two).
        jdbc.sql("""
                        INSERT INTO measures.case_tally AS t (measure_code, department_code, hits, owed)
                        VALUES ('NO_FLIGHTS_TRAINS', ?, 1, 1) ON CONFLICT (measure_code, department_code)
                            DO UPDATE SET hits = t.hits + 1, owed = t.owed + 1""")
                .param(mine).update();
        feedbackApplied(myKey, stale.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            lifts.catchChecksStoredAfterTheEnd();
            lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1));
        });
        lifted(myKey).andExpect(jsonPath("$.lifted[0].checkId").value(stale.toString()))
                .andExpect(jsonPath("$.lifted[0].endedOn").value(LocalDate.now(clock).toString()))
                .andExpect(jsonPath("$.lifted[0].exitReason").value("有效期届满"));
        // No feedback is owed on it any more, and looked at again it is not lifted again.
        owed(myKey).andExpect(jsonPath("$.total").value(0));
        lifts.catchChecksStoredAfterTheEnd();
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_lifted WHERE check_id = ?").param(stale)
                .query(Long.class).single()).isOne();
    }

    /**
     * Gaps review xxxviii S1: an exit whose transaction commits after a later list change, once the follower has
     * stepped over its number (the patience, 10 s), is read all the same: the department that applied the measure is
     * told it was lifted, with the exit's reason.
     */
    @Test
    void anEndCommittedAfterTheFollowerSteppedOverItsNumberIsLiftedAllTheSame() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "史密斯", LocalDate.of(1981, 6, 14), null, List.of(), List.of(), false));
        UUID entry = courtListed(holder, passport);
        String myKey = systemOf(freshDepartment());
        String applied = travelCheck(myKey, passport, 1);
        feedbackApplied(myKey, applied);
        try (HeldTransaction<Long> exit = HeldTransaction.open(transactions, "late-exit", () -> {
            listing.exit(entry, "信用修复已核准");
            return listing.entry(entry).orElseThrow().changeSeq();
        })) {
            // Meanwhile another person's entry is proposed and approved: later numbers, committed first.
            String other = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
            UUID later = courtListed(subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT,
                    other), "琼斯", LocalDate.of(1983, 2, 8), null, List.of(), List.of(), false)), other, "琼斯");
            long laterSeq = listing.entry(later).orElseThrow().changeSeq();
            assertThat(exit.result()).isLessThan(laterSeq);
            await().atMost(Duration.ofSeconds(30)).until(() -> position("listing") >= laterSeq);
            exit.commit();
        }
        // The check index reads it within seconds too, not at its reconciliation (5 minutes): the checks answered
        // on the ended entry meanwhile are stored within the time the lifts look at late checks (LATE_CHECKS).
        String probe = systemOf(freshDepartment());
        await().atMost(Duration.ofSeconds(30)).until(() -> basedOn(check(probe, travel(passport))), n -> n == -1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                lifted(myKey).andExpect(jsonPath("$.lifted.length()").value(1)));
        lifted(myKey).andExpect(jsonPath("$.lifted[0].checkId").value(applied))
                .andExpect(jsonPath("$.lifted[0].exitReason").value("信用修复已核准"));
    }

    /** An entry the platform PROV41 issued about the holder, in force until {@code lastDay}; returns its id there. */
    private String received(UUID holder, LocalDate lastDay) {
        String sourceId = "LIFT-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                               subject_pseudonym, masked_number, list_type, item_code, status, in_force, disputed,
                               period_end, issuing_platform, occurred_at, received_at, digest)
                        VALUES ('PROV41', ?, 1, 'LIST_ENTRY', 'PROV41', ?, 'E*******', 'BLACK', 'P_COURT_DEFAULTER',
                                'EFFECTIVE', true, false, ?, '河南省信用平台', now(), now(), 'x')""")
                .params(sourceId, subjects.pseudonymOf(holder).orElseThrow(), java.sql.Date.valueOf(lastDay))
                .update();
        return sourceId;
    }

    /** Follows the exchange's feed of received entries until it has read it all. */
    private void followReceived() {
        followReceived(lifts);
    }

    private void followReceived(Lifts follower) {
        for (int i = 0; i < 1_000; i++) {
            long before = position("received");
            follower.followReceived();
            if (position("received") == before) {
                break;
            }
        }
    }

    private long position(String feed) {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM measures.feed_position WHERE feed = ?")
                .param(feed).query(Long.class).single();
    }

    @Test
    void aCursorBelowZeroIsRefusedAsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/checks/lifted").param("after", "-1")
                        .header("Authorization", "Bearer " + systemOf(freshDepartment())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("AFTER_LIFTED_INVALID"));
    }

    /** Follows listing's change feed until it has read it all; returns how many checks were lifted. */
    private int follow() {
        int lifted = 0;
        for (int i = 0; i < 1_000; i++) {
            long before = position("listing");
            lifted += lifts.followListing();
            if (position("listing") == before) {
                break;
            }
        }
        return lifted;
    }

    /** The entry's last day moved to yesterday and the expiry run: it ends as every entry at its validity does. */
    private void expire(UUID entry) {
        jdbc.sql("UPDATE listing.entry SET valid_until = ? WHERE id = ?")
                .params(LocalDate.now(clock).minusDays(1), entry).update();
        listing.expireDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
    }

    /**
     * One check by {@code key}, once the index answers {@code entries} entries for the holder. The wait checks with a
     * probe department's key: each try stores a check, and the department's own must be this one only.
     */
    private String travelCheck(String key, String passport, int entries) throws Exception {
        return travelCheck(key, passport, entries, null);
    }

    /** As {@link #travelCheck(String, String, int)}, the department's case reference (H4) given with the check. */
    private String travelCheck(String key, String passport, int entries, String reference) throws Exception {
        String body = travel(passport);
        String probe = systemOf(freshDepartment());
        await().atMost(Duration.ofSeconds(15)).until(() -> basedOn(check(probe, body)), n -> n == entries);
        String answer = check(key, reference == null ? body
                : body.replace("}", ",\"reference\":\"" + reference + "\"}"));
        assertThat(basedOn(answer)).isEqualTo(entries);
        return JsonPath.read(answer, "$.checkId");
    }

    /** A travel check's body for the passport. */
    private static String travel(String passport) {
        return "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"scenario\":\"TRAVEL\","
                + "\"purpose\":\"购票审查\"}";
    }

    private String check(String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** How many entries NO_FLIGHTS_TRAINS rests on in a check's answer; -1 when it is not answered. */
    private static int basedOn(String answer) {
        List<List<String>> basedOn = JsonPath.read(answer, "$.measures[?(@.code == 'NO_FLIGHTS_TRAINS')].basedOn");
        return basedOn.size() == 1 ? basedOn.get(0).size() : -1;
    }

    private void feedbackApplied(String key, String check) throws Exception {
        mvc.perform(post("/api/v1/checks/" + check + "/feedback").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"未予出票\"}"))
                .andExpect(status().isNoContent());
    }

    /** 审计日志's acknowledgements, as an auditor reads them. */
    private String auditLog(String language) throws Exception {
        return mvc.perform(get("/console/audit?action=measures.lifted.acknowledged" + language)
                        .with(cn.chengxin.support.ConsoleStaff.staff("审计员（措施解除）", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions lifted(String key) throws Exception {
        return mvc.perform(get("/api/v1/checks/lifted").header("Authorization", "Bearer " + key));
    }

    private ResultActions owed(String key) throws Exception {
        return mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + key));
    }

    /** One more court-defaulter entry of the passport holder, approved by a reviewer; returns its id. */
    private UUID courtListed(UUID holder, String passport) throws Exception {
        return courtListed(holder, passport, "史密斯");
    }

    /** A court defaulter's record about the holder, named as registered (another name is refused), listed black. */
    private UUID courtListed(UUID holder, String passport, String name) throws Exception {
        UUID court = department("COURT");
        String courtKey = apiClients.issue("法院报送系统", "COURT", ApiClient.Kind.DEPARTMENT, court,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"documentType\":\"PASSPORT\","
                                + "\"subjectNumber\":\"" + passport + "\",\"subjectName\":\"" + name + "\",\"sourceRecordId\":\"PC-"
                                + UUID.randomUUID() + "\",\"decisionNumber\":\"(2026)豫1702执92号\","
                                + "\"decisionDate\":\"2026-03-02\",\"fields\":{\"case_number\":\"(2026)豫1702执92号\","
                                + "\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\",\"performance\":\"全部未履行\","
                                + "\"behaviour\":\"违反限制消费令\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(holder).stream()
                .filter(e -> e.listType() == ListType.BLACK && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                        .with(cn.chengxin.support.ConsoleStaff.staff("reviewer-lift", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return proposal.id();
    }

    private String freshDepartment() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        directory.createDepartment(code, "测试部门 " + code, Department.Kind.RESPONDING_UNIT, List.of());
        return code;
    }

    private String systemOf(String departmentCode) {
        return apiClients.issue("审批系统 " + departmentCode, departmentCode, ApiClient.Kind.DEPARTMENT,
                department(departmentCode), Set.of(Permission.API_SUBJECT_CHECK), 6000).key();
    }

    private UUID department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }
}
