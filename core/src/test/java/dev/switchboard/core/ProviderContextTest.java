package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The context a provider is started with: the threads the builder was given, or the switchboard's own. */
class ProviderContextTest {

    /** A provider that keeps the context it was started with. */
    private static final class ContextKeeper extends ProviderShell {
        volatile ProviderContext context;

        @Override
        public void start(ProviderContext context) {
            this.context = context;
        }
    }

    @Test
    void withoutGivenThreadsTheSwitchboardsOwnRunTimerTasksOnItsExecutorAndEndWithIt() throws Exception {
        ContextKeeper provider = new ContextKeeper();
        Switchboard sb = Switchboard.builder().provider(provider).build().start();
        ProviderContext ctx = provider.context;
        assertThat(ctx.events()).as("the core's own sink for this provider").isNotNull();

        CompletableFuture<String> ranOn = new CompletableFuture<>();
        ctx.timer().schedule(Duration.ofMillis(1), () -> ranOn.complete(Thread.currentThread().getName()));
        assertThat(ranOn.get(5, TimeUnit.SECONDS)).startsWith("switchboard-provider-").doesNotContain("timer");

        sb.close();
        assertThatThrownBy(() -> ctx.executor().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void givenThreadsAreHandedToTheProviderAndLeftOpenAtClose() {
        ContextKeeper provider = new ContextKeeper();
        Executor executor = Runnable::run;
        Executor longRunning = task -> {
            throw new AssertionError("not used here");
        };
        ProviderTimer timer = (delay, task) -> () -> { };
        Switchboard sb = Switchboard.builder().provider(provider).providerThreads(executor, longRunning, timer)
                .build().start();
        assertThat(provider.context.executor()).isSameAs(executor);
        assertThat(provider.context.longRunningExecutor()).isSameAs(longRunning);
        assertThat(provider.context.timer()).isSameAs(timer);
        sb.close();
        provider.context.executor().execute(() -> { }); // the container's threads are not the switchboard's to end
    }

    /** The LineProvider methods these tests do not use. */
    private abstract static class ProviderShell implements LineProvider {
        @Override public String name() { return "keeper"; }
        @Override public List<String> lines() { return List.of("k1"); }
        @Override public ProviderCapabilities capabilities() { return new ProviderCapabilities(true, 0, false); }
        @Override public void stop() { }
        @Override public void answer(String providerCallId) { }
        @Override public void drop(String providerCallId) { }
        @Override public void mediaModeChanged(String providerCallId, int mediaModes) { }
    }
}
