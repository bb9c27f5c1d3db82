package cn.chengxin.subject;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * A further document proposed for a person as the reviewers' queue shows it (gaps review xxx L1): the proposal, with
 * masked numbers only, and the subject's kind, document type and masked number.
 */
public record ListedFurtherDocument(FurtherDocument document, SubjectKind kind, DocumentType documentType,
                                    String maskedNumber) {
}
