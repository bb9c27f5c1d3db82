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
    private static final String ROW = "张三,11010519491231002X,北京市西城区人民法院,(2026)京0102执100号,给付货款,有履行能力而拒不履行,"
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
