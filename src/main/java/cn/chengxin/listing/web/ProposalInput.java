package cn.chengxin.listing.web;

import java.time.LocalDate;

import cn.chengxin.listing.ListType;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.subject.domain.DocumentType;

/**
 * What a department typed in the proposal form and the listing refused, shown again with the refusal so that they
 * correct it rather than type it all again. The number goes back only into its own field of the page: never into an
 * address or a flash attribute, which a redirect could carry into one.
 */
record ProposalInput(DocumentType documentType, String subjectNumber, ListType type, SeriousGround seriousGround,
                     String legalBasis, String reasons, LocalDate actDay, LocalDate validUntil) {
}
