package cn.chengxin.subject;

import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;

/** A birth-date proposal as a reviewer's queue shows it: the person's name and number masked only. */
public record ListedBirthDateProposal(BirthDateProposal proposal, String maskedName, DocumentType documentType,
                                      String maskedNumber) {
}
