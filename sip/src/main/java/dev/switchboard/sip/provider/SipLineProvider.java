package dev.switchboard.sip.provider;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderFeature;
import dev.switchboard.core.spi.ProviderResources;
import dev.switchboard.sip.rtp.MediaEngine;
import dev.switchboard.sip.rtp.PacingLoop;
import dev.switchboard.sip.rtp.PortRange;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;

/**
 * The SIP line provider: a user agent server on jain-sip-ri. Each line is a request-URI user
 * ({@code sip:fax-in@host} is on line {@code fax-in}); each dialog is one call whose id is its
 * Call-ID. See docs/sip.md for the mapping of SIP messages to events and states.
 *
 * <p>Threads: jain-sip reads the network on its own transport threads (the stack takes no
 * executor) and handles the messages on one thread, in the order they arrived; its listener only
 * hands each message to the call's serial executor. Everything else runs on the threads of the
 * {@link ProviderContext} the switchboard starts the provider with; the provider makes none: the
 * calls' handlers on its executor, the clocks on its timer, and one {@link MediaEngine} for every
 * call's RTP on its long-running executor ({@code sipMediaThreads} I/O loops and one pacing loop,
 * however many calls there are).
 */
public final class SipLineProvider implements LineProvider {
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final ProviderCapabilities CAPABILITIES =
            new ProviderCapabilities(true, MediaMode.G3FAX.bit(), true).with(ProviderFeature.PLAY,
                    ProviderFeature.RECORD, ProviderFeature.GENERATE_DIGITS, ProviderFeature.REDIRECT,
                    ProviderFeature.BLIND_TRANSFER, ProviderFeature.MAKE_CALL, ProviderFeature.BRIDGE);
    /** How long stop waits for the calls' BYEs to go out before the stack stops. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String name;
    private final SipSettings settings;
    private volatile Running running;

    /** How long stop waits for the media engine to give its threads back. */
    private static final long ENGINE_STOP_MILLIS = 2000;

    /** What exists while started. */
    private record Running(SipStackImpl stack, SipContext ctx, SipCallControl control, OrphanCalls orphans) {
    }

