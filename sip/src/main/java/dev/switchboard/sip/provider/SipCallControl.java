package dev.switchboard.sip.provider;

import dev.switchboard.api.MediaMode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sip.address.SipURI;

/**
 * The started provider's call control (R29, R30): TAPI's {@code lineMakeCall},
 * {@code lineRedirect} and {@code lineBlindTransfer} as the SPI asks for them. Each request is
 * checked on the caller's thread (so a wrong destination or a full provider is an exception the
 * core turns into the operation's failure, R33), then the SIP work goes to the call's serial
 * executor, where the call reports its progress and results to the core in order with its other
 * events.
 */
final class SipCallControl {
    /** The modes an outbound call may be for: its offer is G.711 audio, which carries voice and (until T.38) fax. */
    private static final int AUDIO_MODES = MediaMode.INTERACTIVEVOICE.bit() | MediaMode.AUTOMATEDVOICE.bit()
            | MediaMode.G3FAX.bit() | MediaMode.UNKNOWN.bit();

    private final SipContext ctx;
    private final Destinations destinations;
    private final SecureRandom random = new SecureRandom();

    SipCallControl(SipContext ctx) {
        this.ctx = ctx;
        this.destinations = new Destinations(ctx.settings(), ctx.addresses());
    }

    /**
     * Places a call from {@code line} to {@code destination} (an outbound INVITE, R30), known to the
     * core as {@code providerCallId}. Its dialog gets a Call-ID of its own. The call reports
     * PROCEEDING and RINGBACK, then CONNECTED, or DISCONNECTED with a reason.
     *
     * @param destination a {@code sip:} URI, or a user part (a number) that goes to the configured
     *                    outbound proxy
     * @throws IllegalArgumentException the line is not the provider's, the destination is not one
     *                                  the provider can call, or the media modes are not audio or fax
     * @throws IllegalStateException    no room for another call (sipMaxCalls, RTP ports), or the id is taken
     */
    void makeCall(String providerCallId, String line, String destination, int mediaModes) {
        if (line == null || !ctx.settings().lines().contains(line)) {
            throw new IllegalArgumentException("line '" + line + "' is not one of " + SipSettings.LINES + " "
                    + ctx.settings().lines());
        }
        if (mediaModes == 0 || (mediaModes & ~AUDIO_MODES) != 0) {
            throw new IllegalArgumentException("media modes 0x" + Integer.toHexString(mediaModes) + " cannot be"
                    + " called: an outbound SIP call offers G.711 audio, for voice or fax (0x"
                    + Integer.toHexString(AUDIO_MODES) + ")");
        }
        SipURI target = destinations.uriOf(destination);
        if (ctx.calls().isFull()) {
            throw new IllegalStateException(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls() + " calls are up");
        }
        String sipCallId = ctx.sipProvider().getNewCallId().getCallId();
        SipCall call;
        try {
            call = new SipCall(ctx, providerCallId, sipCallId, line, null, null, mediaModes, ctx.rtpPorts().open(), null);
        } catch (IOException e) {
            throw new IllegalStateException(SipSettings.RTP_PORT_RANGE + ": " + e.getMessage(), e);
        }
        OutboundInvite invite = new OutboundInvite(ctx, call, target, newTag(), call.offer());
        call.placing(invite);
        if (!ctx.calls().tryAdd(call)) {
            call.abandonMedia();
            throw new IllegalStateException(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls()
                    + " calls are up, or call " + providerCallId + " exists already");
        }
        try {
            call.submit(invite::send);
        } catch (RejectedExecutionException e) {
            ctx.calls().remove(call);
            call.abandonMedia();
            throw new IllegalStateException("no thread for the call: " + e.getMessage(), e);
        }
    }

    /**
     * Sends an incoming call that has not been answered: {@code 302 Moved Temporarily} with
     * {@code destination} as Contact (R29); one result, as operation {@code opId}.
     *
     * @throws IllegalArgumentException the destination is not one the provider can name
     * @throws IllegalStateException    the provider has no such call (it has ended): no result follows
     */
    void redirect(String providerCallId, String opId, String destination) {
        SipURI target = destinations.uriOf(destination);
        onCall(providerCallId, "redirect", call -> call.redirect(target, opId));
    }

    /**
     * Transfers a connected call to {@code destination} with REFER (RFC 3515); the outcome comes from
     * the NOTIFYs the other side sends (R29); one result, as operation {@code opId}.
     *
     * @throws IllegalArgumentException the destination is not one the provider can name
     * @throws IllegalStateException    the provider has no such call (it has ended): no result follows
     */
    void blindTransfer(String providerCallId, String opId, String destination) {
        SipURI target = destinations.uriOf(destination);
        onCall(providerCallId, "blind transfer", call -> call.blindTransfer(target, opId));
    }

    /**
     * Runs {@code action} on the call's executor. A call that has ended is refused at once, on the
     * caller's thread: a report from here could overlap the call's last report on its own executor.
     */
    private void onCall(String providerCallId, String what, Consumer<SipCall> action) {
        SipCall call = ctx.calls().get(providerCallId);
        if (call == null) {
            throw new IllegalStateException("no call " + providerCallId + " on this provider (it has ended): no " + what);
        }
        try {
            call.submit(() -> action.accept(call));
        } catch (RejectedExecutionException e) {
            SipLog.refused(providerCallId, "the " + what, "it runs with the call's next message", e);
        }
    }

    private String newTag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
