package dev.switchboard.rar.cluster.infinispan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.Test;

/** The adapter's start may look the cache container up while WildFly is still starting it. */
class ContainerLookupTest {

    private final AtomicInteger lookups = new AtomicInteger();

    /** A naming context whose first {@code failures} lookups fail with {@code rootCause}, as WildFly's binder does. */
    private Context naming(int failures, Exception rootCause) {
        return (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("lookup")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (lookups.incrementAndGet() <= failures) {
                        NameNotFoundException e = new NameNotFoundException(String.valueOf(args[0]));
                        e.setRootCause(rootCause);
                        throw e;
                    }
                    return "the container";
                });
    }

    @Test
    void aContainerStillStartingIsWaitedFor() throws Exception {
        Object found = InfinispanSharedState.lookupStarted(naming(3, new IllegalStateException()),
                "java:jboss/infinispan/container/switchboard", Duration.ofSeconds(10));

        assertThat(found).isEqualTo("the container");
        assertThat(lookups).hasValue(4);
    }

    @Test
    void aNameThatIsNotBoundFailsAtOnce() {
        assertThatThrownBy(() -> InfinispanSharedState.lookupStarted(naming(1, null),
                "java:jboss/infinispan/container/nope", Duration.ofSeconds(10)))
                .isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("container/nope");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aContainerThatNeverStartsFailsAfterTheWait() {
        assertThatThrownBy(() -> InfinispanSharedState.lookupStarted(naming(Integer.MAX_VALUE,
                new IllegalStateException()), "java:jboss/infinispan/container/switchboard", Duration.ofMillis(300)))
                .isInstanceOf(NameNotFoundException.class);
        assertThat(lookups.get()).isBetween(2, 10);
    }
}
