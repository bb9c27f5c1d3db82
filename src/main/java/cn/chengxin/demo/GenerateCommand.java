package cn.chengxin.demo;

import java.util.List;

import cn.chengxin.subject.SubjectRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code generate --residents N --seed S}: fills an empty database with a synthetic population of any size
 * (benchmarks), prints progress and the time taken. Refuses a database that already holds subjects, so
 * nothing real can be mixed with synthetic data by accident.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "generate")
class GenerateCommand implements ApplicationRunner, ExitCodeGenerator {

    private final DemoData demoData;
    private final SubjectRegistry registry;
    private int exitCode;

    GenerateCommand(DemoData demoData, SubjectRegistry registry) {
        this.demoData = demoData;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> raw = List.of(args.getSourceArgs());
        int residents = Integer.parseInt(option(raw, "--residents", "1000000").replace("_", ""));
        long seed = Long.parseLong(option(raw, "--seed", "1"));
        long existing = registry.counts().total();
        if (existing > 0) {
            System.err.printf("generate: the database already holds %,d subjects; use an empty one "
                    + "(e.g. CHENGXIN_DATA_DIR=./data/bench)%n", existing);
            exitCode = 2;
            return;
        }
        System.out.printf("generate: %,d residents, seed %d%n", residents, seed);
        DemoDataset dataset = demoData.generate(residents, seed, line -> System.out.println("generate: " + line));
        System.out.printf("generate: done: %,d residents and %,d organisations in %.1f s (%,.0f residents/s)%n",
                dataset.residents(), dataset.organisations(), dataset.durationMillis() / 1000.0,
                dataset.residents() * 1000.0 / Math.max(1, dataset.durationMillis()));
    }

    private static String option(List<String> args, String name, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(name + "=")) {
                return args.get(i).substring(name.length() + 1);
            }
        }
        return fallback;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
