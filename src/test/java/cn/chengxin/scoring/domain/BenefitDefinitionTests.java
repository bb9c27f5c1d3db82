package cn.chengxin.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BenefitDefinitionTests {

    private static final Set<String> GRADES = Set.of("AAA", "AA", "A", "B", "C", "D");

    @Test
    void aBenefitForKnownGradesIsValid() {
        assertThat(new BenefitDefinition("SWIM", "游泳馆优惠", "市体育中心", List.of("AAA", " AA "), null, "体育")
                .problems(GRADES)).isEmpty();
    }

    @Test
    void aBenefitForTheRedListOnlyIsValid() {
        assertThat(new BenefitDefinition("GREEN_CHANNEL", "绿色通道", "市政务服务中心", List.of(), "RED", "政务服务")
                .problems(GRADES)).isEmpty();
    }

    @Test
    void refusesABenefitWithoutConditionNameOrKnownGradesGivingEveryReason() {
        assertThat(new BenefitDefinition("x", "", "市体育中心", List.of(), null, "体育").problems(GRADES))
                .hasSize(3).anyMatch(p -> p.contains("代码")).anyMatch(p -> p.contains("名称"))
                .anyMatch(p -> p.contains("至少指定"));
        assertThat(new BenefitDefinition("SWIM", "游泳馆优惠", "市体育中心", List.of("AAA", "Z"), "GREY", "体育")
                .problems(GRADES)).containsExactlyInAnyOrder("名单条件只能是红名单", "评分模型中没有该信用等级：Z");
    }
}
