package cn.chengxin.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.chengxin.exchange.domain.TransportSecurity;
import cn.chengxin.exchange.wire.KafkaTransport;
import cn.chengxin.exchange.wire.SignedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Kafka transport of this platform, when {@code chengxin.exchange.kafka.bootstrap-servers} is set: partners
 * whose address is {@code kafka:} are pushed to through their topic, and this platform's topic is read from start
 * to stop, each batch received as if it had been pushed over HTTP, except that Kafka has no answer to a push: a
 * message refused for what it says is set aside alone, the rest applied, and the refusal goes back as a sealed, signed
 * reply on the sender's topic, which a sender reads to set its message aside (gaps review xxvii I1). The clients get
 * {@code chengxin.exchange.kafka.properties.*} (TLS, SASL); outside development and tests the link does not start
 * unless they encrypt it ({@link TransportSecurity}).
 */
@Component
@ConditionalOnProperty(name = "chengxin.exchange.kafka.bootstrap-servers")
class KafkaLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaLink.class);
    static final String ADDRESS = "kafka:";

    private final KafkaTransport transport;
    private final Receiving receiving;

    KafkaLink(@Value("${chengxin.exchange.kafka.bootstrap-servers}") String bootstrapServers,
              ExchangeSettings settings, Receiving receiving) {
        if (!settings.allowPlainHttp()) {
            TransportSecurity.kafkaRefusal(settings.kafkaProperties()).ifPresent(why -> {
                throw new IllegalStateException("The Kafka transport is not started: " + why + " (batches carry "
                        + "identity numbers and names, RULES.md §10; a plain link is allowed only with "
                        + "chengxin.exchange.allow-plain-http, in development and tests)");
            });
        }
        this.transport = new KafkaTransport(bootstrapServers, settings.platform().code(), settings.kafkaProperties());
        this.receiving = receiving;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        transport.start(this::receive, this::answered);
    }

    /**
     * A batch is applied without the messages refused for what they say, and the answer naming them goes to the
     * sender's topic ({@link Receiving#receiveEach}), where the sender sets them aside; when the broker does not take
     * the answer, the batch is read again and answered again. A refusal of the whole batch (who sent it, its
     * signature) has no reply channel: it is logged by code and the position moves on. Anything else (the database
     * down) propagates, and the batch is read again.
     */
    private void receive(SignedBatch batch, Instant sentAt) {
        Optional<SignedBatch> answer;
        try {
            answer = receiving.receiveEach(batch, sentAt);
        } catch (ExchangeProblem refused) {
            log.warn("Batch from {} on Kafka refused: {} {}", batch.from(), refused.code(), refused.getMessage());
            return;
        }
        if (answer.isPresent()) {
            try {
                transport.sendRefusals(batch.from(), answer.get(), Duration.ofSeconds(30));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the answer of refused messages was not sent: " + e.getMessage(), e);
            }
        }
    }

    /** A partner's answer naming messages of ours it refused: they are set aside; a refused answer is logged. */
    private void answered(SignedBatch answer, Instant sentAt) {
        try {
            receiving.answered(answer);
        } catch (ExchangeProblem refused) {
            log.warn("Answer from {} on Kafka refused: {} {}", answer.from(), refused.code(), refused.getMessage());
        }
    }

    void send(String partner, SignedBatch batch) throws java.util.concurrent.TimeoutException {
        transport.send(partner, batch, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws InterruptedException {
        transport.close();
    }
}
