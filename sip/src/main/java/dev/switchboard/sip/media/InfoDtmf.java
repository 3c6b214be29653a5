package dev.switchboard.sip.media;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A DTMF digit sent in a SIP INFO body, in either of the two formats seen in the field:
 * {@code application/dtmf-relay} (Cisco's, also Asterisk's: {@code Signal=5} and
 * {@code Duration=160} lines) and {@code application/dtmf} (the body is the digit).
 *
 * @param durationMillis the Duration line's value, when there is one
 */
public record InfoDtmf(char digit, OptionalInt durationMillis) {

    public static final String DTMF_RELAY = "application/dtmf-relay";
    public static final String DTMF = "application/dtmf";

    /**
     * Reads an INFO body.
     *
     * @param contentType the Content-Type header; parameters such as a charset are ignored
     */
    public static InfoDtmf parse(String contentType, String body) throws DtmfBodyException {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (body == null) {
            throw new DtmfBodyException("INFO body of type " + type + " is missing");
        }
        return switch (type) {
            case DTMF_RELAY -> parseRelay(body);
            case DTMF -> new InfoDtmf(signal(body.trim(), false), OptionalInt.empty());
            default -> throw new DtmfBodyException("content type '" + contentType + "' is not "
                    + DTMF_RELAY + " or " + DTMF);
        };
    }

    private static InfoDtmf parseRelay(String body) throws DtmfBodyException {
        Character digit = null;
        OptionalInt duration = OptionalInt.empty();
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new DtmfBodyException("dtmf-relay line '" + line + "' is not <name>=<value>");
            }
            String name = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (name.equalsIgnoreCase("Signal")) {
                if (digit != null) {
                    throw new DtmfBodyException("dtmf-relay body has two Signal lines");
                }
                digit = signal(value, true);
            } else if (name.equalsIgnoreCase("Duration")) {
                duration = OptionalInt.of(duration(value));
            }
            // Other lines are ignored, as the format's authors do.
        }
        if (digit == null) {
            throw new DtmfBodyException("dtmf-relay body has no Signal line: '" + body.strip() + "'");
        }
        return new InfoDtmf(digit, duration);
    }

    /**
     * One digit; in dtmf-relay also the event codes 10-15, which Asterisk accepts ("10" for *,
     * "11" for #). An application/dtmf body is only ever the digit itself.
     */
    private static char signal(String value, boolean eventCodes) throws DtmfBodyException {
        if (value.length() == 1 && DtmfDigits.toEvent(value.charAt(0)) >= 0) {
            return Character.toUpperCase(value.charAt(0));
        }
        if (eventCodes && value.matches("1[0-5]")) {
            return DtmfDigits.fromEvent(Integer.parseInt(value));
        }
        throw new DtmfBodyException("signal '" + value + "' is not a DTMF digit (0-9 * # A-D)");
    }

    private static int duration(String value) throws DtmfBodyException {
        if (value.matches("\\d{1,6}") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value);
        }
        throw new DtmfBodyException("duration '" + value + "' is not a positive number of milliseconds");
    }
}
