package cn.chengxin.subject.domain;

/**
 * What a completed birth date rests on: an official document a staff member has seen. The list is short on
 * purpose; a clerk who has something else names it under {@link #OTHER_OFFICIAL} with its reference.
 */
public enum BirthDateEvidence {
    PASSPORT_DATA_PAGE("护照个人资料页"),
    TRAVEL_PERMIT_DATA_PAGE("通行证个人资料页"),
    ENTRY_EXIT_RECORD("出入境记录"),
    POLICE_CERTIFICATE("公安机关证明"),
    OTHER_OFFICIAL("其他官方证明文件");

    private final String label;

    BirthDateEvidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
