package cn.chengxin.portal.tipoff.domain;

import java.util.Arrays;
import java.util.List;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * What the console's 举报处理 can narrow tip-offs to by the subject reported: a person or an organisation, told by the
 * type of the number the reporter gave, or a tip-off given with no number at all (the form asks for a name only), which
 * the office still has to handle and must be able to find.
 */
public enum ReportedSubject {
    PERSON,
    ORGANISATION,
    NO_NUMBER;

    /** The stored document types that match; the empty string stands for "no document". */
    public List<String> documents() {
        if (this == NO_NUMBER) {
            return List.of("");
        }
        SubjectKind kind = SubjectKind.valueOf(name());
        return Arrays.stream(DocumentType.values()).filter(type -> type.kind() == kind).map(Enum::name).toList();
    }
}
