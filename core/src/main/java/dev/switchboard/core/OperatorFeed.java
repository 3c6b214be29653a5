package dev.switchboard.core;

import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.operator.HandoffOutcome;
import dev.switchboard.api.operator.HistoryEvent;
import dev.switchboard.api.operator.OperatorEvent;
import dev.switchboard.api.operator.OperatorListener;
import dev.switchboard.api.operator.OperatorSubscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the switchboard tells its operators: a stream of {@link OperatorEvent}s and a bounded
 * history of handoff outcomes and unowned calls.
 *
 * <p>The events come from the same live changes that send applications their events: while a
 * change holds a call's lock, {@link ChangeReport} compares the call with what operators were last
 * told and {@link #publish publishes} the differences, so one call's operator events are queued in
 * the order its changes happened. Each subscriber has its own bounded queue, drained one event at a
 * time on the operator executor after the lock is released: a slow subscriber falls behind (and past
 * its bound loses events, logged) without delaying a call or another subscriber, and one that throws
 * is logged and given the next event. The history is kept whether or not anybody subscribes, so an
 * operator who looks late still sees it.
 */
public final class OperatorFeed {
    /** How many history events are kept unless the builder says otherwise. */
    public static final int DEFAULT_HISTORY_SIZE = 200;
    /** How many events may wait for one subscriber before newer ones are dropped. */
    static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    private final Executor executor;
    private final Clock clock;
    private final Counters counters;
    private final int historySize;
    private final int queueCapacity;
    private final AtomicLong seq = new AtomicLong();
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** Newest first. */
    private final ArrayDeque<HistoryEvent> history = new ArrayDeque<>();

    OperatorFeed(Executor executor, Clock clock, Counters counters, int historySize, int queueCapacity) {
        if (historySize < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("history size " + historySize + " and queue capacity "
                    + queueCapacity + " must be at least 0 and 1");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = clock;
        this.counters = counters;
        this.historySize = historySize;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Delivers every operator event from now on to {@code listener}, on the operator executor, one at a
     * time; until the subscription is closed.
     */
    public OperatorSubscription subscribe(OperatorListener listener) {
        Subscriber s = new Subscriber(this, Objects.requireNonNull(listener, "listener"), queueCapacity);
        subscribers.add(s);
        return s;
    }

    /** The most recent handoff outcomes and unowned calls, newest first. */
    public List<HistoryEvent> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Ends every subscription (the switchboard is going away). */
    public void close() {
        for (Subscriber s : subscribers) {
            s.close();
        }
    }

    // ---- used while a call is locked

    /** Whether anybody listens; call events are only made for listeners, history events always. */
    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    Instant now() {
        return clock.instant();
    }

    /** Queues {@code event} for every subscriber and, if it is one, keeps it in the history. Under the call's lock. */
    void publish(OperatorEvent event) {
        if (event instanceof HistoryEvent h && historySize > 0) {
            synchronized (history) {
                history.addFirst(h);
                if (history.size() > historySize) {
                    history.removeLast();
                }
            }
        }
        if (subscribers.isEmpty()) {
            return; // the usual case: no iterator made for nobody
        }
        for (Subscriber s : subscribers) {
            s.offer(event);
        }
    }

    /** A handoff's outcome, the call shown as {@code now}. */
    HandoffOutcome outcome(Call call, CallView now, String application, HandoffOp op, Rules.HandoffDecision decision,
                           HandoffOutcome.Completion completion) {
        boolean tookEffect = completion != HandoffOutcome.Completion.ROLLED_BACK;
        String reached = tookEffect && decision.result() == HandoffResult.SUCCESS ? decision.target() : null;
        return new HandoffOutcome(nextSeq(), now(), call.id, call.line, application, op.application(), op.mode(),
                decision.result(), reached, completion, now);
    }

    /**
     * A unit of work rolled back with {@code op} staged on {@code call}: if it was a handoff, it is
     * counted and its outcome published (R21: applications are sent nothing). Under the call's lock.
     */
    void rolledBack(Call call, App app, Op<?> op, Object decided) {
        if (op instanceof HandoffOp handoff && decided instanceof Rules.HandoffDecision decision) {
            counters.handoffsRolledBack.increment();
            CallView now = call.reported != null ? call.reported : CallViews.of(call, call.model);
            publish(outcome(call, now, app.name, handoff, decision, HandoffOutcome.Completion.ROLLED_BACK));
        }
    }

    // ---- after the call's lock is released

    /** Starts a drain for every subscriber with events waiting and none running. */
    void flush() {
        if (subscribers.isEmpty()) {
            return; // after every step on every call: no iterator made for nobody
        }
        for (Subscriber s : subscribers) {
            s.flush(executor);
        }
    }

    void remove(Subscriber s) {
        subscribers.remove(s);
    }
}
