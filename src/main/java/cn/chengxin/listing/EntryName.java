package cn.chengxin.listing;

import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;

/**
 * How a page names a list entry's subject (gaps review xxv H6): by the subject's current name, for a renamed company
 * or person is known by that name now (RULES.md §1: the number is the key, the name goes with it), and with the name
 * the entry was made under as 曾用名 when that is a former one, for that is the name the decision and the notices
 * carry. Both are masked as the lists mask names: a person's, not an organisation's (RULES.md §10).
 *
 * @param name       the current name, masked
 * @param formerName the name the entry was made under, masked, when it is no longer the subject's; else null
 */
public record EntryName(String name, String formerName) {

    /**
     * @param listedName  the name the entry was made under
     * @param currentName the registry's name today, null when the registry no longer answers for the subject
     */
    public static EntryName of(SubjectKind kind, String listedName, String currentName) {
        if (currentName == null || SubjectNames.same(currentName, listedName)) {
            return new EntryName(masked(kind, listedName), null);
        }
        return new EntryName(masked(kind, currentName), masked(kind, listedName));
    }

    private static String masked(SubjectKind kind, String name) {
        return kind == SubjectKind.PERSON ? Masking.personName(name) : name;
    }
}
