package cn.chengxin.repair.domain;

import java.util.List;
import java.util.Set;

import cn.chengxin.catalog.domain.RepairRequirement;
import org.junit.jupiter.api.Test;

import static cn.chengxin.catalog.domain.RepairRequirement.CREDIT_REPORT;
import static cn.chengxin.catalog.domain.RepairRequirement.TRAINING;
import static cn.chengxin.catalog.domain.RepairRequirement.VOLUNTEER_OR_DONATION;
import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6: what an item's repair asks for beyond proof of performance and the commitment. */
class RequiredMaterialsTests {

    @Test
    void anItemAskingNothingMoreIsMetByProofAlone() {
        assertThat(RequiredMaterials.missing(Set.of(), List.of("PROOF"))).isEmpty();
        assertThat(RequiredMaterials.missing(null, List.of("PROOF"))).isEmpty();
    }

    @Test
    void trainingIsMetOnlyByATrainingCertificate() {
        assertThat(RequiredMaterials.missing(Set.of(TRAINING), List.of("PROOF", "VOLUNTEER", "CREDIT_REPORT")))
                .containsExactly(TRAINING);
        assertThat(RequiredMaterials.missing(Set.of(TRAINING), List.of("PROOF", "TRAINING"))).isEmpty();
    }

    @Test
    void aCreditReportIsMetOnlyByACreditReport() {
        assertThat(RequiredMaterials.missing(Set.of(CREDIT_REPORT), List.of("PROOF", "TRAINING")))
                .containsExactly(CREDIT_REPORT);
        assertThat(RequiredMaterials.missing(Set.of(CREDIT_REPORT), List.of("PROOF", "CREDIT_REPORT"))).isEmpty();
    }

    @Test
    void volunteeringOrADonationIsMetByEither() {
        assertThat(RequiredMaterials.missing(Set.of(VOLUNTEER_OR_DONATION), List.of("PROOF", "TRAINING")))
                .containsExactly(VOLUNTEER_OR_DONATION);
        assertThat(RequiredMaterials.missing(Set.of(VOLUNTEER_OR_DONATION), List.of("PROOF", "VOLUNTEER"))).isEmpty();
        assertThat(RequiredMaterials.missing(Set.of(VOLUNTEER_OR_DONATION), List.of("PROOF", "DONATION"))).isEmpty();
    }

    @Test
    void everyRequirementMissingIsNamedInTheCatalogueOrder() {
        assertThat(RequiredMaterials.missing(Set.of(VOLUNTEER_OR_DONATION, CREDIT_REPORT, TRAINING), List.of("PROOF")))
                .containsExactly(TRAINING, CREDIT_REPORT, VOLUNTEER_OR_DONATION);
        assertThat(RequiredMaterials.missing(Set.of(TRAINING, CREDIT_REPORT), List.of("PROOF", "CREDIT_REPORT")))
                .containsExactly(TRAINING);
    }

    @Test
    void everyRequirementHasAMaterialKindTheFormOffers() {
        for (RepairRequirement r : RepairRequirement.values()) {
            assertThat(r.materials()).isNotEmpty()
                    .allMatch(Set.of("VOLUNTEER", "DONATION", "TRAINING", "CREDIT_REPORT")::contains);
        }
    }
}
