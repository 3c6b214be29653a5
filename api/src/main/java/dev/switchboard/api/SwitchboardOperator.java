package dev.switchboard.api;

import java.util.List;
import java.util.Optional;

/**
 * What an operator (or the operator console) sees and does, obtained from
 * {@link SwitchboardConnectionFactory#getOperator()}. Callers are responsible for checking that
 * the user may make changes.
 */
public interface SwitchboardOperator {

    /** Every line, as {@code name (provider)}. */
    List<String> lines();

    /** Every live call, unowned ones (R7) included. */
    List<CallView> calls();

    /** One live call by its adapter-wide id; empty when no live call has that id. */
    Optional<CallView> call(String callId);

    /** Gives a call (typically an unowned one, R7) to an application that opened its line as OWNER. */
    void assignOwner(String callId, String application);

    /**
     * Drops a call, whatever its state: through its line provider while the provider still has it;
     * otherwise (the provider no longer has it, it is already over, or the provider refuses) the
     * adapter ends it itself: every holder hears DISCONNECTED and IDLE once, and it leaves the live
     * calls.
     *
     * @throws SwitchboardException INVALCALLHANDLE naming the id when no live call has it
     */
    void dropCall(String callId);

    /** The administrator's list for {@code mode} (R1), first first. */
    List<String> priorityList(MediaMode mode);

    /** Replaces the administrator's list for {@code mode}; it is saved and survives restarts (R3). */
    void setPriorityList(MediaMode mode, List<String> applications);

    /** R1: the applications that would get a new call of {@code mode} on {@code line}, first first. */
    List<String> effectivePriority(String line, MediaMode mode);

    /**
     * Places a call on the embedded simulated switch (for demos and tests).
     *
     * @return the simulated switch's id of the call, for the simulate* methods
     * @throws SwitchboardException OPERATIONUNAVAIL when no simulated switch serves {@code line}
     */
    String placeSimulatedCall(String line, int mediaModes, String callerId);

    /** The simulated switch detects {@code mode} on the call (R17). */
    void simulateMediaDetected(String simulatedCallId, MediaMode mode);

    /** The simulated caller presses {@code digits} (R18). */
    void simulateDigits(String simulatedCallId, String digits);

    /** The simulated caller hangs up (R24). */
    void simulateHangup(String simulatedCallId);
}
