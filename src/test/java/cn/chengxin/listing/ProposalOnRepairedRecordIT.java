package cn.chengxin.listing;

import java.time.Duration;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxviii S5: an evaluation that read a record before its repair committed proposes an entry the repair
 * could not see to end. Nobody is listed on a record no longer used (RULES.md §6, §7): the proposal is not approved,
 * and an entry approved before its record was repaired ends when it would take effect.
 */
@IntegrationTest
class ProposalOnRepairedRecordIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProposalWhoseRecordWasRepairedMeanwhileIsNotApproved() throws Exception {
        ListEntry proposal = proposalOnASeriousPenalty("公孙修");
        // The repair approved while the evaluation ran: the record is repaired, the proposal committed after it.
        repaired(proposal);

        Throwable approval = catchThrowable(() -> as("checker-s5", () -> listing.approve(proposal.id(), "核实无误")));

        assertThat(approval).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_RECORD_NOT_SHOWN");
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(listing.noticesOfEntry(proposal.id())).isEmpty();
        // The reviewer is told why, in Chinese, on the entry's page.
        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                        .with(staff("reviewer-s5", "list:review")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("所依据的信用记录已修复，不能同意认定")));
    }

    @Test
    void anEntryApprovedBeforeItsRecordWasRepairedEndsInsteadOfTakingEffect() throws Exception {
        ListEntry proposal = proposalOnASeriousPenalty("公孙仪");
        as("checker-s5", () -> listing.approve(proposal.id(), "核实无误"));
        // In its notice period, due (the tick does not look at the list), when the repair reaches its record.
        jdbc.sql("UPDATE listing.entry SET status = 'PUBLIC_NOTICE', effective_from = now() - interval '1 second' "
                + "WHERE id = ?").param(proposal.id()).update();
        long effectiveNotices = effectiveNotices(proposal.id());
        repaired(proposal);

        listing.activateDue();

        ListEntry entry = listing.entry(proposal.id()).orElseThrow();
        assertThat(entry.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(entry.exitReason()).isEqualTo("所依据的信用记录已修复");
        assertThat(effectiveNotices(proposal.id())).as("no effective notice from the tick").isEqualTo(effectiveNotices);
        assertThat(listing.noticesOfEntry(proposal.id())).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
    }

    private long effectiveNotices(UUID entry) {
        return listing.noticesOfEntry(entry).stream().filter(n -> n.kind() == ListNotice.Kind.EFFECTIVE).count();
    }

    private ListEntry proposalOnASeriousPenalty(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕" + (int) (Math.random() * 900 + 100) + "号");
        return await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> "GREY_ADMIN_PENALTY_SERIOUS".equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
    }

    private void repaired(ListEntry entry) {
        jdbc.sql("UPDATE creditfile.record SET status = 'REPAIRED' WHERE record_key = ? AND current")
                .param(entry.recordKey()).update();
    }
}
