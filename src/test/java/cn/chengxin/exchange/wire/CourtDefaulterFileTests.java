package cn.chengxin.exchange.wire;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourtDefaulterFileTests {

    private static final String HEADER = "姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期,移除日期\n";
    private static final String ROW = "张三,11010519491231002X,北京市西城区人民法院,(2026)京0102执100号,给付货款,违反限制消费令,"
            + "2026-03-02,";

    private static List<CourtDefaulterFile.Row> read(String text) {
        return CourtDefaulterFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Instant.now());
    }

    @Test
    void aRowIsABlackListEntryOfTheCourtsListForTwoYearsAndItsRemovalOutranksIt() {
        CourtDefaulterFile.Row listed = read("\uFEFF" + HEADER + ROW + "\n").get(0);
        CourtDefaulterFile.Row removed = read(HEADER + ROW + "2026-09-01\n").get(0);

        assertThat(listed.problem()).isNull();
        assertThat(listed.message().sourcePlatform()).isEqualTo("SPC");
        assertThat(listed.message().status()).isEqualTo("EFFECTIVE");
        assertThat(listed.message().period().end()).hasToString("2028-03-02");
        assertThat(listed.message().department()).isEqualTo("北京市西城区人民法院");
        assertThat(removed.message().status()).isEqualTo("EXITED");
        assertThat(removed.message().sourceId()).isEqualTo(listed.message().sourceId());
        assertThat(removed.message().version()).isGreaterThan(listed.message().version());
    }

    /**
     * Finding I2 of gaps review xxvii (RULES.md §7; 法释〔2017〕7号第一条、第二条): the term is the court's. A row under
     * 第一条第一项 without an end has none, never a computed two years; a row with 截止日期 keeps it, an extension loaded
     * later replaces the term held, and a removal still outranks both.
     */
    @Test
    void aRowHasTheTermTheCourtDecidedNoneForOneAbleToPerformAndRefusing() {
        String header = "姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期,截止日期,移除日期\n";
        String row = "张三,11010519491231002X,北京市西城区人民法院,(2026)京0102执100号,给付货款,%s,2026-03-02,%s,%s\n";
        CourtDefaulterFile.Row refusing = read(header + row.formatted("其他有履行能力而拒不履行生效法律文书确定义务", "", ""))
                .get(0);
        CourtDefaulterFile.Row twoYears = read(header + row.formatted("违反财产报告制度", "", "")).get(0);
        CourtDefaulterFile.Row extended = read(header + row.formatted("以暴力、威胁方法妨碍、抗拒执行", "2031-03-02", ""))
                .get(0);
        CourtDefaulterFile.Row removed = read(header + row.formatted("以暴力、威胁方法妨碍、抗拒执行", "2031-03-02",
                "2026-03-02")).get(0);

        assertThat(refusing.problem()).isNull();
        assertThat(refusing.message().period().start()).hasToString("2026-03-02");
        assertThat(refusing.message().period().end()).as("第一条第一项: no term").isNull();
        assertThat(refusing.message().inForce()).isTrue();
        assertThat(twoYears.message().period().end()).as("第二条第一款").hasToString("2028-03-02");
        assertThat(extended.message().period().end()).as("the court's extension").hasToString("2031-03-02");
        assertThat(extended.message().version()).as("a later end replaces the term held")
                .isGreaterThan(read(header + row.formatted("以暴力、威胁方法妨碍、抗拒执行", "", "")).get(0).message().version());
        assertThat(removed.message().status()).isEqualTo("EXITED");
        assertThat(removed.message().version()).as("a removal the same day outranks any listing")
                .isGreaterThan(extended.message().version()).isGreaterThan(refusing.message().version());
        long renumbered = java.time.LocalDate.of(2026, 3, 2).toEpochDay() * 100_000;
        assertThat(List.of(refusing, twoYears, extended)).extracting(r -> r.message().version())
                .as("a row V238 renumbered (a listing lowest of its day, a removal highest) is replaced by a load, "
                        + "not a removal").allMatch(v -> v > renumbered && v < renumbered + 99_999);
        assertThat(removed.message().version()).isEqualTo(renumbered + 99_999);
        assertThat(read(header + row.formatted("违反限制消费令", "2026-03-01", "")).get(0).problem())
                .contains("截止日期");
        assertThat(read(HEADER + ROW.replace("违反限制消费令", "有履行能力拒不履行") + "\n").get(0).message().period().end())
                .as("a file without the column: 第一条第一项 still has no term").isNull();
    }

    @Test
    void badRowsAreRefusedWithTheirLineAndAFileWithoutTheColumnsIsUnreadable() {
        List<CourtDefaulterFile.Row> rows = read(HEADER + ROW + "\n" + ROW.replace("2026-03-02", "2026/03/02")
                + "\n" + ROW.replace("(2026)京0102执100号", "") + "\n");
        assertThat(rows).extracting(CourtDefaulterFile.Row::line).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(1).problem()).contains("日期");
        assertThat(rows.get(2).problem()).contains("案号");
        assertThatThrownBy(() -> read("name,number\nA,B\n")).isInstanceOf(CourtDefaulterFile.Unreadable.class)
                .hasMessageContaining("身份证号码");
    }
}
