package cn.chengxin.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the load balancer every request comes from the balancer's address: the per-client limits must count the
 * client it names in {@code X-Forwarded-For}, and only a trusted proxy may name one (README, load balancer). The test
 * profile trusts 127.0.0.1 alone, as production trusts its balancers; 127.0.0.2 stands for a client reaching the
 * instance directly. Real HTTP: Tomcat's RemoteIpValve is not on MockMvc's path.
 */
@IntegrationTest
class ClientAddressIT {

    /** The public verification page's limit per client and minute (InquirySettings). */
    private static final int VERIFICATIONS_PER_MINUTE = 10;

    /** An old printed report's link, counted against the limit and answered by a redirect without its code. */
    private static final String VERIFY = "/verify?n=NOSUCHREPORT&c=000000";
    private static final int ANSWERED = 302;

    @LocalServerPort
    int port;

    @Test
    void clientsNamedByTheTrustedProxyHaveABucketEach() throws IOException {
        for (int i = 0; i < VERIFICATIONS_PER_MINUTE; i++) {
            assertThat(status("127.0.0.1", "203.0.113.41")).isEqualTo(ANSWERED);
        }
        assertThat(status("127.0.0.1", "203.0.113.41")).as("the first client has used its bucket").isEqualTo(429);
        assertThat(status("127.0.0.1", "203.0.113.42")).as("another client behind the same proxy").isEqualTo(ANSWERED);
    }

    @Test
    void aClientNotTrustedCannotNameAnotherAddress() throws IOException {
        for (int i = 0; i < VERIFICATIONS_PER_MINUTE; i++) {
            assertThat(status("127.0.0.2", "198.51.100." + i)).isEqualTo(ANSWERED);
        }
        assertThat(status("127.0.0.2", "198.51.100.99"))
                .as("a fresh forwarded address from an untrusted peer counts against the peer's own bucket")
                .isEqualTo(429);
    }

    /** One GET of the verification page from {@code from}, forwarding for {@code client}; its status. */
    private int status(String from, String client) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + VERIFY + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            // "HTTP/1.1 302 " or "HTTP/1.1 429 "
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}
