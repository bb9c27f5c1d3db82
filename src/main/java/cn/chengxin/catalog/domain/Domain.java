package cn.chengxin.catalog.domain;

/** Key domains (重点领域, RULES.md §3); GENERAL for items that belong to none. */
public enum Domain {
    GENERAL("综合"), FOOD_AND_DRUGS("食品药品"), WORK_SAFETY("安全生产"), FIRE_SAFETY("消防安全"),
    TRAFFIC_SAFETY("交通安全"), ENVIRONMENT("生态环境"), BIOSAFETY("生物安全"), PRODUCT_QUALITY("产品质量"),
    TAX("税务"), HEALTH_CARE("医疗卫生"), LABOUR_AND_SOCIAL_SECURITY("劳动保障"), CONSTRUCTION("工程建设"),
    FINANCIAL_SERVICES("金融服务"), INTELLECTUAL_PROPERTY("知识产权"), JUDICIAL_PROCEEDINGS("司法诉讼"),
    E_COMMERCE("电子商务"), VOLUNTEER_SERVICE("志愿服务"), INTERMEDIARY_SERVICES("中介服务"),
    EXHIBITION_AND_ADVERTISING("会展广告"), PUBLIC_RESOURCE_TRADING("公共资源交易"),
    EDUCATION_AND_RESEARCH("教育科研"), TOURISM("文化旅游"), INTERNET_SERVICES("互联网服务"),
    HOUSING_SECURITY("住房保障"), CHARITY("慈善"), SPORT("体育"), CULTURE_AND_ENTERTAINMENT("文化娱乐"),
    CREDIT_SERVICES("信用服务");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
