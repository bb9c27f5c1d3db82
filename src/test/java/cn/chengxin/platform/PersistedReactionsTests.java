package cn.chengxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gaps review xliv Y4: a reaction owed when an instance stops is kept in {@code event_publication} by its event's
 * class name ({@code event_type}) and its listener's id ({@code listener_id}, the method's signature). A release that
 * renames or removes either cannot finish what the release before it left: Spring Modulith skips the row at every
 * resubmission, for ever. This pins both, as Spring Modulith writes them, against {@code persisted-reactions.txt}:
 * a change fails here and says what the upgrade then needs.
 */
class PersistedReactionsTests {

    private static final String PINNED = "/persisted-reactions.txt";

    @Test
    void theReactionsKeptAcrossAnUpgradeAreThePinnedOnes() throws Exception {
        Set<String> listeners = listenerIds();
        assertThat(listeners).as("the scan finds the module reactions").hasSizeGreaterThan(5)
                .anyMatch(id -> id.equals("cn.chengxin.listing.ListingJobs.on(cn.chengxin.creditfile.RecordsChanged)"));
        assertThat(listeners).as("""
                The persisted reactions changed (event_publication.listener_id and event_type name them; \
                src/test/resources%s pins them). A row an older release left for a listener or event class this \
                release no longer has is skipped for ever. A new reaction: add its line. A renamed or removed one: \
                README 升级 step 2 drains the reactions before an upgrade, which covers an orderly upgrade; for one \
                that is not drained, keep the old class or method readable for a release, or add a migration that \
                rewrites event_publication's event_type and listener_id (or completes the rows with a note why), \
                and say so in the release notes. Then update the pinned list.""".formatted(PINNED))
                .isEqualTo(pinned());
    }

    /** The listener ids as Spring writes them: the method's declaring class, name and parameter types. */
    private static Set<String> listenerIds() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
                .hasAnnotatedMethods(TransactionalEventListener.class.getName()));
        Set<String> ids = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("cn.chengxin")) {
            Class<?> type = Class.forName(candidate.getBeanClassName(), false,
                    PersistedReactionsTests.class.getClassLoader());
            if (type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
                        TransactionalEventListener.class);
                if (listener != null) {
                    ids.add(listener.id().isEmpty() ? type.getName() + "." + method.getName() + "("
                            + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
                            .collect(Collectors.joining(",")) + ")" : listener.id());
                }
            }
        }
        return ids;
    }

    private static Set<String> pinned() throws IOException {
        try (InputStream in = PersistedReactionsTests.class.getResourceAsStream(PINNED)) {
            assertThat(in).as(PINNED).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
