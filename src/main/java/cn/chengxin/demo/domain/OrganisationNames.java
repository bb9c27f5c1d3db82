package cn.chengxin.demo.domain;

import java.util.SplittableRandom;

/** Made-up organisation names in the usual pattern 地名 + 字号 + 行业 + 组织形式. */
final class OrganisationNames {

    private static final String TRADE_NAME_CHARS = "恒信诚达鑫盛华泰安康宏远永利丰源顺祥瑞和兴隆金辉昌佳联创新宇润博嘉德"
            + "天正中汇亿通科凯晟";
    private static final String[] INDUSTRIES = {"商贸", "建筑工程", "食品", "物流", "科技", "农业发展", "餐饮管理",
            "医药", "建材", "物业服务", "机械制造", "文化传媒", "电子商务", "家政服务", "汽车销售", "环保科技"};
    private static final String[] SHOPS = {"超市", "便利店", "五金店", "饭店", "理发店", "服装店", "汽车修理部",
            "药店", "水果店", "建材店"};
    private static final String[] COOPERATIVES = {"种植专业合作社", "养殖专业合作社", "农机专业合作社"};

    private OrganisationNames() {
    }

    static String company(SplittableRandom random, String cityShortName) {
        return cityShortName + tradeName(random) + pick(random, INDUSTRIES)
                + (random.nextBoolean() ? "有限公司" : "有限责任公司");
    }

    static String individualBusiness(SplittableRandom random, String districtName) {
        return districtName + tradeName(random) + pick(random, SHOPS);
    }

    static String cooperative(SplittableRandom random, String districtName) {
        return districtName + tradeName(random) + pick(random, COOPERATIVES);
    }

    private static String tradeName(SplittableRandom random) {
        return "" + TRADE_NAME_CHARS.charAt(random.nextInt(TRADE_NAME_CHARS.length()))
                + TRADE_NAME_CHARS.charAt(random.nextInt(TRADE_NAME_CHARS.length()));
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
