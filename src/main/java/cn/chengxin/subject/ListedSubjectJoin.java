package cn.chengxin.subject;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectJoin;

/**
 * A proposal to join two credit files as the reviewers' queue shows it (gaps review xxx L1): the proposal, with masked
 * numbers only, and the kept subject's document type and masked number.
 */
public record ListedSubjectJoin(SubjectJoin join, DocumentType documentType, String maskedNumber) {
}
