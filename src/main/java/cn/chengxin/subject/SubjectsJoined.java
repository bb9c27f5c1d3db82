package cn.chengxin.subject;

import java.util.UUID;

/**
 * Two credit files of one person became one (gaps review xxx L1; {@link SubjectJoining}): everything a module keeps
 * under the joined subject's id or pseudonym is the kept subject's from now on. Published in the transaction of the
 * approval, after the registry's part: each module moves its own rows in a synchronous listener, so that the join
 * commits whole or not at all, and a number of either document resolves to the kept subject. Ids and pseudonyms only.
 */
public record SubjectsJoined(UUID keptId, String keptPseudonym, UUID joinedId, String joinedPseudonym) {
}
