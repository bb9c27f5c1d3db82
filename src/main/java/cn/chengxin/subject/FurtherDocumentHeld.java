package cn.chengxin.subject;

import java.util.UUID;

/**
 * A person's file took a further document (gaps review xxx L1; {@link SubjectDocuments#approve}): what a module keeps
 * by that document's own pseudonym, from before any subject held it (an entry received from another platform, a
 * tip-off, a check), is the holder's from now on. Published in the approval's transaction; pseudonyms only.
 */
public record FurtherDocumentHeld(UUID subjectId, String holderPseudonym, String documentPseudonym) {
}
