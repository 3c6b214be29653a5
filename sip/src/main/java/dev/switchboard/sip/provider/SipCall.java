package dev.switchboard.sip.provider;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.core.concurrent.SerialExecutor;
import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.sip.control.ControlResult;
import dev.switchboard.sip.media.DtmfBodyException;
import dev.switchboard.sip.media.InfoDtmf;
import dev.switchboard.sip.media.PromptException;
import dev.switchboard.sip.rtp.RtpStream;
import dev.switchboard.sip.sdp.AcceptedMedia;
import dev.switchboard.sip.sdp.Direction;
import dev.switchboard.sip.sdp.MediaDescription;
import dev.switchboard.sip.sdp.SdpAnswer;
import dev.switchboard.sip.sdp.SdpAnswerWriter;
import dev.switchboard.sip.sdp.SessionDescription;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One SIP dialog as one call. Every method runs on the call's {@link SerialExecutor} over the
 * provider's executor (the stack's listener, the core's requests, the media engine and the
 * timers only ever submit to it), so the state below needs no lock and what the core hears about
 * the call is in the order it happened. Its RTP is a stream on the provider's media engine
 * ({@link CallMedia}), opened with the call.
 *
 * <p>Every call ends, even when its caller vanishes: the {@link CallTimers} end it with a BYE when
 * the RFC 4028 session is not refreshed in time ({@link SessionTimer}), when an answered audio call
 * receives no RTP for {@code sipRtpTimeoutSeconds}, or after {@code sipMaxCallSeconds}.
 */
final class SipCall {
    enum Phase { RINGING, CONNECTED, ENDED }

    /** A T.38 re-INVITE waiting for an owner to set the media mode to G3FAX. */
    private record PendingReinvite(ServerTransaction tx, SessionDescription offer, ProviderTimer.Scheduled timeout) {
    }

    private final SipContext ctx;
    private final Responses responses;
    private final String id;
    private final String sipCallId;
    private final String line;
    private final ServerTransaction inviteTx;
    private final String toTag;
    private final SessionDescription offer;
    private final CallMedia media;
    private final SdpAnswerWriter writer;
    private final SerialExecutor serial;
    private final int offeredModes;
    private Phase phase = Phase.RINGING;
    private int mediaModes;
    private boolean faxToneReported;
    private PendingReinvite pending;
    /** The INVITE this side sent, for a call it placed (R30); null for an incoming call. */
    private OutboundInvite outbound;
    /** A blind transfer waiting for its outcome (R29), or null. */
    private BlindTransfer transfer;
    /** The G.711 encoding the connected call uses, kept when the other side re-INVITEs (hold, resume). */
    private String codec;
    private final CallLimits limits;
    private final CallTimers timers;
    private final SessionRefresher session;
    /** The SDP this side last sent; a re-INVITE refresh offers it again unchanged. */
    private String localSdp;
    /**
     * Whether the core has been told the call is over for it (its end, an unanswered end, or a
     * redirect or transfer that took it away): from then on nothing more is reported about it.
     */
    private boolean told;
    /** The transport the dialog was set up over, for its {@link DialogFacts}. */
    private final String transport;
    /** The dialog facts last reported to the core, or null before the call is connected. */
    private DialogFacts reportedFacts;

