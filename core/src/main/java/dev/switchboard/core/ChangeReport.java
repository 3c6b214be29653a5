package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.operator.CallArrived;
import dev.switchboard.api.operator.CallGone;
import dev.switchboard.api.operator.CallHoldersChanged;
import dev.switchboard.api.operator.CallMediaChanged;
import dev.switchboard.api.operator.CallStateChanged;
import dev.switchboard.api.operator.CallUnowned;
import dev.switchboard.api.operator.DigitReceived;
import dev.switchboard.api.operator.HandoffOutcome;
import dev.switchboard.api.operator.MediaDetected;
import java.util.ArrayList;
import java.util.List;

/**
 * What one live change of one call tells operators. {@link LiveEffects} notes, as the rules act,
 * what the model alone does not show: the states applications were sent (a hang-up is DISCONNECTED
 * and then IDLE within one change), a detected media mode or digit they were told of, handoffs that
 * took effect, the call being forgotten. {@link #settle} then runs before the call's lock is
 * released: it compares the call with what operators were last told ({@link Call#reported}) and
 * publishes the differences and the notes, in order.
 */
final class ChangeReport {
    private record Handoff(App actor, HandoffOp op, Rules.HandoffDecision decision,
                           HandoffOutcome.Completion completion) {
    }

    private List<CallState> states;
    /** The change's first handoff; a change almost always has at most one, which then needs no list. */
    private Handoff handoff;
    /** Handoffs after the first (a unit of work's commit may apply several to one call), or null. */
    private List<Handoff> moreHandoffs;
    private MediaMode detected;
    private char digit;
    private boolean digitSeen;
    private boolean gone;

    void stateSent(CallState state) {
        if (states == null) {
            states = new ArrayList<>(2);
        }
        if (states.isEmpty() || states.get(states.size() - 1) != state) {
            states.add(state); // once per change, however many holders were told
        }
    }

    void detected(MediaMode mode) {
        detected = mode;
    }

    void digit(char d) {
        digit = d;
        digitSeen = true;
    }

    void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision, HandoffOutcome.Completion completion) {
        Handoff h = new Handoff(actor, op, decision, completion);
        if (handoff == null) {
            handoff = h;
            return;
        }
        if (moreHandoffs == null) {
            moreHandoffs = new ArrayList<>(2);
        }
        moreHandoffs.add(h);
    }

    void gone() {
        gone = true;
    }

    /**
     * Publishes what operators have not yet been told of {@code call}, {@code notes} (possibly null)
     * included. Under the call's lock, once the change is complete. Without subscribers only the
     * history events (handoff outcomes, unowned calls) are made.
     */
    static void settle(OperatorFeed feed, Call call, ChangeReport notes) {
        CallModel m = call.model;
        if (m == null) {
            return;
        }
        CallView before = call.reported;
        boolean arrived = before == null;
        boolean changed = arrived || !CallViews.matches(before, m);
        if (!changed && notes == null) {
            return;
        }
        CallView now = changed ? CallViews.of(call, m) : before;
        call.reported = now;
        boolean listened = feed.hasSubscribers();
        if (arrived && listened) {
            feed.publish(new CallArrived(feed.nextSeq(), feed.now(), now));
        }
        if (notes != null && notes.handoff != null) {
            publish(feed, call, now, notes.handoff);
            if (notes.moreHandoffs != null) {
                for (Handoff h : notes.moreHandoffs) {
                    publish(feed, call, now, h);
                }
            }
        }
        if (listened) {
            publishChanges(feed, before, now, notes);
        }
        if (becameUnowned(before, now)) {
            feed.publish(new CallUnowned(feed.nextSeq(), feed.now(), now));
        }
        if (notes != null && notes.gone && listened) {
            feed.publish(new CallGone(feed.nextSeq(), feed.now(), call.id, call.line));
        }
    }

    private static void publish(OperatorFeed feed, Call call, CallView now, Handoff h) {
        feed.publish(feed.outcome(call, now, h.actor().name, h.op(), h.decision(), h.completion()));
    }

    private static void publishChanges(OperatorFeed feed, CallView before, CallView now, ChangeReport notes) {
        CallState last = before == null ? now.state() : before.state();
        if (notes != null && notes.states != null) {
            for (CallState s : notes.states) {
                if (s != last) {
                    feed.publish(new CallStateChanged(feed.nextSeq(), feed.now(), s, now));
                    last = s;
                }
            }
        }
        if (now.state() != last) {
            feed.publish(new CallStateChanged(feed.nextSeq(), feed.now(), now.state(), now));
        }
        if (before != null && before.mediaModes() != now.mediaModes()) {
            feed.publish(new CallMediaChanged(feed.nextSeq(), feed.now(), now));
        }
        if (before != null && !(before.owners().equals(now.owners()) && before.monitors().equals(now.monitors()))) {
            feed.publish(new CallHoldersChanged(feed.nextSeq(), feed.now(), now));
        }
        if (notes != null && notes.detected != null) {
            feed.publish(new MediaDetected(feed.nextSeq(), feed.now(), notes.detected, now));
        }
        if (notes != null && notes.digitSeen) {
            feed.publish(new DigitReceived(feed.nextSeq(), feed.now(), notes.digit, now));
        }
    }

    /** R7: nobody owns the call now, it is not over, and somebody did (or it just arrived). */
    private static boolean becameUnowned(CallView before, CallView now) {
        boolean over = now.state() == CallState.DISCONNECTED || now.state() == CallState.IDLE;
        return !over && now.owners().isEmpty() && (before == null || !before.owners().isEmpty());
    }
}
