package dev.switchboard.sip.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bytes of a SIP message say before jain-sip parses them, for the checks its parser
 * cannot make: it keeps the first of two Call-ID, To, From or CSeq headers and drops the second
 * without a word, it needs a datagram's body to be exactly Content-Length long, and its
 * request-line parser refuses any version but SIP/2.0 where RFC 3261 wants a 505.
 *
 * <p>A scan of the start line and of the header names only (values are left to jain-sip):
 * compact forms are read as their long names, folded lines belong to the header above.
 */
final class RawMessage {
    /** Headers of which RFC 3261 allows one value (7.3.1, 20): two of them make the message ambiguous. */
    static final Set<String> SINGLE_VALUED = Set.of("call-id", "to", "from", "cseq", "max-forwards",
            "content-length", "content-type");
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "call-id"), Map.entry("t", "to"),
            Map.entry("f", "from"), Map.entry("l", "content-length"), Map.entry("c", "content-type"),
            Map.entry("m", "contact"), Map.entry("v", "via"), Map.entry("e", "content-encoding"),
            Map.entry("k", "supported"), Map.entry("s", "subject"), Map.entry("o", "event"),
            Map.entry("x", "session-expires"));
    private static final Pattern REQUEST_LINE = Pattern.compile("(\\S+) (\\S+) (?i:SIP)/(\\d{1,9}\\.\\d{1,9})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /** A message refused before or after parsing; its text is fixed, fit for a reason phrase. */
    static final class BadMessage extends java.text.ParseException {
        private static final long serialVersionUID = 1L;

        BadMessage(String text) {
            super(text, 0);
        }
    }

    private final byte[] bytes;
    private final int start;
    private final String startLine;
    private final int startLineEnd;
    private final List<String> names;
    private final List<String> contentLengths;
    private final int bodyOffset;

    private RawMessage(byte[] bytes, int start, String startLine, int startLineEnd, List<String> names,
                       List<String> contentLengths, int bodyOffset) {
        this.bytes = bytes;
        this.start = start;
        this.startLine = startLine;
        this.startLineEnd = startLineEnd;
        this.names = names;
        this.contentLengths = contentLengths;
        this.bodyOffset = bodyOffset;
    }

    /** Scans {@code bytes}; never fails (what it cannot read it leaves to the parser). */
    static RawMessage scan(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] & 0xFF) < 0x20) {
            i++; // keep-alive CRLFs before the start line, as the parser skips them
        }
        int start = i;
        List<String> names = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        String startLine = null;
        int startLineEnd = start;
        while (i < bytes.length) {
            int lineStart = i;
            while (i < bytes.length && bytes[i] != '\r' && bytes[i] != '\n') {
                i++;
            }
            String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.ISO_8859_1);
            if (i < bytes.length && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                i++;
            }
            i++; // past the line end (or the end of the bytes)
            if (startLine == null) {
                startLine = line;
                startLineEnd = lineStart + line.length();
                continue;
            }
            if (line.isEmpty()) {
                return new RawMessage(bytes, start, startLine, startLineEnd, names, lengths, Math.min(i, bytes.length));
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // a folded continuation of the header above
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = longName(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
                names.add(name);
                if (name.equals("content-length")) {
                    lengths.add(line.substring(colon + 1).trim());
                }
            }
        }
        return new RawMessage(bytes, start, startLine == null ? "" : startLine, startLineEnd, names, lengths,
                bytes.length);
    }

    /** The long form of a header name given in lower case ("i" is "call-id"). */
    static String longName(String name) {
        return COMPACT.getOrDefault(name, name);
    }

    /** The single-valued headers (long names) that the message carries more than once, in order. */
    List<String> duplicates() {
        Set<String> seen = new java.util.HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String n : names) {
            if (SINGLE_VALUED.contains(n) && !seen.add(n)) {
                twice.add(n);
            }
        }
        return List.copyOf(twice);
    }

    /** Whether a Content-Length header is present. */
    boolean hasContentLength() {
        return !contentLengths.isEmpty();
    }

    /** The bytes after the empty line that ends the headers (empty when there are none). */
    byte[] body() {
        return java.util.Arrays.copyOfRange(bytes, bodyOffset, bytes.length);
    }

    /** The SIP version of a request line, such as "7.0", or null when this is no request line. */
    String requestVersion() {
        Matcher m = REQUEST_LINE.matcher(startLine);
        return m.matches() ? m.group(3) : null;
    }

    /** The bytes with the request line's version replaced by 2.0, so that jain-sip parses the rest. */
    byte[] withVersion20() {
        Matcher m = REQUEST_LINE.matcher(startLine);
        if (!m.matches()) {
            return bytes;
        }
        int versionStart = start + m.start(3);
        byte[] head = java.util.Arrays.copyOfRange(bytes, 0, versionStart);
        byte[] tail = java.util.Arrays.copyOfRange(bytes, startLineEnd, bytes.length);
        byte[] out = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy("2.0".getBytes(StandardCharsets.US_ASCII), 0, out, head.length, 3);
        System.arraycopy(tail, 0, out, head.length + 3, tail.length);
        return out;
    }

    /**
     * The datagram as RFC 3261 18.3 frames it: octets beyond Content-Length are cut off; a
     * Content-Length beyond the end of the datagram, or two of them, is an error (400). Without a
     * Content-Length the body runs to the end of the datagram, which the caller sets after parsing.
     */
    byte[] framedDatagram() throws BadMessage {
        if (contentLengths.size() > 1) {
            throw new BadMessage("more than one Content-Length");
        }
        if (contentLengths.isEmpty() || !DIGITS.matcher(contentLengths.get(0)).matches()) {
            return bytes; // absent, or not a number: the parser answers that (400)
        }
        long declared = Long.parseLong(contentLengths.get(0));
        int carried = bytes.length - bodyOffset;
        if (declared > carried) {
            throw new BadMessage("body shorter than Content-Length");
        }
        return declared == carried ? bytes : java.util.Arrays.copyOf(bytes, bodyOffset + (int) declared);
    }

    /** The start line, for the log (raw: escape before logging). */
    String startLine() {
        return startLine;
    }
}
