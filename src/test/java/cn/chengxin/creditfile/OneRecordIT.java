package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxv P11: one record is read by its key ({@link CreditFile#record}, {@link CreditFile#recordAsShown}),
 * not found in the subject's whole file, and is exactly what the whole file held: the current version, its status as
 * stored, or as shown today past its last day of publication (RULES.md §4); never another subject's record.
 */
@IntegrationTest
class OneRecordIT {

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aRecordReadByItsKeyIsTheOneTheWholeFileHoldsAndOnlyItsSubjects() {
        UUID holder = person("钟一条");
        UUID other = person("钟另条");
        String source = "one-record-" + UUID.randomUUID();
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source, 1, RecordAction.ADD);
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source + "-b", 1, RecordAction.ADD);
        TestRecords.courtDefaulter(creditFile, catalogue, other, source + "-c", 1, RecordAction.ADD);
        FileEntry first = creditFile.fileOf(holder).stream()
                .filter(e -> e.recordKey().equals(keyOf(source))).findFirst().orElseThrow();

        assertThat(creditFile.record(holder, first.recordKey())).contains(first);
        assertThat(creditFile.record(other, first.recordKey())).as("another subject's record").isEmpty();
        assertThat(creditFile.record(holder, UUID.randomUUID())).isEmpty();
        assertThat(creditFile.record(holder, null)).isEmpty();

        // A corrected version replaces the first: the key reads the current one, as the file does.
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source, 2, RecordAction.UPDATE);
        FileEntry corrected = creditFile.fileOf(holder).stream()
                .filter(e -> e.recordKey().equals(first.recordKey())).findFirst().orElseThrow();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(creditFile.record(holder, first.recordKey())).contains(corrected);
    }

    @Test
    void aRecordPastItsLastDayOfPublicationIsAsTheFileAndTheShownFileHaveIt() {
        UUID holder = person("钟期满");
        String source = "one-record-" + UUID.randomUUID();
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source, 1, RecordAction.ADD);
        UUID key = keyOf(source);
        // Its last day was yesterday and the nightly job has not run yet.
        jdbc.sql("UPDATE creditfile.record SET publication_end = ? WHERE record_key = ? AND current")
                .params(LocalDate.now(clock).minusDays(1), key).update();

        FileEntry stored = creditFile.record(holder, key).orElseThrow();
        assertThat(stored.status()).as("as stored, as fileOf gives it").isEqualTo(RecordStatus.ACTIVE);
        assertThat(creditFile.fileOf(holder)).containsExactly(stored);
        FileEntry shown = creditFile.recordAsShown(holder, key).orElseThrow();
        assertThat(shown.status()).as("公示期满 from the day after its last day").isEqualTo(RecordStatus.EXPIRED);
        assertThat(creditFile.fileAsShown(holder)).containsExactly(shown);
    }

    /**
     * Session xlii: a reader looking into some records' content only (a list evaluation) gets the files as they are,
     * with the content of the records of the items or keys it names and an empty one for the rest.
     */
    @Test
    void filesReadForSomeRecordsContentCarryOnlyTheirs() {
        UUID holder = person("钟内容");
        String source = "one-record-" + UUID.randomUUID();
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source, 1, RecordAction.ADD);
        TestRecords.courtDefaulter(creditFile, catalogue, holder, source + "-b", 1, RecordAction.ADD);
        UUID named = keyOf(source);
        List<FileEntry> whole = creditFile.filesOf(List.of(holder)).get(holder);
        assertThat(whole).hasSize(2).allSatisfy(e -> assertThat(e.content()).isNotEmpty());

        assertThat(creditFile.filesOf(List.of(holder), Set.of("P_COURT_DEFAULTER"), Set.of()).get(holder))
                .as("the item named: every record's content").containsExactlyInAnyOrderElementsOf(whole);
        List<FileEntry> byKey = creditFile.filesOf(List.of(holder), Set.of("P_OTHER"), Set.of(named)).get(holder);
        assertThat(byKey).hasSize(2);
        for (FileEntry e : byKey) {
            FileEntry full = whole.stream().filter(w -> w.recordKey().equals(e.recordKey())).findFirst().orElseThrow();
            if (e.recordKey().equals(named)) {
                assertThat(e).as("the record named by its key").isEqualTo(full);
            } else {
                assertThat(e.content()).as("a record neither named").isEmpty();
                assertThat(e.decisionDate()).isEqualTo(full.decisionDate());
                assertThat(e.status()).isEqualTo(full.status());
            }
        }
    }

    private UUID person(String name) {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
    }

    private UUID keyOf(String sourceRecordId) {
        return jdbc.sql("SELECT record_key FROM creditfile.record WHERE source_record_id = ? AND current")
                .param(sourceRecordId).query(UUID.class).single();
    }
}
