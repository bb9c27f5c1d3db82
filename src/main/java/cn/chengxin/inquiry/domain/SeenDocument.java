package cn.chengxin.inquiry.domain;

/**
 * The identity document a counter clerk saw (窗口核验身份): the person's own, or the guardian's. A child often has no
 * identity card, so the household register (户口簿) counts as one.
 */
public enum SeenDocument {
    RESIDENT_ID_CARD("居民身份证"),
    TEMPORARY_RESIDENT_ID_CARD("临时居民身份证"),
    HOUSEHOLD_REGISTER("居民户口簿"),
    PASSPORT("护照"),
    HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
    HK_MACAO_PERMIT("港澳居民来往内地通行证"),
    TAIWAN_PERMIT("台湾居民来往大陆通行证"),
    FOREIGN_PERMANENT_RESIDENT_ID("外国人永久居留身份证");

    private final String label;

    SeenDocument(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the document carries a GB 11643 resident identity number (checked as one). */
    public boolean carriesResidentNumber() {
        return this == RESIDENT_ID_CARD || this == TEMPORARY_RESIDENT_ID_CARD || this == HOUSEHOLD_REGISTER;
    }
}
