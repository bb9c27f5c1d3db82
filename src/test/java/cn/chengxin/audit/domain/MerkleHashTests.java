package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleHashTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm3MatchesTheExamplesOfGbT32905() {
        MerkleHash sm3 = MerkleHash.sm3();

        // GB/T 32905-2016 Annex A, examples 1 and 2.
        assertThat(hex(sm3.hash(ascii("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(hex(sm3.hash(ascii("abcd".repeat(16)))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sha256MatchesFips180Example() {
        assertThat(hex(MerkleHash.sha256().hash(ascii("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theEmptyRootIsTheHashOfTheEmptyString() {
        assertThat(hex(MerkleHash.sha256().emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // SM3("") as computed by OpenSSL 3.0 (python3 hashlib.new("sm3", b"")).
        assertThat(hex(MerkleHash.sm3().emptyRoot()))
                .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
    }

    @Test
    void leafAndNodeHashesArePrefixedSoALeafCannotPassForANode() {
        for (MerkleHash hash : List.of(MerkleHash.sm3(), MerkleHash.sha256())) {
            byte[] left = hash.hash(ascii("left"));
            byte[] right = hash.hash(ascii("right"));
            byte[] both = RfcReference.concat(left, right);

            assertThat(hash.leaf(both)).as(hash.name())
                    .isEqualTo(hash.hash(RfcReference.concat(new byte[] {0}, both)))
                    .isNotEqualTo(hash.node(left, right))
                    .isNotEqualTo(hash.hash(both));
            assertThat(hash.node(left, right)).as(hash.name())
                    .isEqualTo(hash.hash(RfcReference.concat(new byte[] {1}, both)))
                    .isNotEqualTo(hash.node(right, left));
        }
    }

    @Test
    void bothAlgorithmsProduce32ByteHashesAndSayWhichTheyAre() {
        assertThat(MerkleHash.sm3().size()).isEqualTo(32);
        assertThat(MerkleHash.sha256().size()).isEqualTo(32);
        assertThat(MerkleHash.sm3().leaf(new byte[0])).hasSize(32);
        assertThat(MerkleHash.sm3().name()).isEqualTo("SM3");
        assertThat(MerkleHash.sha256().name()).isEqualTo("SHA-256");
    }

    @Test
    void concurrentCallersGetTheSameHashes() {
        MerkleHash sm3 = MerkleHash.sm3();
        List<String> expected = IntStream.range(0, 2000).mapToObj(i -> hex(sm3.leaf(ascii("entry " + i)))).toList();

        List<String> concurrent = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> hex(sm3.leaf(ascii("entry " + i)))).toList();

        assertThat(concurrent).isEqualTo(expected);
    }

    @Test
    void aPerfectSubtreeFromItsLeafHashesIsTheRfcTreeHashOfItsLeaves() {
        RfcReference reference = new RfcReference(MerkleHash.sm3());
        for (int n = 1; n <= 16; n *= 2) {
            List<byte[]> inputs = IntStream.range(0, n).mapToObj(i -> ascii("event " + i)).toList();
            List<byte[]> leafHashes = inputs.stream().map(MerkleHash.sm3()::leaf).toList();

            assertThat(hex(MerkleHash.sm3().perfect(leafHashes))).as("%d leaves", n)
                    .isEqualTo(hex(reference.mth(inputs)));
        }
    }

    @Test
    void onlyAPowerOfTwoOfLeavesMakesAPerfectSubtree() {
        List<byte[]> three = IntStream.range(0, 3).mapToObj(i -> MerkleHash.sm3().leaf(ascii("e" + i))).toList();

        assertThatThrownBy(() -> MerkleHash.sm3().perfect(three)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleHash.sm3().perfect(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