    /**
     * @param id           the provider call id the core knows the call by: the Call-ID of a call that
     *                     arrived, the core's own name for a call it makes (R30)
     * @param sipCallId    the Call-ID of the call's dialog
     * @param mediaChannel the call's RTP port, bound; the call owns it from now on (closed here if
     *                     the media engine cannot take it)
     * @throws IOException when the media engine cannot take the channel
     */
    SipCall(SipContext ctx, String id, String sipCallId, String line, ServerTransaction inviteTx,
            SessionDescription offer, int offeredModes, DatagramChannel mediaChannel, String toTag) throws IOException {
        this.ctx = ctx;
        this.responses = new Responses(ctx);
        this.id = id;
        this.sipCallId = sipCallId;
        this.line = line;
        this.inviteTx = inviteTx;
        this.offer = offer;
        this.offeredModes = offeredModes;
        this.mediaModes = offeredModes;
        this.toTag = toTag;
        this.writer = new SdpAnswerWriter(ctx.settings().listenAddress(), System.currentTimeMillis() / 1000);
        // a handler the executor refuses is tried again on the timer, never left for a next message
        // that may not come (a refused BYE would otherwise leave the call up for good)
        this.serial = new SerialExecutor(ctx.provider().executor(), SipLog::handlerFailed, ctx.provider().timer(),
                (attempt, retryIn, cause) -> SipLog.handlerRefused(id, attempt, retryIn, cause));
        this.limits = ctx.settings().limits();
        this.timers = new CallTimers(id, ctx.provider().timer(), this::submit);
        // a call this side places has no INVITE of the peer's: the peer's UPDATE support is then unknown
        this.session = new SessionRefresher(ctx, id, line, inviteTx == null ? null : inviteTx.getRequest());
        this.transport = inviteTx != null && cameOverTls(inviteTx.getRequest()) ? "tls" : ctx.settings().transport();
        this.media = CallMedia.open(ctx, id, mediaChannel, this::submit, heard());
        media.reportTo(this::mediaFinished);
    }

    String id() {
        return id;
    }

    /** The Call-ID of the call's dialog (final: safe to read on any thread). */
    String sipCallId() {
        return sipCallId;
    }

    String line() {
        return line;
    }

    /** Makes this a call this side places: {@code invite} sends and follows its INVITE. */
    void placing(OutboundInvite invite) {
        this.outbound = invite;
    }

    /** The SDP offer of a call this side places, for its media port. */
    String offer() {
        return writer.offer(media.port());
    }

    /** The To tag of this call's dialog (final: safe to read on any thread). */
    String toTag() {
        return toTag;
    }

    /** Runs {@code task} on this call's serial executor; a refusal of the executor is retried, never thrown. */
    void submit(Runnable task) {
        serial.execute(task);
    }

    /** Runs {@code task} on this call's serial executor, or throws at once when the executor refuses it. */
    void submitOrRefuse(Runnable task) {
        serial.executeOrRefuse(task);
    }

    /** What the media engine decodes, put in line with the call's SIP messages. */
    private CallMedia.Heard heard() {
        return new CallMedia.Heard() {
            @Override
            public void faxTone() {
                submit(SipCall.this::onFaxTone);
            }

            @Override
            public void digit(char digit) {
                submit(() -> onDigit(digit));
            }
        };
    }

    // ---- the call arrives ----

    void start(String callerId, String calledId) {
        responses.send(inviteTx, 180, toTag);
        try {
            ctx.events().newCall(line, id, offeredModes, callerId, calledId);
        } catch (RuntimeException e) {
            SipLog.coreRefused(id, e);
            responses.send(inviteTx, 500, toTag);
            phase = Phase.ENDED; // the core never knew the call: nothing to report
            media.close();
            ctx.calls().remove(this);
            return;
        }
        timers.limitLength(limits.maxCallSeconds(), this::onMaxLength);
    }

    // ---- what owners ask (through the core) ----

    /** Answers the INVITE; {@code askedAtNanos} is when the owner's answer reached the provider. */
    void answer(long askedAtNanos) {
        if (phase != Phase.RINGING || inviteTx == null) {
            return; // a call this side placed is answered by the far end
        }
        SessionDescription o = offer != null ? offer : Offers.lateOffer();
        boolean fax = mediaModes == MediaMode.G3FAX.bit() || o.firstActive("audio").isEmpty();
        SdpAnswer answer = writer.answer(o, fax ? AcceptedMedia.t38(media.port()) : AcceptedMedia.audio(media.port()));
        if (!answer.acceptsAnything()) {
            SipLog.rejected(id, "INVITE", 488, "no offered stream can be answered");
            responses.send(inviteTx, 488, toTag);
            end(CallState.DISCONNECTED);
            return;
        }
        SessionTimer.Agreement agreed = SessionTimer.answer(inviteTx.getRequest(), limits);
        responses.send(inviteTx, 200, toTag, answer.text(), SessionTimer.responseHeaders(agreed));
        ctx.provider().latencies().answerTo200().recordSince(askedAtNanos);
        localSdp = answer.text();
        phase = Phase.CONNECTED;
        Optional<MediaDescription> audio = fax ? Optional.empty() : o.firstActive("audio");
        codec = audio.flatMap(Reoffers::g711Of).orElse(null);
        audio.ifPresent(a -> media.answered(o, a, offer == null)); // no offer: answer where the caller's RTP comes from
        audio.ifPresent(a -> watchRtp(o, a));
        sessionRefreshed(agreed);
        ctx.events().callStateChanged(id, CallState.CONNECTED);
        reportFacts();
    }

