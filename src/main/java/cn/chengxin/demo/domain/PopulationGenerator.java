package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.chengxin.shared.City;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;

/**
 * Generates a synthetic population for a city: residents with valid identity numbers on the city's real
 * district codes (GB 11643: birth date, sequence parity matching gender, check character), non-household
 * residents from elsewhere, key occupational groups, and organisations with valid unified social credit
 * codes (GB 32100 with the inner GB 11714 check) and their legal representatives.
 *
 * <p>Deterministic: the same city, seed, size and reference date give the same population, so benchmark
 * runs and bug reports can be reproduced. Nothing here describes a real person.
 */
public final class PopulationGenerator {

    /** Reference date of the population: fixed, so that a seed means the same people on any day. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private static final int HOUSEHOLD_PERCENT = 85;
    private static final int OCCUPATION_PERCENT = 9;
    private static final int RESIDENTS_PER_ORGANISATION = 25;

    /** Population share per five-year age band, 0–4 … 95–99 (roughly China's 2020 census pyramid). */
    private static final int[] AGE_BAND_WEIGHTS = {50, 55, 55, 50, 50, 60, 80, 70, 65, 75, 85, 75, 55, 50, 40,
            25, 15, 8, 3, 1};

    /** Real county-level codes elsewhere in China, birthplaces of the non-household residents. */
    private static final String[] ELSEWHERE = {"110105", "110108", "310104", "310115", "320102", "320106",
            "330106", "340104", "370102", "410102", "410105", "410302", "411302", "411502", "411602", "420102",
            "420106", "430102", "440104", "440304", "500103", "510104", "510107", "610102", "130102", "130104",
            "360102", "420502", "321002", "320402", "511102", "530102", "130602"};

    /** Groups drawn for working-age residents, the common ones more often. */
    private static final OccupationalGroup[] GROUP_DRAW = {
            OccupationalGroup.TEACHER, OccupationalGroup.TEACHER, OccupationalGroup.TEACHER,
            OccupationalGroup.DOCTOR, OccupationalGroup.DOCTOR, OccupationalGroup.NURSE, OccupationalGroup.NURSE,
            OccupationalGroup.CIVIL_SERVANT, OccupationalGroup.CIVIL_SERVANT, OccupationalGroup.ACCOUNTANT,
            OccupationalGroup.ACCOUNTANT, OccupationalGroup.COURIER, OccupationalGroup.COURIER,
            OccupationalGroup.TAXI_DRIVER, OccupationalGroup.FINANCE_STAFF, OccupationalGroup.LAWYER,
            OccupationalGroup.LICENSED_PHARMACIST, OccupationalGroup.REAL_ESTATE_AGENT,
            OccupationalGroup.TOUR_GUIDE, OccupationalGroup.CONSTRUCTOR, OccupationalGroup.HOUSEKEEPING_STAFF,
            OccupationalGroup.INSURANCE_STAFF, OccupationalGroup.NOTARY, OccupationalGroup.TAX_AGENT,
            OccupationalGroup.REGISTERED_FIRE_ENGINEER, OccupationalGroup.JOURNALIST, OccupationalGroup.RESEARCHER};

    private PopulationGenerator() {
    }

