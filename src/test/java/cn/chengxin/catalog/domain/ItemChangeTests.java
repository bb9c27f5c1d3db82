package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxxvii-api R4: what a new version changes in a row, and the day proposed for it. */
class ItemChangeTests {

    private static final ItemDefinition V1 = BaseCatalogue.items().stream()
            .filter(d -> d.code().equals("P_ADMIN_PENALTY_GENERAL")).findFirst().orElseThrow();

    private static ItemDefinition withFields(List<FieldDefinition> fields) {
        return new ItemDefinition(V1.code(), V1.name(), V1.subjectType(), V1.nature(), V1.category(), V1.domain(),
                fields, V1.providers(), V1.legalBasis(), V1.sharing(), V1.severity(), V1.publicationMinMonths(),
                V1.publicationMaxMonths(), V1.retentionYears(), V1.usableForPunishment(), V1.usableForScoring(),
                V1.sharedUpward(), V1.updateCycle(), V1.linksToResponsiblePersons(), V1.description());
    }

    @Test
    void aFieldAddedAsRequiredNarrowsAnOptionalOneDoesNot() {
        List<FieldDefinition> required = new ArrayList<>(V1.fields());
        required.add(FieldDefinition.text("correction_order", "责令改正事项", true));
        ItemChange narrowing = ItemChange.between(V1, withFields(required));
        assertThat(narrowing.added()).containsExactly("correction_order");
        assertThat(narrowing.narrows()).isTrue();

        List<FieldDefinition> optional = new ArrayList<>(V1.fields());
        optional.add(FieldDefinition.text("remark", "备注", false));
        ItemChange widening = ItemChange.between(V1, withFields(optional));
        assertThat(widening.added()).containsExactly("remark");
        assertThat(widening.narrows()).isFalse();
        assertThat(ItemChange.between(V1, V1).fieldsUnchanged()).isTrue();
    }

    @Test
    void aFieldRemovedOrMadeRequiredNarrows() {
        List<FieldDefinition> fields = new ArrayList<>(V1.fields());
        FieldDefinition first = fields.remove(0);
        ItemChange removed = ItemChange.between(V1, withFields(fields));
        assertThat(removed.removed()).containsExactly(first.name());
        assertThat(removed.narrows()).isTrue();

        FieldDefinition optional = V1.fields().stream().filter(f -> !f.required()).findFirst().orElse(null);
        if (optional != null) {
            List<FieldDefinition> now = V1.fields().stream().map(f -> f == optional ? new FieldDefinition(f.name(),
                    f.label(), f.type(), true, f.maxLength(), f.choices()) : f).toList();
            ItemChange required = ItemChange.between(V1, withFields(now));
            assertThat(required.nowRequired()).containsExactly(optional.name());
            assertThat(required.narrows()).isTrue();
        }
    }

    @Test
    void theProposedDayGivesNoticeOnlyForANarrowingChangeAndNoDayIsBeforeTheApproval() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        List<FieldDefinition> required = new ArrayList<>(V1.fields());
        required.add(FieldDefinition.text("correction_order", "责令改正事项", true));
        assertThat(EffectiveDates.proposed(today, ItemChange.between(V1, withFields(required)), 30))
                .isEqualTo(today.plusDays(30));
        assertThat(EffectiveDates.proposed(today, ItemChange.between(V1, V1), 30)).isEqualTo(today);
        assertThat(EffectiveDates.check(today, today.minusDays(1))).extracting(ItemRules.Violation::code)
                .containsExactly("EFFECTIVE_DATE_PAST");
        assertThat(EffectiveDates.check(today, today)).isEmpty();
        assertThat(EffectiveDates.check(today, today.plusYears(2))).extracting(ItemRules.Violation::code)
                .containsExactly("EFFECTIVE_DATE_TOO_FAR");
    }
}
