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
 * missing or behind at the receiver are what to send again.
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
}
