package cn.chengxin.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cities whose personal-integrity plans are the seed requirements, with their GB/T 2260 district
 * codes. Zhumadian is the default (驻政办〔2017〕102号).
 */
public final class CityPresets {

    public static final String DEFAULT = "zhumadian";

    private static final Map<String, City> PRESETS = new LinkedHashMap<>();

    static {
        add(new City("zhumadian", "驻马店市", "驻马店", "Zhumadian", "河南省", "信用驻马店", List.of("4117"),
                districts("411702", "驿城区", "411721", "西平县", "411722", "上蔡县", "411723", "平舆县",
                        "411724", "正阳县", "411725", "确山县", "411726", "泌阳县", "411727", "汝南县",
                        "411728", "遂平县", "411729", "新蔡县"),
                List.of(new City.Policy("驻政办〔2017〕102号", "驻马店市加强个人诚信体系建设实施方案", "驻马店市人民政府办公室"))));
        add(new City("zhenjiang", "镇江市", "镇江", "Zhenjiang", "江苏省", "信用镇江", List.of("3211"),
                districts("321102", "京口区", "321111", "润州区", "321112", "丹徒区", "321181", "丹阳市",
                        "321182", "扬中市", "321183", "句容市"),
                List.of(new City.Policy("镇政办发〔2018〕184号", "关于加强个人诚信体系建设的实施意见", "镇江市人民政府办公室"))));
        add(new City("lingshou", "灵寿县", "灵寿", "Lingshou", "河北省", "信用灵寿", List.of("130126"),
                districts("130126", "灵寿县"),
                List.of(new City.Policy("—", "关于转发国务院办公厅《关于加强个人诚信体系建设的指导意见》的通知",
                        "灵寿县社会信用体系建设领导小组办公室"))));
        add(new City("huangshi", "黄石市", "黄石", "Huangshi", "湖北省", "信用黄石", List.of("4202"),
                districts("420202", "黄石港区", "420203", "西塞山区", "420204", "下陆区", "420205", "铁山区",
                        "420222", "阳新县", "420281", "大冶市"),
                List.of(new City.Policy("黄信用〔2018〕1号", "关于加强个人诚信体系建设的实施方案", "黄石市社会信用体系建设领导小组"))));
        add(new City("panzhihua", "攀枝花市", "攀枝花", "Panzhihua", "四川省", "信用攀枝花", List.of("5104"),
                districts("510402", "东区", "510403", "西区", "510411", "仁和区", "510421", "米易县",
                        "510422", "盐边县"),
                List.of(new City.Policy("攀办发〔2018〕145号", "攀枝花市加强个人诚信体系建设实施方案", "攀枝花市人民政府办公室"))));
    }

    private CityPresets() {
    }

    private static void add(City city) {
        PRESETS.put(city.code(), city);
    }

    private static Map<String, String> districts(String... codesAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            map.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return map;
    }

    public static Optional<City> find(String code) {
        return Optional.ofNullable(PRESETS.get(code));
    }

    public static List<City> all() {
        return List.copyOf(PRESETS.values());
    }
}
