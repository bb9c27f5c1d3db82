package cn.chengxin.shared.web;

/**
 * Whether a request's {@code Accept} allows a JSON answer, for endpoints that write their answer themselves and so
 * escape Spring MVC's content negotiation (a {@link DeferredAnswer}). Read in place, without parsing the header into
 * media types: the check it guards is answered in microseconds and allocates nothing for it. As RFC 9110 §12.5.1
 * says, the most specific range that covers application/json decides, and its weight {@code q=0} means "not
 * acceptable" ({@code application/json;q=0, *}{@code /*} refuses JSON). Quoted commas in parameters are read as
 * separators: clients do not send them to a JSON API.
 */
public final class AcceptHeader {

    private static final String[] RANGES = {"*/*", "application/*", "application/json"};

    private AcceptHeader() {
    }

    /** No {@code Accept} (or a blank one) allows anything; else the most specific range covering JSON must. */
    public static boolean allowsJson(String accept) {
        if (accept == null) {
            return true;
        }
        boolean blank = true;
        int specificity = -1;
        boolean refused = false;
        int i = 0;
        while (i < accept.length()) {
            char c = accept.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            blank = false;
            int next = accept.indexOf(',', i);
            int end = next < 0 ? accept.length() : next;
            for (int s = RANGES.length - 1; s > specificity; s--) {
                if (isRange(accept, i, end, RANGES[s])) {
                    specificity = s;
                    refused = weighsZero(accept, i + RANGES[s].length(), end);
                    break;
                }
            }
            i = end + 1;
        }
        return blank || specificity >= 0 && !refused;
    }

    /** Whether the range at {@code at} is {@code range} (media types are case-insensitive), parameters aside. */
    private static boolean isRange(String accept, int at, int end, String range) {
        if (!accept.regionMatches(true, at, range, 0, range.length())) {
            return false;
        }
        int after = at + range.length();
        return after == end || accept.charAt(after) == ';' || accept.charAt(after) == ' '
                || accept.charAt(after) == '\t';
    }

    /** Whether the parameters in {@code [from, end)} give the weight {@code q=0} (0, 0.0, 0.00 or 0.000). */
    private static boolean weighsZero(String accept, int from, int end) {
        for (int p = accept.indexOf(';', from); p >= 0 && p < end; p = accept.indexOf(';', p + 1)) {
            int k = p + 1;
            while (k < end && (accept.charAt(k) == ' ' || accept.charAt(k) == '\t')) {
                k++;
            }
            if (k + 1 < end && (accept.charAt(k) == 'q' || accept.charAt(k) == 'Q')
                    && accept.charAt(k + 1) == '=') {
                int v = k + 2;
                if (v >= end || accept.charAt(v) != '0') {
                    return false;
                }
                for (v++; v < end && accept.charAt(v) != ';' && accept.charAt(v) != ' '; v++) {
                    if (accept.charAt(v) != '.' && accept.charAt(v) != '0') {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
