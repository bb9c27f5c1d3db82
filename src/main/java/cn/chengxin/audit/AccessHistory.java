package cn.chengxin.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.audit.domain.EventLeaf;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.domain.InclusionProofs;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.MerkleTree;
import cn.chengxin.audit.domain.WithheldFromSubject;
import cn.chengxin.audit.persistence.ReadNodeBatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "谁查询了我": every recorded access to a subject's data, each with an inclusion proof against the latest
 * signed checkpoint, so the citizen need not take the platform's word for the list. A page's proofs are built
 * together against the one checkpoint ({@link InclusionProofs}): a bounded number of statements and one signature
 * verification a page, however large the log (gaps review xxxv P4). Events about tip-offs are left
 * out of it, of its proofs and of the reports' 查询记录 ({@link WithheldFromSubject}); the auditor's search finds them.
 */
@Service
public class AccessHistory {

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final MerkleHash hash = MerkleHash.sm3();
    private final InclusionProofs proving = new InclusionProofs(new MerkleTree(hash));
    /** The condition every query here adds, its parameter {@link WithheldFromSubject#likePatterns()}. */
    private static final String SHOWN = " AND NOT (action LIKE ANY (?))";
    /**
     * The events about any of the pseudonyms of a {@code text[]} parameter given twice: found by the hash of each in
     * V951's index (a 24-byte entry an event, where the pseudonym itself took 88: session xlv), then confirmed by the
     * pseudonym, so that two pseudonyms of one hash never mix.
     */
    static final String ABOUT = " WHERE hashtextextended(subject_pseudonym, 0)"
            + " = ANY (ARRAY(SELECT hashtextextended(p, 0) FROM unnest(?::text[]) p)) AND subject_pseudonym = ANY (?)";

    AccessHistory(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** One access as the subject sees it. {@code proofVerified} is null while no checkpoint covers it yet. */
    public record Access(long seq, Instant at, String actorKind, String actorName, String organisation, String action,
                         String purpose, String legalBasis, String consentId, AuditResult result,
                         Boolean proofVerified) {
    }

    /** An inclusion proof, in the form an outsider can check with the published checkpoint and key. */
    public record Proof(long seq, String leafDataBase64, String leafHashHex, long treeSize, String rootHex,
                        Instant checkpointAt, String signatureBase64, String publicKeyBase64, List<String> pathHex,
                        boolean leafMatches, boolean pathVerifies, boolean checkpointSigned) {

        public boolean verified() {
            return leafMatches && pathVerifies && checkpointSigned;
        }
    }

    /**
     * One page of the history, newest first, and the seq to ask for the next, older page with (null: none older).
     */
    public record Page(List<Access> accesses, Long olderBefore) {
    }

    /** Every event about the subject, the subject's own page views included, newest first. */
    @Transactional(readOnly = true)
    public List<Access> of(String subjectPseudonym, int limit) {
        return page(subjectPseudonym, true, null, limit).accesses();
    }

    /**
     * A page of the events about the subject older than {@code before} (null: the newest), newest first. The
     * subject's own page views ({@code self.*}) are left out unless asked for: a citizen opens his pages far more
     * often than anyone looks him up, and they would push the looks by others off the page. Paged by seq, which only
     * grows, so an event recorded while the citizen reads is never shown twice or skipped.
     */
    @Transactional(readOnly = true)
    public Page page(String subjectPseudonym, boolean withOwnViews, Long before, int size) {
        Optional<Checkpoints.Signed> latest = checkpoints.latest();
        String[] known = knownAs(subjectPseudonym);
        List<Stored> found = jdbc.sql(SELECT + ABOUT + " AND seq < ?" + SHOWN
                        + (withOwnViews ? "" : " AND action NOT LIKE 'self.%'") + " ORDER BY seq DESC LIMIT ?")
                .params(known, known, before == null ? Long.MAX_VALUE : before,
                        WithheldFromSubject.likePatterns(), size + 1)
                .query((rs, n) -> event(rs)).list();
        List<Stored> shown = found.stream().limit(size).toList();
        // The page's proofs in one pass (gaps review xxxv P4): its paths' nodes read at once, the signature checked once.
        Map<Long, Proof> proofs = latest.map(c -> proofs(shown, c)).orElse(Map.of());
        List<Access> accesses = shown.stream()
                .map(stored -> {
                    EventRecord e = stored.event();
                    Proof proof = proofs.get(e.seq());
                    return new Access(e.seq(), e.at(), e.actorKind(), e.actorName(), e.organisation(), e.action(),
                            e.purpose(), e.legalBasis(), e.consentId(), e.result(),
                            proof == null ? null : proof.verified());
                }).toList();
        return new Page(accesses, found.size() > size ? accesses.get(size - 1).seq() : null);
    }

    /**
     * The latest queries of the subject's data by others (not the subject's own page views, not consent changes), without
     * proofs: what a credit report lists as its 查询记录 (RULES.md §9). Refused attempts are left out.
     */
    @Transactional(readOnly = true)
    public List<Access> queriesOf(String subjectPseudonym, int limit) {
        String[] known = knownAs(subjectPseudonym);
        return jdbc.sql(SELECT + ABOUT + " AND category = 'QUERY' AND result = 'SUCCESS' "
                        + "AND action NOT LIKE 'self.%'" + SHOWN + " ORDER BY seq DESC LIMIT ?")
                .params(known, known, WithheldFromSubject.likePatterns(), limit)
                .query((rs, n) -> event(rs)).list().stream()
                .map(stored -> {
                    EventRecord e = stored.event();
                    return new Access(e.seq(), e.at(), e.actorKind(), e.actorName(), e.organisation(), e.action(),
                            e.purpose(), e.legalBasis(), e.consentId(), e.result(), null);
                }).toList();
    }

    /** The proof of one event, only if it concerns this subject and he is shown it (otherwise: empty). */
    @Transactional(readOnly = true)
    public Optional<Proof> proof(String subjectPseudonym, long seq) {
        Optional<Checkpoints.Signed> latest = checkpoints.latest();
        String[] known = knownAs(subjectPseudonym);
        return jdbc.sql(SELECT + ABOUT + " AND seq = ?" + SHOWN)
                .params(known, known, seq, WithheldFromSubject.likePatterns())
                .query((rs, n) -> event(rs)).optional()
                .flatMap(stored -> latest.map(c -> proofs(List.of(stored), c).get(seq)));
    }

    /**
     * The pseudonym and those the subject's earlier events carry: events are never rewritten, so a subject whose
     * pseudonym was re-keyed (V79: passport and permit holders) keeps his history under the earlier one.
     */
    private String[] knownAs(String subjectPseudonym) {
        List<String> earlier = jdbc.sql("SELECT earlier FROM audit.pseudonym_alias WHERE pseudonym = ?")
                .param(subjectPseudonym).query(String.class).list();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(subjectPseudonym), earlier.stream())
                .toArray(String[]::new);
    }

