package cn.chengxin.catalog;

import java.util.List;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform running before a release gets the base items the release adds (gaps review xxviii J1: P_RESIDENCY and
 * P_OCCUPATION feed the registry), active; the items it holds stay as they are.
 */
@IntegrationTest
class NewBaseItemsIT {

    @Autowired
    Catalogue catalogue;

    @Test
    void theBaseItemsACatalogueInUseNeverHeldAreAddedActiveAndTheOthersLeftAlone() {
        assertThat(catalogue.active(BaseCatalogue.RESIDENCY)).isPresent();
        assertThat(catalogue.active(BaseCatalogue.OCCUPATION)).isPresent();
        ItemDefinition residency = BaseCatalogue.items().stream()
                .filter(d -> d.code().equals(BaseCatalogue.RESIDENCY)).findFirst().orElseThrow();
        String code = "P_NEW_BASE_" + Long.toHexString(System.nanoTime()).toUpperCase();
        ItemDefinition added = new ItemDefinition(code, "新增基础事项", residency.subjectType(), residency.nature(),
                residency.category(), residency.domain(), residency.fields(), residency.providers(),
                residency.legalBasis(), residency.sharing(), residency.severity(), null, null, null, false, false,
                false, residency.updateCycle(), false, null, null, false, residency.repairRequirements());
        int versionsBefore = catalogue.history(BaseCatalogue.RESIDENCY).size();

        assertThat(catalogue.seedNewBaseItems(List.of(residency, added))).containsExactly(code);
        assertThat(catalogue.active(code)).get().satisfies(i -> assertThat(i.version()).isEqualTo(1));
        assertThat(catalogue.history(BaseCatalogue.RESIDENCY)).hasSize(versionsBefore);
        assertThat(catalogue.seedNewBaseItems(List.of(residency, added))).as("once").isEmpty();
    }
}
