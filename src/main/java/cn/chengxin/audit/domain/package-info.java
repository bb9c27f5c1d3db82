/**
 * The tamper-evident audit log, plain Java: an append-only Merkle tree in the exact shape of RFC 6962 /
 * RFC 9162 §2.1 (hashed with SM3 in production), its inclusion and consistency proofs, the growing right
 * edge ({@link cn.chengxin.audit.domain.Frontier}) and SM2-signed checkpoints of its root. Storage stays
 * outside: the tree reads perfect subtrees through {@link cn.chengxin.audit.domain.NodeSource}.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.audit.domain;
