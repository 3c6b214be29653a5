package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;

/** One event on its way to one application, queued on the call's delivery queue ({@link Call#delivery}). */
final class Delivery implements Runnable {
    private final Switchboard switchboard;
    private final App app;
    private final Call call;
    private final CallEvent event;

    Delivery(Switchboard switchboard, App app, Call call, CallEvent event) {
        this.switchboard = switchboard;
        this.app = app;
        this.call = call;
        this.event = event;
    }

    @Override
    public void run() {
        switchboard.deliver(app, call, event);
    }
}
