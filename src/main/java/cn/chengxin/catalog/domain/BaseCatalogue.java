package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;

import static cn.chengxin.catalog.domain.FieldDefinition.of;
import static cn.chengxin.catalog.domain.FieldDefinition.text;

/**
 * The base catalogue a platform starts with: the kinds of personal and organisational public credit
 * information of 全国公共信用信息基础目录 (RULES.md §2–3), each with its legal basis, providing departments
 * (by department code), sharing, severity and the default periods of RULES.md §4. The credit office edits
 * it from there; every change is a new, reviewed version.
 */
public final class BaseCatalogue {

    private static final String PENALTY_LAW = "《中华人民共和国行政处罚法》第四十八条；国办发〔2016〕98号";
    /**
     * The penalty items' date on which the act ended — the penalty performed, the detention or sentence served — from
     * which their records' retention counts when given (RULES.md §4).
     */
    private static final String ACT_ENDED_ON = "ended_on";
    /** The item of the household and residence register that feeds the registry's residency. */
    public static final String RESIDENCY = "P_RESIDENCY";
    /** The item of key occupational groups (RULES.md §1) that feeds the registry's memberships. */
    public static final String OCCUPATION = "P_OCCUPATION";
    private static final List<String> ENFORCEMENT = List.of("MARKET", "PUBLIC_SECURITY", "ECOLOGY", "TAX",
            "EMERGENCY", "HOUSING", "TRANSPORT", "HEALTH");

    private BaseCatalogue() {
    }

