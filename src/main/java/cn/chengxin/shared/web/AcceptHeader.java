package cn.chengxin.shared.web;

/**
 * Whether a request's {@code Accept} allows a JSON answer, for endpoints that write their answer themselves and so
 * escape Spring MVC's content negotiation (a {@link DeferredAnswer}). Read in place, without parsing the header into
 * media types: the check it guards is answered in microseconds and allocates nothing for it. A range with
 * {@code q=0} (not acceptable) is read as acceptable, and quoted commas in parameters as separators: clients do not
 * send them to a JSON API, and the answer is then JSON as before.
 */
public final class AcceptHeader {

    private static final String JSON = "application/json";
    private static final String APPLICATION_ANY = "application/*";
    private static final String ANY = "*/*";

    private AcceptHeader() {
    }

    /** No {@code Accept} (or a blank one) allows anything; else one of its ranges must cover application/json. */
    public static boolean allowsJson(String accept) {
        if (accept == null) {
            return true;
        }
        boolean blank = true;
        int i = 0;
        while (i < accept.length()) {
            char c = accept.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            blank = false;
            if (isRange(accept, i, JSON) || isRange(accept, i, APPLICATION_ANY) || isRange(accept, i, ANY)) {
                return true;
            }
            int next = accept.indexOf(',', i);
            if (next < 0) {
                return false;
            }
            i = next + 1;
        }
        return blank;
    }

    /** Whether the range at {@code at} is {@code range} (media types are case-insensitive), parameters aside. */
    private static boolean isRange(String accept, int at, String range) {
        if (!accept.regionMatches(true, at, range, 0, range.length())) {
            return false;
        }
        int end = at + range.length();
        if (end == accept.length()) {
            return true;
        }
        char after = accept.charAt(end);
        return after == ';' || after == ',' || after == ' ' || after == '\t';
    }
}
