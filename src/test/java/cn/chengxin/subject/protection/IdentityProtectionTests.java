package cn.chengxin.subject.protection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityProtectionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String NUMBER = "11010519491231002X";
    private static final String OTHER_NUMBER = "110105194912310011";
    private static final String AD = DocumentType.RESIDENT_ID.name();
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private final IdentityProtection protection = new IdentityProtection(Map.of(1, key(16, 1)), 1, key(32, 100));

    @Test
    void decryptsWhatItEncrypted() {
        byte[] stored = protection.encrypt(NUMBER, AD);

        assertThat(protection.decrypt(stored, 1, AD)).isEqualTo(NUMBER);
    }

    @Test
    void storesIvCiphertextAndTagWithoutTheClearNumber() {
        byte[] stored = protection.encrypt(NUMBER, AD);
        byte[] clear = NUMBER.getBytes(StandardCharsets.UTF_8);

        assertThat(stored).hasSize(IV_BYTES + clear.length + TAG_BYTES);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER)
                .doesNotContain(NUMBER.substring(6, 14));
    }

    @Test
    void twoEncryptionsOfTheSameNumberDifferButShareTheBlindIndex() {
        byte[] first = protection.encrypt(NUMBER, AD);
        byte[] second = protection.encrypt(NUMBER, AD);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first, IV_BYTES)).as("random IV").isNotEqualTo(Arrays.copyOf(second, IV_BYTES));
        assertThat(protection.decrypt(first, 1, AD)).isEqualTo(protection.decrypt(second, 1, AD)).isEqualTo(NUMBER);
        assertThat(protection.blindIndex(NUMBER)).isEqualTo(protection.blindIndex(NUMBER));
    }

    @Test
    void sealingTheSameDocumentTwiceGivesDifferentCiphertextAndTheSameIndex() {
        IdentityDocument document = IdentityDocument.parse(null, NUMBER, TODAY);

        SealedNumber first = protection.seal(document);
        SealedNumber second = protection.seal(document);

        assertThat(first.cipher()).isNotEqualTo(second.cipher());
        assertThat(first.index()).isEqualTo(second.index()).isEqualTo(protection.indexOf(document));
    }

    @Test
    void sealKeepsTypeKeyVersionAndMaskButNotTheClearNumber() {
        IdentityDocument document = IdentityDocument.parse(null, NUMBER, TODAY);

        SealedNumber sealed = protection.seal(document);

        assertThat(sealed.type()).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(sealed.keyVersion()).isEqualTo(1);
        assertThat(sealed.masked()).isEqualTo(document.masked()).doesNotContain(NUMBER);
        assertThat(sealed.index()).isEqualTo(protection.blindIndex(NUMBER));
        assertThat(protection.decrypt(sealed.cipher(), sealed.keyVersion(), sealed.type().name())).isEqualTo(NUMBER);
    }

    @Test
    void typedVariantsOfOneNumberShareTheBlindIndex() {
        IdentityDocument typed = IdentityDocument.parse(null, " １１０１０５１９４９１２３１００２ｘ", TODAY);
        IdentityDocument legacy = IdentityDocument.parse(null, "110105491231002", TODAY);
        IdentityDocument canonical = IdentityDocument.parse(null, NUMBER, TODAY);

        assertThat(protection.indexOf(typed)).isEqualTo(protection.indexOf(canonical))
                .isEqualTo(protection.indexOf(legacy));
    }

    @Test
    void aPassportAndATravelPermitWithTheSameNumberGetDifferentIndexes() {
        IdentityDocument passport = IdentityDocument.parse(DocumentType.PASSPORT, "12345678", TODAY);
        IdentityDocument taiwan = IdentityDocument.parse(DocumentType.TAIWAN_PERMIT, "12345678", TODAY);
        IdentityDocument passportH = IdentityDocument.parse(DocumentType.PASSPORT, "H12345678", TODAY);
        IdentityDocument hongKong = IdentityDocument.parse(DocumentType.HK_MACAO_PERMIT, "H12345678", TODAY);

        assertThat(protection.indexOf(passport)).isNotEqualTo(protection.indexOf(taiwan))
                .isEqualTo(protection.seal(passport).index());
        assertThat(protection.indexOf(passportH)).isNotEqualTo(protection.indexOf(hongKong));
    }

    @Test
    void differentNumbersGiveDifferentIndexes() {
        assertThat(protection.blindIndex(NUMBER)).isNotEqualTo(protection.blindIndex(OTHER_NUMBER));
        assertThat(protection.blindIndex("91350100M000100Y43")).isNotEqualTo(protection.blindIndex(NUMBER));
    }

    @Test
    void theBlindIndexDependsOnTheIndexKey() {
        IdentityProtection otherIndexKey = new IdentityProtection(Map.of(1, key(16, 1)), 1, key(32, 101));

        assertThat(otherIndexKey.blindIndex(NUMBER)).isNotEqualTo(protection.blindIndex(NUMBER));
    }

    @Test
    void theBlindIndexIsAnSm3SizedMacNotTheNumber() {
        byte[] index = protection.blindIndex(NUMBER);

        assertThat(index).hasSize(32);
        assertThat(new String(index, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER);
    }

    @Test
    void tamperingAnySingleByteFailsDecryption() {
        byte[] stored = protection.encrypt(NUMBER, AD);

        for (int i = 0; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;

            assertThatIllegalStateException().as("byte %d flipped", i)
                    .isThrownBy(() -> protection.decrypt(tampered, 1, AD));
        }
    }

    @Test
    void aTruncatedTagFailsDecryption() {
        byte[] stored = protection.encrypt(NUMBER, AD);

        assertThatIllegalStateException()
                .isThrownBy(() -> protection.decrypt(Arrays.copyOf(stored, stored.length - 1), 1, AD));
    }

    @Test
    void decryptingUnderAnotherDocumentTypeFails() {
        byte[] stored = protection.encrypt(NUMBER, AD);

        assertThatIllegalStateException()
                .isThrownBy(() -> protection.decrypt(stored, 1, DocumentType.HMT_RESIDENCE_PERMIT.name()));
        assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(stored, 1, ""));
    }

    @Test
    void decryptingWithAnotherKeyFails() {
        IdentityProtection otherKey = new IdentityProtection(Map.of(1, key(16, 2)), 1, key(32, 100));
        byte[] stored = protection.encrypt(NUMBER, AD);

        assertThatIllegalStateException().isThrownBy(() -> otherKey.decrypt(stored, 1, AD));
    }

    @Test
    void decryptingWithAnUnknownKeyVersionFails() {
        byte[] stored = protection.encrypt(NUMBER, AD);

        assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(stored, 2, AD));
    }

    @Test
    void oldKeyVersionStillDecryptsAfterANewCurrentVersionIsAdded() {
        byte[] underVersionOne = protection.encrypt(NUMBER, AD);
        Map<Integer, byte[]> keys = new HashMap<>();
        keys.put(1, key(16, 1));
        keys.put(2, key(16, 2));
        IdentityProtection rotated = new IdentityProtection(keys, 2, key(32, 100));

        assertThat(rotated.currentKeyVersion()).isEqualTo(2);
        assertThat(rotated.decrypt(underVersionOne, 1, AD)).isEqualTo(NUMBER);

        byte[] underVersionTwo = rotated.encrypt(NUMBER, AD);
        assertThat(rotated.decrypt(underVersionTwo, 2, AD)).isEqualTo(NUMBER);
        assertThatIllegalStateException().as("written under version 2")
                .isThrownBy(() -> rotated.decrypt(underVersionTwo, 1, AD));
        assertThatIllegalStateException().as("the old configuration has no version 2")
                .isThrownBy(() -> protection.decrypt(underVersionTwo, 2, AD));
        assertThat(rotated.seal(IdentityDocument.parse(null, NUMBER, TODAY)).keyVersion()).isEqualTo(2);
        assertThat(rotated.blindIndex(NUMBER)).as("the index key does not rotate")
                .isEqualTo(protection.blindIndex(NUMBER));
    }

    /** I4: a value re-sealed under the new version opens without the old key, which may then be destroyed. */
    @Test
    void resealedValueOpensUnderTheNewVersionWithoutTheOldKey() {
        byte[] underVersionOne = protection.encrypt(NUMBER, AD);
        Map<Integer, byte[]> keys = new HashMap<>();
        keys.put(1, key(16, 1));
        keys.put(2, key(16, 2));
        IdentityProtection rotated = new IdentityProtection(keys, 2, key(32, 100));

        byte[] resealed = rotated.reseal(underVersionOne, 1, AD);

        IdentityProtection oldKeyDestroyed = new IdentityProtection(Map.of(2, key(16, 2)), 2, key(32, 100));
        assertThat(oldKeyDestroyed.decrypt(resealed, 2, AD)).isEqualTo(NUMBER);
        assertThat(resealed).isNotEqualTo(underVersionOne);
        assertThatIllegalStateException().as("no longer a ciphertext of version 1")
                .isThrownBy(() -> rotated.decrypt(resealed, 1, AD));
        assertThatIllegalStateException().as("the associated data is kept: it opens for its own type only")
                .isThrownBy(() -> oldKeyDestroyed.decrypt(resealed, 2, DocumentType.PASSPORT.name()));
        assertThatIllegalStateException().as("opening the old value still needs the old key")
                .isThrownBy(() -> oldKeyDestroyed.reseal(underVersionOne, 1, AD));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 15, 17, 24, 32})
    void rejectsEncryptionKeysThatAreNotSixteenBytes(int length) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProtection(Map.of(1, key(length, 1)), 1, key(32, 100)));
    }

    @Test
    void rejectsAWrongLengthOldEncryptionKeyToo() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new IdentityProtection(Map.of(1, key(15, 1), 2, key(16, 2)), 2, key(32, 100)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void rejectsIndexKeysThatAreNotThirtyTwoBytes(int length) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProtection(Map.of(1, key(16, 1)), 1, key(length, 100)));
    }

    @Test
    void rejectsAMissingIndexKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProtection(Map.of(1, key(16, 1)), 1, null));
    }

    @Test
    void rejectsACurrentVersionWithoutAKey() {
        assertThatThrownBy(() -> new IdentityProtection(Map.of(1, key(16, 1)), 2, key(32, 100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laterChangesToTheIndexKeyArrayDoNotChangeTheIndex() {
        byte[] indexKey = key(32, 100);
        IdentityProtection p = new IdentityProtection(Map.of(1, key(16, 1)), 1, indexKey);
        byte[] before = p.blindIndex(NUMBER);

        Arrays.fill(indexKey, (byte) 0);

        assertThat(p.blindIndex(NUMBER)).isEqualTo(before);
    }

    private static byte[] key(int length, int seed) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }
}