    void drop() {
        switch (phase) {
            case RINGING -> {
                if (outbound != null) {
                    outbound.cancel();
                } else {
                    responses.send(inviteTx, 603, toTag);
                }
            }
            case CONNECTED -> {
                rejectPending(487);
                sendBye();
            }
            case ENDED -> {
                return;
            }
        }
        end(CallState.DISCONNECTED);
    }

    void mediaModeChanged(int modes) {
        mediaModes = modes;
        if (pending == null) {
            return;
        }
        if (modes == MediaMode.G3FAX.bit()) {
            acceptPending();
        } else {
            SipLog.rejected(id, "re-INVITE to T.38", 488, "the call's media mode was set to 0x"
                    + Integer.toHexString(modes) + ", not G3FAX");
            rejectPending(488);
        }
    }

    // ---- what the caller sends ----

    void onReinvite(ServerTransaction tx) {
        if (phase == Phase.ENDED) {
            responses.send(tx, 481, null);
            return;
        }
        if (phase == Phase.RINGING || pending != null) {
            // RFC 3261 14.2: an INVITE of this dialog still awaits its final response (the first one
            // while ringing, or a T.38 re-INVITE held for an owner): 500 with Retry-After. 491 is for
            // glare, an INVITE of our own in progress, which the stack answers itself.
            SipLog.rejected(id, "re-INVITE", 500, "an earlier INVITE of the call awaits its final response");
            responses.send(tx, 500, null, null, List.<String[]>of(Responses.retryAfterForPendingInvite()));
            return;
        }
        if (session.inProgress()) {
            responses.send(tx, 491, null); // glare: this side's own refresh is pending
            return;
        }
        SessionDescription reoffer;
        try {
            SessionTimer.checkInterval(tx.getRequest(), limits);
            reoffer = Offers.read(tx.getRequest());
        } catch (SipRejection r) {
            SipLog.rejected(id, "re-INVITE", r.status(), r.getMessage());
            responses.send(tx, r.status(), null, null, r.headers());
            return;
        }
        SessionDescription o = reoffer != null ? reoffer : Offers.lateOffer();
        if (o.firstActive("image").filter(MediaDescription::isT38).isPresent()) {
            ProviderTimer.Scheduled timeout = reinviteTimeout(tx);
            pending = new PendingReinvite(tx, o, timeout);
            responses.send(tx, 100, null); // it may wait for the owner: stop the caller's retransmissions now
            ctx.events().mediaDetected(id, MediaMode.G3FAX);
            if (mediaModes == MediaMode.G3FAX.bit() && pending != null) {
                acceptPending(); // an owner already made it a fax call (after a CNG tone, say)
            }
            return;
        }
        // a refresh, hold or codec change of the audio: answered at once
        answerAudio(tx, o, "re-INVITE");
    }

    /** An UPDATE (RFC 3311): a session refresh, with or without a new audio offer. */
    void onUpdate(ServerTransaction tx) {
        if (phase != Phase.CONNECTED) {
            responses.send(tx, phase == Phase.ENDED ? 481 : 491, null);
            return;
        }
        SessionDescription offer;
        try {
            SessionTimer.checkInterval(tx.getRequest(), limits);
            offer = Offers.read(tx.getRequest());
            if (offer != null && offer.firstActive("image").filter(MediaDescription::isT38).isPresent()) {
                throw new SipRejection(488, "a switch to T.38 is taken by re-INVITE only");
            }
        } catch (SipRejection r) {
            SipLog.rejected(id, "UPDATE", r.status(), r.getMessage());
            responses.send(tx, r.status(), null, null, r.headers());
            return;
        }
        if (offer != null) {
            answerAudio(tx, offer, "UPDATE");
            return;
        }
        SessionTimer.Agreement agreed = SessionTimer.answer(tx.getRequest(), limits);
        responses.send(tx, 200, null, null, SessionTimer.responseHeaders(agreed));
        sessionRefreshed(agreed);
    }

