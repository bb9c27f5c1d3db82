package cn.chengxin.catalog.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ItemRulesTests {

    private static ItemDefinition negative(List<FieldDefinition> fields, String legalBasis, List<String> providers) {
        return new ItemDefinition("P_TEST_ITEM", "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, fields, providers, legalBasis, Sharing.PUBLIC,
                Severity.GENERAL, null, null, null, true, true, true, UpdateCycle.DAILY, false, null);
    }

    private static List<String> codes(List<ItemRules.Violation> violations) {
        return violations.stream().map(ItemRules.Violation::code).toList();
    }

    @ParameterizedTest(name = "a field called {0} is refused")
    @ValueSource(strings = {"宗教信仰", "基因检测结果", "指纹", "血型", "既往病史", "疾病诊断", "月收入", "银行存款", "持有有价证券",
            "商业保险", "不动产登记", "纳税额"})
    void forbiddenDataCannotBeAField(String label) {
        ItemDefinition d = negative(List.of(FieldDefinition.text("x", label, false)), "某法第一条", List.of("MARKET"));
        assertThat(codes(ItemRules.forSaving(d))).contains("FIELD_FORBIDDEN");
    }

    /** 征信业管理条例 Art. 14: what the item's own name or description says it collects is refused as a field is. */
    @Test
    void forbiddenDataCannotBeWhatTheItemIsNamedOrDescribedAs() {
        ItemDefinition deposits = named("个人存款信息", null);
        assertThat(ItemRules.forSaving(deposits)).extracting(ItemRules.Violation::code, ItemRules.Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ITEM_FORBIDDEN", "name"));
        assertThat(codes(ItemRules.forActivation(deposits))).contains("ITEM_FORBIDDEN");
        assertThat(ItemRules.forSaving(named("居民信息", "记录居民的薪水和传染病情况")))
                .extracting(ItemRules.Violation::field).containsExactly("description");
        assertThat(ItemRules.forSaving(named("违反传染病防治法行政处罚信息", "拖欠薪水的用人单位"))).isEmpty();
    }

    @Test
    void noItemOfTheBaseCatalogueIsNamedOrDescribedAsForbiddenData() {
        assertThat(BaseCatalogue.items()).allSatisfy(d -> assertThat(codes(ItemRules.forSaving(d))).as(d.code())
                .doesNotContain("ITEM_FORBIDDEN"));
    }

    private static ItemDefinition named(String name, String description) {
        return new ItemDefinition("P_TEST_ITEM", name, SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", true)),
                List.of("MARKET"), "某法第一条", Sharing.PUBLIC, Severity.GENERAL, null, null, null, true, true, true,
                UpdateCycle.DAILY, false, description);
    }

    @Test
    void ordinaryFieldsAreFine() {
        ItemDefinition d = ItemDefinition.withDefaultPeriods(negative(List.of(FieldDefinition.text("facts", "违法事实", true),
                FieldDefinition.of("fine", "罚款金额", FieldType.DECIMAL, false)), "《行政处罚法》第四十八条", List.of("MARKET")));
        assertThat(ItemRules.forActivation(d)).isEmpty();
        assertThat(d.publicationMinMonths()).isEqualTo(3);
        assertThat(d.publicationMaxMonths()).isEqualTo(12);
        assertThat(d.retentionYears()).isEqualTo(5);
    }

    @Test
    void anItemDefinesAtMostAsManyFieldsAsARecordMayCarry() {
        List<FieldDefinition> fields = new java.util.ArrayList<>();
        for (int i = 0; i <= ItemRules.MOST_FIELDS; i++) {
            fields.add(FieldDefinition.text("f" + i, "字段" + i, false));
        }
        assertThat(codes(ItemRules.forSaving(negative(fields, "某法", List.of("MARKET"))))).contains("FIELDS_TOO_MANY");
        assertThat(codes(ItemRules.forSaving(negative(fields.subList(0, ItemRules.MOST_FIELDS), "某法",
                List.of("MARKET"))))).doesNotContain("FIELDS_TOO_MANY");
    }

    @Test
    void anItemWithoutLegalBasisOrProviderCanBeDraftedButNotActivated() {
        ItemDefinition d = ItemDefinition.withDefaultPeriods(negative(List.of(), "", List.of()));
        assertThat(ItemRules.forSaving(d)).isEmpty();
        assertThat(codes(ItemRules.forActivation(d))).containsExactlyInAnyOrder("LEGAL_BASIS_MISSING", "PROVIDER_MISSING");
    }

    @Test
    void negativeInformationHasASeverityAndAtMostFiveYears() {
        ItemDefinition noSeverity = new ItemDefinition("PX", "x", SubjectType.PERSON, Nature.NEGATIVE, Category.JUDICIAL,
                Domain.GENERAL, List.of(), List.of("COURT"), "某法", Sharing.PUBLIC, null, 1, 70, 6, true, true,
                false, UpdateCycle.DAILY, true, null);
        assertThat(codes(ItemRules.forSaving(noSeverity))).contains("ITEM_CODE_FORMAT", "SEVERITY_REQUIRED",
                "PERIOD_TOO_LONG", "RETENTION_TOO_LONG", "LINK_ONLY_FOR_ORGANISATIONS");
        ItemDefinition good = new ItemDefinition("P_GOOD", "好", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.GENERAL, List.of(), List.of("X"), "某法某条", Sharing.PUBLIC, Severity.MINOR, 5, 2, null, true,
                true, false, UpdateCycle.DAILY, false, null);
        assertThat(codes(ItemRules.forSaving(good))).contains("SEVERITY_ONLY_FOR_NEGATIVE", "PERIOD_INVALID",
                "PUNISHMENT_ONLY_NEGATIVE");
    }

    /** RULES.md §4: publication is separate from, and never outlasts, the time the information is kept. */
    @Test
    void anItemIsNotPublishedLongerThanItIsKept() {
        ItemDefinition penalty = negative(List.of(), "某法", List.of("MARKET"));
        assertThat(ItemRules.forSaving(penalty.withPeriods(3, 36, 3))).isEmpty();
        assertThat(ItemRules.forSaving(penalty.withPeriods(3, 37, 3))).extracting(ItemRules.Violation::code,
                ItemRules.Violation::field).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "PUBLICATION_BEYOND_RETENTION", "publicationMaxMonths"));
        ItemDefinition honour = new ItemDefinition("P_GOOD", "好", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.GENERAL, List.of(), List.of("X"), "某法某条", Sharing.PUBLIC, null, null, null, 3, false,
                true, false, UpdateCycle.DAILY, false, null);
        assertThat(codes(ItemRules.forSaving(honour))).as("shown long-term, kept 3 years")
                .containsExactly("PUBLICATION_BEYOND_RETENTION");
        assertThat(ItemRules.forSaving(honour.withPeriods(null, null, null))).as("shown and kept long-term").isEmpty();
    }

    /** RULES.md §4: periods count forward from the decision; creditfile.record refuses an end before it (V640). */
    @Test
    void aRetentionIsNeverNegative() {
        ItemDefinition penalty = negative(List.of(), "某法", List.of("MARKET"));
        assertThat(ItemRules.forSaving(penalty.withPeriods(0, 0, 0))).isEmpty();
        assertThat(ItemRules.forSaving(penalty.withPeriods(0, 0, -1))).extracting(ItemRules.Violation::code,
                ItemRules.Violation::field).contains(org.assertj.core.groups.Tuple.tuple("PERIOD_INVALID",
                "retentionYears"));
    }

    @Test
    void onlyItemsThatMayLeaveThePlatformCanBeSharedUpward() {
        ItemDefinition penalty = negative(List.of(), "某法", List.of("MARKET"));
        assertThat(ItemRules.forSaving(penalty)).isEmpty();
        ItemDefinition queryOnly = new ItemDefinition(penalty.code(), penalty.name(), penalty.subjectType(),
                penalty.nature(), penalty.category(), penalty.domain(), penalty.fields(), penalty.providers(),
                penalty.legalBasis(), Sharing.AUTHORISED_QUERY, penalty.severity(), null, null, null, true, true, true,
                UpdateCycle.DAILY, false, null);
        assertThat(codes(ItemRules.forSaving(queryOnly))).containsExactly("UPWARD_NOT_FOR_AUTHORISED_QUERY");
        ItemDefinition minor = new ItemDefinition(penalty.code(), penalty.name(), penalty.subjectType(),
                penalty.nature(), penalty.category(), penalty.domain(), penalty.fields(), penalty.providers(),
                penalty.legalBasis(), Sharing.GOVERNMENT, Severity.MINOR, null, null, null, false, false, true,
                UpdateCycle.DAILY, false, null);
        assertThat(codes(ItemRules.forSaving(minor))).containsExactly("UPWARD_NOT_USABLE_FOR_PUNISHMENT");
    }

    /** RULES.md §6, §7: repair requirements are conditions of the platform's repair, so only its negative items have them. */
    @Test
    void onlyNegativeItemsThePlatformRepairsAskForRepairMaterial() {
        Set<RepairRequirement> training = Set.of(RepairRequirement.TRAINING);
        ItemDefinition penalty = negative(List.of(), "某法", List.of("MARKET"));
        assertThat(ItemRules.forSaving(penalty.withRepairRequirements(training))).isEmpty();
        ItemDefinition honour = new ItemDefinition("P_GOOD", "好", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.GENERAL, List.of(), List.of("X"), "某法某条", Sharing.PUBLIC, null, null, null, null, false,
                true, false, UpdateCycle.DAILY, false, null);
        assertThat(ItemRules.forSaving(honour.withRepairRequirements(training)))
                .extracting(ItemRules.Violation::code, ItemRules.Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REPAIR_REQUIREMENTS_ONLY_PLATFORM_REPAIRED",
                        "repairRequirements"));
        ItemDefinition courts = new ItemDefinition("P_COURT", "法院", SubjectType.PERSON, Nature.NEGATIVE,
                Category.JUDICIAL, Domain.GENERAL, List.of(), List.of("COURT"), "某法某条", Sharing.PUBLIC,
                Severity.SERIOUS, null, null, null, true, true, true, UpdateCycle.DAILY, false, null);
        assertThat(codes(ItemRules.forSaving(courts.withRepairRequirements(training))))
                .containsExactly("REPAIR_REQUIREMENTS_ONLY_PLATFORM_REPAIRED");
        assertThat(ItemRules.forSaving(courts)).isEmpty();
    }

    /**
     * RULES.md §6 ("Training and a credit report may be required by sector rules"): the base catalogue's serious items
     * the platform repairs ask for both; its other items, and those a court or a listing department ends, for nothing.
     */
    @Test
    void theBaseCatalogueAsksTrainingAndACreditReportForItsSeriousItemsThePlatformRepairs() {
        Map<String, Set<RepairRequirement>> asked = new java.util.HashMap<>();
        BaseCatalogue.items().forEach(i -> asked.put(i.code(), i.repairRequirements()));
        Set<RepairRequirement> both = Set.of(RepairRequirement.TRAINING, RepairRequirement.CREDIT_REPORT);
        assertThat(asked).containsEntry("P_ADMIN_PENALTY_SERIOUS", both).containsEntry("P_DRUNK_DRIVING", both)
                .containsEntry("O_ADMIN_PENALTY_SERIOUS", both).containsEntry("P_ADMIN_PENALTY_GENERAL", Set.of())
                .containsEntry("P_COURT_DEFAULTER", Set.of()).containsEntry("P_TAX_SERIOUS_DISHONESTY", Set.of())
                .containsEntry("P_VOLUNTEER_SERVICE", Set.of());
        // The codes migration V191 gives the requirements on platforms that already hold the base catalogue.
        assertThat(asked.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("P_ADMIN_PENALTY_SERIOUS", "P_ACADEMIC_MISCONDUCT",
                        "P_SOCIAL_INSURANCE_FRAUD", "P_MEDICAL_INSURANCE_FRAUD", "P_DRUNK_DRIVING",
                        "P_QUALIFICATION_REVOKED", "O_ADMIN_PENALTY_SERIOUS");
    }

    @Test
    void theBaseCatalogueSharesUpwardItsNegativeItemsUsableForPunishmentAndNotForAuthorisedQuery() {
        Map<String, Boolean> upward = new java.util.HashMap<>();
        BaseCatalogue.items().forEach(i -> upward.put(i.code(), i.sharedUpward()));
        assertThat(upward).containsEntry("P_COURT_DEFAULTER", true).containsEntry("P_ADMIN_PENALTY_GENERAL", true)
                .containsEntry("P_TAX_ARREARS", true).containsEntry("P_ADMIN_PENALTY_MINOR", false)
                .containsEntry("P_STUDENT_LOAN_DEFAULT", false).containsEntry("P_COMMENDATION", false);
        BaseCatalogue.items().forEach(i -> assertThat(ItemRules.forActivation(ItemDefinition.withDefaultPeriods(i)))
                .as(i.code()).isEmpty());
    }

    @Test
    void fieldNamesAreUniqueAndWellFormedAndChoicesListed() {
        ItemDefinition d = negative(List.of(FieldDefinition.text("a", "甲", false), FieldDefinition.text("a", "乙", false),
                FieldDefinition.text("Bad Name", "丙", false),
                new FieldDefinition("kind", "种类", FieldType.CHOICE, true, 0, List.of())), "某法", List.of("X"));
        assertThat(codes(ItemRules.forSaving(d))).contains("FIELD_DUPLICATE", "FIELD_NAME_FORMAT", "FIELD_CHOICES_MISSING");
    }

    @Test
    void recordsAreCheckedAgainstTheSchema() {
        List<FieldDefinition> schema = List.of(FieldDefinition.text("facts", "事实", true),
                FieldDefinition.of("fine", "罚款", FieldType.DECIMAL, false),
                FieldDefinition.of("day", "日期", FieldType.DATE, false),
                FieldDefinition.of("count", "次数", FieldType.INTEGER, false),
                new FieldDefinition("kind", "种类", FieldType.CHOICE, false, 0, List.of("警告", "罚款")),
                new FieldDefinition("short", "短", FieldType.TEXT, false, 3, List.of()));
        assertThat(FieldSchema.check(schema, Map.of("facts", "x", "fine", "1.5", "day", "2026/01/02", "count", "3",
                "kind", "警告"))).isEmpty();
        assertThat(FieldSchema.check(schema, Map.of("fine", "一万", "day", "2026-02-30", "count", "1.5", "kind", "拘留",
                "short", "abcd", "extra", "?")).stream().map(e -> e.field() + ":" + e.code()).toList())
                .containsExactlyInAnyOrder("facts:FIELD_REQUIRED", "fine:FIELD_TYPE", "day:FIELD_TYPE",
                        "count:FIELD_TYPE", "kind:FIELD_TYPE", "short:FIELD_TOO_LONG", "extra:FIELD_UNKNOWN");
    }

    @Test
    void theBaseCatalogueIsValidAndCoversWhatTheRulesName() {
        List<ItemDefinition> items = BaseCatalogue.items();
        Set<String> codes = new HashSet<>();
        for (ItemDefinition item : items) {
            assertThat(codes.add(item.code())).as("unique code %s", item.code()).isTrue();
            assertThat(ItemRules.forActivation(ItemDefinition.withDefaultPeriods(item))).as(item.code()).isEmpty();
        }
        assertThat(codes).contains("P_ADMIN_PENALTY_MINOR", "P_ADMIN_PENALTY_GENERAL", "P_ADMIN_PENALTY_SERIOUS",
                "P_COURT_DEFAULTER", "P_TAX_SERIOUS_DISHONESTY", "P_EXAM_CHEATING", "P_ACADEMIC_MISCONDUCT",
                "P_STUDENT_LOAN_DEFAULT", "P_VOLUNTEER_SERVICE", "P_BLOOD_DONATION", "P_COMMENDATION", "P_COMMITMENT",
                "P_QUALIFICATION", "P_QUALIFICATION_REVOKED", "O_ADMIN_PENALTY_SERIOUS", "O_ABNORMAL_OPERATIONS",
                "O_SERIOUS_ILLEGAL_LIST");
        ItemDefinition minor = items.stream().filter(i -> i.code().equals("P_ADMIN_PENALTY_MINOR")).findFirst().orElseThrow();
        assertThat(minor.usableForPunishment()).as("minor penalties are not used for punishment").isFalse();
        assertThat(minor.sharing()).isEqualTo(Sharing.GOVERNMENT);
        assertThat(ItemDefinition.withDefaultPeriods(minor).publicationMaxMonths()).isEqualTo(3);
        assertThat(items).anyMatch(i -> i.subjectType() == SubjectType.ORGANISATION && i.linksToResponsiblePersons());
    }

    /** RULES.md §2: persons may refuse honours, never negative information; the base catalogue marks its honours. */
    @Test
    void onlyGoodItemsAboutPersonsMayBeRefusedByTheirSubject() {
        List<ItemDefinition> items = BaseCatalogue.items();
        assertThat(items).filteredOn(ItemDefinition::refusableBySubject).extracting(ItemDefinition::code)
                .containsExactlyInAnyOrder("P_VOLUNTEER_SERVICE", "P_BLOOD_DONATION", "P_COMMENDATION",
                        "P_GOOD_SAMARITAN", "P_CHARITABLE_DONATION");
        ItemDefinition penalty = items.stream().filter(i -> i.code().equals("P_ADMIN_PENALTY_GENERAL")).findFirst()
                .orElseThrow();
        assertThat(ItemRules.forSaving(penalty.refusableBySubject(true))).extracting(ItemRules.Violation::code)
                .contains("REFUSABLE_ONLY_PERSONAL_HONOURS");
        ItemDefinition taxA = items.stream().filter(i -> i.code().equals("O_TAX_CREDIT_A")).findFirst().orElseThrow();
        assertThat(ItemRules.forSaving(taxA.refusableBySubject(true))).extracting(ItemRules.Violation::code)
                .contains("REFUSABLE_ONLY_PERSONAL_HONOURS");
        assertThat(items).filteredOn(ItemDefinition::refusableBySubject)
                .allSatisfy(i -> assertThat(ItemRules.forActivation(i)).isEmpty());
    }
}
