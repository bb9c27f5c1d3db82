package cn.chengxin.audit.domain;

import java.util.Base64;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;

/** Checks a checkpoint's SM2 signature against a published public key; anything malformed is simply invalid. */
public final class CheckpointVerifier {

    private CheckpointVerifier() {
    }

    public static boolean verify(String publicKeyBase64, Checkpoint checkpoint, byte[] signature) {
        try {
            ECPublicKeyParameters key = new ECPublicKeyParameters(CheckpointSigner.CURVE.getCurve()
                    .decodePoint(Base64.getDecoder().decode(publicKeyBase64)), CheckpointSigner.DOMAIN);
            SM2Signer signer = new SM2Signer();
            signer.init(false, key);
            byte[] message = checkpoint.signedBytes();
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
