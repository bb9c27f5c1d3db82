package cn.chengxin.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test setup: the partner platform a received row came through, registered as the exchange registers one (a row of
 * {@code exchange.partner}; {@code exchange.received}'s key, V995). Disabled, as a partner no longer exchanged with:
 * nothing of the shared test database is then queued, pushed or relayed to it, whatever relation it has. The columns
 * are V30's, so that the upgrade tests register it on a schema of any version since.
 */
public final class TestPartners {

    private TestPartners() {
    }

    /** Registers the partner {@code code} unless it is registered already (then it stays as it is). */
    public static void register(JdbcClient jdbc, String code) {
        jdbc.sql("""
                        INSERT INTO exchange.partner (code, name, level, relation, public_key, enabled, updated_at)
                        VALUES (?, '测试伙伴平台', 'PROVINCE', 'PEER', 'test-key', false, now())
                        ON CONFLICT (code) DO NOTHING""")
                .param(code).update();
    }
}
