package dev.switchboard.sip.rtp;

/** A timer a test ticks by hand. */
final class ManualTicker implements Ticker {

    private Runnable task;
    int periodMillis;
    boolean stopped;

    @Override
    public Ticking every(int millis, Runnable t) {
        task = t;
        periodMillis = millis;
        return () -> stopped = true;
    }

    void tick(int times) {
        for (int i = 0; i < times; i++) {
            task.run();
        }
    }
}
