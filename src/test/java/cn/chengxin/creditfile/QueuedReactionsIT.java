package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's chunks leave the subjects they changed queued (V462) rather than announcing each chunk's (issue #4): a
 * subject two chunks changed is announced once, when the queue is announced, and a subject leaves the queue only with
 * the transaction that published its {@link RecordsChanged}.
 */
@IntegrationTest
@RecordApplicationEvents
class QueuedReactionsIT {

    @Autowired
    CreditFile creditFile;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Catalogue catalogue;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    @Test
    void aBatchsSubjectsAreAnnouncedOnceAfterItsChunks() {
        creditFile.announceQueuedChanges(); // what other tests' batches may have left
        events.clear();
        UUID first = person("闵海涛");
        UUID second = person("柏雨欣");
        UUID batch = UUID.randomUUID();

        List<StoreOutcome> one = creditFile.storeOfBatch(batch, "test", List.of(penalty(first)), List.of(-1));
        List<StoreOutcome> two = creditFile.storeOfBatch(batch, "test", List.of(penalty(first), penalty(second)),
                List.of(-1, -1));

        assertThat(one).extracting(StoreOutcome::kind).containsExactly(StoreOutcome.Kind.STORED);
        assertThat(two).extracting(StoreOutcome::kind).containsOnly(StoreOutcome.Kind.STORED);
        assertThat(events.stream(RecordsChanged.class)).as("nothing announced per chunk").isEmpty();
        assertThat(events.stream(RecordStatesChanged.class)).as("the records' states still are, per chunk").hasSize(2);
        assertThat(JdbcClient.create(dataSource).sql("SELECT subject_id FROM creditfile.changed_subject "
                + "WHERE subject_id IN (?, ?)").params(first, second).query(UUID.class).list())
                .containsExactlyInAnyOrder(first, second);

        assertThat(creditFile.announceQueuedChanges()).isGreaterThanOrEqualTo(2);

        assertThat(events.stream(RecordsChanged.class).flatMap(e -> e.subjectIds().stream()))
                .as("each subject once").containsOnlyOnce(first, second);
        assertThat(creditFile.queuedChanges()).isZero();
        assertThat(creditFile.announceQueuedChanges()).as("announced once").isZero();
    }

    private UUID person(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private NewRecord penalty(UUID subject) {
        int itemVersion = catalogue.active().stream().filter(i -> i.code().equals("P_ADMIN_PENALTY_GENERAL"))
                .findFirst().orElseThrow().version();
        LocalDate decided = LocalDate.now().minusMonths(1);
        return new NewRecord(subject, "P_ADMIN_PENALTY_GENERAL", itemVersion, "MARKET", "Q-" + UUID.randomUUID(), 1,
                RecordAction.ADD, null, decided, Map.of("penalty_type", "警告", "facts", "未按规定公示年度报告",
                "basis", "《企业信息公示暂行条例》第八条", "authority", "驻马店市市场监督管理局"), decided.plusYears(1),
                decided.plusYears(5), "fp-" + UUID.randomUUID(), null, null, null);
    }
}
