package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SDP body (RFC 4566). Strict where a mistake would make the provider send media to
 * the wrong place or in the wrong format (v, o, c, m, audio rtpmap, fmtp, numeric T38 attributes);
 * lenient about LF-only line ends and blank lines, which real SIP bodies have; a NUL or a CR
 * inside a line is refused, as RFC 4566 asks. Every error
 * names the 1-based line number and the line's text. Why not jain-sip's {@code javax.sdp} parser:
 * see the package documentation.
 */
public final class SdpReader {

    /** The type letters of RFC 4566; it asks to reject a description with any other. */
    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";
    private static final Set<String> NUMERIC_T38_ATTRIBUTES = Set.of(
            "t38faxversion", "t38maxbitrate", "t38faxmaxbuffer", "t38faxmaxdatagram");
    private static final Pattern RTPMAP = Pattern.compile("(\\d{1,3})\\s+([^/\\s]+)/(\\d{1,6})(?:/(\\d{1,2}))?\\s*");
    private static final Pattern FMTP = Pattern.compile("(\\d{1,3})(?:\\s+(.*))?");
    private static final Pattern SPACES = Pattern.compile(" +");
    /** RFC 4566 section 9: token-char is %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E. */
    private static final String TOKEN_CHARS = "[!#-'*+\\-.0-9A-Z^-~]+";
    private static final Pattern TOKEN = Pattern.compile(TOKEN_CHARS);
    /** An m= line's proto: tokens joined by slashes, as in RTP/AVP or UDP/TLS/RTP/SAVPF. */
    private static final Pattern PROTO = Pattern.compile(TOKEN_CHARS + "(?:/" + TOKEN_CHARS + ")*");

    private SdpReader() {
    }

    /** Parses {@code sdp}, throwing on the first malformed line. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        return new Parse().run(sdp);
    }

    /** The mutable state of one parse, so that the reader itself stays stateless. */
    private static final class Parse {
        private boolean sawVersion;
        private Origin origin;
        private String sessionName = "";
        private Connection connection;
        private String timing = "0 0";
        private final List<SdpAttribute> sessionAttributes = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private int lineNumber;
        private String line;

        SessionDescription run(String sdp) throws SdpParseException {
            String[] lines = sdp.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                lineNumber = i + 1;
                if (line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0) {
                    // RFC 4566 allows neither inside a line; values the answer repeats (t=, T.38
                    // attributes, a rejected m= line) would carry them into our own SDP.
                    throw fail("NUL or CR inside the line");
                }
                if (!line.isBlank()) {
                    readLine();
                }
            }
            return finish();
        }

        private void readLine() throws SdpParseException {
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw fail("not of the form <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (KNOWN_TYPES.indexOf(type) < 0) {
                throw fail("unknown line type '" + type + "'");
            }
            if (!sawVersion && type != 'v') {
                throw fail("the first line must be v=0");
            }
            switch (type) {
                case 'v' -> readVersion(value);
                case 'o' -> readOrigin(value);
                case 's' -> sessionName = value;
                case 'c' -> readConnection(value);
                case 't' -> timing = value.trim();
                case 'm' -> sections.add(readMedia(value));
                case 'a' -> readAttribute(value);
                default -> { } // i u e p b r z k: allowed, not needed by the provider
            }
        }

        private void readVersion(String value) throws SdpParseException {
            if (sawVersion) {
                throw fail("a second v= line");
            }
            if (!value.equals("0")) {
                throw fail("unsupported SDP version, expected 0");
            }
            sawVersion = true;
        }

        private void readOrigin(String value) throws SdpParseException {
            if (!sections.isEmpty() || origin != null) {
                throw fail("o= must appear once, before the first m= line");
            }
            String[] f = SPACES.split(value.trim());
            if (f.length != 6) {
                throw fail("o= needs 6 fields: username sess-id sess-version nettype addrtype address");
            }
            origin = new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        private void readConnection(String value) throws SdpParseException {
            String[] f = SPACES.split(value.trim());
            if (f.length != 3 || !f[0].equals("IN") || !(f[1].equals("IP4") || f[1].equals("IP6"))) {
                throw fail("c= needs 'IN IP4 <address>' or 'IN IP6 <address>'");
            }
            int slash = f[2].indexOf('/');
            Connection c = new Connection(f[0], f[1], slash < 0 ? f[2] : f[2].substring(0, slash));
            if (sections.isEmpty()) {
                connection = c;
            } else {
                current().connection = c;
            }
        }

        private Section readMedia(String value) throws SdpParseException {
            String[] f = SPACES.split(value.trim());
            if (f.length < 4) {
                throw fail("m= needs <media> <port> <proto> <format>...");
            }
            String portText = f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1];
            int port = parseNumber(portText, 65535, "port");
            // An answer repeats media, proto and a format, so they must be what RFC 4566 allows.
            requireToken(f[0], TOKEN, "media");
            requireToken(f[2], PROTO, "proto");
            boolean rtp = f[2].toUpperCase(Locale.ROOT).contains("RTP/");
            List<String> formats = List.of(f).subList(3, f.length);
            for (String format : formats) {
                if (rtp) {
                    parseNumber(format, 127, "RTP payload type");
                }
                requireToken(format, TOKEN, "format");
            }
            return new Section(lineNumber, line, f[0], port, f[2], formats);
        }