    public static Population generate(City city, long seed, int residentCount) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> districts = List.copyOf(city.districts().keySet());
        // A non-household resident is born outside the city; drop the codes that belong to it.
        List<String> elsewhere = java.util.Arrays.stream(ELSEWHERE).filter(code -> !city.isLocal(code)).toList();
        List<SyntheticResident> residents = new ArrayList<>(residentCount);
        Set<String> issued = new HashSet<>(residentCount * 2);
        for (int i = 0; i < residentCount; i++) {
            residents.add(resident(random, districts, elsewhere, issued));
        }
        List<SyntheticOrganisation> organisations = organisations(random, city, districts, residents,
                residentCount / RESIDENTS_PER_ORGANISATION);
        return new Population(residents, organisations);
    }

    private static SyntheticResident resident(SplittableRandom random, List<String> districts, List<String> elsewhere,
            Set<String> issued) {
        boolean male = random.nextInt(1000) < 512;
        LocalDate birth = AS_OF.minusDays(1 + random.nextInt(365)).minusYears(ageBand(random) * 5L
                + random.nextInt(5));
        boolean household = random.nextInt(100) < HOUSEHOLD_PERCENT;
        String district = districts.get(random.nextInt(districts.size()));
        String birthRegion = household ? district : elsewhere.get(random.nextInt(elsewhere.size()));
        String number = identityNumber(random, birthRegion, birth, male, issued);
        LocalDate since = household ? birth
                : max(birth, AS_OF.minusDays(30 + random.nextInt(365 * 12)));
        List<SyntheticResident.Membership> occupations = new ArrayList<>(1);
        int age = birth.until(AS_OF).getYears();
        if (age >= 22 && age < 60 && random.nextInt(100) < OCCUPATION_PERCENT) {
            OccupationalGroup group = GROUP_DRAW[random.nextInt(GROUP_DRAW.length)];
            occupations.add(new SyntheticResident.Membership(group,
                    max(birth.plusYears(22), AS_OF.minusDays(random.nextInt(365 * 15)))));
        }
        return new SyntheticResident(number, ChineseNames.personName(random, male), birth, male, household,
                district, since, occupations);
    }

    private static int ageBand(SplittableRandom random) {
        int total = 0;
        for (int w : AGE_BAND_WEIGHTS) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int band = 0; band < AGE_BAND_WEIGHTS.length; band++) {
            pick -= AGE_BAND_WEIGHTS[band];
            if (pick < 0) {
                return band;
            }
        }
        return 0;
    }

    /**
     * Region + birth date + a sequence whose last digit is odd for men and even for women; on the rare
     * collision the sequence moves on by two, keeping its parity.
     */
    private static String identityNumber(SplittableRandom random, String region, LocalDate birth, boolean male,
                                         Set<String> issued) {
        String prefix = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth());
        int sequence = 1 + random.nextInt(499) * 2 + (male ? 0 : 1);
        for (int tries = 0; tries < 500; tries++) {
            String body = prefix + String.format("%03d", sequence);
            if (issued.add(body)) {
                return body + ResidentIdentityNumber.checkCharFor(body);
            }
            sequence = sequence + 2 > 999 ? (male ? 1 : 2) : sequence + 2;
        }
        throw new IllegalStateException("sequence numbers exhausted for one region and birth date");
    }

    private static List<SyntheticOrganisation> organisations(SplittableRandom random, City city,
                                                             List<String> districts,
                                                             List<SyntheticResident> residents, int count) {
        List<SyntheticOrganisation> organisations = new ArrayList<>(count);
        Set<String> issued = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++) {
            String district = districts.get(random.nextInt(districts.size()));
            int kind = random.nextInt(100);
            String authorityAndType = kind < 68 ? "91" : kind < 95 ? "92" : "93";
            String name = switch (authorityAndType) {
                case "91" -> OrganisationNames.company(random, city.shortName());
                case "92" -> OrganisationNames.individualBusiness(random, city.districtName(district));
                default -> OrganisationNames.cooperative(random, city.districtName(district));
            };
            String code = creditCode(random, authorityAndType + district, issued);
            LocalDate established = AS_OF.minusDays(30 + random.nextInt(365 * 20));
            int legalRepresentative = adult(random, residents);
            int principal = random.nextInt(100) < 20 ? adult(random, residents) : -1;
            organisations.add(new SyntheticOrganisation(code, name, established, legalRepresentative, principal));
        }
        return organisations;
    }

    private static String creditCode(SplittableRandom random, String firstEight, Set<String> issued) {
        while (true) {
            StringBuilder body = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                // Organisation code bodies use digits and the letters of the credit-code alphabet.
                String alphabet = i < 2 ? UnifiedSocialCreditCode.CHARSET : "0123456789";
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String first17 = firstEight + body + UnifiedSocialCreditCode.organisationCodeCheckCharFor(body);
            if (issued.add(first17)) {
                return first17 + UnifiedSocialCreditCode.checkCharFor(first17);
            }
        }
    }

    private static int adult(SplittableRandom random, List<SyntheticResident> residents) {
        for (int tries = 0; tries < 1000; tries++) {
            int index = random.nextInt(residents.size());
            int age = residents.get(index).birthDate().until(AS_OF).getYears();
            if (age >= 22 && age <= 70) {
                return index;
            }
        }
        return random.nextInt(residents.size());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
