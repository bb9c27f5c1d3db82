package cn.chengxin;

import cn.chengxin.platform.UpgradeCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chengxin 诚信: a personal public credit information platform (个人公共信用信息平台) for a city.
 *
 * <p>Without arguments it serves the public site, the citizens' self-service and the staff console. With
 * a command as first argument it runs that command and exits: {@code generate --residents N --seed S}
 * loads a synthetic population into an empty database; {@code generate-keys <dir>} writes the production key files
 * without starting anything; {@code migrate} applies the release's migrations and exits; {@code upgrade-check}
 * counts, before the window, the rows they would refuse (README 升级).
 */
@SpringBootApplication
public class ChengxinApplication {

    /** Commands run instead of the server: {@code generate}, {@code verify-audit}, {@code reset-staff-login},
     * {@code create-administrator}, {@code migrate}, {@code upgrade-check}, the move's commands
     * ({@code import-legacy-reports}, {@code import-consents}, {@code record-legacy-audit}), the benchmarks. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("generate", "verify-audit", "reset-staff-login",
            "create-administrator", "migrate", UpgradeCheck.COMMAND, "import-legacy-reports",
            "import-consents", "record-legacy-audit", "bench-audit",
            "bench-ingest", "bench-checks", "bench-scoring", "bench-reports", "bench-exchange");
    /** Commands that measure the server over HTTP: they run with the web server up (on {@code server.port}). */
    private static final java.util.Set<String> WITH_WEB_SERVER = java.util.Set.of("bench-checks", "bench-reports");

    public static void main(String[] args) {
        if (args.length > 0 && GenerateKeysCommand.NAME.equals(args[0])) {
            // Before any Spring context: no web server, no database, nothing logged (gaps review xxxiii N12).
            System.exit(GenerateKeysCommand.run(System.out, System.err,
                    java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(runCommand(System.err, args));
        }
        SpringApplication.run(ChengxinApplication.class, args);
    }

    /**
     * Runs a command and returns its exit code: the command's own, or 1 when its start failed — a {@code migrate}
     * whose migration failed or that met a newer schema, a command given bad options — so that a script or an
     * operator running it sees the failure (README 升级 step 3). The cause is logged above, redacted, by the start;
     * the line here says only that the command failed and where the schema stays.
     */
    public static int runCommand(java.io.PrintStream err, String... args) {
        try {
            return SpringApplication.exit(command(args));
        } catch (RuntimeException failed) {
            err.println(args[0] + ": failed (" + failed.getClass().getSimpleName() + ", see the log above)"
                    + ("migrate".equals(args[0]) ? "; the schema stays at the last migration that succeeded "
                    + "(README 升级 step 7)" : ""));
            return 1;
        }
    }

    /**
     * Runs a command ({@code args[0]}) and returns the closed-down context; without a web server unless the
     * command measures the server over HTTP.
     */
    public static ConfigurableApplicationContext command(String... args) {
        // upgrade-check reads the database the new release would migrate, before it is migrated: only the database
        // and Flyway start, so that nothing of the platform seeds, schedules or reads its tables (gaps review xliv Y2).
        boolean check = UpgradeCheck.COMMAND.equals(args[0]);
        SpringApplication app = new SpringApplication(
                check ? UpgradeCheck.source() : ChengxinApplication.class);
        if (!WITH_WEB_SERVER.contains(args[0])) {
            app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        }
        app.setDefaultProperties(java.util.Map.of("chengxin.cli.command", args[0]));
        // A command decides itself what goes into the database: never the automatic demo seeding, nor the windows
        // applied at start, which would move its records in the background while it measures or exits.
        java.util.List<String> withOverrides = new java.util.ArrayList<>(java.util.List.of(args));
        withOverrides.add("--chengxin.demo.seed-on-empty=false");
        withOverrides.add("--chengxin.creditfile.windows-on-start=false");
        if ("migrate".equals(args[0]) || check) {
            // The one run that migrates, even where the instances run with SPRING_FLYWAY_ENABLED=false (README 升级);
            // upgrade-check needs Flyway's configuration too, its strategy applying nothing.
            withOverrides.add("--spring.flyway.enabled=true");
        }
        return app.run(withOverrides.toArray(String[]::new));
    }
}
