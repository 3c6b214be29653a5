package dev.switchboard.core.sim;

import dev.switchboard.api.MediaMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the far end of a simulated switch's lines, for demos and tests: a caller who calls, presses
 * digits, sends a fax tone, talks and hangs up, and who can be asked what it heard. The simulated switch offers it (it implements this
 * interface); applications never see it, and the public api has no such thing. Calls are named by
 * the simulator's own ids.
 */
public interface Simulator {

    /** The lines a call can be placed on. */
    List<String> lines();

    /**
     * A call arrives on {@code line}; the switchboard has decided whom it is offered to (R4-R7) when this returns.
     *
     * @param mediaModes the media-mode bits the call arrives with
     * @param callerId   the caller's address, or null
     * @return the simulator's id of the call and the switchboard's
     * @throws dev.switchboard.api.SwitchboardException OPERATIONUNAVAIL when the simulator does not
     *                                                  serve {@code line}, INVALMEDIAMODE for bad bits
     */
    SimulatedCall placeCall(String line, int mediaModes, String callerId);

    /** The switch detects {@code mode} on the call: a fax tone, a T.38 offer, ... (R17). */
    void detect(String simulatedCallId, MediaMode mode);

    /**
     * The caller presses these DTMF digits, one event each, in order (R18).
     *
     * @throws IllegalArgumentException naming a character that is not one of {@code 0-9 * # A-D}
     */
    void sendDigits(String simulatedCallId, String digits);

    /** The caller hangs up (R24). */
    void hangUp(String simulatedCallId);

    /**
     * The caller talks for {@code length}: the recordings of the call hear a 440 Hz tone, and a
     * recording's maximum silence counts from the end of it. Otherwise a simulated caller is silent.
     */
    void speak(String simulatedCallId, Duration length);

    /**
     * What the switch has started playing to the call so far, oldest first: audio files by their
     * file name ({@code menu.wav}), tones as {@code tone:BEEP} and the like (a recording's beep
     * too). Empty for a call that ended: the switch forgets a call's prompts with it.
     */
    List<String> played(String simulatedCallId);

    /** The simulator's id of the call this one is bridged to (R31); empty when it is in no bridge. */
    Optional<String> bridgedTo(String simulatedCallId);

    /**
     * The simulator's ids of the calls still going on: placed, and neither hung up by the caller nor
     * dropped by the switchboard. A driver asks it to tell an unknown or ended call from a live one.
     */
    Set<String> liveCalls();
}
