package cn.chengxin.platform.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.springframework.boot.json.JsonWriter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxiii N8: a caller quoted the {@code X-Request-Id} of a failed check, and no log line carried it. The
 * console pattern of logback-spring.xml prints the request id ({@code RequestIdFilter}'s MDC key) and still masks
 * identity numbers; the structured (JSON) lines mask them too.
 */
class LogPatternTests {

    private static final String NUMBER = "11010519491231002X";

    @Test
    void aLineLoggedInARequestCarriesItsIdAndNoClearIdentityNumber() throws Exception {
        List<String> lines = logged(log -> {
            inRequest(log);
            log.info("outside any request");
        });
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("[req-0123456789] ").contains("checked ").doesNotContain(NUMBER);
        assertThat(lines.get(1)).contains("[-] ").doesNotContain("req-0123456789");
    }

    /**
     * {@code logging.structured.format.console=ecs} (Boot sets the logback property; the Environment is in the logger
     * context as Boot puts it): one JSON object a line, the request id among its members, the number masked.
     */
    @Test
    void theStructuredFormatWritesJsonWithTheRequestIdAndNoClearIdentityNumber() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "logging.structured.json.customizer", RedactingJsonMembers.class.getName())));
        List<String> lines = logged(LogPatternTests::inRequest, context -> {
            context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", "ecs");
            context.putObject(Environment.class.getName(), environment);
        });
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{").contains("requestId").contains("req-0123456789").contains("checked ")
                .doesNotContain(NUMBER);
    }

    @Test
    void theJsonLinesMaskEveryString() {
        JsonWriter<String> writer = JsonWriter.of(members -> {
            members.add("message", m -> "checked " + m);
            members.add("requestId", m -> "req-0123456789");
            new RedactingJsonMembers().customize(asObjects(members));
        });
        String json = writer.writeToString(NUMBER);
        assertThat(json).contains("req-0123456789").contains("checked ").doesNotContain(NUMBER);
    }

    /** A line logged while RequestIdFilter holds the request's id in the MDC, with a number in its message. */
    private static void inRequest(Logger log) {
        MDC.put("requestId", "req-0123456789");
        try {
            log.info("checked {}", NUMBER);
        } finally {
            MDC.remove("requestId");
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonWriter.Members<Object> asObjects(JsonWriter.Members<?> members) {
        return (JsonWriter.Members<Object>) members;
    }

    /** The console lines the application's logback-spring.xml writes for what {@code logging} logs. */
    private static List<String> logged(Consumer<Logger> logging) throws Exception {
        return logged(logging, context -> {
        });
    }

    private static List<String> logged(Consumer<Logger> logging, Consumer<LoggerContext> setUp) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        setUp.accept(context);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogPatternTests.class.getResource("/logback-spring.xml"));
            logging.accept(context.getLogger("cn.chengxin.monitoring.test"));
        } finally {
            context.stop();
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("checked ") || l.contains("outside any request")).toList();
    }
}
