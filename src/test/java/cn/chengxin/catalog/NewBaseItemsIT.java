package cn.chengxin.catalog;

import java.util.List;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new platform starts with the base catalogue in force; a platform running before a release is proposed the base
 * items the release adds (gaps review xxviii J1: P_RESIDENCY and P_OCCUPATION feed the registry) for its credit office
 * to approve, not put in force (gaps review xliii X11: a running city's catalogue is its decision, RULES.md §2,
 * maker-checker); the items it holds stay as they are.
 */
@IntegrationTest
class NewBaseItemsIT {

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clearActor() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewPlatformsBaseCatalogueIsInForceAtOnce() {
        // The test database started empty: the first seeding put the base catalogue in force, nobody approving it.
        assertThat(catalogue.active(BaseCatalogue.RESIDENCY)).get()
                .satisfies(i -> assertThat(i.decidedBy()).isEqualTo("system"));
        assertThat(catalogue.active(BaseCatalogue.OCCUPATION)).isPresent();
    }

    @Test
    void theBaseItemsACatalogueInUseNeverHeldWaitForTheOfficesApprovalAndTheOthersAreLeftAlone() {
        ItemDefinition residency = BaseCatalogue.items().stream()
                .filter(d -> d.code().equals(BaseCatalogue.RESIDENCY)).findFirst().orElseThrow();
        String code = "P_NEW_BASE_" + Long.toHexString(System.nanoTime()).toUpperCase();
        ItemDefinition added = new ItemDefinition(code, "新增基础事项", residency.subjectType(), residency.nature(),
                residency.category(), residency.domain(), residency.fields(), residency.providers(),
                residency.legalBasis(), residency.sharing(), residency.severity(), null, null, null, false, false,
                false, residency.updateCycle(), false, null, null, false, residency.repairRequirements());
        int versionsBefore = catalogue.history(BaseCatalogue.RESIDENCY).size();

        assertThat(catalogue.seedNewBaseItems(List.of(residency, added))).containsExactly(code);
        assertThat(catalogue.active(code)).as("not in force before an approval").isEmpty();
        assertThat(catalogue.withVersionsInPreparation()).filteredOn(i -> i.definition().code().equals(code))
                .singleElement().satisfies(i -> {
                    assertThat(i.status()).isEqualTo(CatalogueItem.Status.PENDING);
                    assertThat(i.version()).isEqualTo(1);
                });
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'catalog.seed.added' AND detail LIKE ?")
                .param("%" + code + "%").query(String.class).single()).contains("CATALOG_BASE_ITEMS_SUBMITTED");
        assertThat(catalogue.history(BaseCatalogue.RESIDENCY)).hasSize(versionsBefore);
        assertThat(catalogue.seedNewBaseItems(List.of(residency, added))).as("once").isEmpty();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "catalogue-checker", null, List.of(new SimpleGrantedAuthority("STAFF"))));
        catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意列入本市目录");
        assertThat(catalogue.active(code)).get().satisfies(i -> {
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.decidedBy()).isEqualTo("catalogue-checker");
        });
    }
}
