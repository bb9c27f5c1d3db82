package cn.chengxin.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.chengxin.demo.domain.PassportAndPermitHolders;
import cn.chengxin.demo.domain.SyntheticHolder;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.City;
import cn.chengxin.subject.SubjectCounts;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated population lands in the registry, labelled synthetic, and the database then holds no clear
 * identity number anywhere: every column of every table is read and searched.
 */
@IntegrationTest
class DemoDataIT {

    @Autowired
    DemoData demoData;

    @Autowired
    SubjectRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Listing listing;

    @Autowired
    City city;

    @Test
    void aGeneratedPopulationIsRegisteredAndTheDatabaseHoldsNoClearNumber() {
        SubjectCounts before = registry.counts();

        DemoDataset dataset = demoData.generate(2_000, 7L, message -> { });

        SubjectCounts after = registry.counts();
        assertThat(after.persons() - before.persons()).isEqualTo(2_000);
        assertThat(after.organisations() - before.organisations()).isEqualTo(dataset.organisations()).isEqualTo(80);
        assertThat(after.synthetic() - before.synthetic()).isEqualTo(2_080);
        assertThat(demoData.dataset()).get().extracting(DemoDataset::residents).isEqualTo(2_000);

        // The numbers can be recovered with the key, and household residents were born in the city (驻马店 4117).
        List<UUID> household = jdbc.sql("""
                        SELECT p.subject_id FROM subject.person p JOIN subject.residency r ON r.person_id = p.subject_id
                        JOIN subject.subject s ON s.id = p.subject_id
                        WHERE s.synthetic AND r.kind = 'HOUSEHOLD' LIMIT 20""").query(UUID.class).list();
        assertThat(household).hasSize(20);
        for (UUID id : household) {
            IdentityDocument document = registry.revealNumber(id).orElseThrow();
            assertThat(document.type()).isEqualTo(DocumentType.RESIDENT_ID);
            assertThat(document.number()).startsWith("4117");
            assertThat(registry.validate(DocumentType.RESIDENT_ID, document.number())).isEqualTo(document);
        }

        // Records came through the ingestion path: most residents have none, a few have penalties.
        long withRecords = jdbc.sql("""
                        SELECT count(DISTINCT r.subject_id) FROM creditfile.record r
                        JOIN subject.subject s ON s.id = r.subject_id WHERE s.synthetic""").query(Long.class).single();
        assertThat(withRecords).isBetween(100L, 1_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE item_code LIKE 'P_ADMIN_PENALTY_%'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE file_name LIKE 'demo-%' AND rejected > 0")
                .query(Long.class).single()).as("generated records are all valid").isZero();

        // The scan must be able to fail: two numbers planted in a scratch table are what it finds, and all it finds
        // (one pass over the whole database proves both; each pass reads every column of every table).
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS scan_probe").update();
        jdbc.sql("CREATE TABLE scan_probe.leak (note text, raw bytea)").update();
        try {
            jdbc.sql("INSERT INTO scan_probe.leak VALUES ('申请人 411702199001011238 已提交', NULL),"
                    + " (NULL, convert_to('x411702198505050025', 'UTF8'))").update();

            assertThat(ClearIdentityNumbers.inDatabase(jdbc)).as("clear identity numbers in the database")
                    .containsExactlyInAnyOrder("scan_probe.leak.note: 411702199001011238",
                            "scan_probe.leak.raw: 411702198505050025");
        } finally {
            jdbc.sql("DROP SCHEMA scan_probe CASCADE").update();
        }
    }

    /**
     * The dev demo's persons known by a passport or a travel permit: registered with their document's type and no
     * birth date, their records delivered through ingestion like the residents', and the court defaulter among them
     * on the credit office's list of whose birth date to complete, refused the black list until then.
     */
    @Test
    void theDemoAddsPassportAndPermitHoldersWhoseBirthDateTheCreditOfficeCompletes() {
        PassportAndPermitHolders.Generated expected = PassportAndPermitHolders.generate(city, 31L, 2_000);

        int added = demoData.addPassportAndPermitHolders(2_000, 31L, message -> { });

        assertThat(added).isEqualTo(expected.holders().size()).isEqualTo(6);
        List<UUID> ids = new ArrayList<>();
        for (SyntheticHolder holder : expected.holders()) {
            UUID id = registry.find(new IdentityDocument(holder.documentType(), holder.number())).orElseThrow();
            SubjectProfile profile = registry.profile(id).orElseThrow();
            assertThat(profile.documentType()).isEqualTo(holder.documentType());
            assertThat(profile.name()).isEqualTo(holder.name());
            assertThat(profile.birthDate()).as("a passport or permit states no date the registry reads").isNull();
            assertThat(profile.synthetic()).isTrue();
            ids.add(id);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE subject_id IN (:ids)").param("ids", ids)
                .query(Long.class).single()).isEqualTo(expected.records().size());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ingestion.batch WHERE file_name LIKE 'demo-holders-%' AND rejected > 0""")
                .query(Long.class).single()).as("generated records are all valid").isZero();

        List<UUID> defaulters = expected.records().stream().filter(r -> r.itemCode().equals("P_COURT_DEFAULTER"))
                .map(r -> ids.get(r.resident())).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> listing.awaitingBirthDate(10_000).stream()
                .anyMatch(a -> defaulters.contains(a.subjectId())));
        assertThat(listing.entriesOf(defaulters.get(0))).as("no black-list entry without a birth date").isEmpty();
    }
}
