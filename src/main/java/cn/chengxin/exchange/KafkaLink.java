package cn.chengxin.exchange;

import java.time.Duration;

import cn.chengxin.exchange.wire.KafkaTransport;
import cn.chengxin.exchange.wire.SignedBatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Kafka transport of this platform, when {@code chengxin.exchange.kafka.bootstrap-servers} is set: partners
 * whose address is {@code kafka:} are pushed to through their topic, and this platform's topic is read from start
 * to stop, each batch received as if it had been pushed over HTTP.
 */
@Component
@ConditionalOnProperty(name = "chengxin.exchange.kafka.bootstrap-servers")
class KafkaLink implements AutoCloseable {

    static final String ADDRESS = "kafka:";

    private final KafkaTransport transport;
    private final Receiving receiving;

    KafkaLink(@Value("${chengxin.exchange.kafka.bootstrap-servers}") String bootstrapServers,
              ExchangeSettings settings, Receiving receiving) {
        this.transport = new KafkaTransport(bootstrapServers, settings.platform().code());
        this.receiving = receiving;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        transport.start(receiving::receive);
    }

    void send(String partner, SignedBatch batch) throws java.util.concurrent.TimeoutException {
        transport.send(partner, batch, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws InterruptedException {
        transport.close();
    }
}
