package cn.chengxin.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.cli.CommandOptions;
import cn.chengxin.subject.domain.ResidentIdentityNumber;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code bench-exchange --messages N --batch B --hops H}: this platform plays a province. (1) Throughput: a city
 * partner's N black-list messages in signed batches of B are received — signature, digest, admission, identity
 * numbers, idempotent apply — and the applied messages per second printed. (2) Propagation: H times, a city pushes
 * one entry, the province applies and relays it and its outbox pushes it to the nation, a server on loopback; the
 * delay from the city's push to the nation's receipt is printed (median, 95th percentile, worst). Meant for an
 * empty, throw-away database, with a short {@code chengxin.exchange.push-interval}.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "bench-exchange")
class ExchangeBenchCommand implements ApplicationRunner {

    private final Exchange exchange;

    ExchangeBenchCommand(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int messages = CommandOptions.intOption(args, "messages", 100_000);
        int batchSize = CommandOptions.intOption(args, "batch", 500);
        int hops = CommandOptions.intOption(args, "hops", 50);
        String here = exchange.platform().code();
        SigningKeys.SigningKey cityKey = SigningKeys.of(SigningKeys.generatePrivateKey());
        exchange.savePartner(new PartnerSetting("BENCHCITY", "基准测试甲市", PlatformLevel.CITY, Relation.PEER, null,
                cityKey.publicKey()));
        System.out.printf("bench-exchange: %,d messages in batches of %d (%d cores)%n", messages, batchSize,
                Runtime.getRuntime().availableProcessors());

        List<SignedBatch> batches = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0; start < messages; start += batchSize) {
            List<ExchangeMessage> content = new ArrayList<>();
            for (int i = start; i < Math.min(messages, start + batchSize); i++) {
                content.add(entry("BENCHCITY", i, Instant.now()));
            }
            sizes.add(content.size());
            batches.add(SignedBatch.sign(new Batch(ExchangeFormats.V1, UUID.randomUUID(), "BENCHCITY", here,
                    Instant.now(), null, content), cityKey, exchange.platform().publicKey()));
        }
        receive(batches.subList(0, Math.min(2, batches.size()))); // warm-up: JIT, connections, statements
        List<SignedBatch> measured = batches.subList(Math.min(2, batches.size()), batches.size());
        long started = System.nanoTime();
        int applied = receive(measured);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bench-exchange: received %,d messages (%,d applied) in %.2f s = %,.0f messages/s applied%n",
                sizes.subList(Math.min(2, sizes.size()), sizes.size()).stream().mapToInt(Integer::intValue).sum(), applied, seconds,
                applied / seconds);
        propagation(here, hops);
    }

    private int receive(List<SignedBatch> batches) {
        int applied = 0;
        for (SignedBatch b : batches) {
            applied += exchange.receive(b.from(), b.body(), b.digest(), b.signature()).applied();
        }
        return applied;
    }

    private void propagation(String here, int hops) throws IOException, InterruptedException {
        ConcurrentHashMap<String, Long> arrivedNanos = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(hops);
        HttpServer nation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SigningKeys.SigningKey nationKey = SigningKeys.of(SigningKeys.generatePrivateKey());
        nation.createContext(Pushing.BATCHES_PATH, http -> {
            long now = System.nanoTime();
            SignedBatch pushed = new SignedBatch(http.getRequestHeaders().getFirst(SignedBatch.PLATFORM),
                    http.getRequestBody().readAllBytes(), null, null);
            for (ExchangeMessage m : BatchCodec.read(pushed.open("BENCHNATION", nationKey)).messages()) {
                if (arrivedNanos.putIfAbsent(m.sourceId(), now) == null) {
                    all.countDown();
                }
            }
            http.sendResponseHeaders(200, -1);
            http.close();
        });
        nation.start();
        try {
            SigningKeys.SigningKey childKey = SigningKeys.of(SigningKeys.generatePrivateKey());
            exchange.savePartner(new PartnerSetting("BENCHCHILD", "基准测试乙市", PlatformLevel.CITY, Relation.CHILD,
                    null, childKey.publicKey()));
            exchange.savePartner(new PartnerSetting("BENCHNATION", "基准测试国家平台", PlatformLevel.NATION,
                    Relation.PARENT, "http://127.0.0.1:" + nation.getAddress().getPort(), nationKey.publicKey()));
            ConcurrentHashMap<String, Long> sentNanos = new ConcurrentHashMap<>();
            for (int i = 0; i < hops; i++) {
                ExchangeMessage m = entry("BENCHCHILD", 10_000_000 + i, Instant.now());
                SignedBatch b = SignedBatch.sign(new Batch(ExchangeFormats.V1, UUID.randomUUID(), "BENCHCHILD",
                        here, Instant.now(), null, List.of(m)), childKey, exchange.platform().publicKey());
                sentNanos.put(m.sourceId(), System.nanoTime());
                exchange.receive(b.from(), b.body(), b.digest(), b.signature());
                Thread.sleep(40);
            }
            boolean complete = all.await(60, TimeUnit.SECONDS);
            long[] delays = sentNanos.entrySet().stream().filter(e -> arrivedNanos.containsKey(e.getKey()))
                    .mapToLong(e -> arrivedNanos.get(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf("bench-exchange: propagation city → province → nation over HTTP, %d of %d arrived%s: "
                            + "median %.0f ms, p95 %.0f ms, worst %.0f ms (push interval included)%n", delays.length,
                    hops, complete ? "" : " (timed out)", millis(delays, 0.5), millis(delays, 0.95),
                    millis(delays, 1.0));
        } finally {
            nation.stop(0);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return Duration.ofNanos(sorted[Math.max(0, index)]).toNanos() / 1e6;
    }

    /** A black-list entry about a synthetic person (a valid number of an unused birth year range). */
    private static ExchangeMessage entry(String platform, int n, Instant at) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 18_000);
        String first17 = "411502" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        String number = first17 + ResidentIdentityNumber.checkCharFor(first17);
        return new ExchangeMessage(platform, "list/bench-" + platform.toLowerCase() + "-" + n, 1,
                MessageKind.LIST_ENTRY, at, new ExchangeMessage.Subject("RESIDENT_ID", number, "测试"), null, "BLACK",
                null, new ExchangeMessage.Period(LocalDate.now(), LocalDate.now().plusYears(2)), "EFFECTIVE", false,
                "COURT", null, "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "基准测试", null);
    }
}
