package cn.chengxin.catalog.domain;

import java.util.List;

/**
 * Maker-checker (双人复核) for every version of an item, an activation or a withdrawal alike: whoever wrote, rewrote or
 * submitted a version may not approve it, so that no one changes what the platform may collect alone (issue #4).
 */
public final class FourEyes {

    private FourEyes() {
    }

    /**
     * @param editors everyone who wrote the version, its creator first (a withdrawal: its proposer)
     */
    public static boolean mayApprove(String checker, String createdBy, String submittedBy, List<String> editors) {
        return !checker.equals(createdBy) && !checker.equals(submittedBy) && !editors.contains(checker);
    }
}
