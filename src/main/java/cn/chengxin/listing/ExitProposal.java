package cn.chengxin.listing;

import java.time.Instant;
import java.util.UUID;

import cn.chengxin.listing.domain.ExitGround;

/**
 * A reviewer's proposal to take an entry off its list by hand ({@link Listing#proposeExit}), which another reviewer
 * approves or rejects ({@code note}: the rejection's reasons, or the approval's note if any). {@code reference}: the
 * document the ground rests on (null only for {@link ExitGround#OTHER}). While it waits, the entry stays in force.
 */
public record ExitProposal(UUID id, UUID entryId, ExitGround ground, String reference, String reasons,
                           String proposedBy, Instant proposedAt, Status status, String decidedBy, Instant decidedAt,
                           String note) {

    /**
     * Who {@code proposedBy} is when the subject filed the proposal in self-service ({@link ExitProposals#fileProof}):
     * no staff member, so any reviewer decides it; the audit log names the account.
     */
    public static final String BY_SUBJECT = "本人";

    public enum Status {
        PENDING, APPROVED, REJECTED,
        /** The entry ended otherwise while the proposal waited (expiry, its record revoked, repair, an objection). */
        LAPSED
    }

    /** Whether the subject filed it in self-service rather than a reviewer (at the counter, or on a document). */
    public boolean bySubject() {
        return BY_SUBJECT.equals(proposedBy);
    }

    /** The exit reason the entry keeps and its exit notice quotes: the ground, its document, the reasons. */
    public String exitReason() {
        return ground.label() + (reference == null ? "" : "（" + reference + "）") + "：" + reasons;
    }
}
