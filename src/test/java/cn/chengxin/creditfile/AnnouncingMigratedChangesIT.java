package cn.chengxin.creditfile;

import java.util.UUID;

import javax.sql.DataSource;

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
 * The record states a migration changed (V88) reach the modules that derive from records — lists, scores, the
 * exchange — as a change CreditFile makes does: by its two events, once, for the records concerned only.
 */
@IntegrationTest
@RecordApplicationEvents
class AnnouncingMigratedChangesIT {

    @Autowired
    AnnouncingMigratedChanges announcing;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    @Test
    void announcesWhatAMigrationChangedOnce() {
        // What other tests' migration runs left (V267 run again by CourtListingPublicationIT), announced and forgotten.
        announcing.announce();
        events.clear();
        TestCitizens.Person person = TestCitizens.register(subjects, "邵建国");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID record = UUID.randomUUID();
        JdbcClient.create(dataSource).sql("INSERT INTO creditfile.unannounced_change (subject_id, record_key, "
                + "item_code) VALUES (?, ?, 'P_ADMIN_PENALTY_GENERAL')").params(subject, record).update();

        assertThat(announcing.announce()).isEqualTo(1);

        assertThat(events.stream(RecordsChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.subjectIds()).containsExactly(subject));
        assertThat(events.stream(RecordStatesChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.records()).containsExactly(
                        new RecordStatesChanged.ChangedRecord(subject, record, "P_ADMIN_PENALTY_GENERAL")));
        assertThat(announcing.announce()).as("announced once").isZero();
    }
}