    /** Answers an audio offer in the dialog (re-INVITE, UPDATE): a 2xx is a session refresh, and may put the call on hold. */
    private void answerAudio(ServerTransaction tx, SessionDescription o, String what) {
        // keep the codec in use, so that a hold or resume does not switch what the stream sends and decodes
        SessionDescription kept = Reoffers.keepingCodec(o, codec);
        SdpAnswer answer = writer.answer(kept, AcceptedMedia.audio(media.port()));
        if (!answer.acceptsAnything()) {
            SipLog.rejected(id, what, 488, "no offered stream can be answered");
            responses.send(tx, 488, null);
            return;
        }
        SessionTimer.Agreement agreed = SessionTimer.answer(tx.getRequest(), limits);
        responses.send(tx, 200, null, answer.text(), SessionTimer.responseHeaders(agreed));
        localSdp = answer.text();
        sessionRefreshed(agreed);
        Optional<MediaDescription> audio = kept.firstActive("audio");
        media.renegotiated(kept, audio);
        if (audio.isPresent()) {
            watchRtp(o, audio.get()); // a hold stops the watch, a resume starts it afresh
        } else {
            timers.stopRtp();
        }
    }

    void onInfo(ServerTransaction tx) {
        Request request = tx.getRequest();
        ContentTypeHeader header = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        String type = header == null ? null : header.getContentType() + "/" + header.getContentSubType();
        byte[] raw = request.getRawContent();
        try {
            char digit = InfoDtmf.parse(type, raw == null ? null : new String(raw, StandardCharsets.UTF_8)).digit();
            responses.send(tx, 200, null);
            if (phase != Phase.ENDED) {
                ctx.events().digitReceived(id, digit);
            }
        } catch (DtmfBodyException e) {
            boolean dtmfType = InfoDtmf.DTMF_RELAY.equalsIgnoreCase(type) || InfoDtmf.DTMF.equalsIgnoreCase(type);
            int status = dtmfType ? 400 : 415;
            SipLog.rejected(id, "INFO", status, e.getMessage());
            responses.send(tx, status, null, null, dtmfType ? List.of()
                    : List.<String[]>of(new String[] {"Accept", InfoDtmf.DTMF_RELAY + ", " + InfoDtmf.DTMF}));
        }
    }

    void onBye(ServerTransaction tx) {
        rejectPending(487); // RFC 3261 15.1.2: pending requests of the dialog get 487
        responses.send(tx, 200, null);
        if (phase != Phase.ENDED) {
            end(null);
        }
    }

    void onCancel() {
        if (phase == Phase.RINGING && inviteTx != null) {
            responses.send(inviteTx, 487, toTag);
            end(null);
        }
    }

    /** A response to a request this side sent in the dialog other than its INVITE or REFER: a BYE (nothing to do) or a session refresh. */
    private void onDialogResponse(ResponseEvent event) {
        SessionRefresher.Outcome outcome = session.onResponse(event);
        if (phase == Phase.CONNECTED) {
            switch (outcome) {
                case REFRESHED -> sessionRefreshed(session.agreement());
                case SEND_AGAIN -> sendRefresh();
                case SEND_LATER -> timers.refreshAgainIn(Duration.ofSeconds(1), this::sendRefresh);
                case FAILED -> endByUs(480);
                case NONE -> { }
            }
        }
    }

    /** A request this side sent in the dialog got no final response: a session refresh that timed out means the caller is gone. */
    private void onDialogRequestTimeout(ClientTransaction ct) {
        if (session.onTimeout(ct) == SessionRefresher.Outcome.FAILED && phase == Phase.CONNECTED) {
            endByUs(480);
        }
    }

