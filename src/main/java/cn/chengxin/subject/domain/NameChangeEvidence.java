package cn.chengxin.subject.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What an approved name change rests on: an official document a staff member has seen. An organisation's new name is
 * registered by the market regulator (企业名称变更登记), a person's by the household registration (户籍姓名变更); a
 * clerk who has something else names it under {@link #OTHER_OFFICIAL} with its reference.
 */
public enum NameChangeEvidence {
    NAME_CHANGE_NOTICE("企业名称变更登记通知书", SubjectKind.ORGANISATION),
    BUSINESS_LICENCE("变更后的营业执照", SubjectKind.ORGANISATION),
    HOUSEHOLD_REGISTER_CHANGE("户口簿变更记录", SubjectKind.PERSON),
    POLICE_CERTIFICATE("公安机关姓名变更证明", SubjectKind.PERSON),
    OTHER_OFFICIAL("其他官方证明文件", null);

    private final String label;
    private final SubjectKind kind;

    NameChangeEvidence(String label, SubjectKind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    /** Whether this document can show a change of name of a subject of this kind. */
    public boolean provesFor(SubjectKind subjectKind) {
        return kind == null || kind == subjectKind;
    }

    /** The documents the form offers for a subject of this kind. */
    public static List<NameChangeEvidence> forKind(SubjectKind subjectKind) {
        return Arrays.stream(values()).filter(e -> e.provesFor(subjectKind)).toList();
    }
}
