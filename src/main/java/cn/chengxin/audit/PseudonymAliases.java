package cn.chengxin.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earlier pseudonyms under which a subject's events were recorded ({@code audit.pseudonym_alias}, V79). Events are
 * never rewritten (their leaves are in the Merkle tree), so a subject that came to be known by another pseudonym keeps
 * its history through an alias: a passport holder re-keyed by V73, or a person whose second credit file was joined into
 * the first (gaps review xxx L1), whose 谁查询了我 then shows the checks and looks made under either file.
 */
@Service
public class PseudonymAliases {

    private final JdbcClient jdbc;

    PseudonymAliases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Shows the events recorded under {@code earlier}, and under the pseudonyms it had itself taken over, as the
     * events of {@code pseudonym}. Recording it again changes nothing.
     */
    @Transactional
    public void alias(String pseudonym, String earlier) {
        jdbc.sql("""
                        INSERT INTO audit.pseudonym_alias (pseudonym, earlier)
                        SELECT :pseudonym, :earlier
                        UNION SELECT :pseudonym, a.earlier FROM audit.pseudonym_alias a WHERE a.pseudonym = :earlier
                        ON CONFLICT DO NOTHING""")
                .param("pseudonym", pseudonym).param("earlier", earlier).update();
    }
}
