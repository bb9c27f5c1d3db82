package cn.chengxin.exchange.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares what one platform sent another for a day with what the other holds (RULES.md §11: platforms reconcile,
 * the parent being authoritative): the latest version of each source id on each side, counted and digested in one
 * canonical form, so that two sides agree exactly when count and digest agree; where they do not, the source ids
 * missing or behind at the receiver are what to send again. Downward, what the parent relayed decides: where this
 * platform holds another version of another platform's message, or none, the parent's is adopted; a platform's own
 * messages are never adopted from anyone, a difference there is a conflict for people to look at.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** One side's view of a day: the latest version per source id. */
    public record Side(Map<String, Long> versions) {

        public Side {
            versions = new TreeMap<>(versions);
        }

        public int count() {
            return versions.size();
        }

        /** The bytes both sides digest: {@code sourceId|version\n} per source id, in source id order. */
        public byte[] canonical() {
            StringBuilder text = new StringBuilder();
            versions.forEach((id, version) -> text.append(id).append('|').append(version).append('\n'));
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        public String digest(Function<byte[], String> sm3Hex) {
            return sm3Hex.apply(canonical());
        }
    }

    /** Source ids the receiver lacks or holds in an older version than the sender sent (sender's order). */
    public static List<String> behindAtReceiver(Side sent, Side held) {
        List<String> behind = new ArrayList<>();
        sent.versions().forEach((id, version) -> {
            Long theirs = held.versions().get(id);
            if (theirs == null || theirs < version) {
                behind.add(id);
            }
        });
        return behind;
    }

    /**
     * Source ids the receiver holds in a version the sender never sent it (higher than the latest sent, or never
     * sent at all): the sender is authoritative for what it collected, so these are conflicts, not work to redo.
     */
    public static List<String> unknownToSender(Side held, Map<String, Long> latestSent) {
        List<String> unknown = new ArrayList<>();
        held.versions().forEach((id, version) -> {
            Long sent = latestSent.get(id);
            if (sent == null || sent < version) {
                unknown.add(id);
            }
        });
        return unknown;
    }

    /** A message as the parent relayed it: {@code <source platform>:<source id>}, the key of a downward comparison. */
    public static String key(String sourcePlatform, String sourceId) {
        return sourcePlatform + ":" + sourceId;
    }

    public static String platformOf(String key) {
        return key.substring(0, key.indexOf(':'));
    }

    /** What a downward comparison found: keys whose parent version to adopt, and keys that are ours (conflicts). */
    public record Downward(List<String> toAdopt, List<String> conflicts) {
    }

    /**
     * Compares what the parent relayed to this platform (latest version per key) with what it holds: a key missing
     * here or held in any other version — lower, or higher because it came from elsewhere — takes the parent's
     * version (RULES.md §11: the national platform is authoritative on conflicts); a key issued by this platform
     * itself is a conflict instead.
     */
    public static Downward fromParent(Map<String, Long> relayed, Map<String, Long> held, String self) {
        List<String> adopt = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        new TreeMap<>(relayed).forEach((key, version) -> {
            if (platformOf(key).equals(self)) {
                conflicts.add(key);
            } else if (!version.equals(held.get(key))) {
                adopt.add(key);
            }
        });
        return new Downward(adopt, conflicts);
    }
}
