package dev.switchboard.it.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of valid SIP requests for the mutation run and the soak's garbage: byte flips,
 * truncation, duplicated headers, huge values, stray CRLFs, wrong Content-Length, random bytes and
 * random RTP-looking datagrams. Seeded, so a failing run can be repeated.
 */
final class SipMutator {
    private static final String SDP = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 9 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
    private final Random random;
    private final int serverPort;
    private final int replyPort;
    private int serial;

    SipMutator(long seed, int serverPort, int replyPort) {
        this.random = new Random(seed);
        this.serverPort = serverPort;
        this.replyPort = replyPort;
    }

    /**
     * One valid request, as the scenarios send them: INVITE (with SDP), OPTIONS, INFO or BYE; with
     * {@code invites} false never an INVITE, so no mutant can set up a call.
     */
    String valid(boolean invites) {
        List<String> methods = invites ? List.of("INVITE", "OPTIONS", "INFO", "BYE") : List.of("OPTIONS", "INFO", "BYE");
        String method = methods.get(random.nextInt(methods.size()));
        String id = "mut-" + (serial++) + "-" + random.nextInt(1_000_000);
        String body = switch (method) {
            case "INVITE" -> SDP;
            case "INFO" -> "Signal=5\r\nDuration=160\r\n";
            default -> "";
        };
        String type = switch (method) {
            case "INVITE" -> "Content-Type: application/sdp\r\n";
            case "INFO" -> "Content-Type: application/dtmf-relay\r\n";
            default -> "";
        };
        String toTag = method.equals("INVITE") || method.equals("OPTIONS") ? "" : ";tag=x" + id;
        return method + " sip:voice-in@127.0.0.1:" + serverPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + replyPort + ";branch=z9hG4bK" + id + "\r\n"
                + "From: \"Mutant\" <sip:mutant@127.0.0.1:" + replyPort + ">;tag=" + id + "\r\n"
                + "To: <sip:voice-in@127.0.0.1:" + serverPort + ">" + toTag + "\r\n"
                + "Call-ID: " + id + "\r\n"
                + "CSeq: " + (1 + random.nextInt(5)) + " " + method + "\r\n"
                + "Contact: <sip:mutant@127.0.0.1:" + replyPort + ">\r\n"
                + "Max-Forwards: 70\r\n" + type
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** A valid request ({@link #valid}) with one to three mutations applied. */
    byte[] mutant(boolean invites) {
        byte[] m = valid(invites).getBytes(StandardCharsets.ISO_8859_1);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            m = mutate(m);
        }
        return m;
    }

    private byte[] mutate(byte[] in) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        return switch (random.nextInt(9)) {
            case 0 -> flipBytes(in);
            case 1 -> java.util.Arrays.copyOf(in, random.nextInt(Math.max(1, in.length)));
            case 2 -> bytes(duplicateHeader(s));
            case 3 -> bytes(hugeValue(s));
            case 4 -> bytes(insertAtRandom(s, random.nextBoolean() ? "\r\n" : "\r\n\r\n"));
            case 5 -> bytes(s.replaceFirst("Content-Length: \\d+", "Content-Length: " + badLength()));
            case 6 -> bytes(insertAtRandom(s, String.valueOf((char) random.nextInt(32))));
            case 7 -> bytes(s.replaceFirst("SIP/2\\.0", List.of("SIP/7.0", "SIP/2.0 ", "", "sip/2.0").get(random.nextInt(4))));
            default -> randomBytes(1 + random.nextInt(1_500));
        };
    }

    /** Garbage for an RTP port: a random payload, sometimes with an RTP version 2 header. */
    byte[] rtpGarbage() {
        byte[] b = randomBytes(1 + random.nextInt(400));
        if (random.nextBoolean()) {
            b[0] = (byte) (0x80 | (b[0] & 0x3f));
        }
        return b;
    }

    private byte[] flipBytes(byte[] in) {
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private String duplicateHeader(String s) {
        String[] lines = s.split("\r\n", -1);
        int header = 1 + random.nextInt(Math.max(1, Math.min(9, lines.length - 1)));
        if (header >= lines.length || lines[header].isEmpty()) {
            return s;
        }
        String again = lines[header].replaceAll("tag=[^;>\\s]+", "tag=other") + (random.nextBoolean() ? "-2" : "");
        return s.replace(lines[header] + "\r\n", lines[header] + "\r\n" + again + "\r\n");
    }

    private String hugeValue(String s) {
        String big = "A".repeat(1_000 + random.nextInt(60_000));
        return switch (random.nextInt(4)) {
            case 0 -> s.replaceFirst("Call-ID: ", "Call-ID: " + big);
            case 1 -> s.replaceFirst("CSeq: \\d+", "CSeq: " + List.of("2147483648", "99999999999999999999", "-1").get(random.nextInt(3)));
            case 2 -> s.replaceFirst("\r\n\r\n", "\r\nX-Huge: " + big + "\r\n\r\n");
            default -> s.replaceFirst("Max-Forwards: 70", "Max-Forwards: " + big.replace('A', '9'));
        };
    }

    private String badLength() {
        return List.of("0", "-1", "99999", "abc", "4294967296", "5").get(random.nextInt(6));
    }

    private String insertAtRandom(String s, String what) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
