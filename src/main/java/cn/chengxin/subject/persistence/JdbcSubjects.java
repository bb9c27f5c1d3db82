package cn.chengxin.subject.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.shared.jdbc.PostgresCopy;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectCounts;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectProfile.OccupationView;
import cn.chengxin.subject.SubjectProfile.ResidenceView;
import cn.chengxin.subject.SubjectProfile.ResponsibleView;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.NameSource;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.protection.SealedNumber;
import cn.chengxin.shared.jdbc.UuidOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subject registry's tables (schema {@code subject}), one subject at a time. */
@Repository
public class JdbcSubjects {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final HeldDocuments held;

    public JdbcSubjects(JdbcClient jdbc, DataSource dataSource, HeldDocuments held) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.held = held;
    }

    /**
     * The subject holding the document: registered under it, or holding it as an approved further document (gaps
     * review xxx L1). One query: the further documents' index is probed only when the registry's misses (the append
     * stops at its first row).
     */
    public Optional<UUID> idOf(DocumentType type, byte[] index) {
        return jdbc.sql("SELECT id FROM subject.subject WHERE document_type = ? AND number_index = ? UNION ALL "
                        + FURTHER_SUBJECT + " WHERE document_type = ? AND number_index = ? AND status = 'APPROVED' "
                        + "LIMIT 1")
                .params(type.name(), index, type.name(), index).query(UUID.class).optional();
    }

    private static final String FURTHER_SUBJECT = "SELECT subject_id FROM subject.further_document";

    /**
     * The establishment dates of the organisations holding these blind indexes (hex), by index; an organisation whose
     * date is not recorded is left out. One probe of the unique index per number.
     */
    /** Sets the dates by subject; {@code onlyUnknown}: only where none is recorded. */
    public void recordEstablishment(java.util.Map<UUID, LocalDate> datesBySubject, boolean onlyUnknown) {
        List<UUID> ids = List.copyOf(datesBySubject.keySet());
        jdbc.sql("""
                        UPDATE subject.organisation o SET established_on = d.day
                        FROM unnest(?::text[]::uuid[], ?::text[]::date[]) AS d(subject_id, day)
                        WHERE o.subject_id = d.subject_id AND o.established_on IS DISTINCT FROM d.day
                          AND (NOT ? OR o.established_on IS NULL)""")
                .params(ids.stream().map(UUID::toString).toArray(String[]::new),
                        ids.stream().map(id -> datesBySubject.get(id).toString()).toArray(String[]::new), onlyUnknown)
                .update();
    }

    public java.util.Map<String, LocalDate> establishedOn(java.util.Collection<String> hexIndexes) {
        java.util.Map<String, LocalDate> found = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT encode(s.number_index, 'hex'), o.established_on
                        FROM subject.subject s JOIN subject.organisation o ON o.subject_id = s.id
                        WHERE s.document_type = ? AND s.number_index = ANY(?::text[]::bytea[])
                          AND o.established_on IS NOT NULL""")
                .params(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE.name(),
                        hexIndexes.stream().map(h -> "\\x" + h).toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getDate(2).toLocalDate())).list();
        return found;
    }

    /**
     * The holder's blind index (hex) of every blind index (hex) some subject holds: itself for the document a subject
     * was registered under, the subject's for an approved further document (gaps review xxx L1). One query for many;
     * the further documents are read only for the indexes the registry lacks.
     */
    public java.util.Map<String, String> holders(java.util.Collection<String> hexIndexes) {
        java.util.Map<String, String> holders = new java.util.HashMap<>();
        jdbc.sql("""
                        WITH asked AS (SELECT ?::text[]::bytea[] AS indexes),
                        registered AS (
                            SELECT s.number_index AS asked, s.number_index AS holder FROM subject.subject s, asked
                            WHERE s.document_type = ANY(?::text[]) AND s.number_index = ANY(asked.indexes))
                        SELECT encode(asked, 'hex'), encode(holder, 'hex') FROM registered
                        UNION ALL
                        SELECT encode(f.number_index, 'hex'), encode(s.number_index, 'hex')
                        FROM subject.further_document f JOIN subject.subject s ON s.id = f.subject_id, asked
                        WHERE f.status = 'APPROVED' AND f.document_type = ANY(?::text[])
                          AND f.number_index = ANY(asked.indexes)
                          AND f.number_index <> ALL(ARRAY(SELECT r.asked FROM registered r))""")
                .params(hexIndexes.stream().map(h -> "\\x" + h).toArray(String[]::new), ALL_TYPES, ALL_TYPES)
                .query((rs, n) -> holders.put(rs.getString(1), rs.getString(2))).list();
        return holders;
    }

    private static final String[] ALL_TYPES = java.util.Arrays.stream(DocumentType.values()).map(Enum::name)
            .toArray(String[]::new);

    /**
     * Hands the first eight bytes of every registered subject's blind index, big-endian, to {@code into}: one binary
     * COPY, no object per subject (a city's million residents in about a second).
     */
    public void eachIndexPrefix(java.util.function.LongConsumer into) {
        PostgresCopy.copyOut(dataSource, "SELECT number_index FROM subject.subject", rows -> {
            while (rows.next()) {
                if (rows.bytesInPlace() >= Long.BYTES) {
                    into.accept((long) PREFIX.get(rows.array(), rows.fieldStart()));
                }
            }
        });
    }

    private static final java.lang.invoke.VarHandle PREFIX = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** A registered subject's id and name, and whether the name is provisional ({@link NameSource#provisional}). */
    public record Named(UUID id, String name, boolean provisional) {
    }

    /** Id and name of every registered subject among the blind indexes (hex), in one query. */
    public java.util.Map<String, Named> byIndexes(DocumentType type, List<String> hexIndexes) {
        java.util.Map<String, Named> found = new java.util.HashMap<>();
        // An array match on the unique (document_type, number_index) index: one index probe per number,
        // never a hash join over the whole registry.
        // An approved further document (gaps review xxx L1) answers with the subject holding it.
        jdbc.sql("""
                        SELECT encode(number_index, 'hex'), id, name, name_source FROM subject.subject
                        WHERE document_type = ? AND number_index = ANY(?::text[]::bytea[])
                        UNION ALL
                        SELECT encode(f.number_index, 'hex'), s.id, s.name, s.name_source
                        FROM subject.further_document f JOIN subject.subject s ON s.id = f.subject_id
                        WHERE f.status = 'APPROVED' AND f.document_type = ? AND f.number_index = ANY(?::text[]::bytea[])""")
                .params(type.name(), hexIndexes.stream().map(h -> "\\x" + h).toArray(String[]::new), type.name(),
                        hexIndexes.stream().map(h -> "\\x" + h).toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), new Named(rs.getObject(2, UUID.class),
                        rs.getString(3), NameSource.valueOf(rs.getString(4)).provisional())))
                .list();
        return found;
    }

    /**
     * Inserts the subject row unless the number is already held: registered, or approved as a further document (gaps
     * review xli V4). Under {@link HeldDocuments#lockForRegistering()}, so that the check sees an approval of the
     * number committed meanwhile, and an approval under way waits for this transaction.
     *
     * @return the new id, or empty when another transaction came to hold the same number first
     */
    public Optional<UUID> insertSubject(UUID id, SubjectKind kind, SealedNumber number, String name,
                                        boolean synthetic, NameSource nameSource) {
        held.lockForRegistering();
        return jdbc.sql("""
                        INSERT INTO subject.subject (id, kind, document_type, number_index, number_cipher,
                            number_key_version, number_masked, name, synthetic, name_source)
                        SELECT ?::uuid, ?::text, ?::text, ?::bytea, ?::bytea, ?::smallint, ?::text, ?::text,
                               ?::boolean, ?::text
                        WHERE NOT EXISTS (SELECT 1 FROM subject.further_document
                                          WHERE document_type = ? AND number_index = ? AND status = 'APPROVED')
                        ON CONFLICT (document_type, number_index) DO NOTHING RETURNING id""")
                .params(id, kind.name(), number.type().name(), number.index(), number.cipher(),
                        number.keyVersion(), number.masked(), name, synthetic, nameSource.name(),
                        number.type().name(), number.index())
                .query(UUID.class).optional();
    }

    /**
     * Gives a subject registered under a provisional name ({@link NameSource#EXCHANGE}) its name; a subject whose name
     * is no longer provisional keeps it (of two at once, the first).
     *
     * @return whether the name was set
     */
    public boolean settleName(UUID id, String name, NameSource source) {
        return jdbc.sql("UPDATE subject.subject SET name = ?, name_source = ? WHERE id = ? AND name_source = 'EXCHANGE'")
                .params(name, source.name(), id).update() == 1;
    }

    /** A relayed subject's name as held: the name ("" for the placeholder), where it came from, its origin. */
    public record RelayedName(String name, NameSource source, String origin) {
    }

    /** The subject's name, its source and its origin, locked until the transaction ends (one change at a time). */
    public Optional<RelayedName> relayedName(UUID id) {
        return jdbc.sql("SELECT name, name_source, name_origin FROM subject.subject WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> new RelayedName(rs.getString(1), NameSource.valueOf(rs.getString(2)),
                        rs.getString(3))).optional();
    }

    /** Makes {@code origin} the platform a relayed subject's name follows, unless one is known already. */
    public void originate(UUID id, String origin) {
        jdbc.sql("UPDATE subject.subject SET name_origin = ? WHERE id = ? AND name_origin IS NULL")
                .params(origin, id).update();
    }

    /** Replaces a relayed subject's placeholder (the empty name) by a name a message carried; still provisional. */
    public boolean giveRelayedName(UUID id, String name) {
        return jdbc.sql("UPDATE subject.subject SET name = ? WHERE id = ? AND name = '' AND name_source = 'EXCHANGE'")
                .params(name, id).update() == 1;
    }

    public void insertPersonDetails(UUID id, NewPerson person) {
        jdbc.sql("INSERT INTO subject.person (subject_id, birth_date, gender) VALUES (?, ?, ?)")
                .params(id, person.birthDate(), person.genderCode()).update();
        for (NewPerson.Residence r : person.residences()) {
            jdbc.sql("INSERT INTO subject.residency (person_id, kind, region_code, valid_from) VALUES (?, ?, ?, ?)")
                    .params(id, r.kind().name(), r.regionCode(), r.from()).update();
        }
        for (NewPerson.Occupation o : person.occupations()) {
            jdbc.sql("""
                            INSERT INTO subject.occupational_membership (person_id, occupational_group, valid_from)
                            VALUES (?, ?, ?)""")
                    .params(id, o.group().name(), o.from()).update();
        }
    }

    /** The residence of the record {@code recordKey}, inserted or corrected; {@code null}: the record was revoked. */
    public void recordResidence(UUID personId, UUID recordKey, cn.chengxin.subject.domain.RegisteredResidence r) {
        if (r == null) {
            jdbc.sql("DELETE FROM subject.residency WHERE source_record = ?").param(recordKey).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO subject.residency (person_id, kind, region_code, valid_from, valid_to, source_record)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (source_record) DO UPDATE SET kind = excluded.kind,
                            region_code = excluded.region_code, valid_from = excluded.valid_from,
                            valid_to = excluded.valid_to""")
                .params(personId, r.kind().name(), r.regionCode(), r.from(), r.to(), recordKey).update();
    }

    /** The membership of the record {@code recordKey}, inserted or corrected; {@code null}: the record was revoked. */
    public void recordMembership(UUID personId, UUID recordKey, cn.chengxin.subject.domain.RegisteredMembership m) {
        if (m == null) {
            jdbc.sql("DELETE FROM subject.occupational_membership WHERE source_record = ?").param(recordKey).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO subject.occupational_membership (person_id, occupational_group, valid_from,
                                                                     valid_to, issued_by, source_record)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (source_record) DO UPDATE SET occupational_group = excluded.occupational_group,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                            issued_by = excluded.issued_by""")
                .params(personId, m.group().name(), m.from(), m.to(), m.issuedBy(), recordKey).update();
    }

    public void insertOrganisationDetails(UUID id, NewOrganisation organisation) {
        String code = organisation.document().number();
        jdbc.sql("""
                        INSERT INTO subject.organisation (subject_id, registration_authority, organisation_type,
                            registration_region, established_on) VALUES (?, ?, ?, ?, ?)""")
                .params(id, code.substring(0, 1), code.substring(1, 2), code.substring(2, 8),
                        organisation.establishedOn())
                .update();
        for (NewOrganisation.Responsible r : organisation.responsiblePersons()) {
            jdbc.sql("""
                            INSERT INTO subject.responsible_person (organisation_id, person_id, role, valid_from)
                            VALUES (?, ?, ?, ?)""")
                    .params(id, r.personId(), r.role().name(), r.from()).update();
        }
    }

    public Optional<StoredNumber> storedNumber(UUID id) {
        return jdbc.sql("SELECT document_type, number_cipher, number_key_version FROM subject.subject WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredNumber(DocumentType.valueOf(rs.getString(1)), rs.getBytes(2),
                        rs.getInt(3)))
                .optional();
    }

    public Optional<UUID> firstSyntheticAdult(java.time.LocalDate bornBefore) {
        return jdbc.sql("""
                        SELECT s.id FROM subject.subject s JOIN subject.person p ON p.subject_id = s.id
                        WHERE s.synthetic AND p.birth_date <= ? ORDER BY s.id LIMIT 1""")
                .param(bornBefore).query(UUID.class).optional();
    }

    /** Birth date, first current residence and its region of many persons (for scoring), by id. */
    public java.util.Map<UUID, cn.chengxin.subject.ResidentFacts> residentFacts(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, cn.chengxin.subject.ResidentFacts> found = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT p.subject_id, p.birth_date, r.valid_from, r.region_code
                        FROM subject.person p
                        LEFT JOIN LATERAL (SELECT valid_from, region_code FROM subject.residency
                                           WHERE person_id = p.subject_id AND valid_to IS NULL
                                           ORDER BY valid_from, region_code LIMIT 1) r ON true
                        WHERE p.subject_id = ANY(?::uuid[])""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), new cn.chengxin.subject.ResidentFacts(
                        rs.getObject(1, UUID.class), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4))))
                .list();
        return found;
    }

    /** Ids are time-ordered (v7), never the nil UUID, so the nil and the max UUID bound every range. */
    private static final UUID LOWEST_ID = new UUID(0, 0);
    private static final UUID HIGHEST_ID = new UUID(-1, -1);

    /**
     * The last id of the page of {@code limit} persons after {@code after} (null: from the start); empty when fewer
     * persons follow, so that the page runs to the end. An index-only walk of the primary key.
     */
    public Optional<UUID> personPageEnd(UUID after, int limit) {
        return jdbc.sql("SELECT subject_id FROM subject.person WHERE subject_id > ? ORDER BY subject_id OFFSET ? LIMIT 1")
                .params(after == null ? LOWEST_ID : after, limit - 1).query(UUID.class).optional();
    }

    /**
     * The ids of the next {@code limit} persons after {@code after} (null: from the start) whose birth date is unknown,
     * in id order. An index-only walk of person_birth_by_id (V43), which carries the date: the chunks of a pass over
     * all of them walk it once.
     */
    public List<UUID> withoutBirthDateAfter(UUID after, int limit) {
        return jdbc.sql("SELECT subject_id FROM subject.person WHERE subject_id > ? AND birth_date IS NULL "
                        + "ORDER BY subject_id LIMIT ?")
                .params(after == null ? LOWEST_ID : after, limit).query(UUID.class).list();
    }

    /**
     * {@link #residentFacts} of the persons with ids in (after, last] (null: unbounded), in id order: a range scan of
     * persons and one of current residences, both in id order, read as binary COPY and merged in one walk. Two plain
     * range scans keep their plan whatever the statistics say (a join planned on a freshly loaded table took a
     * minute per page).
     */
    public List<cn.chengxin.subject.ResidentFacts> residentFactsBetween(UUID after, UUID last) {
        UUID from = after == null ? LOWEST_ID : after;
        UUID to = last == null ? HIGHEST_ID : last;
        List<UUID> ids = new java.util.ArrayList<>();
        List<java.time.LocalDate> births = new java.util.ArrayList<>();
        // Literals of ids only: COPY takes no parameters.
        PostgresCopy.copyOut(dataSource, "SELECT subject_id, birth_date FROM subject.person WHERE subject_id > '"
                + from + "' AND subject_id <= '" + to + "' ORDER BY subject_id", rows -> {
                    while (rows.next()) {
                        ids.add(rows.uuid());
                        births.add(rows.date());
                    }
                });
        java.time.LocalDate[] since = new java.time.LocalDate[ids.size()];
        String[] region = new String[ids.size()];
        java.util.Map<String, String> regions = new java.util.HashMap<>();
        // A person's earliest current residence comes first (as in residentFacts); the rest of theirs are skipped.
        PostgresCopy.copyOut(dataSource, "SELECT person_id, valid_from, region_code FROM subject.residency "
                + "WHERE person_id > '" + from + "' AND person_id <= '" + to + "' AND valid_to IS NULL "
                + "ORDER BY person_id, valid_from, region_code", rows -> {
                    int p = 0;
                    while (rows.next()) {
                        UUID person = rows.uuid();
                        while (p < ids.size() && UuidOrder.compare(ids.get(p), person) < 0) {
                            p++;
                        }
                        if (p < ids.size() && ids.get(p).equals(person) && since[p] == null) {
                            since[p] = rows.date();
                            region[p] = regions.computeIfAbsent(rows.text(), c -> c);
                        }
                    }
                });
        List<cn.chengxin.subject.ResidentFacts> facts = new java.util.ArrayList<>(ids.size());
        for (int p = 0; p < ids.size(); p++) {
            facts.add(new cn.chengxin.subject.ResidentFacts(ids.get(p), births.get(p), since[p], region[p]));
        }
        return facts;
    }


    public long persons() {
        return jdbc.sql("SELECT count(*) FROM subject.person").query(Long.class).single();
    }

    /** Number indexes (hex) of many subjects, by id. */
    public java.util.Map<UUID, String> numberIndexes(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, String> found = new java.util.HashMap<>();
        jdbc.sql("SELECT id, encode(number_index, 'hex') FROM subject.subject WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return found;
    }

    /** The subjects registered under these blind indexes (hex), of any document type: id to index. */
    public java.util.Map<UUID, String> idsByIndexes(java.util.Collection<String> hexIndexes) {
        java.util.Map<UUID, String> found = new java.util.HashMap<>();
        // As holders: an array match on the unique (document_type, number_index) index.
        jdbc.sql("""
                        SELECT id, encode(number_index, 'hex') FROM subject.subject
                        WHERE document_type = ANY(?::text[]) AND number_index = ANY(?::text[]::bytea[])""")
                .params(java.util.Arrays.stream(DocumentType.values()).map(Enum::name).toArray(String[]::new),
                        hexIndexes.stream().map(h -> "\\x" + h).toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return found;
    }

    public java.util.Map<UUID, cn.chengxin.subject.SubjectRegistry.Named> names(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, cn.chengxin.subject.SubjectRegistry.Named> found = new java.util.HashMap<>();
        jdbc.sql("SELECT id, document_type, name FROM subject.subject WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), new cn.chengxin.subject.SubjectRegistry.Named(
                        DocumentType.valueOf(rs.getString(2)), rs.getString(3)))).list();
        return found;
    }

    public java.util.Map<UUID, List<ResponsibleView>> responsiblePersonsOf(java.util.Collection<UUID> organisations) {
        java.util.Map<UUID, List<ResponsibleView>> found = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT r.organisation_id, r.person_id, s.name, r.role, r.valid_from, r.valid_to
                        FROM subject.responsible_person r JOIN subject.subject s ON s.id = r.person_id
                        WHERE r.organisation_id = ANY(?::uuid[]) ORDER BY r.valid_from""")
                .param(organisations.toArray(UUID[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new ResponsibleView(rs.getObject(2, UUID.class), Masking.personName(rs.getString(3)),
                                ResponsibleRole.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                                rs.getObject(6, LocalDate.class)))).list();
        return found;
    }

    public java.util.Map<UUID, List<cn.chengxin.subject.ResponsibleLink>> responsibleLinksOf(
            java.util.Collection<UUID> organisations) {
        java.util.Map<UUID, List<cn.chengxin.subject.ResponsibleLink>> found = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT r.organisation_id, encode(s.number_index, 'hex'), r.role, r.valid_from, r.valid_to
                        FROM subject.responsible_person r JOIN subject.subject s ON s.id = r.person_id
                        WHERE r.organisation_id = ANY(?::uuid[]) ORDER BY r.organisation_id, r.valid_from""")
                .param(organisations.toArray(UUID[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new cn.chengxin.subject.ResponsibleLink(rs.getObject(1, UUID.class), rs.getString(2),
                                ResponsibleRole.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class)))).list();
        return found;
    }

    public long lastResponsiblePersonsChange() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM subject.responsible_person").query(Long.class).single();
    }

    /** The rows of responsible persons numbered after {@code after} (their identity, V2), in order. */
    public List<cn.chengxin.subject.ResponsibleLink.Changed> responsiblePersonsChangedSince(long after, int limit) {
        return jdbc.sql("""
                        SELECT id, organisation_id FROM subject.responsible_person WHERE id > ? ORDER BY id LIMIT ?""")
                .params(after, limit)
                .query((rs, n) -> new cn.chengxin.subject.ResponsibleLink.Changed(rs.getLong(1),
                        rs.getObject(2, UUID.class))).list();
    }

    public Optional<byte[]> numberIndex(UUID id) {
        return jdbc.sql("SELECT number_index FROM subject.subject WHERE id = ?").param(id).query(byte[].class)
                .optional();
    }

    public Optional<SubjectProfile> profile(UUID id) {
        return jdbc.sql("""
                        SELECT s.kind, s.document_type, s.number_masked, s.name, s.synthetic, p.birth_date, p.gender,
                            s.name_source
                        FROM subject.subject s LEFT JOIN subject.person p ON p.subject_id = s.id
                        WHERE s.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    SubjectKind kind = SubjectKind.valueOf(rs.getString("kind"));
                    Date birth = rs.getDate("birth_date");
                    return new SubjectProfile(id, kind, DocumentType.valueOf(rs.getString("document_type")),
                            rs.getString("number_masked"), rs.getString("name"), birth == null ? null
                            : birth.toLocalDate(), rs.getString("gender"), rs.getBoolean("synthetic"),
                            kind == SubjectKind.PERSON ? residences(id) : List.of(),
                            kind == SubjectKind.PERSON ? occupations(id) : List.of(),
                            responsibles(id, kind), NameSource.valueOf(rs.getString("name_source")).provisional());
                })
                .optional();
    }

    private List<ResidenceView> residences(UUID personId) {
        return jdbc.sql("""
                        SELECT kind, region_code, valid_from, valid_to FROM subject.residency
                        WHERE person_id = ? ORDER BY valid_from""")
                .param(personId)
                .query((rs, n) -> new ResidenceView(ResidencyKind.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    private List<OccupationView> occupations(UUID personId) {
        return jdbc.sql("""
                        SELECT occupational_group, valid_from, valid_to FROM subject.occupational_membership
                        WHERE person_id = ? ORDER BY valid_from""")
                .param(personId)
                .query((rs, n) -> new OccupationView(OccupationalGroup.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    private List<ResponsibleView> responsibles(UUID id, SubjectKind kind) {
        String other = kind == SubjectKind.PERSON ? "organisation_id" : "person_id";
        String self = kind == SubjectKind.PERSON ? "person_id" : "organisation_id";
        return jdbc.sql("SELECT r." + other + ", s.kind, s.name, r.role, r.valid_from, r.valid_to "
                        + "FROM subject.responsible_person r JOIN subject.subject s ON s.id = r." + other
                        + " WHERE r." + self + " = ? ORDER BY r.valid_from")
                .param(id)
                .query((rs, n) -> new ResponsibleView(rs.getObject(1, UUID.class),
                        "PERSON".equals(rs.getString(2)) ? Masking.personName(rs.getString(3)) : rs.getString(3),
                        ResponsibleRole.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** {@link cn.chengxin.subject.SubjectRegistry#currentMembersByGroup(LocalDate)}. */
    public java.util.Map<OccupationalGroup, List<UUID>> currentMembersByGroup(LocalDate day) {
        java.util.Map<OccupationalGroup, List<UUID>> members = new java.util.EnumMap<>(OccupationalGroup.class);
        jdbc.sql("""
                        SELECT DISTINCT occupational_group, person_id FROM subject.occupational_membership
                        WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)""")
                .params(day, day)
                .query((java.sql.ResultSet rs) -> {
                    members.computeIfAbsent(OccupationalGroup.valueOf(rs.getString(1)), g -> new java.util.ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return members;
    }

    /** {@link cn.chengxin.subject.SubjectRegistry#residentsByRegion()}. */
    public java.util.Map<String, Long> residentsByRegion() {
        java.util.Map<String, Long> residents = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT region_code, count(*)
                        FROM (SELECT DISTINCT ON (person_id) region_code FROM subject.residency WHERE valid_to IS NULL
                              ORDER BY person_id, valid_from, region_code) first
                        GROUP BY 1""")
                .query((java.sql.ResultSet rs) -> {
                    residents.put(rs.getString(1), rs.getLong(2));
                });
        return residents;
    }

    /** The kept figures and when they were folded (gaps-review-xxxv P1, V431). */
    public record KeptCounts(SubjectCounts counts, java.time.Instant countedAt) {
    }

    /**
     * Folds the changes the registering statements appended (V431's triggers) into the kept figures and returns them,
     * as of {@code at}: one statement over the few rows appended since the last fold and the one kept row, never a
     * scan of the registry. The rows summed are deleted by the same statement, so a fold on another instance at the
     * same time waits for this one and adds only what is left; a change committed after the statement began stays
     * for the next fold.
     */
    public KeptCounts foldFigures(java.time.Instant at) {
        return jdbc.sql("""
                        WITH folded AS (DELETE FROM subject.figures_change
                                        RETURNING persons, organisations, synthetic, household, habitual),
                             summed AS (SELECT coalesce(sum(persons), 0) AS persons,
                                               coalesce(sum(organisations), 0) AS organisations,
                                               coalesce(sum(synthetic), 0) AS synthetic,
                                               coalesce(sum(household), 0) AS household,
                                               coalesce(sum(habitual), 0) AS habitual FROM folded)
                        UPDATE subject.figures f SET persons = f.persons + s.persons,
                               organisations = f.organisations + s.organisations, synthetic = f.synthetic + s.synthetic,
                               household = f.household + s.household, habitual = f.habitual + s.habitual,
                               counted_at = greatest(f.counted_at, ?)
                        FROM summed s WHERE f.id = 1
                        RETURNING f.persons, f.organisations, f.synthetic, f.household, f.habitual, f.counted_at""")
                .param(java.sql.Timestamp.from(at))
                .query((rs, n) -> new KeptCounts(new SubjectCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)), rs.getTimestamp(6).toInstant()))
                .single();
    }

    public SubjectCounts counts() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE kind = 'PERSON'),
                               count(*) FILTER (WHERE kind = 'ORGANISATION'),
                               count(*) FILTER (WHERE synthetic),
                               (SELECT count(DISTINCT person_id) FROM subject.residency
                                 WHERE kind = 'HOUSEHOLD' AND valid_to IS NULL),
                               (SELECT count(DISTINCT r.person_id) FROM subject.residency r
                                 WHERE r.kind = 'HABITUAL' AND r.valid_to IS NULL
                                   AND NOT EXISTS (SELECT 1 FROM subject.residency h WHERE h.person_id = r.person_id
                                                   AND h.kind = 'HOUSEHOLD' AND h.valid_to IS NULL))
                        FROM subject.subject""")
                .query((rs, n) -> new SubjectCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .single();
    }

    public record StoredNumber(DocumentType type, byte[] cipher, int keyVersion) {
    }
}
