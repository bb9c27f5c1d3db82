package cn.chengxin.exchange.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange over Apache Kafka, for national fan-out without pairwise links (ARCHITECTURE.md): each platform
 * reads its own topic {@code chengxin.exchange.<code>}; a batch for a partner is a record on the partner's topic,
 * keyed by the sender (one partition per sender keeps its order), valued by the exact signed bytes, with the same
 * {@link SignedBatch} headers as over HTTP. The broker's acknowledgement (all in-sync replicas) acknowledges the
 * batch; the receiver checks and applies it as it would a pushed one, idempotently, and commits its position only
 * after handling, so a crash or a database outage re-reads rather than loses (a re-read batch id is refused as a
 * replay). A batch's age is judged against the record's timestamp, not the time it is read: batches that waited
 * in the topic while this platform was down are not stale.
 */
public final class KafkaTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaTransport.class);
    public static final String TOPIC_PREFIX = "chengxin.exchange.";

    private final String self;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean();
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private Thread receiver;

    public KafkaTransport(String bootstrapServers, String self) {
        this(bootstrapServers, self, Map.of());
    }

    /**
     * @param clientProperties passed to the producer and the consumer as they are (TLS, SASL: {@code
     *                         security.protocol}, {@code ssl.*}, {@code sasl.*}, …); the settings this transport's
     *                         guarantees rest on (acknowledgement by all replicas, idempotence, group, manual
     *                         commits) are not theirs to change
     */
    public KafkaTransport(String bootstrapServers, String self, Map<String, String> clientProperties) {
        this.self = self;
        Map<String, Object> producerConfig = new HashMap<>(clientProperties);
        producerConfig.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "chengxin-" + self));
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        Map<String, Object> consumerConfig = new HashMap<>(clientProperties);
        consumerConfig.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "chengxin-" + self,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static String topicOf(String platform) {
        return TOPIC_PREFIX + platform;
    }

    /** Sends a batch to the partner's topic; returns once the broker has it (or throws: the outbox tries again). */
    public void send(String to, SignedBatch batch, Duration timeout) throws TimeoutException {
        send(to, batch, null, timeout);
    }

    /**
     * Sends the answer to a batch of which messages were refused ({@link MessageRefusals}, sealed and signed) to the
     * sender's topic, marked by its {@link MessageRefusals#RECORD} header; returns once the broker has it.
     */
    public void sendRefusals(String to, SignedBatch answer, Duration timeout) throws TimeoutException {
        send(to, answer, MessageRefusals.KIND, timeout);
    }

    private void send(String to, SignedBatch batch, String kind, Duration timeout) throws TimeoutException {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topicOf(to),
                batch.from().getBytes(StandardCharsets.UTF_8), batch.body());
        if (kind != null) {
            record.headers().add(MessageRefusals.RECORD, kind.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(SignedBatch.PLATFORM, batch.from().getBytes(StandardCharsets.UTF_8))
                .add(SignedBatch.DIGEST, batch.digest().getBytes(StandardCharsets.UTF_8))
                .add(SignedBatch.SIGNATURE, batch.signature().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the batch: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Handles a batch read from the topic. */
    @FunctionalInterface
    public interface Receiver {

        /**
         * Returns once the batch is handled: applied, or refused (the receiver logs its refusal, never the content).
         * Throws when it could not be handled now (the database is down, say): the batch is read again.
         *
         * @param sentAt the record's timestamp: when the sender handed the batch to the broker, which may be long
         *               ago when this platform was down — the batch's age is judged against it, not against now
         */
        void receive(SignedBatch batch, Instant sentAt);
    }

    /** {@link #start(Receiver, Receiver)} for a platform that does not read answers of refused messages. */
    public synchronized void start(Receiver handler) {
        start(handler, (answer, sentAt) -> log.warn("Answer of refused messages from {} on Kafka not read",
                answer.from()));
    }

    /**
     * Starts reading this platform's topic on a thread of its own; each batch goes to {@code handler}, each answer of
     * refused messages ({@link MessageRefusals}, still sealed) to {@code answers}, and the position moves past a
     * record only once it is handled. A record that could not be handled is read again after a pause, with
     * everything after it from the same sender (one partition per sender keeps its order).
     */
    public synchronized void start(Receiver handler, Receiver answers) {
        if (running.getAndSet(true)) {
            return;
        }
        consumer.subscribe(List.of(topicOf(self)));
        this.receiver = new Thread(() -> {
            try {
                while (running.get()) {
                    if (!handle(consumer.poll(Duration.ofMillis(200)), handler, answers)) {
                        Thread.sleep(RETRY_PAUSE.toMillis());
                    }
                }
            } catch (WakeupException | InterruptedException stopping) {
                // close() woke the consumer up
            } finally {
                consumer.close();
            }
        }, "exchange-kafka-" + self);
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /** @return false when a batch could not be handled (it will be read again) */
    private boolean handle(ConsumerRecords<byte[], byte[]> records, Receiver handler, Receiver answers) {
        boolean handledAll = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> r : records.records(partition)) {
                SignedBatch batch = new SignedBatch(header(r, SignedBatch.PLATFORM), r.value(),
                        header(r, SignedBatch.DIGEST), header(r, SignedBatch.SIGNATURE));
                try {
                    (MessageRefusals.KIND.equals(header(r, MessageRefusals.RECORD)) ? answers : handler)
                            .receive(batch, Instant.ofEpochMilli(r.timestamp()));
                } catch (RuntimeException notNow) {
                    log.warn("Batch from {} on Kafka not handled, read again in {} s: {}", batch.from(),
                            RETRY_PAUSE.toSeconds(), notNow.getMessage());
                    consumer.seek(partition, r.offset());
                    handledAll = false;
                    break;
                }
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(r.offset() + 1)));
            }
        }
        return handledAll;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        producer.close(Duration.ofSeconds(5));
        if (running.getAndSet(false)) {
            consumer.wakeup();
            receiver.join(10_000);
        } else {
            consumer.close();
        }
    }
}
