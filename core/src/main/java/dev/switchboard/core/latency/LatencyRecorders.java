package dev.switchboard.core.latency;

import java.util.List;

/**
 * The latencies a call's path is measured by, one histogram each, shared by the core, the line
 * providers and the resource adapter of one switchboard:
 *
 * <ul>
 *   <li>{@link #eventToHandler()}: from the core making an event (on the provider's thread when a
 *       provider reports something) to the application's handler being entered;</li>
 *   <li>{@link #readyToHandler()}: the part of that wait that is the adapter's: from the moment
 *       the event could go (made, and the same application's previous event of the call handled
 *       to the end, its transaction committed) to the handler being entered. The rest of
 *       {@code eventToHandler} is the application's own time on the call's earlier event, which
 *       R18's order makes the next event wait for;</li>
 *   <li>{@link #handoffNonXa()}: a handoff through a pooled connection outside an XA transaction;</li>
 *   <li>{@link #handoffXa()}: the same inside an XA transaction (staged, R21);</li>
 *   <li>{@link #answerTo200()}: from the owner's answer reaching the line provider to the
 *       provider having sent its final answer (SIP: the 200 to the INVITE).</li>
 * </ul>
 */
public final class LatencyRecorders {
    private final LatencyRecorder eventToHandler = new LatencyRecorder("eventToHandler");
    private final LatencyRecorder readyToHandler = new LatencyRecorder("readyToHandler");
    private final LatencyRecorder handoffNonXa = new LatencyRecorder("handoffNonXa");
    private final LatencyRecorder handoffXa = new LatencyRecorder("handoffXa");
    private final LatencyRecorder answerTo200 = new LatencyRecorder("answerTo200");
    private final List<LatencyRecorder> all = List.of(eventToHandler, readyToHandler, handoffNonXa, handoffXa,
            answerTo200);

    public LatencyRecorder eventToHandler() {
        return eventToHandler;
    }

    public LatencyRecorder readyToHandler() {
        return readyToHandler;
    }

    public LatencyRecorder handoffNonXa() {
        return handoffNonXa;
    }

    public LatencyRecorder handoffXa() {
        return handoffXa;
    }

    public LatencyRecorder answerTo200() {
        return answerTo200;
    }

    /** Every histogram's figures, in the order of this class's documentation. */
    public List<LatencySnapshot> snapshots() {
        return all.stream().map(LatencyRecorder::snapshot).toList();
    }

    public void reset() {
        all.forEach(LatencyRecorder::reset);
    }
}
