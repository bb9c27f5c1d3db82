package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.chengxin.shared.City;
import cn.chengxin.shared.CityPresets;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassportAndPermitHoldersTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final long SEED = 20261122L;
    private static final int RESIDENTS = 20_000;

    private static City city;
    private static PassportAndPermitHolders.Generated generated;

    @BeforeAll
    static void generate() {
        city = CityPresets.find("zhumadian").orElseThrow();
        generated = PassportAndPermitHolders.generate(city, SEED, RESIDENTS);
    }

    @Test
    void aboutThreePerMilleOfTheResidentsHoldAPassportOrAPermit() {
        assertThat(generated.holders()).hasSize(60);
        assertThat(PassportAndPermitHolders.generate(city, SEED, 500).holders()).hasSize(3);
    }

    @Test
    void foreignersHoldPassportsAndCompatriotsTheirPermits() {
        assertThat(generated.holders()).extracting(SyntheticHolder::documentType).containsOnly(
                DocumentType.PASSPORT, DocumentType.HK_MACAO_PERMIT, DocumentType.TAIWAN_PERMIT)
                .contains(DocumentType.PASSPORT, DocumentType.HK_MACAO_PERMIT, DocumentType.TAIWAN_PERMIT);
        assertThat(generated.holders()).filteredOn(h -> h.documentType() == DocumentType.TAIWAN_PERMIT)
                .allSatisfy(h -> assertThat(h.origin()).isEqualTo("台湾"));
        assertThat(generated.holders()).filteredOn(h -> h.documentType() == DocumentType.HK_MACAO_PERMIT)
                .allSatisfy(h -> assertThat(h.origin()).isIn("香港", "澳门"));
        assertThat(generated.holders()).filteredOn(h -> h.documentType() == DocumentType.PASSPORT)
                .allSatisfy(h -> assertThat(h.origin()).isNotIn("香港", "澳门", "台湾"));
    }

    @Test
    void everyNumberIsValidForItsTypeAndUniqueWithinIt() {
        Set<String> seen = new HashSet<>();
        for (SyntheticHolder h : generated.holders()) {
            IdentityDocument document = IdentityDocument.parse(h.documentType(), h.number(), TODAY);

            assertThat(document).isEqualTo(new IdentityDocument(h.documentType(), h.number()));
            assertThat(seen.add(document.indexInput())).as("duplicate %s", document).isTrue();
        }
    }

    @Test
    void namesArePlausibleForWhereTheHoldersComeFrom() {
        assertThat(generated.holders()).allSatisfy(h -> assertThat(h.name()).isNotBlank().doesNotContainPattern("\\d")
                .hasSizeLessThanOrEqualTo(20));
        assertThat(generated.holders()).filteredOn(h -> h.origin().equals("美国") || h.origin().equals("德国"))
                .allSatisfy(h -> assertThat(h.name()).contains("·"));
    }

    @Test
    void everyHolderLivesInADistrictOfTheCitySinceADayInThePast() {
        assertThat(generated.holders()).allSatisfy(h -> {
            assertThat(city.districts()).containsKey(h.residenceRegion());
            assertThat(h.residentSince()).isBefore(PopulationGenerator.AS_OF);
        });
    }

    @Test
    void sameSeedGivesTheSameHoldersAndRecords() {
        PassportAndPermitHolders.Generated again = PassportAndPermitHolders.generate(city, SEED, RESIDENTS);

        assertThat(again.holders()).isEqualTo(generated.holders());
        assertThat(again.records()).isEqualTo(generated.records());
        assertThat(PassportAndPermitHolders.generate(city, SEED + 1, RESIDENTS).holders())
                .isNotEqualTo(generated.holders());
    }

    @Test
    void mostHaveNoneOrGoodRecordsAndAFewPenalties() {
        List<SyntheticRecord> records = generated.records();
        long withRecords = records.stream().map(SyntheticRecord::resident).distinct().count();
        long penalised = records.stream().filter(r -> r.itemCode().startsWith("P_ADMIN_PENALTY_")
                || r.itemCode().equals("P_COURT_DEFAULTER")).map(SyntheticRecord::resident).distinct().count();

        assertThat(records).allSatisfy(r -> assertThat(r.resident()).isBetween(0, generated.holders().size() - 1));
        assertThat(withRecords).isBetween(1L, 59L);
        assertThat(penalised).isPositive().isLessThan(generated.holders().size() / 5);
    }

    /** The demo is to show a black-list proposal refused for want of a birth date, still in force for years. */
    @Test
    void atLeastOneIsARecentCourtDefaulterEvenInASmallDemo() {
        for (int residents : List.of(500, 2_000, RESIDENTS)) {
            assertThat(PassportAndPermitHolders.generate(city, SEED, residents).records())
                    .filteredOn(r -> r.itemCode().equals("P_COURT_DEFAULTER"))
                    .anySatisfy(r -> assertThat(r.decisionDate())
                            .isAfter(PopulationGenerator.AS_OF.minusYears(1)));
        }
    }

    @Test
    void theirRecordsAreKnownApartFromTheResidentsRecords() {
        Population population = PopulationGenerator.generate(city, SEED, 2_000);
        Set<String> residents = new HashSet<>();
        RecordGenerator.generate(population.residents(), SEED).forEach(r -> residents.add(r.sourceRecordId()));

        assertThat(PassportAndPermitHolders.generate(city, SEED, 2_000).records())
                .extracting(SyntheticRecord::sourceRecordId).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(residents);
    }
}
