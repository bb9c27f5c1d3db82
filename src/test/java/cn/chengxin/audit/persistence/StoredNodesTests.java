package cn.chengxin.audit.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import cn.chengxin.audit.domain.MerkleHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredNodesTests {

    private final MerkleHash sm3 = MerkleHash.sm3();
    private final List<byte[]> log = LongStream.range(0, 40)
            .mapToObj(seq -> sm3.leaf(("event " + seq).getBytes(StandardCharsets.UTF_8))).toList();

    @Test
    void onlyNodesOfSixteenLeavesAndMoreAreStored() {
        assertThat(StoredNodes.stored(1)).isFalse();
        assertThat(StoredNodes.stored(3)).isFalse();
        assertThat(StoredNodes.stored(4)).isTrue();
        assertThat(StoredNodes.stored(20)).isTrue();
    }

    @Test
    void aLowNodeIsHashedFromTheLeavesItCovers() {
        byte[] node = StoredNodes.fromLeaves(3, 2, this::leaves, sm3);

        byte[] left = sm3.node(sm3.node(log.get(16), log.get(17)), sm3.node(log.get(18), log.get(19)));
        byte[] right = sm3.node(sm3.node(log.get(20), log.get(21)), sm3.node(log.get(22), log.get(23)));
        assertThat(node).isEqualTo(sm3.node(left, right));
        assertThat(StoredNodes.fromLeaves(1, 19, this::leaves, sm3)).isEqualTo(sm3.node(log.get(38), log.get(39)));
    }

    @Test
    void aLowNodeWithALeafMissingOrWithoutHashIsMissing() {
        assertThatCode(() -> StoredNodes.fromLeaves(3, 4, this::leaves, sm3)) // leaves 32–39 of 40: all there
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> StoredNodes.fromLeaves(3, 5, this::leaves, sm3)) // leaves 40–47: none stored
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3/5 is missing");
        assertThatThrownBy(() -> StoredNodes.fromLeaves(2, 1, (from, to) -> {
            List<byte[]> hashes = new ArrayList<>(leaves(from, to));
            hashes.set(2, null); // a row whose hash was emptied
            return hashes;
        }, sm3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("3 of its 4");
    }

    private List<byte[]> leaves(long from, long to) {
        return log.subList((int) Math.min(from, log.size()), (int) Math.min(to, log.size()));
    }
}
