package cn.chengxin.listing.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.support.CatalogueVersions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §2 and §7: which catalogue items may put a subject on which list, checked on the base catalogue. */
class ListRuleTests {

    private static final Map<String, ItemDefinition> BASE = BaseCatalogue.items().stream()
            .collect(Collectors.toMap(ItemDefinition::code, Function.identity()));

    @Test
    void onlyNegativeItemsUsableForPunishmentPutSomeoneOnTheBlackList() {
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_COURT_DEFAULTER"))).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_ADMIN_PENALTY_SERIOUS"))).isTrue();
        // 简易程序 and minor acts promptly corrected: not usable for punishment (河南省社会信用条例 Art. 13, 27).
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_ADMIN_PENALTY_MINOR"))).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_VOLUNTEER_SERVICE"))).isFalse();
        // Closer supervision is no punishment: the grey list takes any negative item, the red list good ones only.
        assertThat(ListRule.admits(ListType.GREY, BASE.get("P_ADMIN_PENALTY_MINOR"))).isTrue();
        assertThat(ListRule.admits(ListType.GREY, BASE.get("P_COMMENDATION"))).isFalse();
        assertThat(ListRule.admits(ListType.RED, BASE.get("P_COMMENDATION"))).isTrue();
        assertThat(ListRule.admits(ListType.RED, BASE.get("P_ADMIN_PENALTY_GENERAL"))).isFalse();
    }

    /**
     * RULES.md §2: a record is admitted by both its item's version in force and the version it was stored under — a
     * later version narrows the use of what was collected before, never widens it.
     */
    @Test
    void aRecordIsAdmittedOnlyIfBothTheVersionInForceAndTheOneItWasCollectedUnderAdmitIt() {
        ItemDefinition punishing = BASE.get("P_ADMIN_PENALTY_SERIOUS");
        ItemDefinition notPunishing = CatalogueVersions.notForPunishment(punishing);

        assertThat(ListRule.admits(ListType.BLACK, punishing, punishing)).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, punishing, notPunishing)).as("widened later").isFalse();
        assertThat(ListRule.admits(ListType.BLACK, notPunishing, punishing)).as("narrowed later").isFalse();
        assertThat(ListRule.admits(ListType.GREY, punishing, notPunishing)).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, punishing, null)).isFalse();
    }

    @Test
    void aRuleNamingAnItemItsListDoesNotAdmitOrAnUnknownItemIsRefusedWithReasons() {
        assertThat(rule(ListType.BLACK, "P_COURT_DEFAULTER", "P_ADMIN_PENALTY_MINOR", "P_NO_SUCH_ITEM")
                .itemProblems(BASE)).containsExactly(
                "事项「行政处罚信息（轻微）」不可用于惩戒（简易程序处罚、轻微且及时纠正等），不能作为列入严重失信主体名单的依据",
                "事项 P_NO_SUCH_ITEM 不在信息目录中或未生效");
        assertThat(rule(ListType.RED, "P_ADMIN_PENALTY_GENERAL").itemProblems(BASE)).singleElement()
                .asString().contains("不是守信信息");
        assertThat(rule(ListType.GREY, "P_VOLUNTEER_SERVICE").itemProblems(BASE)).singleElement()
                .asString().contains("不是失信信息");
        assertThat(rule(ListType.BLACK, "P_COURT_DEFAULTER", "P_TAX_SERIOUS_DISHONESTY").itemProblems(BASE)).isEmpty();
    }

    /**
     * RULES.md §7 (国办发〔2020〕49号): the black list rests on one of four grounds and on serious conduct only; a general
     * (一般) item — a general penalty, tax arrears, exam cheating — may put a subject under closer supervision only.
     */
    @Test
    void theBlackListTakesOnlySeriousItemsOnOneOfTheFourGrounds() {
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_ADMIN_PENALTY_GENERAL"))).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_TAX_ARREARS"))).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("P_EXAM_CHEATING"))).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("O_SERIOUS_ILLEGAL_LIST"))).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, BASE.get("O_COURT_DEFAULTER"))).isTrue();
        assertThat(ListRule.admits(ListType.GREY, BASE.get("P_ADMIN_PENALTY_GENERAL"))).isTrue();

        ListRule general = rule(ListType.BLACK, "P_ADMIN_PENALTY_GENERAL");
        assertThat(general.itemProblems(BASE)).singleElement().asString().contains("严重程度不是“严重”", "重点关注名单");
        assertThat(general.namesItemNotSerious(BASE)).isTrue();
        assertThat(rule(ListType.BLACK, "P_COURT_DEFAULTER").namesItemNotSerious(BASE)).isFalse();
        assertThat(rule(ListType.GREY, "P_ADMIN_PENALTY_GENERAL").namesItemNotSerious(BASE)).isFalse();

        ListRule groundless = new ListRule("TEST_RULE", 0, ListType.BLACK, "测试规则", Set.of("P_DRUNK_DRIVING"), null,
                null, "依据", 12, 5, "期满", true, null);
        assertThat(groundless.lacksSeriousGround()).isTrue();
        assertThat(groundless.problems()).singleElement().asString().contains("严重失信情形");
        assertThat(rule(ListType.BLACK, "P_DRUNK_DRIVING").problems()).isEmpty();
        assertThat(rule(ListType.GREY, "P_ADMIN_PENALTY_GENERAL").seriousGround()).as("only the black list names one")
                .isNull();
    }

    /** RULES.md §7: written prior notice before black-listing; a court's own list carries the court's notice. */
    @Test
    void aBlackListRuleNeedsAPriorNoticeDayUnlessACourtListedItsSubjects() {
        assertThat(rule(ListType.BLACK, 0, "P_TAX_SERIOUS_DISHONESTY").problems()).singleElement().asString()
                .contains("事先告知");
        assertThat(rule(ListType.BLACK, 0, "P_COURT_DEFAULTER", "P_TAX_SERIOUS_DISHONESTY").problems()).hasSize(1);
        assertThat(rule(ListType.BLACK, 1, "P_TAX_SERIOUS_DISHONESTY").problems()).isEmpty();
        assertThat(rule(ListType.BLACK, 0, "P_COURT_DEFAULTER", "O_COURT_DEFAULTER").problems()).isEmpty();
        assertThat(rule(ListType.GREY, 0, "P_ADMIN_PENALTY_SERIOUS").problems()).isEmpty();
    }

    /**
     * RULES.md §7 (法释〔2017〕7号第一条、第二条): the court decides the term — none for Art. 1(1), two years for the other
     * grounds, extended only by the court — so a rule of its items may leave the validity empty (the court's term) or
     * give two years at most; another list's rule chooses its own period, or none (while its record is published).
     */
    @Test
    void aRuleOfTheCourtsItemsMayLeaveTheTermToTheCourtAndListsForTwoYearsAtMost() {
        assertThat(courtRule(24).problems()).isEmpty();
        assertThat(courtRule(12).problems()).isEmpty();
        assertThat(courtRule(null).problems()).as("left empty, the court's own term applies").isEmpty();
        assertThat(courtRule(25).problems()).singleElement().asString().contains("不超过 24 个月", "法院");
        assertThat(new ListRule("TEST_RULE", 0, ListType.BLACK, "测试规则", Set.of("P_TAX_SERIOUS_DISHONESTY"), null,
                null, "依据", null, 5, "期满", true, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER).problems())
                .as("another list's own period is the rule's to choose")
                .isEmpty();
        assertThat(new ListRule("TEST_RULE", 0, ListType.BLACK, "测试规则", Set.of("P_COURT_DEFAULTER",
                "P_TAX_SERIOUS_DISHONESTY"), null, null, "依据", 36, 5, "期满", true,
                SeriousGround.LEGAL_OBLIGATIONS_REFUSED).problems())
                .as("a rule naming another item too is not the court's: its own period").isEmpty();
    }

    private static ListRule courtRule(Integer validityMonths) {
        return new ListRule("TEST_RULE", 0, ListType.BLACK, "测试规则", Set.of("P_COURT_DEFAULTER", "O_COURT_DEFAULTER"),
                null, null, "依据", validityMonths, 0, "期满", true, SeriousGround.LEGAL_OBLIGATIONS_REFUSED);
    }

    /** RULES.md §7: public notice before red-listing (河南省社会信用条例 Art. 28); no red entry takes effect at once. */
    @Test
    void aRedListRuleNeedsAPublicNoticeDay() {
        assertThat(rule(ListType.RED, 0, "P_COMMENDATION").problems()).singleElement().asString()
                .contains("公示", "至少 1 天");
        assertThat(rule(ListType.RED, 1, "P_COMMENDATION").problems()).isEmpty();
        assertThat(rule(ListType.RED, 0, "P_COMMENDATION").priorNoticeDays()).as("a version saved before").isEqualTo(1);
        assertThat(rule(ListType.RED, 7, "P_COMMENDATION").priorNoticeDays()).isEqualTo(7);
    }

    @Test
    void aBlackListRuleSavedWithoutANoticePeriodStillGivesOneDay() {
        assertThat(rule(ListType.BLACK, 0, "P_TAX_SERIOUS_DISHONESTY").priorNoticeDays()).isEqualTo(1);
        assertThat(rule(ListType.BLACK, 5, "P_TAX_SERIOUS_DISHONESTY").priorNoticeDays()).isEqualTo(5);
        assertThat(rule(ListType.BLACK, 0, "P_COURT_DEFAULTER").priorNoticeDays()).isZero();
        assertThat(rule(ListType.GREY, 0, "P_ADMIN_PENALTY_SERIOUS").priorNoticeDays()).isZero();
    }

    /**
     * A new rule's form starts from the days its list usually takes, as the base rules do (RULES.md §7): a prior
     * notice of 5 days (black), a public notice of 7 (red), none (grey); its list's rules may be saved with each.
     */
    @Test
    void theUsualNoticeDaysOfEachListAreTheBaseRulesAndMayBeSaved() {
        assertThat(ListRule.usualNoticeDays(ListType.BLACK)).isEqualTo(5);
        assertThat(ListRule.usualNoticeDays(ListType.RED)).isEqualTo(7);
        assertThat(ListRule.usualNoticeDays(ListType.GREY)).isZero();
        assertThat(rule(ListType.BLACK, ListRule.usualNoticeDays(ListType.BLACK), "P_TAX_SERIOUS_DISHONESTY")
                .problems()).isEmpty();
        assertThat(rule(ListType.RED, ListRule.usualNoticeDays(ListType.RED), "P_COMMENDATION").problems()).isEmpty();
        assertThat(rule(ListType.GREY, ListRule.usualNoticeDays(ListType.GREY), "P_ADMIN_PENALTY_SERIOUS").problems())
                .isEmpty();
    }

    private static ListRule rule(ListType type, int noticeDays, String... items) {
        return new ListRule("TEST_RULE", 0, type, "测试规则", Set.of(items), null, null, "依据", 12, noticeDays, "期满",
                true, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER);
    }

    private static ListRule rule(ListType type, String... items) {
        return rule(type, 5, items);
    }

    /**
     * RULES.md §1, §7 (review xxv H2): an organisation's record copied onto its legal representative keeps the
     * organisation's item; the person is never listed under it, on any list, however the item's versions read.
     */
    @Test
    void aPersonIsNeverListedUnderAnOrganisationsItemNorAnOrganisationUnderAPersons() {
        ItemDefinition company = BASE.get("O_COURT_DEFAULTER");
        ItemDefinition person = BASE.get("P_COURT_DEFAULTER");
        assertThat(ListRule.admits(ListType.BLACK, company, company, SubjectKind.ORGANISATION)).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, company, company, SubjectKind.PERSON)).isFalse();
        assertThat(ListRule.admits(ListType.GREY, company, company, SubjectKind.PERSON)).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, person, person, SubjectKind.PERSON)).isTrue();
        assertThat(ListRule.admits(ListType.BLACK, person, person, SubjectKind.ORGANISATION)).isFalse();
        ItemDefinition illegal = BASE.get("O_SERIOUS_ILLEGAL_LIST");
        assertThat(ListRule.admits(ListType.BLACK, illegal, illegal, SubjectKind.PERSON)).isFalse();
        assertThat(ListRule.admits(ListType.BLACK, null, company, SubjectKind.ORGANISATION)).isFalse();
    }

    /** RULES.md §1, §7: a responsible person's copy of the organisation's record is not his own conduct. */
    @Test
    void aCopyOfTheOrganisationsRecordIsNotItsHoldersOwnConduct() {
        assertThat(OwnConduct.of(true)).isFalse();
        assertThat(OwnConduct.of(false)).isTrue();
    }
}
