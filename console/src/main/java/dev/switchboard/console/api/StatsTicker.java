package dev.switchboard.console.api;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Pushes the counters to the browsers once a second, so that rates fall when nothing happens. */
@Singleton
public class StatsTicker {

    @Inject
    LiveFeed feed;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "switchboard console stats")
    void tick() {
        feed.tick();
    }
}
