/**
 * The record of everything done and seen: audit events in an append-only Merkle tree (RFC 6962 shape, SM3)
 * with SM2-signed checkpoints, inclusion and consistency proofs, a verifier, and each citizen's view of
 * who accessed their data. Facades: {@link cn.chengxin.audit.AuditLog}, {@link cn.chengxin.audit.AccessHistory},
 * {@link cn.chengxin.audit.AuditVerification}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package cn.chengxin.audit;
