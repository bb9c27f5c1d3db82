package cn.chengxin.repair.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepairCommitmentTextTests {

    @Test
    void theCommitmentNamesThePersonTheRecordAndThePromisesWithTheNumberMasked() {
        String text = RepairCommitmentText.of("王小明", "4117**********123X", "行政处罚信息（一般）", "驻市监罚〔2026〕1号",
                LocalDate.of(2026, 3, 2), "驻马店市");
        assertThat(text).startsWith("信用承诺书").contains("本人王小明（证件号码 4117**********123X）")
                .contains("行政处罚信息（一般）（决定文书号：驻市监罚〔2026〕1号，决定日期：2026-03-02）")
                .contains("已纠正失信行为").contains("驻马店市公共信用信息平台公开").endsWith("承诺人：王小明\n");
    }
}
