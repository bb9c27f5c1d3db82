package cn.chengxin.catalog.domain;

/** The type of a content field of an item. */
public enum FieldType {
    TEXT("文本"), INTEGER("整数"), DECIMAL("数值"), DATE("日期"), BOOLEAN("是/否"), CHOICE("选项");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
