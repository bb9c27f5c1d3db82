package cn.chengxin.catalog.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as departments' spreadsheets and exports write it: {@code 1500}, {@code 1,500.00} (Excel's thousands
 * separators, kept when a cell is saved as text), in full-width digits ({@code １，５００}), followed by the unit the
 * field's label names ({@code 1500元} for 欠缴税款金额（元）, {@code 0.5万元} for 罚款金额（万元）) or, for an amount in
 * yuan, after a yuan sign ({@code ¥1,500}). A separator out of place ({@code 1,50,0}) or another unit than the
 * label's ({@code 5000元} for an amount in 万元) is no number: the platform must not guess the amount of a penalty.
 */
public final class WrittenNumber {

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private WrittenNumber() {
    }

    /** The number in {@code text}; empty when it is none, or is written with another unit than {@code unit}. */
    public static Optional<BigDecimal> decimal(String text, String unit) {
        try {
            return plain(text, unit).map(BigDecimal::new);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A whole number of at most 18 digits, written as {@link #decimal} reads one, without a fraction or exponent. */
    public static Optional<Long> integer(String text, String unit) {
        return plain(text, unit).filter(t -> INTEGER.matcher(t).matches()).map(Long::parseLong);
    }

    /** The text without the unit, the yuan sign and the thousands separators, as Java reads a number. */
    private static Optional<String> plain(String text, String unit) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (unit != null && t.endsWith(unit)) {
            t = t.substring(0, t.length() - unit.length()).strip();
        }
        if ("元".equals(unit) && t.startsWith("¥")) {
            t = t.substring(1).strip();
        }
        return Optional.of(GROUPED.matcher(t).matches() ? t.replace(",", "") : t);
    }

    /** The unit a field's label names in brackets at its end: 元 for 欠缴税款金额（元）; {@code null} without one. */
    public static String unitOf(String label) {
        if (label == null || !(label.endsWith("）") || label.endsWith(")"))) {
            return null;
        }
        int open = Math.max(label.lastIndexOf('（'), label.lastIndexOf('('));
        String unit = open < 0 ? "" : label.substring(open + 1, label.length() - 1).strip();
        return unit.isEmpty() ? null : unit;
    }
}
