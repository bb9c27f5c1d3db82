package cn.chengxin.measures.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import cn.chengxin.measures.CheckResult;
import cn.chengxin.measures.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The lean lane's writer of a check's answer writes what the application's JSON mapper writes, byte for byte. */
class CheckAnswerJsonTests {

    /** The application's mapper: Spring Boot's, configured as application.yml configures it. */
    private static JsonMapper mapper;

    @BeforeAll
    static void theApplicationsMapper() {
        AtomicReference<JsonMapper> found = new AtomicReference<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=true")
                .run(context -> found.set(context.getBean(JsonMapper.class)));
        mapper = found.get();
        assertThat(mapper).isNotNull();
    }

    /** Texts a name, measure, basis or reference may hold, and some it should not but the writer must still escape. */
    private static final List<String> TRICKY = List.of("", "张*", "a\"b", "back\\slash", "\\\"", "line\nfeed",
            "tab\tcr\rff\fbs\b", "\u0000\u0001\u001f\u007f", "slash / </script>", "京朝市监处字〔2026〕118号",
            "😀 𠀀𪚥", "é ü ß", "\u2028\u2029", "\uFEFFbom", "'apostrophe'", "&<>=", "\uFFFF\uE000");

    @Test
    void writesWhatTheMapperWrites() {
        for (String text : TRICKY) {
            for (CheckResult result : results(text)) {
                assertWritesAsMapper(result);
            }
        }
    }

    @Test
    void writesNullsAndEmptyListsAsTheMapperDoes() {
        assertWritesAsMapper(new CheckResult(null, null, null, null, null, null, null, null, false, false, null,
                null));
        assertWritesAsMapper(new CheckResult(UUID.randomUUID(), Instant.parse("2026-12-06T00:00:00Z"), "110*", false,
                null, Scenario.HIRING, List.of(), List.of(), false, true, List.of(), null));
        List<String> withNull = Arrays.asList("a", null);
        assertWritesAsMapper(new CheckResult(UUID.randomUUID(), Instant.parse("2026-12-06T01:02:03.100Z"), "1", null,
                "n", Scenario.INSPECTION,
                Arrays.asList(new CheckResult.Entry(null, null, null, null, null, null, null, null, false, null, null,
                        null), null),
                Arrays.asList(new CheckResult.Applicable(null, null, null, null, null, false, withNull), null), true,
                false, Arrays.asList(new CheckResult.AsResponsible(null, null, null, null, true, null), null), ""));
    }

    @Test
    void writesInstantsAndDatesAsTheMapperDoes() {
        for (String at : List.of("2026-12-06T13:45:00Z", "2026-12-06T13:45:00.120Z", "2026-12-06T13:45:00.123456Z",
                "2026-12-06T13:45:00.123456789Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(at);
            CheckResult.Entry entry = new CheckResult.Entry("e", "BLACK", "黑名单", "R", "法", "局", instant,
                    LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC), false, List.of(), List.of(), null);
            assertWritesAsMapper(new CheckResult(UUID.randomUUID(), instant, "1", true, "n", Scenario.LICENSING,
                    List.of(entry), List.of(), false, false, List.of(), null));
        }
    }

    @Test
    void leavesALoneSurrogateToTheMapper() {
        for (String lone : List.of("\uD83D", "a\uDE00b", "\uDE00\uD83D", "x\uD83D")) {
            CheckResult result = new CheckResult(UUID.randomUUID(), Instant.now(), "1", null, lone, Scenario.HIRING,
                    List.of(), List.of(), false, false, List.of(), null);
            assertThat(CheckAnswerJson.write(result)).as(lone).isNull();
        }
    }

    @Test
    void growsForALongAnswer() {
        List<CheckResult> results = results("长".repeat(3000));
        for (CheckResult result : results) {
            assertWritesAsMapper(result);
        }
    }

    /**
     * Instants are written by hand, not by their formatter: every instant of the years 0000–9999 at any precision (the
     * check's own is at microseconds), and the edges of the four-digit years, as the mapper writes it.
     */
    @Test
    void writesAnyInstantAsTheMapperDoes() {
        java.util.Random random = new java.util.Random(46);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long until = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<Instant> instants = new ArrayList<>(List.of(Instant.ofEpochSecond(from),
                Instant.ofEpochSecond(from - 1, 999_999_999), Instant.ofEpochSecond(until, 999_999_999),
                Instant.ofEpochSecond(until + 1), Instant.EPOCH, Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 1), Instant.parse("2000-02-29T23:59:59.999999Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (until - from)),
                    random.nextInt(1_000_000_000));
            instants.add(at);
            instants.add(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            instants.add(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            instants.add(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            instants.add(at.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        }
        int n = 0;
        for (Instant at : instants) {
            CheckResult.Entry entry = new CheckResult.Entry("e", "BLACK", "黑名单", "R", "法", "局", at, null, false,
                    List.of(), List.of(), null);
            CheckResult result = new CheckResult(null, at, "1", null, null, null, List.of(entry), List.of(), false,
                    false, List.of(), null);
            String written = new String(CheckAnswerJson.write(result), StandardCharsets.UTF_8);
            assertThat(written).as(at.toString()).contains("\"checkedAt\":\"" + at + "\"")
                    .contains("\"effectiveFrom\":\"" + at + "\"");
            if (n++ % 50 == 0) {
                assertWritesAsMapper(result);
            }
        }
    }

    private static void assertWritesAsMapper(CheckResult result) {
        byte[] expected = mapper.writeValueAsBytes(result);
        byte[] written = CheckAnswerJson.write(result);
        assertThat(written).as(new String(expected, StandardCharsets.UTF_8)).isNotNull();
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(expected);
    }

    /** Answers with {@code text} in every member that holds one, alone and among others. */
    private static List<CheckResult> results(String text) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult.Applicable measure = new CheckResult.Applicable(text, text, text, text, text, true,
                List.of(text, "e2"));
        CheckResult.Entry entry = new CheckResult.Entry(text, text, text, text, text, text,
                Instant.parse("2025-03-01T08:00:00.5Z"), LocalDate.of(2028, 2, 29), true, List.of(text, "LAWSUIT"),
                List.of(text), text);
        CheckResult.AsResponsible responsible = new CheckResult.AsResponsible(
                new CheckResult.Organisation(text, text), text, text, text, false, List.of(measure, measure));
        results.add(new CheckResult(UUID.fromString("0196f0c2-3b4a-7c1d-8e2f-a1b2c3d4e5f6"),
                Instant.parse("2026-12-06T21:44:17.123456Z"), text, true, text, Scenario.INSPECTION,
                List.of(entry, entry), List.of(measure), true, true, List.of(responsible), text));
        results.add(new CheckResult(UUID.randomUUID(), Instant.parse("2026-12-06T21:44:17Z"), "110***********002X",
                null, "张*", Scenario.HIRING, List.of(), List.of(measure), false, false, List.of(), text));
        return results;
    }
}