    /**
     * The stack gave a dialog up (no ACK, early dialog timed out): when it is this call's dialog, the
     * other side is as good as gone. A call this side places also sees the early dialogs of INVITEs
     * that were challenged or answered by another branch end; those change nothing.
     */
    void onDialogTerminated(Dialog terminated) {
        if (phase != Phase.ENDED && terminated == dialog()) {
            rejectPending(487);
            end(null);
        }
    }

    private void onFaxTone() {
        if (phase == Phase.CONNECTED && !faxToneReported) {
            faxToneReported = true; // one CNG burst every 3.5 s: once is enough to hand the call off
            ctx.events().mediaDetected(id, MediaMode.G3FAX);
        }
    }

    private void onDigit(char digit) {
        if (phase != Phase.ENDED) {
            ctx.events().digitReceived(id, digit);
        }
    }

    // ---- the clocks that end a call whose caller has gone ----

    /** Starts the session timer again: a 2xx to a refresh, in either direction, is proof the caller is there. */
    private void sessionRefreshed(SessionTimer.Agreement agreed) {
        session.agreed(agreed);
        timers.sessionRefreshed(agreed, this::sendRefresh, this::onSessionExpired);
        factsMayHaveChanged(); // a re-INVITE or UPDATE may have moved the remote target
    }

    /** This side is the refresher and the refresh is due; tried again shortly if it cannot go out now. */
    private void sendRefresh() {
        if (phase != Phase.CONNECTED || !session.weRefresh() || session.inProgress()) {
            return;
        }
        // the caller's pending re-INVITE goes first; a refresh that cannot be sent is tried again,
        // and if it never goes out the session expires and the call ends
        if (pending != null || !session.send(dialog(), localSdp)) {
            timers.refreshAgainIn(Duration.ofSeconds(1), this::sendRefresh);
        } else {
            factsMayHaveChanged(); // our CSeq moved on
        }
    }

    private void onSessionExpired() {
        SessionTimer.Agreement agreed = session.agreement();
        if (phase == Phase.CONNECTED && agreed != null) {
            SipLog.sessionExpired(id, agreed.seconds(), agreed.weRefresh());
            endByUs(480);
        }
    }

    private void onRtpSilence() {
        if (phase == Phase.CONNECTED) {
            SipLog.rtpTimedOut(id, limits.rtpTimeoutSeconds());
            endByUs(480);
        }
    }

    private void onMaxLength() {
        if (phase != Phase.ENDED) {
            SipLog.maxLengthReached(id, limits.maxCallSeconds(), phase == Phase.RINGING);
            endByUs(480);
        }
    }

    /** Watches the answered audio for RTP when the caller is to send it: not on hold, audio decoded (not T.38). */
    private void watchRtp(SessionDescription o, MediaDescription audio) {
        String address = o.connectionOf(audio) == null ? null : o.connectionOf(audio).address();
        boolean callerSends = o.directionOf(audio) == Direction.SENDRECV && audio.isActive()
                && !"0.0.0.0".equals(address);
        if (media.decoding() && callerSends) {
            timers.watchRtp(limits.rtpTimeoutSeconds(), media::lastPacketNanos, this::onRtpSilence);
        } else {
            timers.stopRtp();
        }
    }

    /**
     * Ends the call from this side because its caller gave no sign of life in time: a ringing call
     * gets {@code ringingStatus}, an answered one a BYE; the core hears DISCONNECTED and IDLE (R24).
     */
    private void endByUs(int ringingStatus) {
        switch (phase) {
            case RINGING -> responses.send(inviteTx, ringingStatus, toTag);
            case CONNECTED -> {
                rejectPending(487);
                sendBye();
            }
            case ENDED -> {
                return;
            }
        }
        end(CallState.DISCONNECTED);
    }

    private void onReinviteTimeout(ServerTransaction tx) {
        if (pending != null && pending.tx() == tx) {
            SipLog.reinviteTimedOut(id, ctx.settings().reinviteTimeoutMillis());
            rejectPending(488);
        }
    }

    /**
     * The provider is stopping and this call did not end in time (or never started): free its
     * RTP stream and port. The one method that may run outside the serial executor (closing the
     * stream is thread-safe; the call's state is not touched).
     */
    void abandonMedia() {
        media.close();
    }

    // ---- helpers ----

