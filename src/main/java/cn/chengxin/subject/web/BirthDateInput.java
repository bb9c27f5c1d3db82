package cn.chengxin.subject.web;

import java.time.LocalDate;

import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.TypedText;

/**
 * What a clerk typed into the birth-date form, shown again with its refusal so that they correct it rather than
 * type it all again.
 */
record BirthDateInput(LocalDate birthDate, BirthDateEvidence evidence, String reference, String reason) {

    /** The refusal of a reference or reason that carries the person's number (CompletingBirthDates). */
    static final String NUMBER_IN_TEXT = "BIRTH_DATE_NUMBER_IN_TEXT";

    /**
     * The input to show again after a refusal with this code: texts refused for carrying the person's number are not
     * echoed back, since a screen shows the number masked only (RULES.md §10); any other text is shown as typed with
     * any resident identity number in it masked ({@link TypedText#shownAgain}), so that one refused for holding one is
     * corrected rather than typed again.
     */
    BirthDateInput shownAfter(String refusalCode) {
        if (NUMBER_IN_TEXT.equals(refusalCode)) {
            return new BirthDateInput(birthDate, evidence, "", "");
        }
        return new BirthDateInput(birthDate, evidence, TypedText.shownAgain(reference), TypedText.shownAgain(reason));
    }
}
