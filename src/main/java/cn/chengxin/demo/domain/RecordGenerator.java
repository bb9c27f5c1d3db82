package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Records for a synthetic population, in the proportions a city would see (issue #4): most people have
 * none or only good records; a few percent have administrative penalties; a small share are court
 * defaulters. Deterministic for a given seed. Decisions fall in the four years before {@link
 * PopulationGenerator#AS_OF}, so some have already left publication.
 */
public final class RecordGenerator {

    private static final String[] AUTHORITIES = {"驻马店市市场监督管理局", "驿城区市场监督管理局", "驻马店市生态环境局",
            "驻马店市应急管理局", "驻马店市城市管理局"};
    private static final String[] FACTS = {"未按规定公示食品经营许可信息", "销售过期食品", "无照经营", "违规占道经营",
            "未按规定配备消防器材", "虚假宣传", "未明码标价"};

    private RecordGenerator() {
    }

    public static List<SyntheticRecord> generate(List<SyntheticResident> residents, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed5eedL);
        List<SyntheticRecord> records = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            SyntheticResident r = residents.get(i);
            int age = r.birthDate().until(PopulationGenerator.AS_OF).getYears();
            if (age < 18) {
                continue; // minors: no records in the demo (RULES.md §6 protects them)
            }
            int roll = random.nextInt(10_000);
            LocalDate earliest = r.birthDate().plusYears(18);
            if (roll < 800) {
                records.add(record(random, "CIVILISATION_OFFICE", "P_VOLUNTEER_SERVICE", i, earliest,
                        volunteering(random)));
            } else if (roll < 1300) {
                records.add(record(random, "HEALTH", "P_BLOOD_DONATION", i, earliest, bloodDonation(random)));
            } else if (roll < 1500) {
                records.add(record(random, "CREDIT_OFFICE", "P_COMMENDATION", i, earliest, Map.of(
                        "honour", "驻马店市优秀志愿者", "awarded_by", "驻马店市人民政府", "level", "市级")));
            } else if (roll < 1600) {
                records.add(penalty(random, "P_ADMIN_PENALTY_MINOR", i, earliest, "警告"));
            } else if (roll < 1900) {
                records.add(penalty(random, "P_ADMIN_PENALTY_GENERAL", i, earliest, "罚款"));
            } else if (roll < 1950) {
                records.add(penalty(random, "P_ADMIN_PENALTY_SERIOUS", i, earliest, "吊销许可证件"));
            } else if (roll < 2020) {
                records.add(record(random, "COURT", "P_COURT_DEFAULTER", i, earliest, courtDefaulter(random)));
            } else if (roll < 2050) {
                records.add(record(random, "TAX", "P_TAX_ARREARS", i, earliest, Map.of(
                        "tax_type", "个人所得税", "arrears", Integer.toString(1000 + random.nextInt(90_000)))));
            }
        }
        return records;
    }

    // The fields of each kind of record, shared with PassportAndPermitHolders: both draw them in the same order.

    static Map<String, String> volunteering(SplittableRandom random) {
        return Map.of("hours", Integer.toString(4 + random.nextInt(300)), "organisation", "驻马店市志愿者协会",
                "project", "社区志愿服务");
    }

    static Map<String, String> bloodDonation(SplittableRandom random) {
        return Map.of("times", Integer.toString(1 + random.nextInt(20)), "award", "无");
    }

    static Map<String, String> courtDefaulter(SplittableRandom random) {
        return Map.of(
                "case_number", "(" + (2022 + random.nextInt(4)) + ")豫1702执" + (100 + random.nextInt(9000)) + "号",
                "court", "驻马店市驿城区人民法院", "obligation", "给付欠款 " + (1 + random.nextInt(50)) + " 万元",
                "performance", random.nextBoolean() ? "全部未履行" : "部分未履行",
                "behaviour", "有履行能力而拒不履行生效法律文书确定义务");
    }

    static Map<String, String> penaltyFields(SplittableRandom random, String type) {
        return Map.of(
                "penalty_type", type, "facts", FACTS[random.nextInt(FACTS.length)],
                "basis", "《中华人民共和国行政处罚法》及相关法规", "fine", type.equals("罚款") ? "0." + (1 + random.nextInt(9)) : "",
                "authority", AUTHORITIES[random.nextInt(AUTHORITIES.length)]);
    }

    private static SyntheticRecord penalty(SplittableRandom random, String item, int resident, LocalDate earliest,
                                           String type) {
        return record(random, "MARKET", item, resident, earliest, penaltyFields(random, type));
    }

    private static SyntheticRecord record(SplittableRandom random, String department, String item, int resident,
                                          LocalDate earliest, Map<String, String> fields) {
        LocalDate decision = decisionWithin(random, 4 * 365);
        if (decision.isBefore(earliest)) {
            decision = earliest;
        }
        return recordOn(random, department, item, resident, department + "-" + item + "-" + resident, decision,
                fields);
    }

    /** A decision day among the {@code days} before {@link PopulationGenerator#AS_OF}. */
    static LocalDate decisionWithin(SplittableRandom random, int days) {
        return PopulationGenerator.AS_OF.minusDays(1 + random.nextInt(days));
    }

    /** A record under the caller's source id: the holders of passports and permits are numbered apart. */
    static SyntheticRecord recordOn(SplittableRandom random, String department, String item, int subject,
                                    String sourceRecordId, LocalDate decision, Map<String, String> fields) {
        return new SyntheticRecord(department, item, subject, sourceRecordId,
                "驻" + department.substring(0, 2) + "〔" + decision.getYear() + "〕" + (1 + random.nextInt(999)) + "号",
                decision, fields);
    }
}
