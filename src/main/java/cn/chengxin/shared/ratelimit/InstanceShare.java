package cn.chengxin.shared.ratelimit;

/**
 * The part of a cluster-wide rate that one instance enforces on its own, for the limits on the check path that must not
 * cost a database round trip per request (each API key's rate, each client's check budget; gaps-review-xxxiii N7):
 * the configured rate divided by {@code chengxin.cluster.instances}, the number of instances behind the balancer
 * (1 by default), rounded up. Behind a round-robin balancer each instance sees about that share of a client's
 * requests, so the instances together allow about the configured rate.
 */
public record InstanceShare(int instances) {

    public InstanceShare {
        if (instances < 1) {
            throw new IllegalArgumentException("chengxin.cluster.instances must be at least 1");
        }
    }

    /** This instance's share of {@code rate}, at least 1. */
    public long of(long rate) {
        return Math.max(1, (rate + instances - 1) / instances);
    }
}
