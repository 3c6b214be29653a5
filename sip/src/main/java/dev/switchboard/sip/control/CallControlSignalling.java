package dev.switchboard.sip.control;

/**
 * The call control a SIP line provider does beyond answering and dropping: TAPI's
 * {@code lineMakeCall}, {@code lineRedirect} and {@code lineBlindTransfer} (rules R29, R30).
 * Each method checks its arguments at once and does the SIP work on the call's own serial
 * executor; what becomes of it is told to the {@link CallControlListener}, on that executor, in
 * order with the call's other reports.
 */
public interface CallControlSignalling {

    /**
     * Places a call from {@code line} to {@code destination} (an outbound INVITE, R30). The call
     * reports PROCEEDING and RINGBACK to the listener, then either CONNECTED through the provider's
     * ordinary events (after which it is a call like any other), or one
     * {@link CallControlListener#outboundFailed} with the reason.
     *
     * @param destination a {@code sip:} URI, or a user part (a number) that goes to the configured
     *                    outbound proxy
     * @param mediaModes  the TAPI media-mode bits the call is for; the offer is G.711 audio either way
     * @return the provider call id (the SIP Call-ID). Reports about it may reach the listener before
     *         this method returns
     * @throws IllegalArgumentException the line is not the provider's, the destination is not one
     *                                  the provider can call, or the media modes are not audio or fax
     * @throws IllegalStateException    no room for another call (sipMaxCalls, RTP ports) or not started
     */
    String makeCall(String line, String destination, int mediaModes);

    /**
     * Sends an incoming call that has not been answered elsewhere: {@code 302 Moved Temporarily}
     * with {@code destination} as Contact (R29). One {@link CallControlListener#redirectResult}.
     *
     * @throws IllegalArgumentException the destination is not one the provider can name
     * @throws IllegalStateException    the provider has no such call (it has ended): no result follows
     */
    void redirect(String providerCallId, String destination);

    /**
     * Transfers a connected call to {@code destination} with REFER (RFC 3515); the outcome comes from
     * the NOTIFYs the other side sends (R29). One {@link CallControlListener#transferResult}.
     *
     * @throws IllegalArgumentException the destination is not one the provider can name
     * @throws IllegalStateException    the provider has no such call (it has ended): no result follows
     */
    void blindTransfer(String providerCallId, String destination);
}
