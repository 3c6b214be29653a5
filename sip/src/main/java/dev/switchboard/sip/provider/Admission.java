package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.sip.provider.AdmissionSettings.LimitedRequests;
import dev.switchboard.sip.provider.AdmissionSettings.RefusalMode;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Admission control: decides, for every request, before the stack makes a transaction or a
 * dialog for it, whether it may come in. In order: the source address must be in
 * {@code sipAllowedPeers}; the source must be within its rate limit; a request of a method in
 * {@code sipAuthMethods} must carry valid digest credentials. The first check that fails refuses
 * the request with 403, 503 (Retry-After) or 401 (WWW-Authenticate), or drops it silently.
 *
 * <p>It is a jain-sip message valve (gov.nist.javax.sip.stack.SIPMessageValve), not a check in
 * the listener, because by the time the listener runs the stack has already made a server
 * transaction: any answer would be retransmitted until an ACK that a spoofed or scanning source
 * never sends (about 19 times the bytes of the request), and the dialog layer would already have
 * answered some requests (481, 500) on its own. Here an answer is one datagram on the channel the
 * request came on, with no transaction and no retransmission; a dropped request leaves nothing.
 * It runs on the stack's transport threads, so it only decides and sends; it never throws.
 */
final class Admission implements SIPMessageValve {
    private final AdmissionSettings settings;
    private final RateLimiter rateLimiter;
    private final DigestVerifier digest;
    private final RefusalLog log;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final SecureRandom random = new SecureRandom();

    /** Why a request is refused and what it gets if answered. */
    private record Refusal(RefusalLog.Kind kind, int status, String reason, List<Header> headers,
                           boolean answeredEvenWhenDropping) {
    }

    Admission(AdmissionSettings settings, RateLimiter rateLimiter, DigestVerifier digest, RefusalLog log,
              HeaderFactory headers, AddressFactory addresses) {
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.digest = digest;
        this.log = log;
        this.headers = headers;
        this.addresses = addresses;
    }

    /** The admission the settings ask for, on the real clocks; refusals' last counts are logged on {@code timer}. */
    static Admission of(AdmissionSettings s, ProviderTimer timer, HeaderFactory headers, AddressFactory addresses) {
        RateLimiter limiter = s.limitsRate() ? new RateLimiter(s.ratePerSecond(), s.rateBurst(), System::nanoTime)
                : null;
        DigestVerifier verifier = s.authenticates() ? new DigestVerifier(s.authRealm(), s.authUsers(),
                s.nonceLifetimeMillis(), System::currentTimeMillis, new SecureRandom()) : null;
        RefusalLog log = new RefusalLog(s.refusalLogIntervalMillis(), s.refusalMode() == RefusalMode.ANSWER, timer);
        return new Admission(s, limiter, verifier, log, headers, addresses);
    }

    /** Logs what is in force (SWB3042). */
    void logSettings() {
        AdmissionSettings s = settings;
        SipLog.admission(s.allowedPeers().toString(),
                s.limitsRate() ? s.ratePerSecond() + "/s per source, bursts of " + s.rateBurst() + ", counting "
                        + (s.limitedRequests() == LimitedRequests.INVITE ? "new INVITEs" : "every request but ACK") : "off",
                s.authenticates() ? "on for " + s.authMethods() + ", realm " + s.authRealm() + ", "
                        + s.authUsers().size() + " users" : "off",
                s.refusalMode() == RefusalMode.ANSWER ? "answered without retransmission" : "dropped");
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        try {
            InetAddress source = channel.getPeerPacketSourceAddress();
            Refusal refusal = check(request, source);
            if (refusal == null) {
                return true;
            }
            refuse(request, channel, source, refusal);
        } catch (RuntimeException e) {
            SipLog.admissionFailed(e);
        }
        return false;
    }

    /** The reason to refuse the request, or null to let it in. */
    private Refusal check(SIPRequest request, InetAddress source) {
        String method = request.getMethod();
        if (source == null || !settings.allowedPeers().allows(source)) {
            return new Refusal(RefusalLog.Kind.NOT_ALLOWED, Response.FORBIDDEN,
                    "source address is not in " + SipSettings.ALLOWED_PEERS + " " + settings.allowedPeers(),
                    List.of(), false);
        }
        if (method.equals(Request.ACK)) {
            return null; // never limited or challenged: it ends a transaction the peer is entitled to end
        }
        if (rateLimiter != null && counted(request)) {
            long wait = rateLimiter.tryAcquire(source);
            if (wait > 0) {
                return new Refusal(RefusalLog.Kind.RATE, Response.SERVICE_UNAVAILABLE, "over "
                        + settings.ratePerSecond() + " requests a second (bursts of " + settings.rateBurst() + ")",
                        List.of(retryAfter(wait)), false);
            }
        }
        if (digest != null && settings.authMethods().contains(method)) {
            return authenticate(request);
        }
        return null;
    }

