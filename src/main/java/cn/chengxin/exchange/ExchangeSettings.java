package cn.chengxin.exchange;

import java.time.Duration;
import java.util.List;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.TransportSecurity;
import cn.chengxin.exchange.domain.UpwardSharing;
import cn.chengxin.shared.City;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * This platform's identity in the exchange, resolved once at start: code and name (from the city when not
 * configured), level, and its SM2 key, kept and generated like the audit log's checkpoint key ({@link SigningKeys}).
 */
@Component
@EnableConfigurationProperties(ExchangeProperties.class)
class ExchangeSettings {

    static final String KEY_NAME = "exchange";

    private final ExchangeProperties properties;
    private final Platform platform;
    private final SigningKeys.SigningKey key;
    private final UpwardSharing upward;

    ExchangeSettings(ExchangeProperties properties, City city, SigningKeys keys) {
        this.properties = properties;
        this.key = keys.load(KEY_NAME);
        String code = blank(properties.platformCode()) ? defaultCode(city) : properties.platformCode().strip();
        String name = blank(properties.platformName()) ? city.siteTitle() : properties.platformName().strip();
        this.platform = new Platform(code, name, properties.level(), key.publicKey(), key.keyId(),
                ExchangeFormats.ACCEPTED);
        this.upward = new UpwardSharing(properties.upwardItems());
        refusePlainHttpPartners(properties);
        refuseUnknownFormats(properties);
    }

    /** A partner declared to read a format this platform does not know stops the start (a typo sends nothing). */
    private static void refuseUnknownFormats(ExchangeProperties properties) {
        properties.partnerFormats().forEach((partner, format) -> {
            if (!ExchangeFormats.accepted(format)) {
                throw new IllegalStateException("chengxin.exchange.partner-formats." + partner + ": " + format
                        + " is not one of " + ExchangeFormats.ACCEPTED);
            }
        });
    }

    /** A partner configured with a plain {@code http://} address stops the start, unless plain links are allowed. */
    private static void refusePlainHttpPartners(ExchangeProperties properties) {
        if (properties.allowPlainHttp()) {
            return;
        }
        List<String> plain = properties.partners().stream()
                .filter(p -> TransportSecurity.plainHttp(p.baseUrl())).map(PartnerSetting::code).toList();
        if (!plain.isEmpty()) {
            throw new IllegalStateException("chengxin.exchange.partners " + plain + " have a plain http:// address: "
                    + "identity numbers must not travel in clear (RULES.md §10); use https:// (plain HTTP is allowed "
                    + "only with chengxin.exchange.allow-plain-http, in development and tests)");
        }
    }

    /** The city's region code as a six-digit GB/T 2260 code (4117 → 411700). */
    private static String defaultCode(City city) {
        StringBuilder code = new StringBuilder(city.regionPrefixes().get(0));
        while (code.length() < 6) {
            code.append('0');
        }
        return code.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    Platform platform() {
        return platform;
    }

    SigningKeys.SigningKey key() {
        return key;
    }

    UpwardSharing upward() {
        return upward;
    }

    Duration maxSkew() {
        return properties.maxSkew();
    }

    /** The highest format the partner declares it reads, or null when it declared none (it reads the current one). */
    String formatOf(String partner) {
        return properties.partnerFormats().get(partner);
    }

    int batchSize() {
        return properties.batchSize();
    }

    List<PartnerSetting> declaredPartners() {
        return properties.partners();
    }

    /** The properties passed to the Kafka clients as they are: TLS and SASL settings ({@code kafka.properties.*}). */
    java.util.Map<String, String> kafkaProperties() {
        return properties.kafka().properties();
    }

    /** Whether partners may be reached over plain HTTP and the Kafka brokers without TLS (dev and test only). */
    boolean allowPlainHttp() {
        return properties.allowPlainHttp();
    }

    /** Whether this partner address may not be used: plain HTTP where it is not allowed. */
    boolean insecure(String baseUrl) {
        return !allowPlainHttp() && TransportSecurity.plainHttp(baseUrl);
    }
}
