package cn.chengxin.catalog.web;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairRequirement;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFormTests {

    @Test
    void aSeverityChangedInTheFormBringsItsOwnDefaultPeriods() {
        ItemForm form = ItemForm.of(stored(Severity.GENERAL, null));
        assertThat(form.getPublicationMaxMonths()).as("a default is not written into the form").isNull();
        form.setSeverity(Severity.SERIOUS);

        ItemDefinition next = ItemDefinition.withDefaultPeriods(definition(form));
        assertThat(next.publicationMinMonths()).isEqualTo(Severity.SERIOUS.defaultMinimumMonths());
        assertThat(next.publicationMaxMonths()).isEqualTo(Severity.SERIOUS.defaultMaximumMonths());
    }

    @Test
    void anItemThatStopsBeingNegativeLosesThePeriodsItHadOnlyAsANegativeOne() {
        ItemForm form = ItemForm.of(stored(Severity.GENERAL, null));
        form.setNature(Nature.GOOD);
        form.setSeverity(null);

        ItemDefinition next = ItemDefinition.withDefaultPeriods(definition(form));
        assertThat(next.publicationMaxMonths()).as("good information is shown long-term").isNull();
        assertThat(next.retentionYears()).isNull();
    }

    @Test
    void aPeriodSetByTheCreditOfficeIsKept() {
        ItemForm form = ItemForm.of(stored(Severity.GENERAL, 24));
        assertThat(form.getPublicationMaxMonths()).isEqualTo(24);
        form.setSeverity(Severity.SERIOUS);

        assertThat(ItemDefinition.withDefaultPeriods(definition(form)).publicationMaxMonths()).isEqualTo(24);
    }

    /** RULES.md §6: the requirements of an item's repair are edited with the item, as its other attributes are. */
    @Test
    void theRepairRequirementsGoThroughTheFormAndCanBeCleared() {
        ItemForm form = ItemForm.of(stored(Severity.SERIOUS, null).withRepairRequirements(
                java.util.Set.of(RepairRequirement.CREDIT_REPORT, RepairRequirement.TRAINING)));
        assertThat(form.getRepairRequirements()).containsExactly(RepairRequirement.TRAINING,
                RepairRequirement.CREDIT_REPORT);
        assertThat(definition(form).repairRequirements()).containsExactly(RepairRequirement.TRAINING,
                RepairRequirement.CREDIT_REPORT);
        form.setRepairRequirements(null);
        assertThat(definition(form).repairRequirements()).isEmpty();
    }

    private static ItemDefinition stored(Severity severity, Integer maxMonths) {
        return ItemDefinition.withDefaultPeriods(new ItemDefinition("P_FORM_TEST", "测试事项", SubjectType.PERSON,
                Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL,
                List.of(FieldDefinition.text("facts", "事实", true)), List.of("MARKET"), "《测试法》第一条",
                Sharing.PUBLIC, severity, null, maxMonths, null, true, true, false, UpdateCycle.DAILY, false, null));
    }

    private static ItemDefinition definition(ItemForm form) {
        List<ItemRules.Violation> problems = new ArrayList<>();
        ItemDefinition d = form.toDefinition(problems);
        assertThat(problems).isEmpty();
        return d;
    }
}
