package cn.chengxin.platform.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.ChengxinApplication;
import cn.chengxin.support.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xliv Y2: {@code upgrade-check}, before the window, counts the stored rows a pending migration's
 * constraint validation would refuse, on a database of its own. The release is this jar's migrations plus
 * {@code upgrade-probe/setup} (rows and {@code NOT VALID} constraints, applied by {@code migrate} up to V99990), and
 * then either {@code upgrade-probe/failing} (validations some rows fail: exit 1 with each count) or
 * {@code upgrade-probe/passing} (a validation every row passes: exit 0). The check applies nothing and never prints
 * a row's content.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeCheckIT {

    private static final Path DIR = Path.of("target", "it-upgrade-check").toAbsolutePath();
    private static final String SETUP = "classpath:db/migration,classpath:upgrade-probe/setup";

    @Test
    void countsTheRowsPendingValidationsWouldRefuseAndAppliesNothing(CapturedOutput output) throws Exception {
        FileSystemUtils.deleteRecursively(DIR);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(ChengxinApplication.runCommand(err, command("migrate", SETUP, "--spring.flyway.target=99990")))
                .as("migrate up to the probe's rows").isZero();

        int failing = ChengxinApplication.runCommand(err, command(UpgradeCheckApplication.COMMAND,
                SETUP + ",classpath:upgrade-probe/failing"));
        String failingOutput = output.getOut();
        assertThat(failing).as("upgrade-check with rows a validation refuses").isEqualTo(1);
        assertThat(failingOutput)
                .contains("upgrade-check: schema version 99990; 2 pending migrations: 99991, 99992")
                .contains("upgrade-check: V99991 upgrade_probe.t probe_positive (CHECK): 1 row would fail")
                .contains("upgrade-check: V99991 upgrade_probe.t probe_parent (FOREIGN KEY): 2 rows would fail")
                .contains("upgrade-check: V99992 upgrade_probe.t probe_small (CHECK): 1 row would fail")
                .contains("upgrade-check: 3 validations counted, 3 would refuse rows")
                .doesNotContain("ROW-CONTENT");

        int passing = ChengxinApplication.runCommand(err, command(UpgradeCheckApplication.COMMAND,
                SETUP + ",classpath:upgrade-probe/passing"));
        assertThat(passing).as("upgrade-check with every row valid").isZero();
        assertThat(output.getOut().substring(failingOutput.length()))
                .as("nothing applied by the check before: the same version, the probe's scripts still pending")
                .contains("upgrade-check: schema version 99990; 1 pending migration: 99991")
                .contains("upgrade-check: V99991 upgrade_probe.t probe_owner_known (CHECK): no row would fail")
                .contains("upgrade-check: 1 validation counted, 0 would refuse rows")
                .doesNotContain("ROW-CONTENT");
    }

    private static String[] command(String name, String locations, String... more) {
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(List.of(App.arguments(DIR, "--spring.profiles.active=test",
                "--spring.flyway.locations=" + locations)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
