package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.chengxin.shared.City;
import cn.chengxin.shared.CityPresets;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Gender;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class PopulationGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final long SEED = 20261122L;
    private static final int SIZE = 20_000;

    private static City city;
    private static Population population;

    @BeforeAll
    static void generate() {
        city = CityPresets.find("zhumadian").orElseThrow();
        population = PopulationGenerator.generate(city, SEED, SIZE);
    }

    @Test
    void generatesTheRequestedNumberOfResidentsAndSomeOrganisations() {
        assertThat(population.residents()).hasSize(SIZE);
        assertThat(population.organisations()).isNotEmpty();
    }

    @Test
    void sameSeedAndSizeGiveTheSamePopulation() {
        Population again = PopulationGenerator.generate(city, SEED, SIZE);

        assertThat(again.residents()).isEqualTo(population.residents());
        assertThat(again.organisations()).isEqualTo(population.organisations());
    }

    /**
     * The same in every JVM, not only twice in one: the benchmarks regenerate the population of an earlier run to
     * find its residents again by number. The districts were drawn in an order that changed with each JVM.
     */
    @Test
    void theSameSeedGivesTheSameResidentsInEveryRun() {
        assertThat(population.residents().subList(0, 3)).extracting(SyntheticResident::identityNumber)
                .containsExactly("411726194607110116", "411723201705185705", "411729195110221033");
        assertThat(city.districts().keySet()).startsWith("411702", "411721", "411722", "411723");
    }

    @Test
    void aDifferentSeedGivesADifferentPopulation() {
        Population other = PopulationGenerator.generate(city, SEED + 1, SIZE);

        assertThat(other.residents()).isNotEqualTo(population.residents());
        assertThat(other.residents().stream().map(SyntheticResident::identityNumber).toList())
                .isNotEqualTo(population.residents().stream().map(SyntheticResident::identityNumber).toList());
        assertThat(other.organisations()).isNotEqualTo(population.organisations());
    }

    @Test
    void everyIdentityNumberIsAValidResidentIdNumber() {
        for (SyntheticResident r : population.residents()) {
            ResidentIdentityNumber id = ResidentIdentityNumber.parse(r.identityNumber(), TODAY);

            assertThat(id.value()).isEqualTo(r.identityNumber());
            assertThat(id.type()).isEqualTo(DocumentType.RESIDENT_ID);
        }
    }

    @Test
    void everyIdentityNumberIsUnique() {
        assertThat(population.residents()).extracting(SyntheticResident::identityNumber).doesNotHaveDuplicates();
    }

    @Test
    void sequenceParityMatchesGender() {
        for (SyntheticResident r : population.residents()) {
            int sequenceDigit = r.identityNumber().charAt(16) - '0';

            assertThat(sequenceDigit % 2 == 1).as(r.identityNumber()).isEqualTo(r.male());
            assertThat(ResidentIdentityNumber.parse(r.identityNumber(), TODAY).gender())
                    .isEqualTo(r.male() ? Gender.MALE : Gender.FEMALE);
        }
    }

    @Test
    void birthDateMatchesDigitsSevenToFourteen() {
        for (SyntheticResident r : population.residents()) {
            assertThat(r.identityNumber().substring(6, 14)).as(r.identityNumber())
                    .isEqualTo(r.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(r.birthDate()).isBefore(PopulationGenerator.AS_OF.plusDays(1));
        }
    }

    @Test
    void bothGendersAreRepresentedRoughlyEqually() {
        long men = population.residents().stream().filter(SyntheticResident::male).count();

        assertThat(men / (double) SIZE).isBetween(0.45, 0.56);
    }

    @Test
    void householdResidentsWereRegisteredInADistrictOfTheCity() {
        for (SyntheticResident r : population.residents()) {
            String region = r.identityNumber().substring(0, 6);
            if (r.household()) {
                assertThat(city.isLocal(region)).as(r.identityNumber()).isTrue();
                assertThat(city.districts()).containsKey(region);
            } else {
                assertThat(city.isLocal(region)).as(r.identityNumber()).isFalse();
            }
        }
    }

    @Test
    void nonHouseholdResidentsComeFromElsewhereInEveryPresetCity() {
        for (City preset : CityPresets.all()) {
            Population small = PopulationGenerator.generate(preset, SEED, 3_000);

            assertThat(small.residents()).filteredOn(r -> !r.household()).isNotEmpty()
                    .allSatisfy(r -> assertThat(preset.isLocal(r.identityNumber().substring(0, 6)))
                            .as("%s in %s", r.identityNumber(), preset.code()).isFalse());
            assertThat(small.residents()).filteredOn(SyntheticResident::household).isNotEmpty()
                    .allSatisfy(r -> assertThat(preset.isLocal(r.identityNumber().substring(0, 6))).isTrue());
        }
    }

    @Test
    void everyResidentLivesInADistrictOfTheCity() {
        assertThat(population.residents()).extracting(SyntheticResident::residenceRegion)
                .allSatisfy(region -> assertThat(city.districts()).containsKey(region));
    }

    @Test
    void aboutEightyFivePercentAreHouseholdResidents() {
        long household = population.residents().stream().filter(SyntheticResident::household).count();

        // binomial σ ≈ 0.25 % at 20,000: ±1.5 % is six σ
        assertThat(household / (double) SIZE).isBetween(0.835, 0.865);
    }

    @Test
    void minorsAndElderlyExist() {
        long minors = population.residents().stream().filter(r -> ageOnAsOf(r) < 18).count();
        long underFourteen = population.residents().stream().filter(r -> ageOnAsOf(r) < 14).count();
        long overSeventy = population.residents().stream().filter(r -> ageOnAsOf(r) > 70).count();

        assertThat(minors).isPositive();
        assertThat(underFourteen).isPositive();
        assertThat(overSeventy).isPositive();
    }

    @Test
    void everyOrganisationCreditCodeIsValidUniqueAndLocal() {
        Set<String> codes = new HashSet<>();
        for (SyntheticOrganisation o : population.organisations()) {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(o.creditCode());

            assertThat(code.value()).isEqualTo(o.creditCode());
            assertThat(city.isLocal(code.regionCode())).as(o.creditCode()).isTrue();
            assertThat(codes.add(o.creditCode())).as("duplicate %s", o.creditCode()).isTrue();
        }
    }

    @Test
    void everyOrganisationHasANameAndAnEstablishmentDateInThePast() {
        assertThat(population.organisations()).allSatisfy(o -> {
            assertThat(o.name()).isNotBlank();
            assertThat(o.establishedOn()).isBefore(PopulationGenerator.AS_OF);
        });
    }

    @Test
    void legalRepresentativesAndPrincipalsAreAdults() {
        List<SyntheticResident> residents = population.residents();
        for (SyntheticOrganisation o : population.organisations()) {
            assertThat(o.legalRepresentative()).isBetween(0, residents.size() - 1);
            assertThat(ageOnAsOf(residents.get(o.legalRepresentative()))).as(o.creditCode())
                    .isGreaterThanOrEqualTo(18);
            if (o.principal() != -1) {
                assertThat(o.principal()).isBetween(0, residents.size() - 1);
                assertThat(ageOnAsOf(residents.get(o.principal()))).isGreaterThanOrEqualTo(18);
            }
        }
    }

    @Test
    void occupationalGroupsAreHeldByWorkingAgeAdults() {
        List<SyntheticResident> withGroup = population.residents().stream()
                .filter(r -> !r.occupations().isEmpty()).toList();

        assertThat(withGroup).isNotEmpty().allSatisfy(r -> {
            assertThat(ageOnAsOf(r)).isGreaterThanOrEqualTo(18);
            r.occupations().forEach(m -> assertThat(m.from()).isAfterOrEqualTo(r.birthDate().plusYears(18))
                    .isBeforeOrEqualTo(PopulationGenerator.AS_OF));
        });
    }

    @Test
    void residentSinceIsNeitherBeforeBirthNorAfterTheReferenceDate() {
        assertThat(population.residents()).allSatisfy(r -> assertThat(r.residentSince())
                .isAfterOrEqualTo(r.birthDate()).isBeforeOrEqualTo(PopulationGenerator.AS_OF));
    }

    @Test
    void generatesTwoHundredThousandResidents() {
        Population[] large = new Population[1];

        assertThatCode(() -> large[0] = PopulationGenerator.generate(city, SEED, 200_000)).doesNotThrowAnyException();

        assertThat(large[0].residents()).hasSize(200_000)
                .extracting(SyntheticResident::identityNumber).doesNotHaveDuplicates();
        assertThat(large[0].organisations()).isNotEmpty();
    }

    private static int ageOnAsOf(SyntheticResident r) {
        return r.birthDate().until(PopulationGenerator.AS_OF).getYears();
    }
}
