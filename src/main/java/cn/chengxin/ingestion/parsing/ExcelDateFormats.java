package cn.chengxin.ingestion.parsing;

import java.util.Locale;

/**
 * Whether a numeric XLSX cell is a date. XLSX has no date type: a date is a day count with a date number
 * format, either a built-in format id or a custom format string. Without this check a birth date would
 * reach the validators as {@code 32874}.
 *
 * <p>Built-in ids 14–22 and 45–47 are dates and times everywhere; 27–36 and 50–58 are the built-in
 * Chinese/Japanese/Korean date formats (年月日) that Excel uses on a Chinese system. A custom format is a date
 * when, once quoted text, escapes, {@code [...]} sections and fill/padding characters are removed, it still
 * has a date or time letter (y, m, d, h, s; not e, which is also the exponent of {@code 0.00E+00}) — the same rule as Apache POI's {@code isADateFormat},
 * simplified. Elapsed-time formats ({@code [h]:mm}) are durations, not dates, and stay numbers.
 */
final class ExcelDateFormats {

    private ExcelDateFormats() {
    }

    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && isBuiltInDate(formatId)) {
            return true;
        }
        return format != null && isDateFormatString(format);
    }

    private static boolean isBuiltInDate(int id) {
        return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58;
    }

    static boolean isDateFormatString(String format) {
        String section = firstSection(format);
        if (section.toLowerCase(Locale.ROOT).contains("general")) {
            return false;
        }
        StringBuilder plain = new StringBuilder();
        boolean elapsed = false;
        for (int i = 0; i < section.length(); i++) {
            char c = section.charAt(i);
            switch (c) {
                case '"' -> {
                    int end = section.indexOf('"', i + 1);
                    i = end < 0 ? section.length() : end;
                }
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int end = section.indexOf(']', i + 1);
                    String inside = section.substring(i + 1, end < 0 ? section.length() : end);
                    elapsed |= inside.matches("(?i)h+|m+|s+");
                    i = end < 0 ? section.length() : end;
                }
                default -> plain.append(c);
            }
        }
        if (elapsed) {
            return false;
        }
        String letters = plain.toString().toLowerCase(Locale.ROOT);
        return letters.chars().anyMatch(c -> "ymdhs".indexOf(c) >= 0);
    }

    /** A format may have up to four sections separated by unquoted {@code ;}: the first one is for positives. */
    private static String firstSection(String format) {
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                i++;
            } else if (c == ';' && !quoted) {
                return format.substring(0, i);
            }
        }
        return format;
    }
}
