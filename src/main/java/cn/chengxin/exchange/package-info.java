/**
 * Exchange with other platforms (RULES.md §11; issue #9): the same software runs as a city, provincial or national
 * platform; each pushes upward what the catalogue shares upward (records of shareable items, serious-dishonesty list
 * entries and their exits, repair and objection outcomes) through a transactional outbox, in SM2-signed batches
 * retried with backoff until acknowledged, and applies what it receives idempotently by (source platform, source id,
 * version), so that "一处失信，处处受限" holds. Facade: {@link cn.chengxin.exchange.Exchange}; received list entries
 * take part in checks through {@link cn.chengxin.exchange.Exchange#receivedSince(long, int)}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "subject", "subject :: domain",
        "creditfile", "catalog", "catalog :: domain", "listing"})
package cn.chengxin.exchange;
