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
 * byte, in order; a batch the province refuses does not stop the next; after a restart nothing is read twice; a
 * batch that could not be handled is read again.
 */
class KafkaTransportIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, KafkaTransport.topicOf("410000"), KafkaTransport.topicOf("411700"),
                KafkaTransport.topicOf("100000"));
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
            province.start((batch, sentAt) -> {
                UUID id = read(batch).batchId();
                assertThat(batch.from()).isEqualTo("411700");
                assertThat(batch.signedBy(cityKey.publicKey()) && batch.digestMatches()).isTrue();
                if (read(batch).messages().get(0).status().equals("EXITED")) {
                    refused.add(id);
                    return;
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

        // A batch sent after the restart is read after any the restarted reader would read again (one partition):
        // once it arrives, whatever was to be read twice would have been.
        List<UUID> again = new CopyOnWriteArrayList<>();
        SignedBatch later = batch(cityKey, "EFFECTIVE");
        try (KafkaTransport restarted = new KafkaTransport(broker.getBrokersAsString(), "410000");
             KafkaTransport city = new KafkaTransport(broker.getBrokersAsString(), "411700")) {
            restarted.start((batch, sentAt) -> again.add(read(batch).batchId()));
            city.send("410000", later, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(60)).until(() -> again.contains(idOf(later)));
        }
        assertThat(again).as("positions were committed after handling").containsExactly(idOf(later));
    }

    /** A database outage while handling must not lose the batch: it and those after it are read again, in order. */
    @Test
    void aBatchThatCouldNotBeHandledIsReadAgainWithThoseAfterItAndItsSendingTimeComesAlong() throws Exception {
        SigningKeys.SigningKey cityKey = SigningKeys.of(SigningKeys.generatePrivateKey());
        List<SignedBatch> sent = List.of(batch(cityKey, "EFFECTIVE"), batch(cityKey, "EXITED"),
                batch(cityKey, "EFFECTIVE"));
        List<UUID> handled = new CopyOnWriteArrayList<>();
        List<Instant> sentAt = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger();
        Instant before = Instant.now();
        try (KafkaTransport city = new KafkaTransport(broker.getBrokersAsString(), "411700");
             KafkaTransport nation = new KafkaTransport(broker.getBrokersAsString(), "100000")) {
            nation.start((batch, at) -> {
                UUID id = read(batch).batchId();
                if (id.equals(idOf(sent.get(1))) && outages.getAndIncrement() < 2) {
                    throw new IllegalStateException("the database is down");
                }
                handled.add(id);
                sentAt.add(at);
            });
            for (SignedBatch b : sent) {
                city.send("100000", b, Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 3);
        }
        assertThat(handled).as("nothing lost, in order").containsExactly(idOf(sent.get(0)), idOf(sent.get(1)),
                idOf(sent.get(2)));
        assertThat(outages.get()).isEqualTo(3);
        assertThat(sentAt).allSatisfy(at -> assertThat(at).isBetween(before.minusSeconds(1), Instant.now()));
    }

    /** chengxin.exchange.kafka.properties reach the clients: here a request size limit the batch exceeds. */
    @Test
    void theClientPropertiesArePassedToTheKafkaClients() throws Exception {
        SigningKeys.SigningKey cityKey = SigningKeys.of(SigningKeys.generatePrivateKey());
        try (KafkaTransport city = new KafkaTransport(broker.getBrokersAsString(), "411700",
                java.util.Map.of("max.request.size", "256", "acks", "0"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> city.send("410000", batch(cityKey, "EFFECTIVE"),
                    Duration.ofSeconds(30))).hasMessageContaining("max.request.size");
        }
    }

    private static SignedBatch batch(SigningKeys.SigningKey key, String status) {
        Batch batch = Messages.batch("411700", "410000", Instant.now(), Messages.blackListEntry("411700",
                "list/" + UUID.randomUUID(), 1, status, "11010519491231002X", "张三"));
        return SignedBatch.sign(batch, key, RECEIVER.publicKey());
    }

    /** Every batch here is encrypted for this one receiving key (addressed to 410000). */
    private static final SigningKeys.SigningKey RECEIVER = SigningKeys.of(SigningKeys.generatePrivateKey());

    private static Batch read(SignedBatch batch) {
        return BatchCodec.read(batch.open("410000", RECEIVER));
    }

    private static UUID idOf(SignedBatch batch) {
        return read(batch).batchId();
    }
}
