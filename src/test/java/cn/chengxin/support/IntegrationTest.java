package cn.chengxin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the embedded PostgreSQL, on a random port. Every integration test uses exactly
 * this configuration so that one Spring context, and so one database server, serves the whole test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No printing of requests on failure: they carry identity numbers in the clear.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import({AwaitDeferredAnswers.class, ReactionProbe.class})
// Awaits poll every 25 ms from the start (an extension: not part of the context's key, which stays shared).
@ExtendWith(FastPolling.class)
public @interface IntegrationTest {
}
