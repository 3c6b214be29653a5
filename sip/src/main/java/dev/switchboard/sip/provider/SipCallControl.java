package dev.switchboard.sip.provider;

import dev.switchboard.api.MediaMode;
import dev.switchboard.sip.control.CallControlListener;
import dev.switchboard.sip.control.CallControlSignalling;
import dev.switchboard.sip.control.ControlResult;
import dev.switchboard.sip.control.DisconnectReason;
import dev.switchboard.sip.control.OutboundProgress;
import java.io.IOException;
import java.net.DatagramSocket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.address.SipURI;

/**
 * The started provider's {@link CallControlSignalling}: checks each request on the caller's thread
 * (so a wrong destination or a full provider is an exception the caller sees), then leaves the
 * SIP work to the call's serial executor. Reports go to the listener current when the request was
 * made.
 */
final class SipCallControl implements CallControlSignalling {
    /** The modes an outbound call may be for: its offer is G.711 audio, which carries voice and (until T.38) fax. */
    private static final int AUDIO_MODES = MediaMode.INTERACTIVEVOICE.bit() | MediaMode.AUTOMATEDVOICE.bit()
            | MediaMode.G3FAX.bit() | MediaMode.UNKNOWN.bit();

    /** Logs every report when nobody listens, so that results are never lost without a word. */
    static final CallControlListener UNHEARD = new CallControlListener() {
        @Override
        public void progress(String providerCallId, OutboundProgress state) {
            SipLog.unheard(providerCallId, "progress " + state);
        }

        @Override
        public void outboundFailed(String providerCallId, DisconnectReason reason, String detail) {
            SipLog.unheard(providerCallId, "outbound call failed " + reason + " (" + detail + ")");
        }

        @Override
        public void redirectResult(String providerCallId, ControlResult result, String detail) {
            SipLog.unheard(providerCallId, "redirect " + result + " (" + detail + ")");
        }

        @Override
        public void transferResult(String providerCallId, ControlResult result, String detail) {
            SipLog.unheard(providerCallId, "blind transfer " + result + " (" + detail + ")");
        }
    };

    private final SipContext ctx;
    private final Supplier<CallControlListener> listener;
    private final Destinations destinations;
    private final SecureRandom random = new SecureRandom();

    SipCallControl(SipContext ctx, Supplier<CallControlListener> listener) {
        this.ctx = ctx;
        this.listener = listener;
        this.destinations = new Destinations(ctx.settings(), ctx.addresses());
    }

    @Override
    public String makeCall(String line, String destination, int mediaModes) {
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
        DatagramSocket socket;
        try {
            socket = ctx.rtpPorts().open();
        } catch (IOException e) {
            throw new IllegalStateException(SipSettings.RTP_PORT_RANGE + ": " + e.getMessage(), e);
        }
        String callId = ctx.sipProvider().getNewCallId().getCallId();
        SipCall call = new SipCall(ctx, callId, line, null, null, mediaModes, socket, null);
        OutboundInvite invite = new OutboundInvite(ctx, call, target, listener.get(), newTag(), call.offer());
        call.placing(invite);
        if (!ctx.calls().tryAdd(call)) {
            call.abandonMedia();
            throw new IllegalStateException(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls() + " calls are up");
        }
        try {
            call.submit(invite::send);
        } catch (RejectedExecutionException e) {
            ctx.calls().remove(call);
            call.abandonMedia();
            throw new IllegalStateException("no thread for the call: " + e.getMessage(), e);
        }
        return callId;
    }

    @Override
    public void redirect(String providerCallId, String destination) {
        SipURI target = destinations.uriOf(destination);
        CallControlListener l = listener.get();
        onCall(providerCallId, "redirect", call -> call.redirect(target, l));
    }

    @Override
    public void blindTransfer(String providerCallId, String destination) {
        SipURI target = destinations.uriOf(destination);
        CallControlListener l = listener.get();
        onCall(providerCallId, "blind transfer", call -> call.blindTransfer(target, l));
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
