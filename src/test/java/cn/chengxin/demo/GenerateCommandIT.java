package cn.chengxin.demo;

import java.nio.file.Path;

import cn.chengxin.ChengxinApplication;
import cn.chengxin.subject.SubjectRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate --residents N --seed S} as the README runs it: no web server, prints its time, refuses a full database. */
@ExtendWith(OutputCaptureExtension.class)
class GenerateCommandIT {

    @Test
    void generatesIntoAnEmptyDatabaseAndRefusesAFullOne(CapturedOutput output) throws Exception {
        Path dir = Path.of("target", "it-generate").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        String[] common = {"--spring.profiles.active=test", "--chengxin.db.embedded-dir=" + dir.resolve("postgres"),
                "--chengxin.db.clean-on-start=false", "--chengxin.keys.dir=" + dir.resolve("keys")};

        try (ConfigurableApplicationContext first = ChengxinApplication.command(concat(
                new String[] {"generate", "--residents", "500", "--seed", "3"}, common))) {
            assertThat(first.getBean(SubjectRegistry.class).counts().persons()).isEqualTo(500);
            assertThat(SpringApplication.exit(first)).isZero();
        }
        assertThat(output).contains("generate: done: 500 residents and 20 organisations in");

        try (ConfigurableApplicationContext second = ChengxinApplication.command(concat(
                new String[] {"generate", "--residents", "500"}, common))) {
            assertThat(SpringApplication.exit(second)).isEqualTo(2);
        }
        assertThat(output).contains("the database already holds 520 subjects");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
