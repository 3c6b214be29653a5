package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.SettingsReader;
import dev.switchboard.sip.control.DigestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SIP provider's configuration, read from the adapter's properties and checked; every problem
 * names the property and the value. It owns the defaults ({@code DEFAULT_*}): nothing else decides
 * what an unset {@code sip*} property means.
 *
 * @param lines        the lines, each the user part of the request-URI that reaches it
 * @param defaultLine  the line for request-URI users that name no line, or null to answer them 404
 * @param rtpPortMin   the first local port for RTP and T.38 (even: RTP's convention)
 * @param maxQueueDelayMillis new calls get 503 while work has waited longer than this for a thread
 *                     (the adapter's queueing delay); 0 = never for that
 * @param outbound     how calls this side places and transfers are sent
 * @param admission    who may send requests and how often (allowlist, rate limit, digest authentication)
 * @param tls          the SIP over TLS listener, if any
 * @param limits       how long a call may go without proof of its caller (session timer, RTP, length)
 * @param media        the RTP media engine's threads
 */
public record SipSettings(String listenAddress, int port, String transport, List<String> lines, String defaultLine,
                          int rtpPortMin, int rtpPortMax, long reinviteTimeoutMillis, int maxMessageSize,
                          int maxCalls, long maxQueueDelayMillis, Outbound outbound, AdmissionSettings admission, TlsSettings tls,
                          CallLimits limits, MediaSettings media) {

    public static final String LISTEN_ADDRESS = "sipListenAddress";
    public static final String PORT = "sipPort";
    public static final String TRANSPORT = "sipTransport";
    public static final String LINES = "sipLines";
    public static final String DEFAULT_LINE = "sipDefaultLine";
    public static final String RTP_PORT_RANGE = "sipRtpPortRange";
    public static final String REINVITE_TIMEOUT = "sipReinviteTimeoutMillis";
    public static final String MAX_MESSAGE_SIZE = "sipMaxMessageSize";
    public static final String MAX_CALLS = "sipMaxCalls";
    public static final String MAX_QUEUE_DELAY = "sipMaxQueueDelayMillis";
    public static final String OUTBOUND_PROXY = "sipOutboundProxy";
    public static final String AUTH_USERNAME = "sipAuthUsername";
    public static final String AUTH_PASSWORD = "sipAuthPassword";
    public static final String NO_ANSWER_TIMEOUT = "sipNoAnswerTimeoutMillis";
    public static final String TRANSFER_TIMEOUT = "sipTransferTimeoutMillis";
    // admission control and TLS (AdmissionSettings, TlsSettings)
    public static final String ALLOWED_PEERS = "sipAllowedPeers";
    public static final String RATE_LIMIT = "sipRateLimit";
    public static final String RATE_BURST = "sipRateBurst";
    public static final String RATE_LIMITED_REQUESTS = "sipRateLimitedRequests";
    public static final String AUTH_USERS = "sipAuthUsers";
    public static final String AUTH_REALM = "sipAuthRealm";
    public static final String AUTH_METHODS = "sipAuthMethods";
    public static final String AUTH_NONCE_LIFETIME = "sipAuthNonceLifetimeMillis";
    public static final String REFUSAL_MODE = "sipRefusalMode";
    public static final String REFUSAL_LOG_INTERVAL = "sipRefusalLogIntervalMillis";
    public static final String TLS_PORT = "sipTlsPort";
    public static final String TLS_KEY_STORE = "sipTlsKeyStore";
    public static final String TLS_KEY_STORE_PASSWORD = "sipTlsKeyStorePassword";
    public static final String TLS_KEY_STORE_TYPE = "sipTlsKeyStoreType";
    public static final String TLS_TRUST_STORE = "sipTlsTrustStore";
    public static final String TLS_TRUST_STORE_PASSWORD = "sipTlsTrustStorePassword";
    public static final String TLS_TRUST_STORE_TYPE = "sipTlsTrustStoreType";
    public static final String TLS_CLIENT_AUTH = "sipTlsClientAuth";

    // The defaults: the values used when a property is unset. The resource adapter's @ConfigProperty
    // defaults show the same text to administrators; a test in the rar module proves they agree.
    public static final String DEFAULT_LISTEN_ADDRESS = "127.0.0.1";
    /** A system property moves the port per server, so a test server never collides with a hand-started one. */
    public static final String DEFAULT_PORT = "${switchboard.sip.port:5060}";
    public static final String DEFAULT_TRANSPORT = "udp";
    public static final String DEFAULT_LINES = "sip";
    /** So that a trunk's dialled numbers all land somewhere; set empty for 404. */
    public static final String DEFAULT_DEFAULT_LINE = "sip";
    public static final String DEFAULT_RTP_PORT_RANGE = "${switchboard.sip.rtpPortRange:40000-40999}";
    public static final String DEFAULT_REINVITE_TIMEOUT = "10000";
    public static final String DEFAULT_MAX_MESSAGE_SIZE = "8192";
    public static final String DEFAULT_MAX_CALLS = "${switchboard.sip.maxCalls:200}";
    /**
     * A call's answer takes about four hand-overs to a thread (INVITE handler, delivery to the owner,
     * the answer's task, the 200); at 100 ms each the 200 still goes out before the caller's first
     * INVITE retransmission at 500 ms (RFC 3261 T1), so refusing beyond it keeps retransmissions away.
     */
    public static final String DEFAULT_MAX_QUEUE_DELAY = "${switchboard.sip.maxQueueDelay:100}";
    /** Empty: INVITEs go straight to the destination's host; a destination must then be a full sip: URI. */
    public static final String DEFAULT_OUTBOUND_PROXY = "";
    public static final String DEFAULT_AUTH_USERNAME = "";
    /** How long an outbound call may be PROCEEDING or RINGBACK before it is cancelled as NOANSWER. */
    public static final String DEFAULT_NO_ANSWER_TIMEOUT = "60000";
    /** How long a blind transfer waits for the NOTIFY with its final status before it is FAILED. */
    public static final String DEFAULT_TRANSFER_TIMEOUT = "30000";
    /** Loopback only: a server is reachable from elsewhere only once the administrator says from where. */
    public static final String DEFAULT_ALLOWED_PEERS = "127.0.0.0/8,::1";
    /** New calls a second per source address; well above a trunk's usual rate, far below a flood. */
    public static final String DEFAULT_RATE_LIMIT = "${switchboard.sip.rateLimit:50}";
    public static final String DEFAULT_RATE_BURST = "${switchboard.sip.rateBurst:100}";
    public static final String DEFAULT_RATE_LIMITED_REQUESTS = "invite";
    // sipAuthUsers has no default: unset = no digest authentication
    public static final String DEFAULT_AUTH_REALM = "switchboard";
    public static final String DEFAULT_AUTH_METHODS = "INVITE";
    public static final String DEFAULT_AUTH_NONCE_LIFETIME = "300000";
    public static final String DEFAULT_REFUSAL_MODE = "answer";
    public static final String DEFAULT_REFUSAL_LOG_INTERVAL = "60000";
    // sipTlsPort, the stores and their passwords have no default: unset sipTlsPort = no TLS
    public static final String DEFAULT_TLS_KEY_STORE_TYPE = "PKCS12";
    public static final String DEFAULT_TLS_TRUST_STORE_TYPE = "PKCS12";
    public static final String DEFAULT_TLS_CLIENT_AUTH = "none";

    public SipSettings {
        lines = List.copyOf(lines);
    }

    /** Reads the settings; unset ones take the defaults above, and an empty {@code sipDefaultLine} means none. */
    public static SipSettings from(Map<String, String> settings) {
        SettingsReader read = new SettingsReader(settings);
        String address = read.text(LISTEN_ADDRESS, DEFAULT_LISTEN_ADDRESS);
        if (address.contains(" ") || address.equals("0.0.0.0") || address.equals("::")) {
            throw new IllegalArgumentException(LISTEN_ADDRESS + " '" + address + "' must be one concrete address:"
                    + " it is also the address sent in Contact and SDP");
        }
        int port = read.wholeNumber(PORT, DEFAULT_PORT, 1, 65535);
        String transport = read.text(TRANSPORT, DEFAULT_TRANSPORT).toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException(TRANSPORT + " '" + transport + "' must be udp or tcp");
        }
        List<String> lines = lines(read.text(LINES, DEFAULT_LINES));
        String defaultLine = read.textOrEmpty(DEFAULT_LINE, DEFAULT_DEFAULT_LINE);
        if (!defaultLine.isEmpty() && !lines.contains(defaultLine)) {
            throw new IllegalArgumentException(DEFAULT_LINE + " '" + defaultLine + "' is not one of " + LINES + " " + lines
                    + " (set it empty to answer other users 404)");
        }
        int[] ports = portRange(read.text(RTP_PORT_RANGE, DEFAULT_RTP_PORT_RANGE));
        long timeout = read.positiveMillis(REINVITE_TIMEOUT, DEFAULT_REINVITE_TIMEOUT);
        int maxSize = read.wholeNumber(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE, 1024, 65535);
        int maxCalls = read.wholeNumber(MAX_CALLS, DEFAULT_MAX_CALLS, 1, 100_000);
        int maxQueueDelay = read.wholeNumber(MAX_QUEUE_DELAY, DEFAULT_MAX_QUEUE_DELAY, 0, 60_000);
        AdmissionSettings admission = AdmissionSettings.from(read);
        TlsSettings tls = TlsSettings.from(read, transport, port);
        return new SipSettings(address, port, transport, lines, defaultLine.isEmpty() ? null : defaultLine,
                ports[0], ports[1], timeout, maxSize, maxCalls, maxQueueDelay, Outbound.from(read, settings), admission, tls,
                CallLimits.from(read), MediaSettings.from(read));
    }

    /**
     * Where outbound INVITEs go and how they authenticate; the timeouts of outbound calls and transfers.
     *
     * @param proxyHost  the trunk or outbound proxy, or null to send each INVITE to its destination's host
     * @param proxyPort  its port (5060 unless given)
     * @param credentials the Digest user name and password for trunks that challenge, or null for none
     */
    public record Outbound(String proxyHost, int proxyPort, DigestCredentials credentials, long noAnswerTimeoutMillis,
                           long transferTimeoutMillis) {
        private static final Pattern HOST_PORT = Pattern.compile(
                "(?i)(?:sip:)?([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?");

        static Outbound from(SettingsReader read, Map<String, String> raw) {
            String proxy = read.textOrEmpty(OUTBOUND_PROXY, DEFAULT_OUTBOUND_PROXY);
            String host = null;
            int port = 5060;
            if (!proxy.isEmpty()) {
                Matcher m = HOST_PORT.matcher(proxy);
                if (!m.matches() || m.group(2) != null && (Integer.parseInt(m.group(2)) < 1
                        || Integer.parseInt(m.group(2)) > 65535)) {
                    throw new IllegalArgumentException(OUTBOUND_PROXY + " '" + proxy
                            + "' must be host or host:port (sip: in front allowed), or empty for none");
                }
                host = m.group(1);
                port = m.group(2) == null ? 5060 : Integer.parseInt(m.group(2));
            }
            String username = read.textOrEmpty(AUTH_USERNAME, DEFAULT_AUTH_USERNAME);
            // the password exactly as configured: no trimming, and no ${...} here (the server resolves its own)
            String password = raw.get(AUTH_PASSWORD);
            DigestCredentials credentials = null;
            if (!username.isEmpty()) {
                if (password == null || password.isEmpty()) {
                    throw new IllegalArgumentException(AUTH_USERNAME + " '" + username + "' is set but "
                            + AUTH_PASSWORD + " is not");
                }
                credentials = new DigestCredentials(username, password);
            } else if (password != null && !password.isEmpty()) {
                throw new IllegalArgumentException(AUTH_PASSWORD + " is set but " + AUTH_USERNAME + " is not");
            }
            return new Outbound(host, port, credentials, read.positiveMillis(NO_ANSWER_TIMEOUT, DEFAULT_NO_ANSWER_TIMEOUT),
                    read.positiveMillis(TRANSFER_TIMEOUT, DEFAULT_TRANSFER_TIMEOUT));
        }

        public boolean hasProxy() {
            return proxyHost != null;
        }
    }

    /** The line a request-URI user reaches, or null (404). */
    public String lineFor(String user) {
        if (user != null && lines.contains(user)) {
            return user;
        }
        return defaultLine;
    }

    private static List<String> lines(String value) {
        List<String> lines = new ArrayList<>();
        for (String l : value.split(",")) {
            String line = l.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("*") || lines.contains(line) || !line.matches("[A-Za-z0-9._~!$&'()*+;=-]+")) {
                throw new IllegalArgumentException(LINES + " '" + value + "': line '" + line
                        + "' is named twice, reserved, or not a SIP user name");
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(LINES + " '" + value + "' names no line");
        }
        return lines;
    }

    private static int[] portRange(String range) {
        String[] parts = range.split("-");
        try {
            if (parts.length == 2) {
                int min = Integer.parseInt(parts[0].trim());
                int max = Integer.parseInt(parts[1].trim());
                // round the start up to even: RTP on even ports, RTCP on the odd one above
                min += min % 2;
                if (min >= 1024 && max <= 65535 && min <= max) {
                    return new int[] {min, max};
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(RTP_PORT_RANGE + " '" + range
                + "' must be <first>-<last> with 1024 <= first <= last <= 65535 and an even port in it");
    }
}
