package cn.chengxin.audit.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointSigningTests {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The signature example of GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A on curve sm2p256v1, with the
     * default identity 1234567812345678 and the message "message digest".
     */
    private static final String STANDARD_PRIVATE_KEY =
            "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";
    private static final String STANDARD_PUBLIC_KEY = "04"
            + "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
            + "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private static final String STANDARD_R = "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3";
    private static final String STANDARD_S = "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";

    private final Sm2KeyPair keys = Sm2Keys.generate();
    private final CheckpointSigner signer = new CheckpointSigner(keys.privateKey());
    private final CheckpointVerifier verifier = new CheckpointVerifier(keys.publicKey());
    private final Checkpoint checkpoint = new Checkpoint(1234, MerkleHash.sm3().hash(new byte[] {1}),
            Instant.parse("2025-01-02T03:04:05.678Z"));

    @Test
    void aSignedCheckpointVerifiesWithThePublicKey() {
        byte[] signature = signer.sign(checkpoint);

        assertThat(verifier.verify(checkpoint, signature)).isTrue();
        assertThat(verifier.verify(new Checkpoint(checkpoint.treeSize(), checkpoint.root(), checkpoint.at()),
                signature)).isTrue();
    }

    @Test
    void changingTheSizeTheRootOrTheTimeBreaksTheSignature() {
        byte[] signature = signer.sign(checkpoint);

        assertThat(verifier.verify(new Checkpoint(1235, checkpoint.root(), checkpoint.at()), signature)).isFalse();
        assertThat(verifier.verify(new Checkpoint(1233, checkpoint.root(), checkpoint.at()), signature)).isFalse();
        for (int i = 0; i < checkpoint.root().length; i++) {
            byte[] root = checkpoint.root();
            root[i] ^= 1;
            assertThat(verifier.verify(new Checkpoint(1234, root, checkpoint.at()), signature)).as("root byte %d", i)
                    .isFalse();
        }
        assertThat(verifier.verify(new Checkpoint(1234, checkpoint.root(), checkpoint.at().plusMillis(1)),
                signature)).isFalse();
        assertThat(verifier.verify(new Checkpoint(1234, checkpoint.root(), checkpoint.at().minusSeconds(3600)),
                signature)).isFalse();
    }

    @Test
    void changingAnyByteOfTheSignatureBreaksIt() {
        byte[] signature = signer.sign(checkpoint);

        for (int i = 0; i < signature.length; i++) {
            byte[] changed = signature.clone();
            changed[i] ^= 1;
            assertThat(verifier.verify(checkpoint, changed)).as("signature byte %d", i).isFalse();
        }
        assertThat(verifier.verify(checkpoint, Arrays.copyOf(signature, signature.length - 1))).isFalse();
        assertThat(verifier.verify(checkpoint, new byte[0])).isFalse();
        assertThat(verifier.verify(checkpoint, null)).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerify() {
        byte[] signature = signer.sign(checkpoint);
        CheckpointVerifier stranger = new CheckpointVerifier(Sm2Keys.generate().publicKey());

        assertThat(stranger.verify(checkpoint, signature)).isFalse();
        assertThat(verifier.verify(checkpoint, new CheckpointSigner(Sm2Keys.generate().privateKey()).sign(checkpoint)))
                .isFalse();
    }

    @Test
    void signaturesAreRandomisedYetAllVerify() {
        byte[] first = signer.sign(checkpoint);
        byte[] second = signer.sign(checkpoint);

        assertThat(first).isNotEqualTo(second);
        assertThat(verifier.verify(checkpoint, first)).isTrue();
        assertThat(verifier.verify(checkpoint, second)).isTrue();
    }

    @Test
    void verificationFollowsTheStandardsExample() throws Exception {
        String publicKey = base64(STANDARD_PUBLIC_KEY);
        CheckpointVerifier standard = new CheckpointVerifier(publicKey);
        BigInteger n = Sm2Keys.DOMAIN.getN();
        byte[] signature = StandardDSAEncoding.INSTANCE.encode(n, new BigInteger(STANDARD_R, 16),
                new BigInteger(STANDARD_S, 16));
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);

        assertThat(standard.verifyMessage(message, signature)).isTrue();
        assertThat(standard.verifyMessage("message digesT".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        assertThat(Sm2Keys.publicKeyOf(base64(STANDARD_PRIVATE_KEY))).isEqualTo(publicKey);
    }

    @Test
    void keysAreEncodedAsAScalarAndAnUncompressedPoint() {
        byte[] privateKey = Base64.getDecoder().decode(keys.privateKey());
        byte[] publicKey = Base64.getDecoder().decode(keys.publicKey());

        assertThat(privateKey).hasSize(32);
        assertThat(publicKey).hasSize(65);
        assertThat(publicKey[0]).isEqualTo((byte) 0x04);
        assertThat(Sm2Keys.publicKeyOf(keys.privateKey())).isEqualTo(keys.publicKey());
        assertThat(signer.publicKey()).isEqualTo(keys.publicKey());
        assertThat(keys.toString()).doesNotContain(keys.privateKey()).contains(keys.publicKey());
    }

    @Test
    void invalidKeysAreRejected() {
        byte[] n = Sm2Keys.DOMAIN.getN().toByteArray();
        byte[] nMinusOne = Sm2Keys.DOMAIN.getN().subtract(BigInteger.ONE).toByteArray();
        byte[] point = Base64.getDecoder().decode(keys.publicKey());
        byte[] offCurve = point.clone();
        offCurve[64] ^= 1;
        byte[] compressed = Sm2Keys.DOMAIN.getG().getEncoded(true);

        assertThatThrownBy(() -> new CheckpointSigner("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(Base64.getEncoder().encodeToString(new byte[32])))
                .as("zero").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(Base64.getEncoder().encodeToString(unsigned32(n))))
                .as("n").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(Base64.getEncoder().encodeToString(unsigned32(nMinusOne))))
                .as("n - 1, for which 1 + d is not invertible").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointVerifier(Base64.getEncoder().encodeToString(offCurve)))
                .as("off the curve").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointVerifier(Base64.getEncoder().encodeToString(compressed)))
                .as("compressed").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointVerifier(keys.privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
    }

    private static byte[] unsigned32(byte[] bigEndian) {
        return Arrays.copyOfRange(bigEndian, bigEndian.length - 32, bigEndian.length);
    }
}
