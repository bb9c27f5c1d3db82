package cn.chengxin.creditfile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;

/**
 * Cases a subject brought about their file that the console's 信用档案 links to (K5 of gaps-review-xxix): a clerk who
 * found the person finds their objections and repair applications, open and decided (RULES.md §5, §6: the person is
 * told the outcome and its reasons). The modules that keep the cases implement it, so that the credit file depends
 * on nothing above it (as {@link RetentionHolds}).
 */
public interface CasesOnFile {

    /** What a staff member needs to open these cases: the file lists them to such staff only. */
    Permission permission();

    /** The subject's cases of this kind, newest first (as many as the module's own search by person lists). */
    List<FiledCase> of(UUID subjectId);

    /**
     * One case as the file lists it: no reasons or statements, which its own page shows, its look audited.
     *
     * @param kindKey    the message naming the kind of case
     * @param path       the console page of the case
     * @param concerning what it is about: the item's or the list's name
     * @param stateKey   the message naming its state
     * @param outcomeKey the message naming its outcome, or null while it has none
     */
    record FiledCase(String kindKey, UUID id, String path, String concerning, Instant filedAt, String stateKey,
                     String outcomeKey) {
    }
}
