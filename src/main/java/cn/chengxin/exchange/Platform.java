package cn.chengxin.exchange;

import java.util.List;

import cn.chengxin.exchange.domain.PlatformLevel;

/**
 * This platform as its partners know it: code, name, level, the SM2 public key that verifies its batches, and the
 * batch formats it reads ({@code chengxin-exchange/1}, {@code /2}, {@code /3}; a partner writes it no other).
 */
public record Platform(String code, String name, PlatformLevel level, String publicKey, String keyId,
                       List<String> formats) {
}
