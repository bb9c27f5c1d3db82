package cn.chengxin.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.ChengxinApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a whole extra instance of the application in the test JVM, for the tests about starting itself
 * (restart, external database, production profile). Each instance gets its own data directory so that it
 * never touches the database of the shared test context.
 */
public final class App {

    private App() {
    }

    /** Starts with {@code profile} active, or with none when it is null (as a start that forgot to name one). */
    public static ConfigurableApplicationContext start(Path dataDir, String profile, String... extraArgs) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ChengxinApplication.class);
        return (profile == null ? app : app.profiles(profile)).run(arguments(dataDir, extraArgs));
    }

    /** The arguments of an instance on its own data directory, {@code extraArgs} last. */
    public static String[] arguments(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--chengxin.db.embedded-dir=" + dataDir.resolve("postgres"),
                "--chengxin.db.embedded-port=0",
                "--chengxin.db.clean-on-start=false",
                "--chengxin.keys.dir=" + dataDir.resolve("keys")));
        args.addAll(List.of(extraArgs));
        return args.toArray(String[]::new);
    }
}
