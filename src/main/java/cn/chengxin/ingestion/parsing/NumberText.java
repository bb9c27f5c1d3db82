package cn.chengxin.ingestion.parsing;

import java.math.BigDecimal;

/**
 * How a number read from a spreadsheet cell or a JSON value becomes text. Identity numbers and codes often
 * arrive as numbers, and the text must be the digits a person would type, never {@code 4.11702E17} nor
 * {@code 123.0}: integral values are written as plain digits; other values in plain notation without
 * trailing zeros.
 *
 * <p>A double holds about 15–17 significant digits, so an 18-digit identity number stored as a number has
 * already lost its last digits when Excel saved it ({@code 4.11702199001011E+17}). It is still written as
 * plain digits ({@code 411702199001011000}), so that checksum validation downstream rejects it with a clear
 * code instead of the platform guessing the lost digits.
 */
final class NumberText {

    /** Beyond this many digits before or after the point, plain notation would be a memory attack. */
    private static final int MAX_PLAIN_DIGITS = 64;

    private NumberText() {
    }

    static String of(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        int integerDigits = n.precision() - n.scale();
        if (integerDigits > MAX_PLAIN_DIGITS || n.scale() > MAX_PLAIN_DIGITS) {
            return n.toString();
        }
        return n.scale() <= 0 ? n.toBigIntegerExact().toString() : n.toPlainString();
    }
}
