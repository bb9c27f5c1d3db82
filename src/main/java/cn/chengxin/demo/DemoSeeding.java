package cn.chengxin.demo;

import cn.chengxin.subject.SubjectRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In development, an empty registry gets a small synthetic population on start (about 20,000 residents), and some
 * persons known by a passport or a travel permit, so that the demo shows them too (issue #4). The benchmarks'
 * {@code generate} adds no such persons: their populations stay comparable across runs.
 */
@Component
@org.springframework.core.annotation.Order(0)
@ConditionalOnProperty(name = "chengxin.demo.seed-on-empty", havingValue = "true")
class DemoSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final DemoData demoData;
    private final SubjectRegistry registry;
    private final int residents;
    private final long seed;

    DemoSeeding(DemoData demoData, SubjectRegistry registry, @Value("${chengxin.demo.residents}") int residents,
                @Value("${chengxin.demo.seed}") long seed) {
        this.demoData = demoData;
        this.registry = registry;
        this.residents = residents;
        this.seed = seed;
    }

    /**
     * Seeds an empty registry, or finishes a seeding stopped half-way (a start interrupted with Ctrl-C): with its own
     * size and seed, as the rest of its population was generated with them, and keeping what it stored.
     */
    @Override
    public void run(ApplicationArguments args) {
        java.util.Optional<DemoData.Loading> unfinished = demoData.unfinished();
        if (unfinished.isEmpty() && registry.counts().total() > 0) {
            return;
        }
        DemoData.Loading loading = unfinished.orElseGet(() -> demoData.start(residents, seed));
        log.info(loading.resumed()
                        ? "Synthetic demo data whose loading was interrupted: finishing its {} residents (seed {})"
                        : "Empty registry: seeding a synthetic population of {} residents (seed {})",
                loading.residents(), loading.seed());
        java.util.function.Consumer<String> progress = line -> log.debug("demo data: {}", line);
        DemoDataset dataset = demoData.seed(loading, progress);
        log.info("Seeded synthetic demo data: {} residents, {} organisations in {} ms, with some persons known by a "
                + "passport or a travel permit", dataset.residents(), dataset.organisations(), dataset.durationMillis());
    }
}
