package cn.chengxin.portal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.audit.domain.Checkpoint;
import cn.chengxin.audit.domain.CheckpointVerifier;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.MerkleTree;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxv P4: a page of 谁查询了我 proves its fifty accesses together against the latest signed checkpoint
 * (their paths read at once, the signature verified once: {@code InclusionProofsTests}), and what the citizen sees is as
 * trustworthy as one proof at a time: each row verified, the proof of one row checkable by an outsider with the
 * published key, and an event changed in the database failing its own row (as {@code AuditTamperIT} tampers, in a
 * transaction rolled back).
 */
@IntegrationTest
class AccessProofsIT {

    private static final Pattern ROW = Pattern.compile("<tr data-seq=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AccessHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPageOfAccessesIsProvedAgainstOneCheckpointAndATamperedEventFailsOnlyItsRow() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "钟验证");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        String someoneElse = "c0" + UUID.randomUUID().toString().replace("-", "");
        List<Long> accesses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            accesses.add(audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(pseudonym)
                    .purpose("行政许可审查", "测试依据")));
            // Others' events between his: his leaves are scattered over the tree, their paths shared only above.
            audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(someoneElse)
                    .purpose("行政许可审查", "测试依据"));
        }
        checkpoints.checkpointNow();

        List<String[]> rows = rows(page(subject));
        List<Long> newestFirst = new ArrayList<>(accesses);
        java.util.Collections.reverse(newestFirst);
        assertThat(rows).extracting(r -> Long.valueOf(r[0])).containsExactlyElementsOf(newestFirst.subList(0, 50));
        assertThat(rows).as("every access on the page verified").allMatch(r -> r[1].contains("✓ 已验证"));

        // One pass for the page (P4): the tree's nodes and leaf hashes of all fifty paths in one batch of two
        // statements, whatever the number of rows — one proof per row would read them fifty times over.
        List<String> statements = new ArrayList<>();
        String counted = onOneConnection(statements, () -> page(subject));
        assertThat(rows(counted)).hasSize(50).allMatch(r -> r[1].contains("✓ 已验证"));
        assertThat(statements).as("statements reading the tree's nodes").filteredOn(AccessProofsIT::readsTheTree)
                .hasSizeBetween(1, 2);
        assertThat(statements).as("every statement of the page").hasSizeLessThan(20);

        // The proof of one row, opened on demand, checks out with only what is published: the key and the checkpoint.
        long one = accesses.get(30);
        AccessHistory.Proof proof = history.proof(pseudonym, one).orElseThrow();
        assertThat(proof.verified()).isTrue();
        HexFormat hex = HexFormat.of();
        assertThat(new MerkleTree(MerkleHash.sm3()).verifyInclusion(hex.parseHex(proof.leafHashHex()), one,
                proof.treeSize(), proof.pathHex().stream().map(hex::parseHex).toList(), hex.parseHex(proof.rootHex())))
                .isTrue();
        assertThat(new CheckpointVerifier(proof.publicKeyBase64()).verify(new Checkpoint(proof.treeSize(),
                hex.parseHex(proof.rootHex()), proof.checkpointAt()),
                Base64.getDecoder().decode(proof.signatureBase64()))).isTrue();
        assertThat(mvc.perform(get("/me/access/{seq}", one).with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("证明有效");

        // An event rewritten in the database fails its own row; the others still verify.
        long tampered = accesses.get(55);
        String tamperedPage = transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("UPDATE audit.event SET purpose = '改写的目的' WHERE seq = ?").param(tampered).update();
            try {
                return page(subject);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String[]> afterTampering = rows(tamperedPage);
        assertThat(afterTampering).hasSize(50);
        assertThat(afterTampering).filteredOn(r -> r[0].equals(String.valueOf(tampered)))
                .singleElement().satisfies(r -> assertThat(r[1]).contains("✗ 验证失败").doesNotContain("✓"));
        assertThat(afterTampering).filteredOn(r -> !r[0].equals(String.valueOf(tampered)))
                .hasSize(49).allMatch(r -> r[1].contains("✓ 已验证"));
        assertThat(history.proof(pseudonym, tampered).orElseThrow().verified()).as("rolled back: intact again")
                .isTrue();
    }

    private String page(UUID subject) throws Exception {
        return mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Runs {@code action} in a transaction rolled back, the SQL of every statement prepared on its connection added to
     * {@code statements}: the page's reads join the transaction (as the tampering below relies on), so they all go
     * through the connection counted here, a proxy of the real one (the database answers as ever).
     */
    private <T> T onOneConnection(List<String> statements, java.util.concurrent.Callable<T> action) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            var bound = TransactionSynchronizationManager.getResourceMap().entrySet().stream()
                    .filter(e -> e.getValue() instanceof ConnectionHolder).findFirst().orElseThrow();
            ConnectionHolder real = (ConnectionHolder) bound.getValue();
            Connection connection = real.getConnection();
            Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            statements.add(sql);
                        } else if (method.getName().equals("createStatement")) {
                            statements.add("(statement)");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            // The transaction the page's service joins: active, on the counting connection.
            ConnectionHolder countingHolder = new ConnectionHolder(counting) {
                {
                    setTransactionActive(true);
                }
            };
            countingHolder.setSynchronizedWithTransaction(true);
            TransactionSynchronizationManager.unbindResource(bound.getKey());
            TransactionSynchronizationManager.bindResource(bound.getKey(), countingHolder);
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                TransactionSynchronizationManager.unbindResource(bound.getKey());
                TransactionSynchronizationManager.bindResource(bound.getKey(), real);
            }
        });
    }

    /** Whether a statement reads the audit tree: its stored nodes, or the leaf hashes of its events. */
    private static boolean readsTheTree(String sql) {
        return sql.contains("audit.node") || sql.contains("leaf_hash FROM audit.event");
    }

    /** Each row of the history table: its seq and its HTML. */
    private static List<String[]> rows(String page) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }
}