    public SipLineProvider(String name, SipSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> lines() {
        return settings.lines();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    public SipSettings settings() {
        return settings;
    }

    @Override
    public synchronized void start(ProviderContext context) {
        if (running != null) {
            throw new IllegalStateException("SIP provider '" + name + "' is already started");
        }
        settings.tls().check(); // the stack would only log a keystore it cannot read
        Objects.requireNonNull(context, "context");
        SipStackImpl stack = null;
        MediaEngine engine = startEngine(context);
        Admission admission;
        try {
            stack = new SipStackImpl(stackProperties());
            // before any listening point: every request passes admission before it gets a transaction
            admission = Admission.of(settings.admission(), context.timer(), new HeaderFactoryImpl(),
                    new AddressFactoryImpl());
            stack.sipMessageValves.add(admission);
            ListeningPoint lp = stack.createListeningPoint(settings.listenAddress(), settings.port(), settings.transport());
            SipProvider sipProvider = stack.createSipProvider(lp);
            if (settings.tls().enabled()) {
                sipProvider.addListeningPoint(stack.createListeningPoint(settings.listenAddress(),
                        settings.tls().port(), "tls"));
            }
            SipContext ctx = new SipContext(settings, sipProvider, new MessageFactoryImpl(), new HeaderFactoryImpl(),
                    new AddressFactoryImpl(), context, new PortRange(InetAddress.getByName(settings.listenAddress()),
                            settings.rtpPortMin(), Math.min(settings.rtpPortMax(), 65534)), engine, new Prompts(),
                    new Bridges(context.events()), new CallRegistry(settings.maxCalls()));
            sipProvider.addSipListener(new RequestRouter(ctx));
            stack.sipMessageValves.add(new DialogLayerValve(stack, new Responses(ctx)));
            stack.start();
            running = new Running(stack, ctx, new SipCallControl(ctx), new OrphanCalls(ctx));
        } catch (Exception e) {
            if (stack != null) {
                stack.stop();
            }
            stopEngine(engine);
            throw new IllegalStateException("SIP provider '" + name + "' cannot listen on " + settings.listenAddress()
                    + ":" + settings.port() + "/" + settings.transport() + " (" + SipSettings.LISTEN_ADDRESS + ", "
                    + SipSettings.PORT + ", " + SipSettings.TRANSPORT + ")"
                    + (settings.tls().enabled() ? " or TLS port " + settings.tls().port() + " (" + SipSettings.TLS_PORT
                    + ")" : "") + ": " + e.getMessage(), e);
        }
        SipLog.started(settings.listenAddress(), settings.port(), settings.transport(), settings.lines(),
                settings.defaultLine());
        admission.logSettings();
        if (settings.tls().enabled()) {
            SipLog.tlsListening(settings.listenAddress(), settings.tls().port(), TlsSettings.PROTOCOLS,
                    settings.tls().clientAuth().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The media engine for every call's RTP: its I/O loops and its pacing loop are long-running
     * work on the context's executor for that (the WorkManager's long-running pool in the adapter).
     */
    private MediaEngine startEngine(ProviderContext context) {
        MediaSettings media = settings.media();
        try {
            return new MediaEngine(media.engineConfig(), context.longRunningExecutor(),
                    new PacingLoop(context.longRunningExecutor(), media.pacerThreadName()));
        } catch (IOException e) {
            throw new IllegalStateException("SIP provider '" + name + "' cannot start its RTP media engine ("
                    + MediaSettings.THREADS + " " + media.threads() + " I/O threads and one pacing thread, all from"
                    + " the adapter's long-running work): " + e.getMessage(), e);
        }
    }

    private static void stopEngine(MediaEngine engine) {
        engine.close();
        try {
            if (!engine.awaitStopped(ENGINE_STOP_MILLIS)) {
                SipLog.engineStopWaitedInVain(ENGINE_STOP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        // unique: the stack keeps static state by name
        p.setProperty("javax.sip.STACK_NAME", "switchboard-" + name + "-" + settings.port() + "-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", LoggingMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // One byte over the limit: it is also the UDP receive buffer, and a datagram that fills it is
        // then surely over sipMaxMessageSize (the parser marks it for a 513) even though the rest was cut.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(settings.maxMessageSize() + 1));
        p.setProperty(LoggingMessageParserFactory.MAX_MESSAGE_SIZE_PROPERTY, String.valueOf(settings.maxMessageSize()));
        // One message thread: the stack checks each in-dialog request's CSeq against the last one it
        // saw, so with several threads taking datagrams from one queue, a burst of in-order INFOs
        // could be checked out of order and one answered "500 Request out of order". The listener
        // only hands work to the calls' executors, so one thread keeps up.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", String.valueOf(Math.max(1000, 10 * settings.maxCalls())));
        settings.tls().addStackProperties(p);
        return p;
    }

    @Override
    public void stop() {
        Running r;
        synchronized (this) {
            r = running;
            running = null;
        }
        if (r == null) {
            return;
        }
        CallRegistry calls = r.ctx().calls();
        for (SipCall call : calls.all()) {
            try {
                call.submit(call::drop);
            } catch (RejectedExecutionException e) {
                call.abandonMedia(); // no thread to send its BYE on: at least free its RTP port
            }
        }
        try {
            // let the drops send their BYEs before the stack goes
            if (!calls.awaitEmpty(STOP_WAIT)) {
                List<SipCall> left = List.copyOf(calls.all());
                SipLog.stopWaitedInVain(left.size());
                left.forEach(SipCall::abandonMedia);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.all().forEach(SipCall::abandonMedia);
        }
        r.stack().stop();
        stopEngine(r.ctx().media());
        SipLog.stopped();
    }

    @Override
    public void answer(String providerCallId) {
        long askedAt = System.nanoTime(); // before the call's serial queue: its wait is part of the answer's latency
        onCall(providerCallId, call -> call.answer(askedAt));
    }

    @Override
    public void drop(String providerCallId) {
        onCall(providerCallId, SipCall::drop);
    }

    @Override
    public void mediaModeChanged(String providerCallId, int mediaModes) {
        onCall(providerCallId, call -> call.mediaModeChanged(mediaModes));
    }

    /**
     * Ends a call a dead node of the cluster held, with a BYE built from the {@link DialogFacts}
     * that node reported (see {@link OrphanCalls}); returns at once, false when the facts cannot
     * be used (logged, SWB3062). The outcome is logged (SWB3060, SWB3061).
     */
    @Override
    public boolean endOrphan(Map<String, String> facts) {
        Running r = running;
        if (r == null) {
            SipLog.orphanRefused(facts == null ? null : facts.get(DialogFacts.CALL_ID),
                    "SIP provider '" + name + "' is not started");
            return false;
        }
        return r.orphans().end(facts);
    }

    @Override
    public boolean hasCall(String providerCallId) {
        Running r = running;
        return r != null && r.ctx().calls().get(providerCallId) != null;
    }

    /** The dialogs not yet ended and the RTP streams (each with its port) still open. */
    @Override
    public ProviderResources resources() {
        Running r = running;
        return r == null ? ProviderResources.NONE
                : new ProviderResources(r.ctx().calls().size(), r.ctx().media().streams());
    }

    /** Runs an owner's request on the call's executor; a call that has ended meanwhile ignores it. */
    private void onCall(String providerCallId, Consumer<SipCall> action) {
        Running r = running;
        SipCall call = r == null ? null : r.ctx().calls().get(providerCallId);
        if (call != null) {
            call.submit(() -> action.accept(call));
        }
    }

    // ---- media (R25-R28) ----

    /** Plays the prompts on the call's stream (files read on the call's executor, not the caller's thread). */
    @Override
    public void play(String providerCallId, String operationId, List<Prompt> prompts) {
        onLiveCall(providerCallId, "play", call -> call.play(operationId, List.copyOf(prompts)));
    }

    @Override
    public void record(String providerCallId, String operationId, RecordRequest request) {
        onLiveCall(providerCallId, "record", call -> call.record(operationId, request));
    }

    @Override
    public void generateDigits(String providerCallId, String operationId, String digits) {
        onLiveCall(providerCallId, "generate digits", call -> call.generateDigits(operationId, digits));
    }

    /** Stops the operation if it still runs; an ended call or operation is ignored. */
    @Override
    public void stopMedia(String providerCallId, String operationId) {
        onCall(providerCallId, call -> call.stopMedia(operationId));
    }

    // ---- bridging (R31) ----

    /** Relays the two calls' RTP both ways until unbridged or either ends; see {@link Bridges}. */
    @Override
    public void bridge(String bridgeId, String providerCallIdA, String providerCallIdB) {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("SIP provider '" + name + "' is not started");
        }
        r.ctx().bridges().bridge(bridgeId, liveCall(r, providerCallIdA, "bridge"),
                liveCall(r, providerCallIdB, "bridge"));
    }

    @Override
    public void unbridge(String bridgeId) {
        Running r = running;
        if (r != null) {
            r.ctx().bridges().unbridge(bridgeId);
        }
    }

    private SipCall liveCall(Running r, String providerCallId, String what) {
        SipCall call = r.ctx().calls().get(providerCallId);
        if (call == null) {
            throw new IllegalStateException("no call " + providerCallId + " on SIP provider '" + name
                    + "' (it has ended): cannot " + what);
        }
        return call;
    }

    /**
     * Runs {@code action} on the call's executor; a call the provider no longer has is refused at
     * once (the core makes the operation FAILED, R33, and hears of the call's end anyway).
     */
    private void onLiveCall(String providerCallId, String what, Consumer<SipCall> action) {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("SIP provider '" + name + "' is not started: cannot " + what);
        }
        SipCall call = liveCall(r, providerCallId, what);
        call.submit(() -> action.accept(call));
    }

    // ---- call control (R29, R30) ----

    /** Places the call the core named {@code providerCallId} (R30); see {@link SipCallControl#makeCall}. */
    @Override
    public void makeCall(String providerCallId, String line, String destination, int mediaModes) {
        control().makeCall(providerCallId, line, destination, mediaModes);
    }

    /** Answers the ringing call 302 (R29); see {@link SipCallControl#redirect}. */
    @Override
    public void redirect(String providerCallId, String operationId, String destination) {
        control().redirect(providerCallId, operationId, destination);
    }

    /** Transfers the connected call with REFER (R29); see {@link SipCallControl#blindTransfer}. */
    @Override
    public void blindTransfer(String providerCallId, String operationId, String destination) {
        control().blindTransfer(providerCallId, operationId, destination);
    }

    private SipCallControl control() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("SIP provider '" + name + "' is not started");
        }
        return r.control();
    }
}