    /** Answers a waiting T.38 re-INVITE 488 after sipReinviteTimeoutMillis, on the call's serial executor. */
    private ProviderTimer.Scheduled reinviteTimeout(ServerTransaction tx) {
        try {
            return ctx.provider().timer().schedule(Duration.ofMillis(ctx.settings().reinviteTimeoutMillis()),
                    () -> submit(() -> onReinviteTimeout(tx)));
        } catch (RejectedExecutionException e) {
            SipLog.refused(id, "the re-INVITE timeout", "the T.38 re-INVITE waits for an owner or the caller's BYE"
                    + " without a time limit", e);
            return () -> { };
        }
    }

    private void acceptPending() {
        PendingReinvite p = pending;
        pending = null;
        p.timeout().cancel();
        SdpAnswer answer = writer.answer(p.offer(), AcceptedMedia.t38(media.port()));
        ctx.bridges().breakOff(id, "call " + id + " switched to T.38 fax: it has no audio to relay");
        media.stopAudio();
        timers.stopRtp();
        SessionTimer.Agreement agreed = SessionTimer.answer(p.tx().getRequest(), limits);
        responses.send(p.tx(), 200, null, answer.text(), SessionTimer.responseHeaders(agreed));
        localSdp = answer.text();
        sessionRefreshed(agreed);
    }

    private void rejectPending(int status) {
        PendingReinvite p = pending;
        if (p != null) {
            pending = null;
            p.timeout().cancel();
            responses.send(p.tx(), status, null);
        }
    }

    /** This call's dialog: the incoming INVITE's, or the one the answer to ours confirmed (null before). */
    private Dialog dialog() {
        return inviteTx != null ? inviteTx.getDialog() : outbound.dialog();
    }

    // ---- what another node needs to end the call should this one die ----

    /**
     * Reports the dialog's {@link DialogFacts} to the core (for a cluster's call directory) when
     * they differ from the last report: first once the call is connected, then on every change.
     */
    private void reportFacts() {
        Dialog d = dialog();
        if (phase != Phase.CONNECTED || told || d == null) {
            return;
        }
        DialogFacts now;
        try {
            now = DialogFacts.of(d, transport, line);
        } catch (RuntimeException e) {
            SipLog.factsUnreported(id, e.toString());
            return;
        }
        if (!now.equals(reportedFacts)) {
            reportedFacts = now;
            ctx.events().recoveryFacts(id, now.toMap());
        }
    }

    /** After a change to the dialog: reported again if the call's facts were reported already. */
    private void factsMayHaveChanged() {
        if (reportedFacts != null) {
            reportFacts();
        }
    }

    private static boolean cameOverTls(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via != null && "TLS".equalsIgnoreCase(via.getTransport());
    }

