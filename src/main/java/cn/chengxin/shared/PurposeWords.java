package cn.chengxin.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.shared.security.StaffQueryPurpose;
import org.springframework.context.MessageSource;

/**
 * The platform's own purposes and legal bases of a look at a person's data, as the audit log stores them (in
 * Chinese), and the parties it names (本人, 平台), in the words of the page or report that shows them (issue #7): an
 * English page shows "Query by the person" where the log says 本人查询. Only our fixed vocabulary is translated, by
 * the message keys {@code wording.purpose.*}, {@code wording.basis.*} and {@code wording.party.*}; what a staff
 * member or a person typed (a case number, a withdrawal's reason, a platform's name) is shown as typed, and any
 * phrase not ours is shown as stored. A Chinese page shows every stored phrase unchanged.
 */
public final class PurposeWords {

    private static final Map<String, String> PURPOSES = new LinkedHashMap<>();
    private static final Map<String, String> BASES = new LinkedHashMap<>();
    private static final Map<String, String> PARTIES = Map.of("本人", "SELF", "平台", "PLATFORM", "本人（窗口）",
            "SELF_COUNTER");

    static {
        PURPOSES.put("本人查询", "SELF");
        // the person's own report issued at the credit office's window (inquiry's 窗口查询)
        PURPOSES.put("本人查询（窗口）", "SELF_COUNTER");
        PURPOSES.put("政务查询", "GOVERNMENT");
        PURPOSES.put("报告核验", "REPORT_VERIFY");
        PURPOSES.put("名单认定审核", "LIST_REVIEW");
        PURPOSES.put("名单认定建议", "LIST_PROPOSAL");
        PURPOSES.put("异议处理", "OBJECTION");
        PURPOSES.put("信用修复审查", "REPAIR_REVIEW");
        PURPOSES.put("举报处理", "TIPOFF");
        // the credit office's look at a tip-off's reporter (portal's ReporterPurpose, by their labels)
        PURPOSES.put("向举报人核实举报情况", "TIPOFF_VERIFY_FACTS");
        PURPOSES.put("向举报人告知处理结果", "TIPOFF_INFORM_OUTCOME");
        PURPOSES.put("依法移送有关部门处理", "TIPOFF_REFER");
        // the purposes a person may authorise a query for (inquiry's Purpose, RULES.md §9), by their labels
        PURPOSES.put("入职招聘", "EMPLOYMENT");
        PURPOSES.put("信贷审批", "LENDING");
        PURPOSES.put("融资租赁", "LEASING");
        PURPOSES.put("房屋租赁", "TENANCY");
        PURPOSES.put("招标投标", "BIDDING");
        PURPOSES.put("商务合作", "BUSINESS_COOPERATION");
        // the auditor's look at a person's part of the log (AuditConsole)
        PURPOSES.put("审计核查", "AUDIT");
        // the scenarios a department checks a subject in (measures' Scenario, by their labels): a check's purpose is
        // the scenario's label and what the department typed, 招录聘用：<typed>
        PURPOSES.put("行政许可", "SCENARIO_LICENSING");
        PURPOSES.put("招录聘用", "SCENARIO_HIRING");
        PURPOSES.put("职称评定", "SCENARIO_TITLES");
        PURPOSES.put("评优评先", "SCENARIO_AWARDS");
        PURPOSES.put("政府采购与公共资源交易", "SCENARIO_BIDDING");
        PURPOSES.put("政府资金支持", "SCENARIO_FUNDING");
        PURPOSES.put("乘坐飞机、列车", "SCENARIO_TRAVEL");
        PURPOSES.put("高消费", "SCENARIO_CONSUMPTION");
        PURPOSES.put("任职资格", "SCENARIO_EXECUTIVE");
        PURPOSES.put("监管检查", "SCENARIO_INSPECTION");
        PURPOSES.put("公共服务", "SCENARIO_SOCIAL_SERVICE");
        for (StaffQueryPurpose p : StaffQueryPurpose.values()) {
            PURPOSES.put(p.label(), "STAFF_" + p.name());
            BASES.put(p.legalBasis(), "STAFF_" + p.name());
        }
        BASES.put("征信业管理条例 第十七条 本人查询", "CCIR_17_SELF");
        BASES.put("征信业管理条例 第十八条 经信息主体书面授权", "CCIR_18_CONSENT");
        BASES.put("征信业管理条例 第十八条", "CCIR_18");
        BASES.put("《征信业管理条例》第二十五条", "CCIR_25");
        BASES.put("法定职责", "STATUTORY_DUTY");
        BASES.put("国办发〔2016〕98号", "GBF_2016_98");
        BASES.put("国办发〔2016〕98号 本人查询", "GBF_2016_98_SELF");
        BASES.put("国办发〔2016〕98号 社会监督与举报", "GBF_2016_98_TIPOFF");
        BASES.put("国办发〔2016〕98号 信用信息共享", "GBF_2016_98_SHARING");
        BASES.put("国办发〔2016〕98号（信用惠民）", "GBF_2016_98_BENEFITS");
        BASES.put("联合奖惩核查（国办发〔2016〕33号）", "GBF_2016_33_MEASURES");
        BASES.put("国办发〔2020〕49号", "GBF_2020_49");
        BASES.put("《信用修复管理办法》", "REPAIR_MEASURES");
        BASES.put("信用修复管理办法", "REPAIR_MEASURES");
        BASES.put("《个人信息保护法》第五十四条", "PIPL_54");
    }

