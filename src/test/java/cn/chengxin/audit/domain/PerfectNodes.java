package cn.chengxin.audit.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link NodeSource} over a fixed list of leaf inputs whose perfect subtrees are computed by the RFC reference
 * ({@link RfcReference#mth} of the subtree's leaves), independently of the production code. It fails the test
 * when asked for a subtree that is not complete within its leaves, and counts lookups.
 */
final class PerfectNodes implements NodeSource {

    private final Map<String, byte[]> nodes = new HashMap<>();
    private final int size;
    private int lookups;

    PerfectNodes(List<byte[]> inputs, RfcReference reference) {
        this.size = inputs.size();
        for (int level = 0; (1 << level) <= size; level++) {
            for (int index = 0; (index + 1) << level <= size; index++) {
                nodes.put(level + "/" + index, reference.mth(inputs.subList(index << level, (index + 1) << level)));
            }
        }
    }

    @Override
    public byte[] perfect(int level, long index) {
        lookups++;
        byte[] node = nodes.get(level + "/" + index);
        if (node == null) {
            throw new AssertionError("asked for subtree level " + level + " index " + index
                    + ", which is not complete in a tree of " + size + " leaves");
        }
        return node.clone();
    }

    int lookups() {
        return lookups;
    }

    void resetLookups() {
        lookups = 0;
    }
}
