package cn.chengxin.exchange.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka transport against an embedded KRaft broker: a city's signed batches reach the province's topic byte for
 * byte, in order; a batch the province refuses does not stop the next; after a restart nothing is read twice.
 */
class KafkaTransportIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, KafkaTransport.topicOf("410000"), KafkaTransport.topicOf("411700"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void signedBatchesReachThePartnersTopicIntactInOrderAndARefusalDoesNotStopTheNext() throws Exception {
        SigningKeys.SigningKey cityKey = SigningKeys.of(SigningKeys.generatePrivateKey());
        List<SignedBatch> sent = List.of(batch(cityKey, "EFFECTIVE"), batch(cityKey, "EXITED"),
                batch(cityKey, "EFFECTIVE"));
        List<UUID> received = new CopyOnWriteArrayList<>();
        List<UUID> refused = new CopyOnWriteArrayList<>();
        try (KafkaTransport city = new KafkaTransport(broker.getBrokersAsString(), "411700");
             KafkaTransport province = new KafkaTransport(broker.getBrokersAsString(), "410000")) {
            province.start(batch -> {
                UUID id = BatchCodec.read(batch.body()).batchId();
                assertThat(batch.from()).isEqualTo("411700");
                if (!batch.signedBy(cityKey.publicKey()) || !batch.digestMatches()) {
                    throw new IllegalStateException("EXCHANGE_SIGNATURE_INVALID");
                }
                if (BatchCodec.read(batch.body()).messages().get(0).status().equals("EXITED")) {
                    refused.add(id);
                    throw new IllegalStateException("EXCHANGE_MESSAGE_INVALID");
                }
                received.add(id);
            });
            for (SignedBatch b : sent) {
                city.send("410000", b, Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() + refused.size() == 3);
        }
        assertThat(received).containsExactly(idOf(sent.get(0)), idOf(sent.get(2)));
        assertThat(refused).containsExactly(idOf(sent.get(1)));

        List<UUID> again = new CopyOnWriteArrayList<>();
        try (KafkaTransport restarted = new KafkaTransport(broker.getBrokersAsString(), "410000")) {
            restarted.start(batch -> again.add(BatchCodec.read(batch.body()).batchId()));
            Thread.sleep(3_000);
        }
        assertThat(again).as("positions were committed after handling").isEmpty();
    }

    private static SignedBatch batch(SigningKeys.SigningKey key, String status) {
        Batch batch = Messages.batch("411700", "410000", Instant.now(), Messages.blackListEntry("411700",
                "list/" + UUID.randomUUID(), 1, status, "11010519491231002X", "张三"));
        return SignedBatch.sign(batch, key);
    }

    private static UUID idOf(SignedBatch batch) {
        return BatchCodec.read(batch.body()).batchId();
    }
}
