package cn.chengxin.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.chengxin.demo.domain.PassportAndPermitHolders;
import cn.chengxin.demo.domain.Population;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.SyntheticHolder;
import cn.chengxin.demo.domain.SyntheticOrganisation;
import cn.chengxin.demo.domain.SyntheticResident;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.demo.domain.RecordGenerator;
import cn.chengxin.demo.domain.SyntheticRecord;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.IncomingRecord;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.shared.City;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.ResponsibleRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a synthetic population into the registry: generated in memory, then loaded in batches, each batch
 * one transaction of COPYs through {@link SubjectRegistry}'s bulk methods.
 */
@Service
public class DemoData {

    private static final int BATCH = 10_000;

    private final SubjectRegistry registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final City city;
    private final Clock clock;
    private final AuditLog audit;
    private final Submissions submissions;

    DemoData(SubjectRegistry registry, JdbcClient jdbc, TransactionTemplate transactions, City city, Clock clock,
             AuditLog audit, Submissions submissions) {
        this.audit = audit;
        this.submissions = submissions;
        this.registry = registry;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.city = city;
        this.clock = clock;
    }

    /**
     * The synthetic data the database holds, loaded or still loading: a dataset is labelled synthetic from its first
     * stored resident on, not only once complete (its {@code completedAt} is {@code null} until then).
     */
    public Optional<DemoDataset> dataset() {
        return jdbc.sql("""
                        SELECT city, seed, residents, organisations, completed_at, duration_ms
                        FROM demo.dataset ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new DemoDataset(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getLong(6)))
                .optional();
    }

    /**
     * A dataset whose loading has started.
     *
     * @param resumed its loading was interrupted (a stopped start): what it stored is recognised, not stored twice
     */
    public record Loading(long id, int residents, long seed, Instant startedAt, boolean resumed) {
    }

    /** The newest dataset whose loading was interrupted, if any. */
    public Optional<Loading> unfinished() {
        return jdbc.sql("""
                        SELECT id, residents, seed, started_at FROM demo.dataset WHERE completed_at IS NULL
                        ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new Loading(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), true))
                .optional();
    }

    /** Records that a dataset's loading starts: from now on the data is labelled synthetic ({@link #dataset()}). */
    public Loading start(int residents, long seed) {
        Instant started = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO demo.dataset (city, seed, residents, organisations, started_at)
                        VALUES (?, ?, ?, 0, ?) RETURNING id""")
                .params(city.code(), seed, residents, java.sql.Timestamp.from(started)).query(Long.class).single();
        return new Loading(id, residents, seed, started, false);
    }

    /**
     * The dev demo: the population, its records and the persons known by a passport or a travel permit. The dataset
     * is complete only when all of them are in, so that a start stopped half-way finishes it the next time.
     */
    public DemoDataset seed(Loading loading, Consumer<String> progress) {
        Loaded loaded = load(loading, progress, true);
        addHolders(loading.residents(), loading.seed(), progress, loading.resumed());
        return complete(loading, loaded);
    }

    /**
     * Generates and loads {@code residents} residents (and one organisation per 25 of them).
     *
     * @param progress told after each batch how many subjects are in
     */
    /** The population only, without records (benchmarks that deliver their own records). */
    public void generatePopulationOnly(int residents, long seed) {
        generate(residents, seed, line -> { }, false);
    }

    public DemoDataset generate(int residents, long seed, Consumer<String> progress) {
        return generate(residents, seed, progress, true);
    }

    private DemoDataset generate(int residents, long seed, Consumer<String> progress, boolean withRecords) {
        Loading loading = start(residents, seed);
        return complete(loading, load(loading, progress, withRecords));
    }

    private record Loaded(int organisations, int records) {
    }

    private Loaded load(Loading loading, Consumer<String> progress, boolean withRecords) {
        int residents = loading.residents();
        long seed = loading.seed();
        Instant started = clock.instant();
        Population population = PopulationGenerator.generate(city, seed, residents);
        progress.accept(String.format("generated %,d residents and %,d organisations in memory (%d ms)",
                population.residents().size(), population.organisations().size(),
                Duration.between(started, clock.instant()).toMillis()));
        Set<Integer> legalRepresentatives = new HashSet<>();
        population.organisations().forEach(o -> legalRepresentatives.add(o.legalRepresentative()));
        List<UUID> personIds = new ArrayList<>(residents);
        for (int from = 0; from < residents; from += BATCH) {
            List<NewPerson> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(residents, from + BATCH); i++) {
                batch.add(person(population.residents().get(i), legalRepresentatives.contains(i)));
            }
            personIds.addAll(registerPeople(batch, loading.resumed()));
            progress.accept(String.format("%,d / %,d residents", personIds.size(), residents));
        }
        List<SyntheticOrganisation> orgs = population.organisations();
        for (int from = 0; from < orgs.size(); from += BATCH) {
            List<NewOrganisation> batch = orgs.subList(from, Math.min(orgs.size(), from + BATCH)).stream()
                    .map(o -> organisation(o, personIds)).toList();
            registerOrganisations(batch, loading.resumed());
            progress.accept(String.format("%,d / %,d organisations", Math.min(orgs.size(), from + BATCH),
                    orgs.size()));
        }
        int records = withRecords ? deliverRecords(population, seed, progress) : 0;
        return new Loaded(orgs.size(), records);
    }

    private DemoDataset complete(Loading loading, Loaded loaded) {
        Instant completed = clock.instant();
        long millis = Duration.between(loading.startedAt(), completed).toMillis();
        jdbc.sql("UPDATE demo.dataset SET organisations = ?, completed_at = ?, duration_ms = ? WHERE id = ?")
                .params(loaded.organisations(), java.sql.Timestamp.from(completed), millis, loading.id()).update();
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "demo.generate")
                .detail(AuditDetail.of("DEMO_GENERATED").with("residents", loading.residents())
                        .with("organisations", loaded.organisations()).with("records", loaded.records())
                        .with("seed", loading.seed())));
        return new DemoDataset(city.code(), loading.seed(), loading.residents(), loaded.organisations(), completed,
                millis);
    }

    /**
     * Registers a batch of persons and gives their ids in order. Each batch is one transaction, so after an
     * interruption a batch is in or out as a whole; a resumed load still asks for every person, which costs one query.
     */
    private List<UUID> registerPeople(List<NewPerson> people, boolean resumed) {
        if (!resumed) {
            return transactions.execute(tx -> registry.registerPeopleInBulk(people));
        }
        List<String> pseudonyms = people.stream().map(p -> registry.pseudonymOf(p.document())).toList();
        java.util.Map<String, SubjectRegistry.Found> found = registry.findAll(
                people.stream().map(NewPerson::document).toList());
        List<NewPerson> missing = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (!found.containsKey(pseudonyms.get(i))) {
                missing.add(people.get(i));
            }
        }
        java.util.Iterator<UUID> added = (missing.isEmpty() ? List.<UUID>of()
                : transactions.execute(tx -> registry.registerPeopleInBulk(missing))).iterator();
        List<UUID> ids = new ArrayList<>(people.size());
        for (String pseudonym : pseudonyms) {
            SubjectRegistry.Found existing = found.get(pseudonym);
            ids.add(existing != null ? existing.id() : added.next());
        }
        return ids;
    }

    private void registerOrganisations(List<NewOrganisation> organisations, boolean resumed) {
        List<NewOrganisation> missing = organisations;
        if (resumed) {
            java.util.Map<String, SubjectRegistry.Found> found = registry.findAll(
                    organisations.stream().map(NewOrganisation::document).toList());
            missing = organisations.stream()
                    .filter(o -> !found.containsKey(registry.pseudonymOf(o.document()))).toList();
        }
        if (!missing.isEmpty()) {
            List<NewOrganisation> batch = missing;
            transactions.executeWithoutResult(tx -> registry.registerOrganisationsInBulk(batch));
        }
    }

    /** The departments' records about the population, delivered through the ordinary ingestion path. */
    private int deliverRecords(Population population, long seed, Consumer<String> progress) {
        return deliver("demo", RecordGenerator.generate(population.residents(), seed), seed, progress, r -> {
            SyntheticResident resident = population.residents().get(r.resident());
            return new IncomingRecord(r.itemCode(), resident.identityNumber(), resident.name(), r.sourceRecordId(),
                    "1", "ADD", r.decisionNumber(), r.decisionDate().toString(), r.fields());
        });
    }

    /**
     * The dev demo's persons known by a passport or a travel permit ({@link PassportAndPermitHolders}), registered
     * without a birth date, and their records delivered with their document's type, as a department sends them. Only
     * the demo seeding adds them: {@link #generate} is what the benchmarks compare across runs.
     *
     * @return how many were registered
     */
    public int addPassportAndPermitHolders(int residents, long seed, Consumer<String> progress) {
        return addHolders(residents, seed, progress, false);
    }

    private int addHolders(int residents, long seed, Consumer<String> progress, boolean resumed) {
        PassportAndPermitHolders.Generated generated = PassportAndPermitHolders.generate(city, seed, residents);
        List<NewPerson> people = generated.holders().stream().map(DemoData::person).toList();
        registerPeople(people, resumed);
        progress.accept(String.format("%,d persons known by a passport or a travel permit", people.size()));
        int records = deliver("demo-holders", generated.records(), seed, progress, r -> {
            SyntheticHolder holder = generated.holders().get(r.resident());
            return new IncomingRecord(r.itemCode(), holder.number(), holder.name(), r.sourceRecordId(), "1", "ADD",
                    r.decisionNumber(), r.decisionDate().toString(), r.fields(), holder.documentType().name());
        });
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "demo.generate")
                .detail(AuditDetail.of("DEMO_TRAVELLERS_GENERATED").with("persons", people.size())
                        .with("records", records).with("seed", seed)));
        return people.size();
    }

    /** One batch per department, named {@code <label>-<department>.csv}, as the departments' files would come. */
    private int deliver(String label, List<SyntheticRecord> records, long seed, Consumer<String> progress,
                        Function<SyntheticRecord, IncomingRecord> row) {
        java.util.Map<String, List<SyntheticRecord>> byDepartment = new java.util.TreeMap<>();
        records.forEach(r -> byDepartment.computeIfAbsent(r.departmentCode(), d -> new ArrayList<>()).add(r));
        int accepted = 0;
        for (var entry : byDepartment.entrySet()) {
            List<Submissions.Numbered> rows = new ArrayList<>();
            for (SyntheticRecord r : entry.getValue()) {
                rows.add(new Submissions.Numbered(rows.size() + 1, row.apply(r)));
            }
            UUID batch = UUID.nameUUIDFromBytes((label + "-" + seed + "-" + entry.getKey()).getBytes());
            BatchResult result = submissions.run(batch, entry.getKey(), "FILE", label + "-" + entry.getKey() + ".csv",
                    label + "-" + seed + "-" + entry.getValue().size(), rows.size(), rows.iterator());
            accepted += result.accepted() + result.duplicates();
            progress.accept(String.format("%s: %,d records (%,d accepted, %,d rejected)", entry.getKey(),
                    result.received(), result.accepted(), result.rejected()));
        }
        return accepted;
    }

    private static NewPerson person(SyntheticResident r, boolean legalRepresentative) {
        List<NewPerson.Occupation> occupations = new ArrayList<>();
        r.occupations().forEach(m -> occupations.add(new NewPerson.Occupation(m.group(), m.from())));
        if (legalRepresentative) {
            occupations.add(new NewPerson.Occupation(OccupationalGroup.ENTERPRISE_LEGAL_REPRESENTATIVE,
                    PopulationGenerator.AS_OF.minusYears(1)));
        }
        ResidencyKind kind = r.household() ? ResidencyKind.HOUSEHOLD : ResidencyKind.HABITUAL;
        return new NewPerson(new IdentityDocument(DocumentType.RESIDENT_ID, r.identityNumber()), r.name(),
                r.birthDate(), r.male() ? "M" : "F",
                List.of(new NewPerson.Residence(kind, r.residenceRegion(), r.residentSince())), occupations, true);
    }

    /** A holder lives in the city (常住); the passport or permit states no birth date the registry could read. */
    private static NewPerson person(SyntheticHolder h) {
        return new NewPerson(new IdentityDocument(h.documentType(), h.number()), h.name(), null, h.male() ? "M" : "F",
                List.of(new NewPerson.Residence(ResidencyKind.HABITUAL, h.residenceRegion(), h.residentSince())),
                List.of(), true);
    }

    private static NewOrganisation organisation(SyntheticOrganisation o, List<UUID> personIds) {
        List<NewOrganisation.Responsible> responsible = new ArrayList<>();
        responsible.add(new NewOrganisation.Responsible(personIds.get(o.legalRepresentative()),
                ResponsibleRole.LEGAL_REPRESENTATIVE, o.establishedOn()));
        if (o.principal() >= 0 && o.principal() != o.legalRepresentative()) {
            responsible.add(new NewOrganisation.Responsible(personIds.get(o.principal()), ResponsibleRole.PRINCIPAL,
                    o.establishedOn()));
        }
        return new NewOrganisation(new IdentityDocument(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, o.creditCode()),
                o.name(), o.establishedOn(), responsible, true);
    }
}
