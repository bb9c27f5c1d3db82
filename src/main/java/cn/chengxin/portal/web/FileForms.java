package cn.chengxin.portal.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of 我的信用档案 (/me/file) and the field of each that a refusal names (gaps review xxxv O2): a person who
 * objected at the bottom of the long page is shown the refusal inside the objection form, beside the field to correct,
 * not at the top of the page for any of its four forms.
 */
final class FileForms {

    static final String OBJECTION = "objection";
    static final String OMISSION = "omission";
    static final String STATEMENT = "statement";
    /** Declining or accepting a record, in the file's table. */
    static final String FILE = "file";
    /** Declining or accepting a kind of honour. */
    static final String DECLINES = "declines";
    /** Withdrawing a statement, in their list. */
    static final String STATEMENTS = "statements";

    private FileForms() {
    }

    /**
     * Marks the refusal flashed for the next page (if any: {@code failure}) as the refusal of {@code form}, with the
     * field its code names.
     *
     * @return the page to redirect to: /me/file with {@code anchor} when nothing was refused, without when refused
     */
    static String refused(RedirectAttributes redirect, String form, String anchor) {
        Object code = redirect.getFlashAttributes().get("failureCode");
        if (code == null) {
            return "redirect:/me/file" + anchor;
        }
        redirect.addFlashAttribute("refusedForm", form);
        String field = fieldOf(form, code.toString());
        if (field != null) {
            redirect.addFlashAttribute("refusedField", field);
        }
        // No fragment: a browser skips autofocus on a page whose address names an element, and the refusal, focused,
        // is scrolled to anyway.
        return "redirect:/me/file";
    }

    /** @return the id of the field of {@code form} that the refusal {@code code} names, or null for the whole form */
    static String fieldOf(String form, String code) {
        boolean evidence = code.startsWith("EVIDENCE_") || code.startsWith("UPLOAD_");
        return switch (form) {
            case OBJECTION -> evidence ? "objection-evidence"
                    : code.equals("OBJECTION_REASONS") ? "objection-reasons"
                    : code.equals("OBJECTION_RECORD_UNKNOWN") ? "objection-record" : null;
            case OMISSION -> evidence ? "omission-evidence"
                    : switch (code) {
                        case "OBJECTION_REASONS" -> "omission-reasons";
                        case "OBJECTION_OMISSION_MISSING" -> "omission-missing";
                        case "OBJECTION_OMISSION_DECISION" -> "omission-decision";
                        case "OBJECTION_OMISSION_ITEM", "OBJECTION_OMISSION_DEPARTMENT" -> "omission-choice";
                        default -> null;
                    };
            case STATEMENT -> code.equals("STATEMENT_LENGTH") || code.equals("FREE_TEXT_HOLDS_IDENTITY_NUMBER")
                    ? "text" : code.equals("STATEMENT_RECORD_UNKNOWN") ? "recordKey" : null;
            default -> null;
        };
    }
}
