package cn.chengxin.subject;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * A name-change proposal as the reviewers' queue shows it: both names whole (the reviewer checks them against the
 * evidence), the subject's number masked only.
 */
public record ListedNameChange(NameChangeProposal proposal, SubjectKind kind, DocumentType documentType,
                               String maskedNumber) {
}
