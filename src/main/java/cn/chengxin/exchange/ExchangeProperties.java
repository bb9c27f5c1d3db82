package cn.chengxin.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.exchange.domain.PlatformLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.exchange.*}: this platform's code, name and level (defaults: the city's region code, its site
 * title, CITY), the partners to declare at start, the items agreed with the parent (a further restriction: of the
 * items the catalogue marks shared upward, only these go up; empty: all of them), the clock skew a batch may have,
 * how often the outbox is pushed, whether partners may be reached over plain HTTP and the Kafka brokers without TLS
 * ({@code allow-plain-http}: only the dev and test profiles set it), the Kafka transport's brokers and client
 * properties, and the highest format version each partner declares it reads ({@code partner-formats.<code>}, e.g.
 * {@code chengxin-exchange/1} for a partner not yet upgraded; a partner not named reads the current one).
 */
@ConfigurationProperties("chengxin.exchange")
record ExchangeProperties(String platformCode, String platformName, PlatformLevel level, Duration maxSkew,
                          Integer batchSize, Set<String> upwardItems, List<PartnerSetting> partners,
                          boolean allowPlainHttp, Kafka kafka, Map<String, String> partnerFormats) {

    ExchangeProperties {
        level = level == null ? PlatformLevel.CITY : level;
        maxSkew = maxSkew == null ? Duration.ofMinutes(5) : maxSkew;
        batchSize = batchSize == null ? 200 : batchSize;
        upwardItems = upwardItems == null ? Set.of() : Set.copyOf(upwardItems);
        partners = partners == null ? List.of() : List.copyOf(partners);
        kafka = kafka == null ? new Kafka(null, null) : kafka;
        partnerFormats = partnerFormats == null ? Map.of() : Map.copyOf(partnerFormats);
    }

    /**
     * {@code chengxin.exchange.kafka.*}: the brokers, and {@code properties} passed to the Kafka producer and consumer
     * as they are ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}, …).
     */
    record Kafka(String bootstrapServers, Map<String, String> properties) {

        Kafka {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }
}