        private void readAttribute(String value) throws SdpParseException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value.trim() : value.substring(0, colon).trim();
            String attrValue = colon < 0 ? null : value.substring(colon + 1);
            if (name.isEmpty()) {
                throw fail("attribute without a name");
            }
            // equalsIgnoreCase, as SdpAttribute.is compares: lower-casing disagrees with it on names
            // such as T38FaxVersion spelt with a long s (U+017F), which then escaped this check and
            // made the T.38 answer throw NumberFormatException.
            if (NUMERIC_T38_ATTRIBUTES.stream().anyMatch(name::equalsIgnoreCase)) {
                parseNumber(attrValue == null ? "" : attrValue.trim(), Integer.MAX_VALUE, name + " value");
            }
            SdpAttribute attribute = new SdpAttribute(name, attrValue);
            if (sections.isEmpty()) {
                sessionAttributes.add(attribute);
                return;
            }
            Section section = current();
            section.attributes.add(attribute);
            if (name.equalsIgnoreCase("rtpmap")) {
                readRtpMap(section, attrValue);
            } else if (name.equalsIgnoreCase("fmtp")) {
                readFmtp(section, attrValue);
            }
        }

        private void readRtpMap(Section section, String value) throws SdpParseException {
            Matcher m = RTPMAP.matcher(value == null ? "" : value);
            if (!m.matches()) {
                if (!section.media.equalsIgnoreCase("audio")) {
                    // a stream the provider never answers (video, say: RFC 4475's "a=rtpmap:31 LPC"):
                    // its mistake cannot send media wrong, and refusing the call for it would
                    return;
                }
                throw fail("rtpmap needs '<payload type> <encoding>/<clock rate>[/<channels>]'");
            }
            int pt = parseNumber(m.group(1), 127, "RTP payload type");
            int channels = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            RtpMap map = new RtpMap(pt, m.group(2), Integer.parseInt(m.group(3)), channels);
            if (section.rtpMaps.putIfAbsent(pt, map) != null) {
                throw fail("a second rtpmap for payload type " + pt);
            }
        }

        private void readFmtp(Section section, String value) throws SdpParseException {
            Matcher m = FMTP.matcher(value == null ? "" : value.trim());
            if (!m.matches()) {
                throw fail("fmtp needs '<payload type> <parameters>'");
            }
            int pt = parseNumber(m.group(1), 127, "RTP payload type");
            section.fmtps.put(pt, m.group(2) == null ? "" : m.group(2).trim());
        }

        private SessionDescription finish() throws SdpParseException {
            if (!sawVersion) {
                throw new SdpParseException("the body is empty; expected v=0 first");
            }
            if (origin == null) {
                throw new SdpParseException("no o= line");
            }
            List<MediaDescription> media = new ArrayList<>();
            for (Section s : sections) {
                if (s.port != 0 && s.connection == null && connection == null) {
                    throw new SdpParseException(s.lineNumber, s.line,
                            "no c= line for this stream nor for the session");
                }
                media.add(new MediaDescription(s.media, s.port, s.protocol, s.formats, s.connection,
                        s.rtpMaps, s.fmtps, s.attributes));
            }
            return new SessionDescription(origin, sessionName, connection, timing, sessionAttributes, media);
        }

        private Section current() {
            return sections.get(sections.size() - 1);
        }

        private void requireToken(String text, Pattern pattern, String what) throws SdpParseException {
            if (!pattern.matcher(text).matches()) {
                throw fail(what + " '" + text + "' is not an RFC 4566 token (printable ASCII, no separators)");
            }
        }

        private int parseNumber(String text, int max, String what) throws SdpParseException {
            try {
                int n = Integer.parseInt(text);
                if (n >= 0 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below, which names the text
            }
            throw fail(what + " '" + text + "' is not a number from 0 to " + max);
        }

        private SdpParseException fail(String reason) {
            return new SdpParseException(lineNumber, line, reason);
        }
    }

    /** An m= section while its lines are being read. */
    private static final class Section {
        final int lineNumber;
        final String line;
        final String media;
        final int port;
        final String protocol;
        final List<String> formats;
        Connection connection;
        final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
        final Map<Integer, String> fmtps = new LinkedHashMap<>();
        final List<SdpAttribute> attributes = new ArrayList<>();

        Section(int lineNumber, String line, String media, int port, String protocol, List<String> formats) {
            this.lineNumber = lineNumber;
            this.line = line;
            this.media = media;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }
    }
}
