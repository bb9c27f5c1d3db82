package cn.chengxin.subject.web;

import java.time.LocalDate;

import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.TypedText;

/**
 * What a clerk typed into the name-change form, shown again with its refusal so that they correct it rather than type
 * it all again.
 */
record NameChangeInput(String newName, LocalDate effectiveFrom, NameChangeEvidence evidence, String reference,
                       String reason) {

    /** The refusal of texts that carry the subject's own number (RenamingSubjects). */
    static final String NUMBER_IN_TEXT = "NAME_CHANGE_NUMBER_IN_TEXT";

    /**
     * The input to show again after a refusal with this code: texts refused for carrying the subject's number are not
     * echoed back (RULES.md §10: screens show it masked only); any other text is shown as typed with any resident
     * identity number in it masked ({@link TypedText#shownAgain}).
     */
    NameChangeInput shownAfter(String refusalCode) {
        if (NUMBER_IN_TEXT.equals(refusalCode)) {
            return new NameChangeInput("", effectiveFrom, evidence, "", "");
        }
        return new NameChangeInput(TypedText.shownAgain(newName), effectiveFrom, evidence,
                TypedText.shownAgain(reference), TypedText.shownAgain(reason));
    }
}
