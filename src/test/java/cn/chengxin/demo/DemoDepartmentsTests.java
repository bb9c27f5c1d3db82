package cn.chengxin.demo;

import java.util.Set;
import java.util.TreeSet;

import cn.chengxin.account.DemoDepartments;
import cn.chengxin.demo.domain.PassportAndPermitHolders;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.RecordGenerator;
import cn.chengxin.demo.domain.SyntheticRecord;
import cn.chengxin.shared.City;
import cn.chengxin.shared.CityPresets;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's records come from departments the platform knows by name before the records arrive: the lists'
 * automatic proposals write the reporting department's name into the reasons the subject reads, and read
 * "依据COURT报送…" when the department is created only after the population.
 */
class DemoDepartmentsTests {

    @Test
    void everyDepartmentDeliveringDemoRecordsIsCreatedByTheDemo() {
        City city = CityPresets.find("zhumadian").orElseThrow();
        Set<String> delivering = new TreeSet<>();
        RecordGenerator.generate(PopulationGenerator.generate(city, 7L, 5_000).residents(), 7L)
                .forEach(r -> delivering.add(r.departmentCode()));
        PassportAndPermitHolders.generate(city, 7L, 20_000).records().stream().map(SyntheticRecord::departmentCode)
                .forEach(delivering::add);

        assertThat(delivering).isNotEmpty();
        // The credit office itself is in the base data (V6), not the demo's.
        assertThat(delivering).allMatch(code -> code.equals("CREDIT_OFFICE") || DemoDepartments.codes().contains(code),
                "created by DemoDepartments");
    }

    @Test
    void theDepartmentsAreCreatedAfterTheCatalogueAndBeforeThePopulation() throws ClassNotFoundException {
        int catalogue = order(Class.forName("cn.chengxin.catalog.CatalogueSeeding"));
        int departments = order(DemoDepartments.class);
        int population = order(DemoSeeding.class);

        assertThat(departments).isGreaterThan(catalogue).isLessThan(population);
    }

    private static int order(Class<?> runner) {
        return runner.getAnnotation(Order.class).value();
    }
}
