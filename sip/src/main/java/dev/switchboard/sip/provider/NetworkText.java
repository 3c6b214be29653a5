package dev.switchboard.sip.provider;

/**
 * Text that came from the network, made safe to write into a log: control characters (ESC,
 * NUL, CR, LF, ...) become {@code \xNN}, so a datagram can neither forge log lines nor drive an
 * administrator's terminal, and the length is capped.
 */
final class NetworkText {
    static final int MAX_LENGTH = 200;

    private NetworkText() {
    }

    static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        int end = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > end) {
            out.append("...(").append(text.length() - end).append(" more characters)");
        }
        return out.toString();
    }
}