    public static List<ItemDefinition> items() {
        List<ItemDefinition> items = new ArrayList<>();
        // ---- natural persons -------------------------------------------------------------------
        for (Severity s : Severity.values()) {
            items.add(item("P_ADMIN_PENALTY_" + s.name(), "行政处罚信息（" + s.label() + "）", SubjectType.PERSON,
                    Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, penaltyFields(), ENFORCEMENT,
                    PENALTY_LAW, s == Severity.MINOR ? Sharing.GOVERNMENT : Sharing.PUBLIC, s,
                    s != Severity.MINOR, s != Severity.MINOR, UpdateCycle.DAILY, false,
                    s == Severity.MINOR ? "简易程序或轻微违法且及时改正、未造成危害的处罚：不公示、不用于惩戒（RULES.md §2）" : null));
        }
        items.add(item("P_COURT_DEFAULTER", "失信被执行人信息", SubjectType.PERSON, Nature.NEGATIVE, Category.JUDICIAL,
                Domain.JUDICIAL_PROCEEDINGS, List.of(text("case_number", "执行案号", true), text("court", "执行法院", true),
                        text("obligation", "生效法律文书确定的义务", true),
                        choice("performance", "被执行人履行情况", true, "全部未履行", "部分未履行"),
                        text(CourtListingTerm.BEHAVIOUR_FIELD, "失信被执行人具体情形", true), courtListingEnd()),
                List.of("COURT"), "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）；《民事诉讼法》第二百六十六条",
                Sharing.PUBLIC, Severity.SERIOUS, true, true, UpdateCycle.DAILY, false, null));
        items.add(item("P_CONSUMPTION_RESTRICTED", "限制消费信息", SubjectType.PERSON, Nature.NEGATIVE, Category.JUDICIAL,
                Domain.JUDICIAL_PROCEEDINGS, List.of(text("case_number", "执行案号", true), text("court", "执行法院", true)),
                List.of("COURT"), "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》（法释〔2015〕17号）",
                Sharing.PUBLIC, Severity.GENERAL, true, true, UpdateCycle.DAILY, false, null));
        items.add(item("P_TAX_SERIOUS_DISHONESTY", "重大税收违法失信主体信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.SERIOUS_DISHONESTY_LIST, Domain.TAX, List.of(text("case_nature", "案件性质", true),
                        text("facts", "主要违法事实", true), text("handling", "相关法律依据及处理处罚情况", true)),
                List.of("TAX"), "《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）", Sharing.PUBLIC,
                Severity.SERIOUS, true, true, UpdateCycle.MONTHLY, false, null));
        items.add(item("P_TAX_ARREARS", "欠缴税款信息", SubjectType.PERSON, Nature.NEGATIVE, Category.ADMINISTRATIVE_LEVY,
                Domain.TAX, List.of(text("tax_type", "欠缴税种", true), of("arrears", "欠缴税款金额（元）", FieldType.DECIMAL, true)),
                List.of("TAX"), "《中华人民共和国税收征收管理法》第四十五条、第四十六条", Sharing.GOVERNMENT, Severity.GENERAL,
                true, true, UpdateCycle.MONTHLY, false, null));
        items.add(item("P_EXAM_CHEATING", "国家教育考试作弊信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.EDUCATION_AND_RESEARCH, List.of(text("exam", "考试名称", true),
                        text("conduct", "违规行为", true), text("handling", "处理结果", true)),
                List.of("EDUCATION"), "《国家教育考试违规处理办法》（教育部令第33号）；《中华人民共和国教育法》第八十条",
                Sharing.PUBLIC, Severity.GENERAL, true, true, UpdateCycle.QUARTERLY, false, null));
        items.add(item("P_ACADEMIC_MISCONDUCT", "科研失信行为信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.EDUCATION_AND_RESEARCH, List.of(text("conduct", "失信行为", true),
                        text("handling", "处理措施", true), text("investigator", "调查处理单位", true)),
                List.of("EDUCATION", "SCIENCE"), "《科研失信行为调查处理规则》（国科发监〔2022〕221号）", Sharing.PUBLIC,
                Severity.SERIOUS, true, true, UpdateCycle.QUARTERLY, false, null));
        items.add(item("P_STUDENT_LOAN_DEFAULT", "国家助学贷款逾期信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.CONTRACT_PERFORMANCE, Domain.FINANCIAL_SERVICES, List.of(text("contract", "贷款合同号", true),
                        of("overdue_days", "逾期天数", FieldType.INTEGER, true),
                        of("overdue_principal", "逾期本金（元）", FieldType.DECIMAL, true)),
                List.of("EDUCATION"), "《国家助学贷款管理办法》；《关于完善国家助学贷款政策的若干意见》（财教〔2004〕15号）",
                Sharing.AUTHORISED_QUERY, Severity.GENERAL, true, true, UpdateCycle.MONTHLY, false, null));
        items.add(item("P_SOCIAL_INSURANCE_FRAUD", "骗取社会保险待遇信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.LABOUR_AND_SOCIAL_SECURITY, penaltyFields(), List.of("HRSS"),
                "《中华人民共和国社会保险法》第八十八条；《社会保险领域严重失信主体名单管理办法》", Sharing.PUBLIC,
                Severity.SERIOUS, true, true, UpdateCycle.MONTHLY, false, null));
        items.add(item("P_MEDICAL_INSURANCE_FRAUD", "骗取医疗保障基金信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.HEALTH_CARE, penaltyFields(), List.of("MEDICAL_INSURANCE"),
                "《医疗保障基金使用监督管理条例》第四十一条", Sharing.PUBLIC, Severity.SERIOUS, true, true,
                UpdateCycle.MONTHLY, false, null));
        items.add(item("P_DRUNK_DRIVING", "醉酒驾驶机动车信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.TRAFFIC_SAFETY, penaltyFields(), List.of("PUBLIC_SECURITY"),
                "《中华人民共和国道路交通安全法》第九十一条", Sharing.PUBLIC, Severity.SERIOUS, true, true,
                UpdateCycle.DAILY, false, null));
        items.add(item("P_COMMITMENT", "信用承诺信息", SubjectType.PERSON, Nature.NEUTRAL, Category.CREDIT_COMMITMENT,
                Domain.GENERAL, List.of(choice("kind", "承诺类型", true, "审批替代型", "容缺受理型", "信用修复型", "行业自律型",
                        "主动型"), text("content", "承诺内容", true), of("due", "履约期限", FieldType.DATE, false)),
                List.of("CREDIT_OFFICE", "MARKET", "HRSS", "HOUSING", "EDUCATION"),
                "《国家发展改革委办公厅关于全面推广信用承诺制度的通知》；国办发〔2016〕98号", Sharing.GOVERNMENT, null, false,
                false, UpdateCycle.DAILY, false, null));
        items.add(item("P_COMMITMENT_BREACH", "违背信用承诺信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.CREDIT_COMMITMENT, Domain.GENERAL, List.of(text("commitment", "所违背的承诺", true),
                        text("facts", "违诺事实", true)), List.of("CREDIT_OFFICE", "MARKET", "HRSS", "HOUSING", "EDUCATION"),
                "《国家发展改革委办公厅关于全面推广信用承诺制度的通知》", Sharing.PUBLIC, Severity.GENERAL, true, true,
                UpdateCycle.DAILY, false, null));
        items.add(item("P_QUALIFICATION", "职业资格信息", SubjectType.PERSON, Nature.BASIC, Category.QUALIFICATION,
                Domain.GENERAL, List.of(text("qualification", "资格名称", true), text("certificate", "证书编号", true),
                        of("issued_on", "发证日期", FieldType.DATE, true), of("valid_until", "有效期至", FieldType.DATE, false)),
                List.of("HRSS", "HEALTH", "EDUCATION", "JUSTICE"), "《国家职业资格目录》；《中华人民共和国行政许可法》",
                Sharing.AUTHORISED_QUERY, null, false, false, UpdateCycle.MONTHLY, false, null));
        items.add(item("P_QUALIFICATION_REVOKED", "职业资格撤销或吊销信息", SubjectType.PERSON, Nature.NEGATIVE,
                Category.QUALIFICATION, Domain.GENERAL, List.of(text("qualification", "资格名称", true),
                        choice("measure", "处理措施", true, "撤销", "吊销", "暂停执业"), text("reason", "原因", true)),
                List.of("HRSS", "HEALTH", "EDUCATION", "JUSTICE"), "《中华人民共和国行政许可法》第六十九条、第七十条",
                Sharing.PUBLIC, Severity.SERIOUS, true, true, UpdateCycle.MONTHLY, false, null));
        // The licences granted to natural persons (a 个体 licence, a practising licence), the other half of 双公示 (gaps
        // review xxx L6; 攀枝花 二(二)2): published on 行政许可公示 (PublicPage), never used to punish or score by. A running
        // platform is proposed it at its next start, for its credit office to approve (Catalogue#seedNewBaseItems).
        items.add(item("P_ADMIN_LICENCE", "行政许可信息（自然人）", SubjectType.PERSON, Nature.BASIC,
                Category.ADMINISTRATIVE_LICENSING, Domain.GENERAL, List.of(text("licence", "许可证件名称", true),
                        text("licence_number", "许可编号", true), text("content", "许可内容", false),
                        of("valid_until", "有效期至", FieldType.DATE, false)),
                ENFORCEMENT, "《中华人民共和国行政许可法》第四十条；国办发〔2016〕98号", Sharing.PUBLIC, null, false, false,
                UpdateCycle.DAILY, false, "准予行政许可决定书文号填“决定文书号”，决定日期填“决定日期”；"
                        + "在公众网站“行政许可公示”去标识化公示，不公示未成年人的许可（RULES.md §2、§10）"));
        items.add(item("P_VOLUNTEER_SERVICE", "志愿服务信息", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.VOLUNTEER_SERVICE, List.of(of("hours", "服务时长（小时）", FieldType.DECIMAL, true),
                        text("organisation", "志愿服务组织", true), text("project", "服务项目", false)),
                List.of("CIVILISATION_OFFICE"), "《志愿服务条例》第十九条、第三十二条", Sharing.AUTHORISED_QUERY, null, false,
                true, UpdateCycle.MONTHLY, false, "本人可拒绝记录（RULES.md §2）"));
        items.add(item("P_BLOOD_DONATION", "无偿献血信息", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.HEALTH_CARE, List.of(of("times", "献血次数", FieldType.INTEGER, true),
                        of("volume_ml", "累计献血量（毫升）", FieldType.INTEGER, false),
                        choice("award", "无偿献血奖项", false, "无", "铜奖", "银奖", "金奖", "终身荣誉奖")),
                List.of("HEALTH"), "《中华人民共和国献血法》第十四条", Sharing.AUTHORISED_QUERY, null, false, true,
                UpdateCycle.MONTHLY, false, "本人可拒绝记录（RULES.md §2）"));
        items.add(item("P_COMMENDATION", "表彰奖励信息", SubjectType.PERSON, Nature.GOOD, Category.ADMINISTRATIVE_REWARD,
                Domain.GENERAL, List.of(text("honour", "荣誉名称", true), text("awarded_by", "授予机关", true),
                        choice("level", "级别", true, "国家级", "省级", "市级", "县级")),
                List.of("CREDIT_OFFICE", "HRSS", "CIVILISATION_OFFICE"), "《国家功勋荣誉表彰条例》；《评比达标表彰活动管理办法》",
                Sharing.PUBLIC, null, false, true, UpdateCycle.QUARTERLY, false, null));
        items.add(item("P_GOOD_SAMARITAN", "见义勇为及道德模范信息", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.GENERAL, List.of(text("deed", "事迹", true), text("confirmed_by", "确认机关", true)),
                List.of("CIVILISATION_OFFICE", "PUBLIC_SECURITY"), "《见义勇为人员奖励和保护条例》；国办发〔2016〕98号",
                Sharing.PUBLIC, null, false, true, UpdateCycle.QUARTERLY, false, null));
        items.add(item("P_CHARITABLE_DONATION", "慈善捐赠信息", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.CHARITY, List.of(text("recipient", "受赠组织", true), text("purpose", "捐赠用途", false)),
                List.of("CIVIL_AFFAIRS"), "《中华人民共和国慈善法》第九十一条", Sharing.AUTHORISED_QUERY, null, false, true,
                UpdateCycle.QUARTERLY, false, "本人可拒绝记录（RULES.md §2）"));
        // The registry's residency and key occupational groups (gaps review xxviii J1): ingestion writes them to the
        // subject registry (scoring counts residents, the occupational report lists the groups); neither is a record
        // to punish or score by, nor to publish.
        items.add(item(RESIDENCY, "户籍和居住登记信息", SubjectType.PERSON, Nature.BASIC, Category.REGISTRATION,
                Domain.GENERAL, List.of(new FieldDefinition("kind", "登记类别", FieldType.CHOICE, true, 64,
                                Arrays.stream(ResidencyKind.values()).map(ResidencyKind::label).toList()),
                        text("region_code", "居住地行政区划代码", true), of("since", "登记起始日期", FieldType.DATE, true),
                        of("until", "终止日期（迁出、注销之日）", FieldType.DATE, false)),
                List.of("PUBLIC_SECURITY"), "《中华人民共和国户口登记条例》；《中华人民共和国居民身份证法》；《居住证暂行条例》第二条、第九条",
                Sharing.GOVERNMENT, null, false, false, UpdateCycle.DAILY, false,
                "户籍或居住证（常住）登记：行政区划代码 6 位（GB/T 2260）；迁出或注销时以更正（UPDATE）报送终止日期。"
                        + "写入信用主体库的居住信息，评分以此认定本地常住居民"));
        items.add(item(OCCUPATION, "重点职业人群信息", SubjectType.PERSON, Nature.BASIC, Category.QUALIFICATION,
                Domain.GENERAL, List.of(new FieldDefinition("group", "职业人群", FieldType.CHOICE, true, 64,
                                Arrays.stream(OccupationalGroup.values()).map(OccupationalGroup::label).toList()),
                        of("since", "起始日期", FieldType.DATE, true), of("until", "终止日期", FieldType.DATE, false),
                        text("issued_by", "认定或发证机关", true)),
                List.of("HRSS", "EDUCATION", "HEALTH", "JUSTICE", "MARKET", "TRANSPORT"),
                "《国务院办公厅关于加强个人诚信体系建设的指导意见》（国办发〔2016〕98号）（重点职业人群信用记录）",
                Sharing.GOVERNMENT, null, false, false, UpdateCycle.MONTHLY, false,
                "写入信用主体库的职业人群，职业信用报告据此列出（RULES.md §1）"));
        // ---- organisations -------------------------------------------------------------------------
        items.add(item("O_REGISTRATION", "登记注册基本信息", SubjectType.ORGANISATION, Nature.BASIC, Category.REGISTRATION,
                Domain.GENERAL, List.of(text("type", "主体类型", true), text("address", "住所", true),
                        of("established_on", "成立日期", FieldType.DATE, true), text("scope", "经营范围", false)),
                List.of("MARKET", "CIVIL_AFFAIRS"), "《中华人民共和国市场主体登记管理条例》", Sharing.PUBLIC, null, false,
                false, UpdateCycle.DAILY, false, null));
        // A registered change of name (gaps review xxv H6): ingestion makes it a name-change proposal for the registry
        // (evidence for the credit office's reviewer), not a record to punish or score by, nor to publish.
        items.add(item("O_NAME_CHANGE", "企业名称变更登记信息", SubjectType.ORGANISATION, Nature.BASIC,
                Category.REGISTRATION, Domain.GENERAL, List.of(text("former_name", "变更前名称", true),
                        text("new_name", "变更后名称", true)),
                List.of("MARKET"), "《中华人民共和国市场主体登记管理条例》第二十四条", Sharing.GOVERNMENT, null, false,
                false, UpdateCycle.DAILY, false, "登记日期填“决定日期”，登记通知书文号填“决定文书号”；变更前名称须为信用主体库登记的现名称"));
        items.add(item("O_ADMIN_LICENCE", "行政许可信息", SubjectType.ORGANISATION, Nature.BASIC,
                Category.ADMINISTRATIVE_LICENSING, Domain.GENERAL, List.of(text("licence", "许可证件名称", true),
                        text("licence_number", "许可编号", true), of("valid_until", "有效期至", FieldType.DATE, false)),
                ENFORCEMENT, "《中华人民共和国行政许可法》第四十条", Sharing.PUBLIC, null, false, false, UpdateCycle.DAILY,
                false, null));
        for (Severity s : List.of(Severity.GENERAL, Severity.SERIOUS)) {
            items.add(item("O_ADMIN_PENALTY_" + s.name(), "行政处罚信息（" + s.label() + "）", SubjectType.ORGANISATION,
                    Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, penaltyFields(), ENFORCEMENT,
                    PENALTY_LAW, Sharing.PUBLIC, s, true, true, UpdateCycle.DAILY, s == Severity.SERIOUS, null));
        }
        items.add(item("O_ABNORMAL_OPERATIONS", "经营异常名录信息", SubjectType.ORGANISATION, Nature.NEGATIVE,
                Category.ABNORMAL_LIST, Domain.GENERAL, List.of(text("reason", "列入原因", true),
                        text("authority", "作出决定机关", true)), List.of("MARKET"),
                "《企业经营异常名录管理暂行办法》（国家工商行政管理总局令第68号）", Sharing.PUBLIC, Severity.GENERAL, true,
                true, UpdateCycle.DAILY, false, null));
        items.add(item("O_SERIOUS_ILLEGAL_LIST", "市场监督管理严重违法失信名单信息", SubjectType.ORGANISATION,
                Nature.NEGATIVE, Category.SERIOUS_DISHONESTY_LIST, Domain.GENERAL, List.of(text("reason", "列入原因", true),
                        text("authority", "作出决定机关", true)), List.of("MARKET"),
                "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）", Sharing.PUBLIC, Severity.SERIOUS,
                true, true, UpdateCycle.DAILY, true, null));
        items.add(item("O_COURT_DEFAULTER", "失信被执行人信息（组织）", SubjectType.ORGANISATION, Nature.NEGATIVE,
                Category.JUDICIAL, Domain.JUDICIAL_PROCEEDINGS, List.of(text("case_number", "执行案号", true),
                        text("court", "执行法院", true), text("obligation", "生效法律文书确定的义务", true),
                        text(CourtListingTerm.BEHAVIOUR_FIELD, "失信被执行人具体情形", false), courtListingEnd()),
                List.of("COURT"), "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）", Sharing.PUBLIC,
                Severity.SERIOUS, true, true, UpdateCycle.DAILY, true, null));
        items.add(item("O_TAX_SERIOUS_DISHONESTY", "重大税收违法失信主体信息（组织）", SubjectType.ORGANISATION,
                Nature.NEGATIVE, Category.SERIOUS_DISHONESTY_LIST, Domain.TAX, List.of(text("case_nature", "案件性质", true),
                        text("facts", "主要违法事实", true)), List.of("TAX"),
                "《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）", Sharing.PUBLIC, Severity.SERIOUS, true,
                true, UpdateCycle.MONTHLY, true, null));
        items.add(item("O_WAGE_ARREARS", "拖欠农民工工资失信联合惩戒对象信息", SubjectType.ORGANISATION, Nature.NEGATIVE,
                Category.SERIOUS_DISHONESTY_LIST, Domain.LABOUR_AND_SOCIAL_SECURITY,
                List.of(of("workers", "涉及人数", FieldType.INTEGER, true), of("amount", "拖欠金额（元）", FieldType.DECIMAL, true)),
                List.of("HRSS"), "《保障农民工工资支付条例》第四十八条", Sharing.PUBLIC, Severity.SERIOUS, true, true,
                UpdateCycle.MONTHLY, true, null));
        items.add(item("O_TAX_CREDIT_A", "纳税信用A级纳税人信息", SubjectType.ORGANISATION, Nature.GOOD,
                Category.CREDIT_EVALUATION, Domain.TAX, List.of(of("year", "评价年度", FieldType.INTEGER, true)),
                List.of("TAX"), "《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）", Sharing.PUBLIC, null, false,
                true, UpdateCycle.YEARLY, false, null));
        return items;
    }

    private static List<FieldDefinition> penaltyFields() {
        return List.of(choice("penalty_type", "处罚类别", true, "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物",
                        "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭",
                        "限制从业", "行政拘留", "其他"),
                text("facts", "违法行为类型及事实", true), text("basis", "处罚依据", true),
                of("fine", "罚款金额（万元）", FieldType.DECIMAL, false), text("authority", "处罚机关", true),
                of(ACT_ENDED_ON, "失信行为终止日期（处罚或刑罚执行完毕之日）", FieldType.DATE, false));
    }

    /**
     * The last day of a court's listing as the court decided it (纳入期限截止日; RULES.md §7, 法释〔2017〕7号第二条: two
     * years, extended by one to three for aggravating grounds), optional: a listing under 第一条第一项 has none
     * ({@link CourtListingTerm}). Migration V237 gave the items of existing platforms the same field.
     */
    private static FieldDefinition courtListingEnd() {
        return of(CourtListingTerm.END_FIELD, "纳入期限截止日", FieldType.DATE, false);
    }

    private static FieldDefinition choice(String name, String label, boolean required, String... values) {
        return new FieldDefinition(name, label, FieldType.CHOICE, required, 64, List.of(values));
    }

    private static ItemDefinition item(String code, String name, SubjectType subject, Nature nature, Category category,
                                       Domain domain, List<FieldDefinition> fields, List<String> providers,
                                       String legalBasis, Sharing sharing, Severity severity, boolean punishment,
                                       boolean scoring, UpdateCycle cycle, boolean linksToResponsible,
                                       String description) {
        ItemDefinition d = new ItemDefinition(code, name, subject, nature, category, domain, fields, providers,
                legalBasis, sharing, severity, null, null, null, punishment, scoring,
                sharedUpwardByDefault(nature, sharing, punishment), cycle, linksToResponsible, description, null,
                refusableByDefault(code, subject, nature, category),
                repairRequirementsByDefault(nature, category, severity));
        return fields.stream().anyMatch(f -> f.name().equals(ACT_ENDED_ON)) ? d.withRetentionCountedFrom(ACT_ENDED_ON)
                : d;
    }

    /**
     * The base catalogue's honours, which the person may refuse to have recorded (RULES.md §2, Shenzhen Art. 39:
     * commendations, volunteering, blood donation, charity, 见义勇为): the good items about persons of the honours
     * category, and commendations, which the national catalogue files under administrative rewards. Migration V163
     * gave the items of existing platforms the same value; the credit office changes it per item.
     */
    public static boolean refusableByDefault(String code, SubjectType subject, Nature nature, Category category) {
        return subject == SubjectType.PERSON && nature == Nature.GOOD
                && (category == Category.HONOUR || "P_COMMENDATION".equals(code));
    }

    /**
     * What the base catalogue's items ask for their repair (RULES.md §6: "Training and a credit report may be required
     * by sector rules"): the serious negative items the platform repairs ask for the credit-repair training certificate
     * and a credit report, as 发改办财金〔2019〕527号 asked of serious administrative penalties; nothing else asks more
     * than proof and the commitment. Migration V191 gave the items of existing platforms the same value; the credit
     * office changes it per item (maker-checker).
     */
    public static Set<RepairRequirement> repairRequirementsByDefault(Nature nature, Category category,
                                                                     Severity severity) {
        return nature == Nature.NEGATIVE && severity == Severity.SERIOUS && RepairAuthority.of(category).platform()
                ? Set.of(RepairRequirement.TRAINING, RepairRequirement.CREDIT_REPORT) : Set.of();
    }

    /**
     * The base catalogue's choice of what goes up to the parent platform (RULES.md §11: dishonesty is pushed upward
     * so that "一处失信，处处受限" holds): negative items usable for punishment and not for authorised query only.
     * Migration V33 gave the items of existing platforms the same value; the credit office changes it per item.
     */
    public static boolean sharedUpwardByDefault(Nature nature, Sharing sharing, boolean usableForPunishment) {
        return nature == Nature.NEGATIVE && usableForPunishment && sharing != Sharing.AUTHORISED_QUERY;
    }
}
