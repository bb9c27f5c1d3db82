package cn.chengxin.demo;

import cn.chengxin.demo.domain.PassportAndPermitHolders;
import cn.chengxin.shared.City;
import cn.chengxin.subject.SubjectCounts;
import cn.chengxin.subject.SubjectRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.chengxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start stopped during the demo seeding (Ctrl-C after some batches were committed) leaves part of a synthetic
 * population: it is labelled synthetic meanwhile, and the next start finishes it, with the size and seed it began
 * with, storing nobody twice.
 */
@IntegrationTest
class DemoSeedingIT {

    private static final int RESIDENTS = 2_000;
    private static final long SEED = 53L;

    @Autowired
    DemoData demoData;

    @Autowired
    SubjectRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    City city;

    @Test
    void aSeedingInterruptedHalfWayIsLabelledAndFinishedAtTheNextStart() {
        SubjectCounts before = registry.counts();
        DemoData.Loading loading = demoData.start(RESIDENTS, SEED);
        assertThatThrownBy(() -> demoData.seed(loading, line -> {
            if (line.contains("residents") && !line.contains("in memory")) {
                throw new Interrupted(); // stopped once the residents' batch was committed
            }
        })).isInstanceOf(Interrupted.class);
        assertThat(registry.counts().synthetic() - before.synthetic()).as("the residents are in").isEqualTo(RESIDENTS);
        assertThat(demoData.dataset()).as("labelled synthetic while unfinished").get()
                .satisfies(d -> assertThat(d.residents()).isEqualTo(RESIDENTS))
                .satisfies(d -> assertThat(d.completedAt()).isNull());

        new DemoSeeding(demoData, registry, 5_000, 99L).run(null);

        int holders = PassportAndPermitHolders.generate(city, SEED, RESIDENTS).holders().size();
        SubjectCounts after = registry.counts();
        assertThat(after.synthetic() - before.synthetic()).as("the rest, with the seed it began with, nobody twice")
                .isEqualTo(RESIDENTS + RESIDENTS / 25 + holders);
        assertThat(demoData.unfinished()).isEmpty();
        assertThat(demoData.dataset()).get().satisfies(d -> {
            assertThat(d.residents()).isEqualTo(RESIDENTS);
            assertThat(d.seed()).isEqualTo(SEED);
            assertThat(d.completedAt()).isNotNull();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE content_hash LIKE ? AND status = 'DONE'")
                .param("demo-" + SEED + "-%").query(Long.class).single()).as("its records were delivered").isPositive();

        new DemoSeeding(demoData, registry, 5_000, 99L).run(null);
        assertThat(registry.counts().synthetic()).as("a complete dataset in a registry is left as it is")
                .isEqualTo(after.synthetic());
    }

    private static final class Interrupted extends RuntimeException {
    }
}
