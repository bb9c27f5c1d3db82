package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.chengxin.shared.City;
import cn.chengxin.subject.domain.DocumentType;

/**
 * The persons of the development demo known by a passport or a travel permit (河南省社会信用条例 Art. 16, RULES.md
 * §1): about three in a thousand residents, foreign nationals with their passports and residents of Hong Kong, Macao
 * and Taiwan with their permits, and the records departments deliver about them. Most have none or good records, a
 * few penalties, and one at least is a court defaulter of the year before {@link PopulationGenerator#AS_OF}: a black
 * list then refuses them for want of a birth date, which the credit office completes (issue #4).
 *
 * <p>Drawn from a random stream of their own, apart from {@link PopulationGenerator} and {@link RecordGenerator}:
 * the benchmarks' populations of a seed stay what they were. Deterministic for a city, seed and size.
 */
public final class PassportAndPermitHolders {

    /** The holders and their records; a record's {@code resident} is an index into the holders. */
    public record Generated(List<SyntheticHolder> holders, List<SyntheticRecord> records) {
    }

    private static final int PER_MILLE = 3;
    private static final int AT_LEAST = 3;

    /**
     * Where the documents come from, with their weights, names and number shapes ({@code A} a letter, {@code 9} a
     * digit, {@code X} a character of German passport numbers, anything else itself). Shapes as the documents are
     * issued; every number is drawn, none is a real document's.
     */
    private record Origin(String name, int weight, DocumentType type, NonMainlandNames.Pool names, String shape) {
    }

    private static final List<Origin> ORIGINS = List.of(
            new Origin("韩国", 12, DocumentType.PASSPORT, NonMainlandNames.KOREAN, "M99999999"),
            new Origin("日本", 8, DocumentType.PASSPORT, NonMainlandNames.JAPANESE, "AA9999999"),
            new Origin("越南", 9, DocumentType.PASSPORT, NonMainlandNames.VIETNAMESE, "C9999999"),
            new Origin("巴基斯坦", 8, DocumentType.PASSPORT, NonMainlandNames.PAKISTANI, "AA9999999"),
            new Origin("美国", 8, DocumentType.PASSPORT, NonMainlandNames.AMERICAN, "999999999"),
            new Origin("德国", 5, DocumentType.PASSPORT, NonMainlandNames.GERMAN, "CXXXXXXXX"),
            new Origin("香港", 22, DocumentType.HK_MACAO_PERMIT, NonMainlandNames.HONG_KONG_MACAO, "H99999999"),
            new Origin("澳门", 8, DocumentType.HK_MACAO_PERMIT, NonMainlandNames.HONG_KONG_MACAO, "M99999999"),
            new Origin("台湾", 20, DocumentType.TAIWAN_PERMIT, NonMainlandNames.TAIWANESE, "99999999"));

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** German passports use digits and these consonants only (no vowels, no B, D, Q, S). */
    private static final String GERMAN = "0123456789CFGHJKLMNPRTVWXYZ";

    private PassportAndPermitHolders() {
    }

    public static Generated generate(City city, long seed, int residents) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x9a55_9047L);
        List<String> districts = List.copyOf(city.districts().keySet());
        int count = Math.max(AT_LEAST, residents * PER_MILLE / 1000);
        List<SyntheticHolder> holders = new ArrayList<>(count);
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Origin origin = origin(random);
            boolean male = random.nextBoolean();
            String number;
            do {
                number = number(random, origin.shape());
            } while (!issued.add(origin.type() + ":" + number));
            holders.add(new SyntheticHolder(origin.type(), number, origin.names().name(random, male), male,
                    origin.name(), districts.get(random.nextInt(districts.size())),
                    PopulationGenerator.AS_OF.minusDays(30 + random.nextInt(365 * 8))));
        }
        return new Generated(holders, records(random, count));
    }

    private static List<SyntheticRecord> records(SplittableRandom random, int count) {
        int defaulter = random.nextInt(count);
        List<SyntheticRecord> records = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            int roll = random.nextInt(100);
            if (h == defaulter) {
                records.add(record(random, "COURT", "P_COURT_DEFAULTER", h, RecordGenerator.decisionWithin(random, 300),
                        RecordGenerator.courtDefaulter(random)));
            } else if (roll < 55) {
                continue; // most have no record at all, as most residents
            } else if (roll < 72) {
                records.add(record(random, "CIVILISATION_OFFICE", "P_VOLUNTEER_SERVICE", h, fourYears(random),
                        RecordGenerator.volunteering(random)));
            } else if (roll < 82) {
                records.add(record(random, "HEALTH", "P_BLOOD_DONATION", h, fourYears(random),
                        RecordGenerator.bloodDonation(random)));
            } else if (roll < 91) {
                records.add(record(random, "MARKET", "P_ADMIN_PENALTY_GENERAL", h, fourYears(random),
                        RecordGenerator.penaltyFields(random, "罚款")));
            } else if (roll < 96) {
                records.add(record(random, "MARKET", "P_ADMIN_PENALTY_MINOR", h, fourYears(random),
                        RecordGenerator.penaltyFields(random, "警告")));
            } else {
                records.add(record(random, "COURT", "P_COURT_DEFAULTER", h, fourYears(random),
                        RecordGenerator.courtDefaulter(random)));
            }
        }
        return records;
    }

    /** Known apart from the residents' records of the same department, which are numbered by resident. */
    private static SyntheticRecord record(SplittableRandom random, String department, String item, int holder,
                                          LocalDate decision, java.util.Map<String, String> fields) {
        return RecordGenerator.recordOn(random, department, item, holder, department + "-" + item + "-H" + holder,
                decision, fields);
    }

    private static LocalDate fourYears(SplittableRandom random) {
        return RecordGenerator.decisionWithin(random, 4 * 365);
    }

    private static Origin origin(SplittableRandom random) {
        int total = ORIGINS.stream().mapToInt(Origin::weight).sum();
        int pick = random.nextInt(total);
        for (Origin origin : ORIGINS) {
            pick -= origin.weight();
            if (pick < 0) {
                return origin;
            }
        }
        return ORIGINS.get(0);
    }

    private static String number(SplittableRandom random, String shape) {
        StringBuilder number = new StringBuilder(shape.length());
        for (char c : shape.toCharArray()) {
            number.append(switch (c) {
                case 'A' -> LETTERS.charAt(random.nextInt(LETTERS.length()));
                case '9' -> (char) ('0' + random.nextInt(10));
                case 'X' -> GERMAN.charAt(random.nextInt(GERMAN.length()));
                default -> c;
            });
        }
        return number.toString();
    }
}
