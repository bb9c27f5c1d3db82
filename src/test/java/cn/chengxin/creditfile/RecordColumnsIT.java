package cn.chengxin.creditfile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The columns a full computation reads ({@link CreditFile#columnsBetween}) come from packed facts per subject
 * (V36), kept apart from the records: they must show every change of a subject's records the moment it is
 * committed — a new record, a new version, a change of state — the records in use only, filtered by item and
 * date as asked.
 */
@IntegrationTest
class RecordColumnsIT {

    private static final String GENERAL = "P_ADMIN_PENALTY_GENERAL";
    private static final String SERIOUS = "P_ADMIN_PENALTY_SERIOUS";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    DataSource dataSource;

    @Test
    void theColumnsFollowEveryChangeOfTheRecords() throws Exception {
        Person p = person();
        assertThat(rows(p, List.of(GENERAL, SERIOUS), null)).isEmpty();

        LocalDate first = LocalDate.now().minusMonths(3);
        TestRecords.deliver(mvc, apiClients, directory, penalty(p, GENERAL, "A", "1", "ADD"), first);
        TestRecords.deliver(mvc, apiClients, directory, penalty(p, SERIOUS, "B", "1", "ADD"), first.minusYears(2));
        UUID a = keyOf(p, GENERAL);
        UUID b = keyOf(p, SERIOUS);
        // The item's position among the codes asked for, and the filters on item and date.
        assertThat(rows(p, List.of(GENERAL, SERIOUS), null))
                .containsExactlyInAnyOrder(new Row(p.id(), a, 0, first), new Row(p.id(), b, 1, first.minusYears(2)));
        assertThat(rows(p, List.of(SERIOUS, GENERAL), null))
                .containsExactlyInAnyOrder(new Row(p.id(), a, 1, first), new Row(p.id(), b, 0, first.minusYears(2)));
        assertThat(rows(p, List.of(GENERAL), null)).containsExactly(new Row(p.id(), a, 0, first));
        assertThat(rows(p, List.of(GENERAL, SERIOUS), first.minusYears(1)))
                .containsExactly(new Row(p.id(), a, 0, first));

        // A new version replaces the record's facts: one row, with the new decision date.
        LocalDate corrected = first.plusDays(10);
        TestRecords.deliver(mvc, apiClients, directory, penalty(p, GENERAL, "A", "2", "UPDATE"), corrected);
        assertThat(rows(p, List.of(GENERAL), null)).containsExactly(new Row(p.id(), a, 0, corrected));

        // A change of state: a record in dispute is still in use; a repaired one is not (RULES.md §4).
        assertThat(creditFile.changeStatus(p.id(), b, Set.of(RecordStatus.ACTIVE), RecordStatus.IN_DISPUTE, "test",
                "异议")).isTrue();
        assertThat(rows(p, List.of(GENERAL, SERIOUS), null))
                .containsExactlyInAnyOrder(new Row(p.id(), a, 0, corrected), new Row(p.id(), b, 1, first.minusYears(2)));
        assertThat(creditFile.changeStatus(p.id(), b, Set.of(RecordStatus.IN_DISPUTE), RecordStatus.REPAIRED, "test",
                "信用修复")).isTrue();
        assertThat(rows(p, List.of(GENERAL, SERIOUS), null)).containsExactly(new Row(p.id(), a, 0, corrected));
    }

    /**
     * A record whose transaction is still open while the facts are repacked is neither packed nor forgotten: its
     * mark commits with it and the next read packs it.
     */
    @Test
    void aRecordCommittedDuringARepackIsPackedByTheNextRead() throws Exception {
        Person p = person();
        UUID key = UUID.randomUUID();
        LocalDate decided = LocalDate.now().minusMonths(2);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertRecord(writer, p, key, GENERAL, decided);
            creditFile.refreshFacts();
            assertThat(rows(p, List.of(GENERAL), null)).as("not committed yet").isEmpty();
            writer.commit();
        }
        assertThat(rows(p, List.of(GENERAL), null)).containsExactly(new Row(p.id(), key, 0, decided));
    }

    /**
     * Items are packed by number (V44): a code stored for the first time gets its number with the record, in the
     * same statement, so the record reads back under its code at once.
     */
    @Test
    void aRecordOfANewItemCodeReadsBackUnderItsCode() throws Exception {
        Person p = person();
        String code = "P_TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        UUID key = UUID.randomUUID();
        LocalDate decided = LocalDate.now().minusDays(5);
        try (Connection writer = dataSource.getConnection()) {
            insertRecord(writer, p, key, code, decided);
        }
        assertThat(rows(p, List.of(GENERAL, code), null)).containsExactly(new Row(p.id(), key, 1, decided));
        assertThat(rows(p, List.of(GENERAL), null)).isEmpty();
    }

    /**
     * A record stored not in use (a penalty whose publication ended before it arrived: RULES.md §4) marks nothing to
     * repack (V560) and reads as no record; one stored in use is marked in its transaction and read at once; a new
     * version not in use that replaces it takes it out of the facts (the previous version's update marks it).
     */
    @Test
    void aRecordStoredNotInUseMarksNothingYetAReplacementNotInUseIsPacked() throws Exception {
        Person p = person();
        LocalDate decided = LocalDate.now().minusYears(3);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertRecord(writer, p, UUID.randomUUID(), GENERAL, decided, "EXPIRED", 1);
            assertThat(marks(writer, p)).as("a record not in use leaves the facts as they were").isZero();
            writer.commit();
        }
        assertThat(rows(p, List.of(GENERAL), null)).isEmpty();

        UUID key = UUID.randomUUID();
        LocalDate recent = LocalDate.now().minusMonths(1);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertRecord(writer, p, key, GENERAL, recent, "ACTIVE", 1);
            assertThat(marks(writer, p)).as("a record in use is repacked").isPositive();
            writer.commit();
        }
        assertThat(rows(p, List.of(GENERAL), null)).containsExactly(new Row(p.id(), key, 0, recent));

        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement retire = writer.prepareStatement(
                    "UPDATE creditfile.record SET current = false WHERE record_key = ? AND current")) {
                retire.setObject(1, key);
                retire.executeUpdate();
            }
            insertRecord(writer, p, key, GENERAL, recent, "EXPIRED", 2);
            writer.commit();
        }
        assertThat(rows(p, List.of(GENERAL), null)).as("its replacement is not in use").isEmpty();
    }

    /** The subject's marks to repack as {@code writer} sees them (its own uncommitted ones included). */
    private static int marks(Connection writer, Person p) throws java.sql.SQLException {
        try (PreparedStatement count = writer.prepareStatement(
                "SELECT count(*) FROM creditfile.subject_facts_stale WHERE subject_id = ?")) {
            count.setObject(1, p.id());
            try (java.sql.ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A range holds the subjects of its ids only, in id order, with their records beside each other. */
    @Test
    void aRangeHoldsItsSubjectsOnlyInTheirOrder() throws Exception {
        Person one = person();
        Person two = person();
        LocalDate decided = LocalDate.now().minusMonths(1);
        TestRecords.deliver(mvc, apiClients, directory, penalty(one, GENERAL, "A", "1", "ADD"), decided);
        TestRecords.deliver(mvc, apiClients, directory, penalty(two, GENERAL, "A", "1", "ADD"), decided);
        TestRecords.deliver(mvc, apiClients, directory, penalty(two, SERIOUS, "B", "1", "ADD"), decided);
        Person low = compare(one.id(), two.id()) < 0 ? one : two;
        Person high = low == one ? two : one;

        List<Row> both = read(before(low.id()), high.id(), List.of(GENERAL, SERIOUS), null).stream()
                .filter(r -> r.subject().equals(low.id()) || r.subject().equals(high.id())).toList();
        assertThat(both).extracting(Row::subject).containsSubsequence(low.id(), high.id());
        assertThat(both).extracting(Row::subject).isSortedAccordingTo(RecordColumnsIT::compare);
        assertThat(both).hasSize(3);
        assertThat(read(low.id(), high.id(), List.of(GENERAL, SERIOUS), null))
                .extracting(Row::subject).doesNotContain(low.id()).contains(high.id());
    }

    /** Stores a current ACTIVE record straight into the table, on {@code writer} (its transaction, if one is open). */
    private static void insertRecord(Connection writer, Person p, UUID key, String itemCode, LocalDate decided)
            throws java.sql.SQLException {
        insertRecord(writer, p, key, itemCode, decided, "ACTIVE", 1);
    }

    /** {@link #insertRecord(Connection, Person, UUID, String, LocalDate)} as the version given, in the state given. */
    private static void insertRecord(Connection writer, Person p, UUID key, String itemCode, LocalDate decided,
                                     String status, int version) throws java.sql.SQLException {
        try (PreparedStatement insert = writer.prepareStatement("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                       department_code, source_record_id, action, decision_date, content, fingerprint, status,
                       batch_id, accepted_at, accepted_by)
                VALUES (?, ?, ?, true, ?, ?, 1, 'MARKET', ?, ?, ?, '{}'::jsonb, 'test', ?, ?, now(),
                        'test')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, key);
            insert.setInt(3, version);
            insert.setObject(4, p.id());
            insert.setString(5, itemCode);
            insert.setString(6, "RC-" + key);
            insert.setString(7, version == 1 ? "ADD" : "UPDATE");
            insert.setObject(8, decided);
            insert.setString(9, status);
            insert.setObject(10, UUID.randomUUID());
            insert.executeUpdate();
        }
    }

    private record Row(UUID subject, UUID recordKey, int item, LocalDate decided) {
    }

    private record Person(UUID id, String number, String name) {
    }

    private List<Row> rows(Person p, List<String> items, LocalDate from) {
        return read(before(p.id()), p.id(), items, from);
    }

    private List<Row> read(UUID after, UUID last, List<String> items, LocalDate from) {
        RecordColumns columns = creditFile.columnsBetween(after, last, items, from, new RecordColumns());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < columns.size(); r++) {
            rows.add(new Row(new UUID(columns.subjectMost(r), columns.subjectLeast(r)),
                    new UUID(columns.keyMost(r), columns.keyLeast(r)), columns.item(r),
                    LocalDate.ofEpochDay(columns.decisionDay(r))));
        }
        return rows;
    }

    /** The id just before {@code id} in the database's order (unsigned, high bits first). */
    private static UUID before(UUID id) {
        long least = id.getLeastSignificantBits();
        return least == 0 ? new UUID(id.getMostSignificantBits() - 1, -1L) : new UUID(id.getMostSignificantBits(),
                least - 1);
    }

    private static int compare(UUID x, UUID y) {
        int order = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return order != 0 ? order : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }

    private UUID keyOf(Person p, String item) {
        return creditFile.fileOf(p.id()).stream().filter(e -> e.itemCode().equals(item)).findFirst().orElseThrow()
                .recordKey();
    }

    private static TestRecords.Penalty penalty(Person p, String item, String source, String version, String action) {
        return new TestRecords.Penalty(p.number(), p.name(), item, "RC-" + p.id() + "-" + source, version, action,
                "驻市监罚〔2026〕" + source + "号", "无照经营");
    }

    /** A registered person with a fresh number ({@link TestCitizens}) and their subject id. */
    private Person person() {
        TestCitizens.Person citizen = TestCitizens.register(subjects, "柯明远");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, citizen.number())).orElseThrow();
        return new Person(id, citizen.number(), citizen.name());
    }
}
