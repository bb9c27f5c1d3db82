package cn.chengxin.subject.domain;

/**
 * The kinds of identity document a subject can be known by. Persons without a mainland identity number are
 * recorded with another valid document and its type (河南省社会信用条例 Art. 16, RULES.md §1).
 */
public enum DocumentType {
    /** 居民身份证 (GB 11643-1999). */
    RESIDENT_ID("居民身份证", SubjectKind.PERSON),
    /** 港澳台居民居住证: same layout as the resident ID, region prefix 81/82/83. */
    HMT_RESIDENCE_PERMIT("港澳台居民居住证", SubjectKind.PERSON),
    /** 外国人永久居留身份证 (2023 edition): 18 characters with the GB 11643 check, leading 9. */
    FOREIGN_PERMANENT_RESIDENT_ID("外国人永久居留身份证", SubjectKind.PERSON),
    /** 护照. */
    PASSPORT("护照", SubjectKind.PERSON),
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT("港澳居民来往内地通行证", SubjectKind.PERSON),
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT("台湾居民来往大陆通行证", SubjectKind.PERSON),
    /** 统一社会信用代码 (GB 32100-2015). */
    UNIFIED_SOCIAL_CREDIT_CODE("统一社会信用代码", SubjectKind.ORGANISATION);

    private final String label;
    private final SubjectKind kind;

    DocumentType(String label, SubjectKind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public SubjectKind kind() {
        return kind;
    }

    /**
     * The type a department or an approval system names, by its code ({@code PASSPORT}, any case) or its Chinese
     * label (护照), as the console's choice and the upload template name them.
     *
     * @return {@code null} when nothing is named: the type is then inferred from the number
     * @throws InvalidIdentityException DOCUMENT_TYPE_UNKNOWN for any other text
     */
    public static DocumentType named(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        for (DocumentType type : values()) {
            if (type.name().equalsIgnoreCase(name) || type.label.equals(name)) {
                return type;
            }
        }
        throw new InvalidIdentityException(IdentityRejection.DOCUMENT_TYPE_UNKNOWN);
    }

    /**
     * Whether the number itself carries the holder's birth date (GB 11643 layout: digits 7–14), so that the
     * registry takes the date from it and no one may write another one.
     */
    public boolean carriesBirthDate() {
        return this == RESIDENT_ID || this == HMT_RESIDENCE_PERMIT || this == FOREIGN_PERMANENT_RESIDENT_ID;
    }

    /**
     * Whether a number of this type names one holder among all types. GB 11643 numbers (resident IDs, residence
     * permits with their own region codes, foreign permanent residence IDs) and credit codes (GB 32100) are issued
     * from national number spaces; passport and travel-permit numbers are not: a Taiwan resident's permit and a
     * foreign passport may both read 12345678, and a passport may read like a Hong Kong permit (H12345678).
     */
    public boolean numberIdentifiesAlone() {
        return this != PASSPORT && this != HK_MACAO_PERMIT && this != TAIWAN_PERMIT;
    }
}
