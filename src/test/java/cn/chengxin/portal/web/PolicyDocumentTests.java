package cn.chengxin.portal.web;

import java.util.List;
import java.util.Map;

import cn.chengxin.shared.City;
import cn.chengxin.shared.CityPresets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xliii X5: 政策法规 lists the national documents and the city's own plan, never another city's. */
class PolicyDocumentTests {

    @Test
    void aCitysPageListsTheNationalDocumentsAndItsOwnPlanOnly() {
        List<PolicyDocument> zhumadian = PolicyDocument.of(CityPresets.find("zhumadian").orElseThrow());
        assertThat(zhumadian).extracting(PolicyDocument::number).containsExactly("国办发〔2016〕98号",
                "国办发〔2020〕49号", "国家发展改革委令第36号", "驻政办〔2017〕102号");

        City own = new City("chuzhou", "滁州市", "滁州", "Chuzhou", "安徽省", "信用滁州", List.of("3411"),
                Map.of("341102", "琅琊区"), List.of(new City.Policy("示例〔2019〕1号", "滁州市加强个人诚信体系建设实施方案",
                "滁州市人民政府办公室")));
        assertThat(PolicyDocument.of(own)).extracting(PolicyDocument::issuer)
                .containsExactly("国务院办公厅", "国务院办公厅", "国家发展和改革委员会", "滁州市人民政府办公室");
    }
}
