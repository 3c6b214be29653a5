package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.Privilege;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable state of one call that the rules decide on. The live model is guarded by the
 * call's lock; a transaction decides on a {@link #copy()} so that nothing it stages is seen
 * before commit (R21).
 */
final class CallModel {
    final Call call;
    int mediaModes;
    CallState state;
    /** Why the call was disconnected, once it is (R24, R30); null before. */
    DisconnectReason disconnectReason;
    /**
     * One handle per application, in the order they were given: the first {@link #handleCount}
     * slots. An array rather than a list, because every step on the call reads it and a list would
     * be one more object to fetch from memory, and 24 more bytes per call.
     */
    private Handle[] handles;
    private int handleCount;
    /** Applications that failed to take the call when it was offered to them (R23). */
    Set<App> refused;
    /** The output running on the call (play, tone, digits, or a gather's prompt), or null (R27). */
    MediaOp.Output output;
    /** The input running on the call (gather or recording), or null (R27). */
    MediaOp input;
    /** Recordings the core has ended, waiting for the provider to say the file is complete (R28). */
    List<MediaOp.Finishing> finishing;
    /** The bridge the call is in, or null; one that ended elsewhere counts as none (R31). */
    Bridge bridge;
    /** The redirect or blind transfer waiting for its result, or null (R29). */
    Transfer transfer;

    CallModel(Call call, int mediaModes, CallState state) {
        this.call = call;
        this.mediaModes = mediaModes;
        this.state = state;
        this.handles = new Handle[4];
    }

    CallModel copy() {
        CallModel c = new CallModel(call, mediaModes, state);
        c.disconnectReason = disconnectReason;
        for (int i = 0; i < handleCount; i++) {
            c.addHandle(handles[i].copy());
        }
        if (refused != null) {
            c.refused = new HashSet<>(refused);
        }
        // A decision only puts operations, bridges and transfers in or takes them out; what changes
        // inside them (a gather's digits, a timer) changes only on the live call, by the provider's
        // reports and live effects. So a copy may share them with the live model.
        c.output = output;
        c.input = input;
        if (finishing != null) {
            c.finishing = new ArrayList<>(finishing);
        }
        c.bridge = bridge;
        c.transfer = transfer;
        return c;
    }

    /** How many handles the call has. */
    int handleCount() {
        return handleCount;
    }

    /** The {@code i}-th handle in the order they were given, {@code 0 <= i < handleCount()}. */
    Handle handle(int i) {
        return handles[i];
    }

    void addHandle(Handle h) {
        if (handleCount == handles.length) {
            handles = Arrays.copyOf(handles, handleCount * 2);
        }
        handles[handleCount++] = h;
    }

    /** Takes {@code h} out, keeping the others in their order; nothing when it is not there. */
    void removeHandle(Handle h) {
        for (int i = 0; i < handleCount; i++) {
            if (handles[i] == h) {
                System.arraycopy(handles, i + 1, handles, i, handleCount - i - 1);
                handles[--handleCount] = null;
                return;
            }
        }
    }

    boolean hasHandles() {
        return handleCount > 0;
    }

    Handle handleOf(App app) {
        for (int i = 0; i < handleCount; i++) {
            Handle h = handles[i];
            if (h.app == app) {
                return h;
            }
        }
        return null;
    }

    int owners() {
        return count(Privilege.OWNER);
    }

    int monitors() {
        return count(Privilege.MONITOR);
    }

    private int count(Privilege p) {
        int count = 0;
        for (int i = 0; i < handleCount; i++) {
            if (handles[i].privilege == p) {
                count++;
            }
        }
        return count;
    }

    boolean hasRefused(App app) {
        return refused != null && refused.contains(app);
    }

    void markRefused(App app) {
        if (refused == null) {
            refused = new HashSet<>(2);
        }
        refused.add(app);
    }

    /** The bridge the call is in, if it has not ended (by the other call's end, say). */
    Bridge activeBridge() {
        if (bridge != null && bridge.isEnded()) {
            bridge = null;
        }
        return bridge;
    }

    boolean isOver() {
        return state == CallState.DISCONNECTED || state == CallState.IDLE;
    }
}
