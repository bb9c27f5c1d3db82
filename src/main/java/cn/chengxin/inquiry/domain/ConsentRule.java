package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;

/**
 * Whether a consent lets an institution query a person for a purpose now (RULES.md §9: the authorisation names the
 * querier and one purpose and is used only for it — 征信业管理条例 Art. 18, 20; it can be withdrawn — PIPL Art. 15).
 * Each fault has its own code, so that the institution learns what to ask the person for:
 * <ul>
 *     <li>{@code CONSENT_MISSING} — the person never authorised this institution;</li>
 *     <li>{@code CONSENT_SUBJECT_MISMATCH} — the consent presented is another person's (the institution is told
 *     {@code CONSENT_MISSING}, as for a number not registered: the difference would tell it the number is a
 *     registered person's);</li>
 *     <li>{@code CONSENT_OTHER_INSTITUTION} — the consent presented names another institution;</li>
 *     <li>{@code CONSENT_PURPOSE_MISMATCH} — authorised, but for another purpose;</li>
 *     <li>{@code CONSENT_WITHDRAWN} — the person withdrew it;</li>
 *     <li>{@code CONSENT_PENDING_REVIEW} — recorded at the window, it waits for a second clerk's review (gaps review
 *     xxxi M2): the person's word is not yet confirmed;</li>
 *     <li>{@code CONSENT_REVIEW_REJECTED} — recorded at the window, the second clerk rejected it;</li>
 *     <li>{@code CONSENT_EXPIRED} — past its expiry;</li>
 *     <li>{@code CONSENT_USED} — a single-use consent already used;</li>
 *     <li>{@code CONSENT_KIND_MISMATCH} — the consent allows, but another kind of report than the one asked for: the
 *     purpose fixes the kind ({@link Purpose#reportKind()}; PIPL Art. 6), so a hiring consent yields the
 *     occupational report only.</li>
 * </ul>
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    /**
     * The consent presented (by id or code) checked against the query of the institution {@code institutionId}, by
     * whichever of its keys (gaps review xxix K2); empty: it allows the query.
     */
    public static Optional<InquiryProblem> check(Consent consent, UUID subjectId, UUID institutionId, Purpose purpose,
                                                 Instant now) {
        if (!consent.subjectId().equals(subjectId)) {
            return fault("CONSENT_SUBJECT_MISMATCH", "所出示的授权不是被查询人本人作出的");
        }
        if (!consent.institutionId().equals(institutionId)) {
            return fault("CONSENT_OTHER_INSTITUTION", "所出示的授权给予的是其他机构，不能由本机构使用");
        }
        if (consent.purpose() != purpose) {
            return fault("CONSENT_PURPOSE_MISMATCH", "授权用途为「" + consent.purpose().label() + "」，不能用于「"
                    + purpose.label() + "」");
        }
        if (consent.withdrawn()) {
            return fault("CONSENT_WITHDRAWN", "被查询人已撤回该授权");
        }
        if (consent.review() == ConsentReview.PENDING) {
            return fault("CONSENT_PENDING_REVIEW", "该授权在信用办窗口办理，尚待另一名工作人员复核，复核通过前不能使用");
        }
        if (consent.review() == ConsentReview.REJECTED) {
            return fault("CONSENT_REVIEW_REJECTED", "该授权在信用办窗口办理，未通过复核，不能使用");
        }
        if (consent.expired(now)) {
            return fault("CONSENT_EXPIRED", "授权已过有效期");
        }
        if (consent.usedUp()) {
            return fault("CONSENT_USED", "该授权为单次授权，已经使用过");
        }
        return Optional.empty();
    }

    /**
     * No consent presented: the person's consents to this institution are searched for one that allows the query.
     * When none does, the fault reported is that of the most relevant one: a consent for the right purpose (the
     * latest granted) before one for another purpose.
     */
    public static Consent choose(List<Consent> ofSubjectForInstitution, UUID subjectId, UUID institutionId,
                                 Purpose purpose, Instant now) {
        if (ofSubjectForInstitution.isEmpty()) {
            throw fault("CONSENT_MISSING", "被查询人没有授权本机构查询其信用信息").orElseThrow();
        }
        List<Consent> latestFirst = ofSubjectForInstitution.stream()
                .sorted(Comparator.comparing(Consent::grantedAt).reversed()).toList();
        Optional<Consent> usable = latestFirst.stream()
                .filter(c -> check(c, subjectId, institutionId, purpose, now).isEmpty()).findFirst();
        if (usable.isPresent()) {
            return usable.get();
        }
        Consent relevant = latestFirst.stream().filter(c -> c.purpose() == purpose).findFirst()
                .orElse(latestFirst.get(0));
        throw check(relevant, subjectId, institutionId, purpose, now).orElseThrow();
    }

    /**
     * The kind of report to issue on a consent that allows the query: the kind its purpose fixes, when the request
     * names none or names that one; another kind is refused ({@code CONSENT_KIND_MISMATCH}).
     */
    public static ReportKind kind(Consent consent, ReportKind requested) {
        ReportKind allowed = consent.reportKind();
        if (requested != null && requested != allowed) {
            throw fault("CONSENT_KIND_MISMATCH", "授权用途「" + consent.purpose().label() + "」只能查询"
                    + allowed.title() + "，不能查询" + requested.title()).orElseThrow();
        }
        return allowed;
    }

    private static Optional<InquiryProblem> fault(String code, String message) {
        return Optional.of(new InquiryProblem(code, DomainProblem.Kind.FORBIDDEN, message));
    }
}