    private boolean counted(SIPRequest request) {
        return settings.limitedRequests() == LimitedRequests.ALL
                || request.getMethod().equals(Request.INVITE) && request.getToTag() == null;
    }

    private Refusal authenticate(SIPRequest request) {
        AuthorizationHeader auth = authorization(request);
        if (auth == null) {
            // the first request of every authenticated call: a challenge, not a refusal worth a log line
            return new Refusal(null, Response.UNAUTHORIZED, "no credentials", List.of(challenge(false)), true);
        }
        String uri = auth.getParameter("uri");
        DigestVerifier.Credentials c = new DigestVerifier.Credentials(auth.getUsername(), auth.getRealm(),
                auth.getNonce(), uri, auth.getResponse(), auth.getAlgorithm(), auth.getCNonce(),
                auth.getParameter("nc"), auth.getQop());
        DigestVerifier.Result result;
        if (!digestUriIsRequestUri(uri, request)) {
            result = new DigestVerifier.Result(DigestVerifier.Outcome.REFUSED, "digest uri '" + uri
                    + "' is not the request-URI");
        } else {
            result = digest.verify(request.getMethod(), c, request.getTransactionId() + " " + request.getMethod());
        }
        return switch (result.outcome()) {
            case ACCEPTED -> null;
            case STALE -> new Refusal(null, Response.UNAUTHORIZED, result.reason(), List.of(challenge(true)), true);
            case REFUSED -> new Refusal(RefusalLog.Kind.AUTH, Response.UNAUTHORIZED, "user '" + auth.getUsername()
                    + "': " + result.reason(), List.of(challenge(false)), false);
        };
    }

    /** The Digest credentials for this server's realm; failing that the first Digest ones; else null. */
    private AuthorizationHeader authorization(SIPRequest request) {
        AuthorizationHeader first = null;
        ListIterator<?> all = request.getHeaders(AuthorizationHeader.NAME);
        while (all != null && all.hasNext()) {
            if (all.next() instanceof AuthorizationHeader h && "Digest".equalsIgnoreCase(h.getScheme())) {
                if (digest.realm().equals(h.getRealm())) {
                    return h;
                }
                first = first == null ? h : first;
            }
        }
        return first;
    }

    /** RFC 3261 22.4: the digest URI is the request-URI, compared as SIP URIs compare. */
    private boolean digestUriIsRequestUri(String uri, SIPRequest request) {
        if (uri == null) {
            return false;
        }
        try {
            return addresses.createURI(uri).equals(request.getRequestURI());
        } catch (ParseException e) {
            return false;
        }
    }

    private Header challenge(boolean stale) {
        try {
            WWWAuthenticateHeader h = headers.createWWWAuthenticateHeader("Digest");
            h.setRealm(digest.realm());
            h.setNonce(digest.newNonce());
            h.setAlgorithm(DigestVerifier.ALGORITHM);
            h.setQop(DigestVerifier.QOP);
            if (stale) {
                h.setStale(true);
            }
            return h;
        } catch (ParseException e) {
            throw new IllegalStateException("a WWW-Authenticate header for realm " + digest.realm(), e);
        }
    }

    private Header retryAfter(long seconds) {
        try {
            return headers.createRetryAfterHeader((int) Math.min(Integer.MAX_VALUE, seconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("Retry-After " + seconds, e);
        }
    }

    private void refuse(SIPRequest request, MessageChannel channel, InetAddress source, Refusal r) {
        String method = request.getMethod();
        if (r.kind() != null) {
            log.refused(source, r.kind(), method + " " + request.getRequestURI(), r.reason());
        }
        boolean answer = !method.equals(Request.ACK)
                && (settings.refusalMode() == RefusalMode.ANSWER || r.answeredEvenWhenDropping());
        if (answer) {
            send(request, channel, r);
        }
        if (r.kind() == RefusalLog.Kind.NOT_ALLOWED && channel.isReliable()) {
            channel.close(); // a connection from outside the allowlist has nothing more to say
        }
    }

    /** One response on the request's channel: no transaction, so nothing is ever retransmitted. */
    private void send(SIPRequest request, MessageChannel channel, Refusal r) {
        SIPResponse response = request.createResponse(r.status());
        try {
            if (request.getMethod().equals(Request.INVITE) && response.getToTag() == null) {
                byte[] tag = new byte[8];
                random.nextBytes(tag);
                response.setToTag(HexFormat.of().formatHex(tag));
            }
            for (Header h : r.headers()) {
                response.addHeader(h);
            }
            channel.sendMessage(response);
        } catch (IOException | RuntimeException e) {
            SipLog.sendFailed(NetworkText.printable(Responses.callIdOf(request)), r.status() + " to "
                    + request.getMethod() + " (stateless)", e);
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true; // responses only match the provider's own client transactions (its BYEs)
    }

    @Override
    public void init(SipStack stack) {
        // made and added by SipLineProvider, not by the stack's SIP_MESSAGE_VALVE property
    }

    @Override
    public void destroy() {
        log.flush(); // the stack stops: log the counts of refusals not yet logged
    }
}