    /**
     * The proofs of the events the checkpoint covers (the others have none yet), by seq: every path's nodes read in
     * two statements ({@link ReadNodeBatch}) and the checkpoint's SM2 signature verified once, whatever the number of
     * events — each proof still checks its leaf, its path to the signed root and that signature.
     */
    private Map<Long, Proof> proofs(List<Stored> events, Checkpoints.Signed checkpoint) {
        List<Stored> covered = events.stream().filter(s -> s.event().seq() < checkpoint.treeSize()).toList();
        List<InclusionProofs.Leaf> leaves = covered.stream().map(s -> new InclusionProofs.Leaf(s.event().seq(),
                EventLeaf.encode(s.event()), s.leafHash())).toList();
        if (leaves.isEmpty()) {
            return Map.of();
        }
        Map<Long, InclusionProofs.Result> results = proving.prove(leaves, checkpoint.treeSize(), checkpoint.root(),
                // Verified with the key the checkpoint names (I4): still signed after the platform's key was replaced.
                () -> checkpoints.signedByItsKey(checkpoint), new ReadNodeBatch(jdbc, hash));
        String publicKey = checkpoints.publicKeys().getOrDefault(checkpoint.keyId(), checkpoints.publicKey());
        HexFormat hex = HexFormat.of();
        Base64.Encoder base64 = Base64.getEncoder();
        Map<Long, Proof> proofs = new HashMap<>();
        for (InclusionProofs.Leaf leaf : leaves) {
            InclusionProofs.Result r = results.get(leaf.index());
            proofs.put(leaf.index(), new Proof(leaf.index(), base64.encodeToString(leaf.data()),
                    hex.formatHex(leaf.storedHash()), checkpoint.treeSize(), hex.formatHex(checkpoint.root()),
                    checkpoint.at(), base64.encodeToString(checkpoint.signature()), publicKey,
                    r.path().stream().map(hex::formatHex).toList(), r.leafMatches(), r.pathVerifies(),
                    r.checkpointSigned()));
        }
        return proofs;
    }

    static final String SELECT = """
            SELECT seq, at, category, actor_kind, actor_id, actor_name, organisation, action, subject_pseudonym,
                   purpose, legal_basis, consent_id, result, request_id, detail, leaf_hash
            FROM audit.event""";

    private static Stored event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(new EventRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                AuditCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), AuditResult.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15)),
                rs.getBytes(16));
    }

    private record Stored(EventRecord event, byte[] leafHash) {
    }
}
