package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;

/** One event on its way to one application, queued on that application's queue for the call ({@link Call#delivery}). */
final class Delivery implements Runnable {
    private final Engine engine;
    private final App app;
    private final Call call;
    private final CallEvent event;
    /** When the event was made, if its application times events: where the wait is measured from. */
    private final long madeAtNanos;

    Delivery(Engine engine, App app, Call call, CallEvent event) {
        this.engine = engine;
        this.app = app;
        this.call = call;
        this.event = event;
        this.madeAtNanos = app.timesEvents ? System.nanoTime() : 0;
    }

    @Override
    public void run() {
        engine.deliver(app, call, event, madeAtNanos);
    }
}
