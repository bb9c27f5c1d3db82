package cn.chengxin.shared.calendar;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day as departments' systems and Chinese Excel or CSV exports write it: {@code 2026-01-05}, {@code 2026/1/5},
 * {@code 2026-1-5}, {@code 2026.1.5}, {@code 20260105}, {@code 2026年1月5日}, in full-width digits too, and the day of
 * an ISO date-time ({@code 2026-01-05T00:00:00}, as an XLSX date cell with a time reads). A day that does not exist
 * ({@code 2026-02-30}) is no date.
 */
public final class DateText {

    private static final String TIME = "(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?";
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = SEPARATED.matcher(t);
        if (m.matches()) {
            boolean timeAbsentOrReal = m.group(5) == null || isTime(m.group(5));
            return timeAbsentOrReal ? day(m.group(1), m.group(3), m.group(4)) : Optional.empty();
        }
        m = CHINESE.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
        }
        return m.matches() ? day(m.group(1), m.group(2), m.group(3)) : Optional.empty();
    }

    private static boolean isTime(String text) {
        try {
            LocalTime.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Optional<LocalDate> day(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
