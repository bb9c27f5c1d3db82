package cn.chengxin.subject.protection;

import cn.chengxin.subject.domain.DocumentType;

/** An identity number as it is stored: blind index, SM4-GCM ciphertext with its key version, display mask. */
public record SealedNumber(DocumentType type, byte[] index, byte[] cipher, int keyVersion, String masked) {
}
