-- The audit tree's nodes below level 4 (subtrees of 2, 4 and 8 leaves) are no longer written: readers hash them
-- again from their leaves (StoredNodes). Rows an earlier version wrote stay; the verifier still compares them.
COMMENT ON TABLE audit.node IS
    'Perfect subtrees of 16 leaves and more (level >= 4): hash of leaves [idx * 2^level, (idx + 1) * 2^level). '
    'Lower levels are computed from audit.event.leaf_hash; rows below level 4 may exist from earlier versions.';
