package cn.chengxin.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;

/**
 * A person a rule would have proposed for the black or grey list, refused only because their birth date is unknown
 * (EntryLifecycle.Refusal.Ground.AGE_UNKNOWN): whose date the credit office is to complete, with the rule and the
 * record the proposal will rest on. Name and number masked only.
 */
public record AwaitingBirthDate(UUID subjectId, String maskedName, DocumentType documentType, String maskedNumber,
                                ListType listType, String ruleCode, String ruleName, UUID recordKey,
                                String itemCode, String departmentCode, String decisionNumber,
                                LocalDate decisionDate, Instant since) {
}
