package dev.switchboard.core.spi;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.MediaEndReason;
import java.time.Duration;
import java.util.Map;

/**
 * What a line provider reports to the core. Calls of one provider are named by the provider's
 * own call id. A provider must report the events of one call in the order they happened
 * (calling these methods from one thread at a time per call); different calls may be
 * reported from different threads at once.
 */
public interface ProviderEvents {

    /**
     * A new call arrived.
     *
     * @param line           one of the provider's lines
     * @param providerCallId the provider's id for the call, unique within the provider
     * @param mediaModes     the media-mode bits: one known mode, or UNKNOWN plus candidates
     * @param callerId       the remote party's address, or null
     * @param calledId       the called address, or null
     * @return the adapter-wide call id, for the provider's logs
     */
    String newCall(String line, String providerCallId, int mediaModes, String callerId, String calledId);

    /**
     * The call changed state: CONNECTED once answered; for a call the core made (R30) also
     * PROCEEDING and RINGBACK.
     */
    void callStateChanged(String providerCallId, CallState state);

    /** The provider detected a media mode on the call (R17), such as a fax tone or a T.38 offer. */
    void mediaDetected(String providerCallId, MediaMode mode);

    /** The remote party sent a DTMF digit (R18, and the core's gathers and recording terminators). */
    void digitReceived(String providerCallId, char digit);

    /** The remote party hung up (R24); the same as {@link #callDisconnected} with NORMAL. */
    void remoteHangup(String providerCallId);

    /**
     * The call ended for {@code reason} (R24): the remote party hung up (NORMAL), or a call the core
     * made did not connect (BUSY, NOANSWER, REJECT, UNREACHABLE, ..., R30), or the line failed
     * (UNKNOWN, R33). Every handle hears DISCONNECTED with the reason, then IDLE.
     */
    void callDisconnected(String providerCallId, DisconnectReason reason);

    /**
     * A media operation the core started ended (R28).
     *
     * @param reason         DONE when it ran to its end, SILENCE for a recording ended by the
     *                       maximum silence, CANCELLED after {@link LineProvider#stopMedia},
     *                       HANGUP when the call's end stopped it, FAILED when the line could not
     *                       carry it out (R33)
     * @param recordedLength for a recording, how much audio the file holds; otherwise zero
     */
    void mediaFinished(String providerCallId, String operationId, MediaEndReason reason, Duration recordedLength);

    /**
     * A redirect or blind transfer the core asked for has its outcome (R29).
     *
     * @param lineReason when it failed, why, in the line's words (for SIP the final status line,
     *                   such as {@code 486 Busy Here}); ignored on success
     */
    void transferFinished(String providerCallId, String operationId, boolean succeeded, String lineReason);

    /** A bridge broke without being asked to end (R31, R33); both calls stay up. */
    void bridgeFailed(String bridgeId, String reason);

    /**
     * What another node of a cluster would need to end this call should this node die: for SIP
     * the dialog's identifiers (Call-ID, tags, CSeq, remote target, route set). The provider
     * reports them once the call is established and again whenever they change; the keys and
     * values are the provider's own and opaque to the core, which keeps only the latest set in
     * the cluster's call directory and hands it back to {@link LineProvider#endOrphan} on a
     * surviving node. A single node ignores them.
     */
    default void recoveryFacts(String providerCallId, Map<String, String> facts) {
    }
}
