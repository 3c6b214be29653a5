package dev.switchboard.core;

import dev.switchboard.core.spi.ProviderTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that passes only when the test says: a {@link ProviderTimer} whose tasks run, on the
 * test's thread, when {@link #advance} passes their due time, and a {@link Clock} that reads the
 * same time. Given to the switchboard (its timeouts), the simulated switch (its media) and the
 * core's clock together, a minute of prompts and timeouts passes in a call of {@code advance}.
 */
final class ManualTime implements ProviderTimer {
    private record Task(Instant due, long seq, Runnable run) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long seq;

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
        tasks.add(t);
        return () -> cancel(t);
    }

    private synchronized void cancel(Task t) {
        tasks.remove(t);
    }

    /** Moves time on by {@code d}, running every task that falls due on the way, in due order. */
    void advance(Duration d) {
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.due().isAfter(target))
                        .min((a, b) -> a.due().equals(b.due()) ? Long.compare(a.seq(), b.seq()) : a.due().compareTo(b.due()))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.run().run();
        }
    }

    /** How many tasks wait. */
    synchronized int pending() {
        return tasks.size();
    }

    synchronized Instant now() {
        return now;
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
