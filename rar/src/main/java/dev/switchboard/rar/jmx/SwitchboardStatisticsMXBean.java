package dev.switchboard.rar.jmx;

/**
 * The adapter's runtime figures over JMX, registered in the platform MBeanServer as
 * {@code dev.switchboard:type=ResourceAdapter,name=<instanceName>} (by default {@code name=switchboard})
 * while the adapter runs. Counters count since the adapter started.
 */
public interface SwitchboardStatisticsMXBean {

    /** The lines served, as {@code name (provider)}. */
    String[] getLines();

    /** The names of the open applications. */
    String[] getApplications();

    int getLiveCalls();

    /** Live calls without an owner (R7): what an operator should look at. */
    int getUnownedCalls();

    long getCallsOffered();

    long getHandoffsSucceeded();

    long getHandoffsTargetNotFound();

    long getHandoffsTargetSelf();

    /** Handoffs staged in a transaction that rolled back: nothing changed (R21). */
    long getHandoffsRolledBack();

    /** Ownership offers an application failed to take, after the adapter's retries (R23). */
    long getOffersRefused();

    long getTransactionsCommitted();

    long getTransactionsRolledBack();

    /**
     * Calls the line providers still hold (for SIP: dialogs not yet ended). With no call up it is 0;
     * anything else is a leak.
     */
    int getProviderCalls();

    /** Media sockets the line providers hold open (for SIP: one RTP port per call); 0 with no call up. */
    int getProviderMediaPorts();

    /**
     * The latency histograms of a call's path (eventToHandler, readyToHandler, handoffNonXa, handoffXa, answerTo200),
     * since the adapter started or {@link #resetLatencies()}.
     */
    LatencyFigures[] getLatencies();

    /** Starts the latency histograms afresh, as a load test does before each rate. */
    void resetLatencies();
}
