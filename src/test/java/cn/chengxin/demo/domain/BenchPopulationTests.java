package cn.chengxin.demo.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;

import cn.chengxin.shared.CityPresets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks compare figures across runs of {@code generate} and the bench commands: the population and the
 * records of a size and a seed must stay what they were. The digest was computed on main before the demo's passport
 * and permit holders were added (issue #4); a change to it is a change to every benchmark's data.
 */
class BenchPopulationTests {

    @Test
    void theBenchPopulationAndRecordsOfASeedAreUnchanged() throws Exception {
        Population population = PopulationGenerator.generate(CityPresets.find("zhumadian").orElseThrow(), 42L, 3_000);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        population.residents().forEach(r -> update(digest, r.toString()));
        population.organisations().forEach(o -> update(digest, o.toString()));
        // Field maps iterate in an order that changes with each JVM: sorted, they digest the same everywhere.
        RecordGenerator.generate(population.residents(), 42L).forEach(r -> update(digest, String.join("|",
                r.departmentCode(), r.itemCode(), Integer.toString(r.resident()), r.sourceRecordId(),
                r.decisionNumber(), r.decisionDate().toString(), new TreeMap<>(r.fields()).toString())));

        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(
                "7c9666b43f9eb869c873a25f2340445588c895a18b8380bc0d84300028ce0eb8");
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
