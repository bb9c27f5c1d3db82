package cn.chengxin.exchange;

import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;

/** A partner as configuration or the console declares it. */
public record PartnerSetting(String code, String name, PlatformLevel level, Relation relation, String baseUrl,
                             String publicKey) {
}
