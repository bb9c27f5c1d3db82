package cn.chengxin.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import com.sun.net.httpserver.HttpServer;

/**
 * A provincial platform on loopback that accepts our pushed batches only with our valid signature and digest, and
 * that can be taken down (it answers 503) to test the outbox's retries.
 */
final class FakeParent implements AutoCloseable {

    private final HttpServer server;
    private final String ourPublicKey;
    final List<ExchangeMessage> received = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    volatile boolean down;

    FakeParent(String ourPublicKey) throws IOException {
        this.ourPublicKey = ourPublicKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(Pushing.BATCHES_PATH, exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            SignedBatch signed = new SignedBatch(exchange.getRequestHeaders().getFirst(SignedBatch.PLATFORM), body,
                    exchange.getRequestHeaders().getFirst(SignedBatch.DIGEST),
                    exchange.getRequestHeaders().getFirst(SignedBatch.SIGNATURE));
            int status;
            if (down) {
                status = 503;
            } else if (!signed.signedBy(this.ourPublicKey) || !signed.digestMatches()) {
                badSignatures.incrementAndGet();
                status = 403;
            } else {
                Batch batch = BatchCodec.read(body);
                received.addAll(batch.messages());
                status = 200;
            }
            byte[] answer = "{}".getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
