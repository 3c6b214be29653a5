package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.SettingsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SIP provider's configuration, read from the adapter's properties and checked; every problem
 * names the property and the value. It owns the defaults ({@code DEFAULT_*}): nothing else decides
 * what an unset {@code sip*} property means.
 *
 * @param lines        the lines, each the user part of the request-URI that reaches it
 * @param defaultLine  the line for request-URI users that name no line, or null to answer them 404
 * @param rtpPortMin   the first local port for RTP and T.38 (even: RTP's convention)
 * @param limits       how long a call may go without proof of its caller (session timer, RTP, length)
 */
public record SipSettings(String listenAddress, int port, String transport, List<String> lines, String defaultLine,
                          int rtpPortMin, int rtpPortMax, long reinviteTimeoutMillis, int maxMessageSize,
                          int maxCalls, CallLimits limits) {

    public static final String LISTEN_ADDRESS = "sipListenAddress";
    public static final String PORT = "sipPort";
    public static final String TRANSPORT = "sipTransport";
    public static final String LINES = "sipLines";
    public static final String DEFAULT_LINE = "sipDefaultLine";
    public static final String RTP_PORT_RANGE = "sipRtpPortRange";
    public static final String REINVITE_TIMEOUT = "sipReinviteTimeoutMillis";
    public static final String MAX_MESSAGE_SIZE = "sipMaxMessageSize";
    public static final String MAX_CALLS = "sipMaxCalls";

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
    public static final String DEFAULT_MAX_CALLS = "200";

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
        return new SipSettings(address, port, transport, lines, defaultLine.isEmpty() ? null : defaultLine,
                ports[0], ports[1], timeout, maxSize, maxCalls, CallLimits.from(read));
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
