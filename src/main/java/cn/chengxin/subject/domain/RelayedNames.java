package cn.chengxin.subject.domain;

/**
 * What the name a relayed message carries does to the name registered here for its subject (gaps review xxvii I9;
 * RULES.md §1: the number is the key, the name goes with it and is checked against it). A relaying platform registers a
 * subject new to it under the name of the first message it relays, as provisional ({@link NameSource#EXCHANGE}); the
 * platform that message came from is the subject's origin here.
 *
 * <ul>
 *     <li>An empty name is never given: a subject registered without one keeps the placeholder (shown as 未提供) until
 *     the first message carrying a name gives it ({@link Outcome#GIVEN}), from whichever platform.</li>
 *     <li>Another name from the origin is the origin's change of the name ({@link Outcome#RENAMED}): the name it
 *     replaces is kept as a former name with its period, and the name is followed from then on
 *     ({@link NameSource#ORIGIN}), not held as a mismatch.</li>
 *     <li>Another name from any other platform, or once this platform gave or reviewed the name (a department's row,
 *     the person's real-name registration, an approved change), changes nothing: the relay goes on all the same, and
 *     only a reviewed change renames a subject whose name is this platform's.</li>
 * </ul>
 */
public final class RelayedNames {

    private RelayedNames() {
    }

    public enum Outcome {
        /** The name stays as it is. */
        KEPT,
        /** The placeholder is replaced by the message's name. */
        GIVEN,
        /** The origin renamed the subject: the current name becomes a former one. */
        RENAMED
    }

    /**
     * @param current the name registered here ("" for the placeholder)
     * @param source  where it came from
     * @param origin  the subject's origin here (null: none known)
     * @param sent    the name the message carries (null or blank: none)
     * @param sender  the platform the message came from (its issuer)
     */
    public static Outcome of(String current, NameSource source, String origin, String sent, String sender) {
        if (sent == null || sent.isBlank() || !followed(source)) {
            return Outcome.KEPT;
        }
        if (current == null || current.isBlank()) {
            return source == NameSource.EXCHANGE ? Outcome.GIVEN : Outcome.KEPT;
        }
        if (origin == null || !origin.equals(sender) || SubjectNames.same(current, sent)) {
            return Outcome.KEPT;
        }
        return Outcome.RENAMED;
    }

    /** A name received through the exchange, and only such a name, follows what the origin's messages say. */
    private static boolean followed(NameSource source) {
        return source == NameSource.EXCHANGE || source == NameSource.ORIGIN;
    }
}