    /** 授权查询：信贷审批, as the report and the log word an authorised query. */
    private static final Pattern AUTHORISED = Pattern.compile("授权查询：(.+)");
    /** 政务查询：行政许可审查（case number）, a government report's purpose with the case the staff member typed. */
    private static final Pattern GOVERNMENT_CASE = Pattern.compile("政务查询：(.+?)（(.*)）");
    private static final Pattern GOVERNMENT = Pattern.compile("政务查询：(.+)");
    /** 招录聘用：<what was typed>, one of our purposes with the case or note its caller typed after it. */
    private static final Pattern WITH_NOTE = Pattern.compile("(.+?)：(.+)");
    /** 向 X 平台报送信用信息, a sending to another platform, named as configured. */
    private static final Pattern EXCHANGE = Pattern.compile("向(.+)平台报送信用信息");

    private final MessageSource messages;

    public PurposeWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The stored purpose in {@code locale}'s words: translated on an English page when it is ours, else as stored. */
    public String purpose(String stored, Locale locale) {
        if (stored == null || !english(locale)) {
            return stored;
        }
        String fixed = PURPOSES.get(stored);
        if (fixed != null) {
            return message(stored, "wording.purpose." + fixed, locale);
        }
        Matcher m = AUTHORISED.matcher(stored);
        if (m.matches()) {
            return message(stored, "wording.purpose.authorised", locale, purpose(m.group(1), locale));
        }
        m = GOVERNMENT_CASE.matcher(stored);
        if (m.matches()) {
            return message(stored, "wording.purpose.governmentCase", locale, purpose(m.group(1), locale),
                    m.group(2));
        }
        m = GOVERNMENT.matcher(stored);
        if (m.matches()) {
            return message(stored, "wording.purpose.governmentFor", locale, purpose(m.group(1), locale));
        }
        m = EXCHANGE.matcher(stored);
        if (m.matches()) {
            return message(stored, "wording.purpose.exchange", locale, m.group(1));
        }
        m = WITH_NOTE.matcher(stored);
        if (m.matches() && PURPOSES.containsKey(m.group(1))) {
            return message(stored, "wording.purpose.withNote", locale, purpose(m.group(1), locale), m.group(2));
        }
        return stored;
    }

    /** The stored legal basis in {@code locale}'s words: translated on an English page when it is ours. */
    public String basis(String stored, Locale locale) {
        if (stored == null || !english(locale)) {
            return stored;
        }
        String fixed = BASES.get(stored);
        return fixed == null ? stored : message(stored, "wording.basis." + fixed, locale);
    }

    /** 本人, 平台: the person and the platform, as the log and the reports name them; any other name as stored. */
    public String party(String stored, Locale locale) {
        String fixed = stored == null || !english(locale) ? null : PARTIES.get(stored);
        return fixed == null ? stored : message(stored, "wording.party." + fixed, locale);
    }

    /** The message keys of the fixed purposes and bases, for the check that both languages have each. */
    public static java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        PURPOSES.values().forEach(k -> keys.add("wording.purpose." + k));
        BASES.values().forEach(k -> keys.add("wording.basis." + k));
        PARTIES.values().forEach(k -> keys.add("wording.party." + k));
        keys.addAll(java.util.List.of("wording.purpose.authorised", "wording.purpose.governmentCase",
                "wording.purpose.governmentFor", "wording.purpose.exchange"));
        return keys;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The message, or the stored phrase should the messages lack it. */
    private String message(String stored, String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, stored, locale);
    }
}
