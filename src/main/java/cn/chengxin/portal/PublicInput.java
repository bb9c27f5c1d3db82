package cn.chengxin.portal;

/**
 * What anyone on the public site types, made fit to search or keep: control characters removed (line breaks and tabs
 * excepted). A NUL ({@code /lists?q=%00}) is refused by PostgreSQL in any text, which answered a search with a
 * server error; the others are never part of a name, a title or an account of facts.
 */
public final class PublicInput {

    private PublicInput() {
    }

    /** {@code typed} without its control characters, other than line breaks and tabs; {@code null} stays null. */
    public static String clean(String typed) {
        if (typed == null || typed.chars().noneMatch(PublicInput::unwanted)) {
            return typed;
        }
        StringBuilder kept = new StringBuilder(typed.length());
        typed.chars().filter(c -> !unwanted(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean unwanted(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }
}
