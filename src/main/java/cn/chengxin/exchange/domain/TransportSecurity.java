package cn.chengxin.exchange.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a link to another platform must protect in transit. Batches carry identity numbers and names, sensitive
 * personal information (RULES.md §10), and a level-3 system keeps important data confidential in transmission
 * (GB/T 39786-2021): a partner is pushed to over HTTPS, never plain {@code http://}, and the Kafka clients talk TLS
 * to the brokers. Plain links are for development and tests only, where the configuration allows them.
 */
public final class TransportSecurity {

    /** Kafka's {@code security.protocol} values that encrypt the link to the brokers. */
    public static final Set<String> ENCRYPTED_KAFKA_PROTOCOLS = Set.of("SSL", "SASL_SSL");

    private TransportSecurity() {
    }

    /** Whether the partner address is plain HTTP (the scheme compared without case, as URIs do). */
    public static boolean plainHttp(String baseUrl) {
        return baseUrl != null && baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("http://");
    }

    /**
     * Why the Kafka clients' properties do not protect the link, or empty when they do: {@code security.protocol}
     * must be SSL or SASL_SSL. Unset means PLAINTEXT; SASL_PLAINTEXT authenticates but leaves batches (and, with
     * SASL/PLAIN, the password) readable on the network.
     */
    public static Optional<String> kafkaRefusal(Map<String, String> clientProperties) {
        String protocol = clientProperties.get("security.protocol");
        if (protocol == null || protocol.isBlank()) {
            return Optional.of("security.protocol is not set (PLAINTEXT): set SSL or SASL_SSL in "
                    + "chengxin.exchange.kafka.properties");
        }
        if (!ENCRYPTED_KAFKA_PROTOCOLS.contains(protocol.strip().toUpperCase(Locale.ROOT))) {
            return Optional.of("security.protocol " + protocol.strip() + " does not encrypt the link: set SSL or "
                    + "SASL_SSL in chengxin.exchange.kafka.properties");
        }
        return Optional.empty();
    }
}
