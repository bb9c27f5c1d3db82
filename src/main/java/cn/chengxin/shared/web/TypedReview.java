package cn.chengxin.shared.web;

/**
 * What a reviewer typed into a send-back form (fragments/review.html) that was refused, shown again in the input
 * whose id is {@code inputId}: one page lists many changes waiting, each with its own form.
 *
 * @param note as typed, any identity number in it masked by the caller (TypedText.shownAgain)
 */
public record TypedReview(String inputId, String note) {
}