    private void sendBye() {
        Dialog dialog = dialog();
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = ctx.sipProvider().getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            SipLog.sendFailed(id, "BYE", e);
        }
    }

    /**
     * Ends the call: frees its media and its place among sipMaxCalls, then tells the core:
     * {@code null} = the caller hung up (R24), DISCONNECTED = this side ended it (drop, 488). The
     * end is told after the reports the stream's close queued on this executor, so that a
     * recording the end stopped is reported, its file complete, before the call's end (the SPI's order).
     */
    private void end(CallState byUs) {
        release();
        submit(() -> tellEnd(byUs));
    }

    private void tellEnd(CallState byUs) {
        if (told) {
            return;
        }
        told = true;
        if (byUs == null) {
            ctx.events().remoteHangup(id);
        } else {
            ctx.events().callStateChanged(id, CallState.DISCONNECTED);
            ctx.events().callStateChanged(id, CallState.IDLE);
        }
    }

    /** Frees what the call holds; a pending transfer learns it failed first, so its result comes before the end. */
    private void release() {
        phase = Phase.ENDED;
        timers.stopAll();
        session.ended();
        if (transfer != null) {
            transfer.callEnded();
        }
        if (outbound != null) {
            outbound.callEnded();
        }
        media.close();
        ctx.calls().remove(this);
    }

    // ---- call control: make call (R30), redirect and blind transfer (R29) ----

    /**
     * The far end answered the INVITE this side sent with {@code audio} of its SDP {@code answer};
     * {@code offeredEvents} is the telephone-event payload type of our offer, the one its digits come in.
     */
    void outboundConnected(SessionDescription answer, MediaDescription audio, String answeredCodec, int offeredEvents) {
        if (phase != Phase.RINGING) {
            return;
        }
        phase = Phase.CONNECTED;
        codec = answeredCodec;
        media.answered(answer, audio, false);
        media.receiveEventsOn(offeredEvents);
        ctx.events().callStateChanged(id, CallState.CONNECTED);
        reportFacts();
    }

    /** A call this side placed ended before answer, for {@code reason}: the core hears DISCONNECTED with it, then IDLE (R30). */
    void failOutbound(DisconnectReason reason) {
        if (phase == Phase.ENDED) {
            return;
        }
        release();
        submit(() -> {
            if (!told) {
                told = true;
                ctx.events().callDisconnected(id, reason);
            }
        });
    }

    /** A response to a request this call sent: its INVITE, a REFER; BYE answers need nothing. */
    void onResponse(ResponseEvent event) {
        CSeqHeader cseq = (CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME);
        String method = cseq == null ? "" : cseq.getMethod();
        if (method.equals(Request.INVITE) && outbound != null) { // a placed call has no session refresher of ours
            outbound.onResponse(event);
        } else if (method.equals(Request.REFER) && transfer != null) {
            transfer.onResponse(event);
        } else {
            onDialogResponse(event);
        }
    }

    /** A request this call sent got no response at all. */
    void onClientTimeout(ClientTransaction timedOut) {
        String method = timedOut.getRequest().getMethod();
        if (method.equals(Request.INVITE) && outbound != null) { // a placed call has no session refresher of ours
            outbound.onTimeout(timedOut);
        } else if (method.equals(Request.REFER) && transfer != null) {
            transfer.onTimeout(timedOut);
        } else {
            onDialogRequestTimeout(timedOut);
        }
    }

    /** A NOTIFY in this call's dialog: the progress of a transfer, or of nothing we know (481). */
    void onNotify(ServerTransaction tx) {
        if (phase == Phase.ENDED || transfer == null) {
            SipLog.rejected(id, "NOTIFY", 481, "no transfer of this call is waiting for news");
            responses.send(tx, 481, null);
            return;
        }
        transfer.onNotify(tx);
    }

    /**
     * Answers the ringing INVITE 302 with {@code destination} as Contact (R29) and reports the
     * result as operation {@code opId}. After a success nothing more is reported: the core ends the
     * call for every handle.
     */
    void redirect(SipURI destination, String opId) {
        String refusal = redirectRefusal();
        if (refusal == null) {
            try {
                Response moved = responses.build(inviteTx.getRequest(), 302, toTag, null, List.of());
                moved.addHeader(ctx.headers().createContactHeader(ctx.addresses().createAddress(destination)));
                inviteTx.sendResponse(moved);
            } catch (Exception e) {
                refusal = "the 302 could not be sent: " + e.getMessage();
            }
        }
        ControlResult result = refusal == null ? ControlResult.SUCCESS : ControlResult.FAILED;
        String detail = refusal == null ? "302 Moved Temporarily to " + destination : refusal;
        SipLog.controlResult(id, "redirect to " + destination, result, detail);
        if (refusal == null) {
            told = true; // the core ends the call on this report: nothing more about it
            release();
        }
        ctx.events().transferFinished(id, opId, result == ControlResult.SUCCESS, detail);
    }

    private String redirectRefusal() {
        if (phase != Phase.RINGING) {
            return "the call is " + (phase == Phase.CONNECTED ? "already answered" : "over");
        }
        if (inviteTx == null) {
            return "the call was placed by this side; only an incoming call can be redirected";
        }
        TransactionState state = inviteTx.getState();
        if (state != TransactionState.PROCEEDING && state != TransactionState.TRYING) {
            return "its INVITE transaction is already " + state;
        }
        return null;
    }

    /**
     * Transfers the connected call with REFER (R29), reported as operation {@code opId}. A success
     * is reported once the call's recordings are (CANCELLED); then the provider sends BYE and
     * reports nothing more about the call, which the core ends for every handle.
     */
    void blindTransfer(SipURI destination, String opId) {
        String refusal = phase != Phase.CONNECTED ? "the call is not connected"
                : transfer != null ? "a transfer of the call is already under way" : null;
        if (refusal != null) {
            SipLog.controlResult(id, "blind transfer to " + destination, ControlResult.FAILED, refusal);
            ctx.events().transferFinished(id, opId, false, refusal);
            return;
        }
        transfer = new BlindTransfer(ctx, id, dialog(), destination,
                (result, detail) -> transferFinished(opId, result, detail));
        transfer.start(this::submit);
        factsMayHaveChanged(); // the REFER took a CSeq
    }

    private void transferFinished(String opId, ControlResult result, String detail) {
        transfer = null;
        if (result != ControlResult.SUCCESS || phase != Phase.CONNECTED) {
            factsMayHaveChanged();
            ctx.events().transferFinished(id, opId, false, detail);
            return;
        }
        media.stopRecording(); // its report (CANCELLED, the file complete) is queued: it goes before the success
        submit(() -> transferSucceeded(opId, detail));
    }

    private void transferSucceeded(String opId, String detail) {
        if (told) {
            return; // the call ended first and the core heard of it, which answered the transfer FAILED
        }
        told = true; // the core ends the call on this report: nothing more about it
        if (phase == Phase.CONNECTED) {
            rejectPending(487);
            sendBye();
            release();
        }
        ctx.events().transferFinished(id, opId, true, detail);
    }

    // ---- media (R25-R28) ----

    /** Plays {@code prompts} one after the other, reported as {@code opId} (DONE at their end). */
    void play(String opId, List<Prompt> prompts) {
        if (!hasAudioFor(opId, "play " + opId)) {
            return;
        }
        try {
            media.play(opId, ctx.prompts().sequence(prompts));
        } catch (PromptException | RuntimeException e) {
            mediaFailed(opId, "play " + opId, e.getMessage());
        }
    }

    /** Sends DTMF {@code digits} (RFC 4733), reported as {@code opId}. */
    void generateDigits(String opId, String digits) {
        if (!hasAudioFor(opId, "generate digits " + opId)) {
            return;
        }
        try {
            media.generateDigits(opId, digits);
        } catch (RuntimeException e) {
            mediaFailed(opId, "generate digits " + opId, e.getMessage());
        }
    }

    /** Records the caller to {@code request.file()}, reported as {@code opId} with the length recorded. */
    void record(String opId, RecordRequest request) {
        if (!hasAudioFor(opId, "record " + opId)) {
            return;
        }
        try {
            media.record(opId, request);
        } catch (RuntimeException e) {
            mediaFailed(opId, "record " + opId, e.getMessage());
        }
    }

    /** Whether the call has answered audio (not T.38, not over): what a bridge joins. Any thread. */
    boolean hasAudio() {
        return media.decoding();
    }

    /** The call's RTP stream, for a bridge. */
    RtpStream mediaStream() {
        return media.stream();
    }

    /** Stops {@code opId} if it still runs; an operation that has ended or is unknown is ignored (SPI). */
    void stopMedia(String opId) {
        media.stop(opId);
    }

    /**
     * Whether the call has answered audio to play to or record: else the operation fails at once
     * (R33), unless the call has ended, whose end ends it (HANGUP, in the core).
     */
    private boolean hasAudioFor(String opId, String what) {
        if (phase == Phase.CONNECTED && media.decoding()) {
            return true;
        }
        if (phase != Phase.ENDED) {
            mediaFailed(opId, what, phase == Phase.RINGING ? "the call is not answered"
                    : "the call has no audio (it switched to T.38 fax)");
        }
        return false;
    }

    private void mediaFailed(String opId, String what, String why) {
        SipLog.mediaFailed(id, what, why);
        mediaFinished(opId, MediaEndReason.FAILED, Duration.ZERO);
    }

    /** An operation ended: the core hears of it unless the call is already over for it. */
    private void mediaFinished(String opId, MediaEndReason reason, Duration recorded) {
        if (!told) {
            ctx.events().mediaFinished(id, opId, reason, recorded);
        }
    }
}
