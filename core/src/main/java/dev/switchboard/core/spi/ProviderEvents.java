package dev.switchboard.core.spi;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;

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

    /** The call changed state (for example CONNECTED once answered). */
    void callStateChanged(String providerCallId, CallState state);

    /** The provider detected a media mode on the call (R17), such as a fax tone or a T.38 offer. */
    void mediaDetected(String providerCallId, MediaMode mode);

    /** The remote party sent a DTMF digit (R18). */
    void digitReceived(String providerCallId, char digit);

    /** The remote party hung up (R24). */
    void remoteHangup(String providerCallId);
}
