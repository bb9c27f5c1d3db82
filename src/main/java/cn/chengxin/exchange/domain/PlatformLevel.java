package cn.chengxin.exchange.domain;

/** Where a platform stands in the federation (RULES.md §11): city ↔ province ↔ nation (全国信用信息共享平台). */
public enum PlatformLevel {
    CITY("市级平台"), PROVINCE("省级平台"), NATION("国家平台");

    private final String label;

    PlatformLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
