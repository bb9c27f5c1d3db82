package cn.chengxin.exchange;

import cn.chengxin.exchange.domain.PlatformLevel;

/** This platform as its partners know it: code, name, level and the SM2 public key that verifies its batches. */
public record Platform(String code, String name, PlatformLevel level, String publicKey, String keyId) {
}
