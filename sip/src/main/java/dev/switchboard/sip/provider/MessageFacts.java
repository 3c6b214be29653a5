package dev.switchboard.sip.provider;

import gov.nist.javax.sip.message.MessageExt;
import java.util.List;
import javax.sip.message.Message;

/**
 * What the parser saw in a message's bytes that the parsed message no longer shows, for
 * {@link RequestValidator} to answer: attached to the message as its application data, only
 * when there is something to say.
 *
 * @param oversizeBytes      the size of a datagram over sipMaxMessageSize (at least that many
 *                           bytes arrived; its body was not read), or 0
 * @param duplicates         single-valued headers the message carries twice (jain-sip keeps the first)
 * @param unsupportedVersion the request line's SIP version when it is not 2.0, or null
 */
record MessageFacts(int oversizeBytes, List<String> duplicates, String unsupportedVersion) {
    static final MessageFacts NONE = new MessageFacts(0, List.of(), null);

    MessageFacts {
        duplicates = List.copyOf(duplicates);
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    /** The facts attached to {@code message}, or {@link #NONE}. */
    static MessageFacts of(Message message) {
        return message instanceof MessageExt m && m.getApplicationData() instanceof MessageFacts f ? f : NONE;
    }
}
