package dev.switchboard.sip.provider;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.text.ParseException;

/**
 * The stack's parser ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}): jain-sip's, with the
 * checks it lacks done on the raw bytes first ({@link RawMessage}):
 * <ul>
 * <li>a datagram is framed as RFC 3261 18.3 says: octets past Content-Length are dropped, a
 *     Content-Length past the end of the datagram is an error;</li>
 * <li>a datagram over sipMaxMessageSize is parsed for its headers only and marked, so that it
 *     is answered 513 (the stack's receive buffer is one byte larger than the limit, so a longer
 *     datagram is always seen as longer, even when cut);</li>
 * <li>a second Call-ID, To, From, CSeq, Max-Forwards, Content-Length or Content-Type, and a
 *     request line of another SIP version, are marked ({@link MessageFacts}) for a 400 or 505;</li>
 * <li>a datagram whose CSeq names another method is refused here (400), as the stack would
 *     refuse it, but with a To tag.</li>
 * </ul>
 * A message that does not parse is logged (SWB3001, rate-limited) and rethrown with a fixed
 * text, because the stack answers a request that still names Via, From, To, Call-ID and CSeq
 * with "400 Bad Request (text)": the text must never echo the input (jain-sip's own messages
 * quote it, or print a {@code char[]} as {@code [C@2e062b95}).
 */
public final class LoggingMessageParserFactory implements MessageParserFactory {
    /** Stack property naming the provider's sipMaxMessageSize (jain-sip's own minimum is 4096). */
    static final String MAX_MESSAGE_SIZE_PROPERTY = "dev.switchboard.sip.MAX_MESSAGE_SIZE";
    static final String MALFORMED = "malformed message";

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        int limit = Integer.MAX_VALUE;
        if (stack instanceof SipStackImpl s && s.getConfigurationProperties() != null) {
            String value = s.getConfigurationProperties().getProperty(MAX_MESSAGE_SIZE_PROPERTY);
            limit = value == null ? limit : Integer.parseInt(value);
        }
        return new CheckingParser(new StringMsgParser(), limit);
    }

    private record CheckingParser(StringMsgParser delegate, int limit) implements MessageParser {
        @Override
        public SIPMessage parseSIPMessage(byte[] msgBytes, boolean readBody, boolean strict,
                                          ParseExceptionListener listener) throws ParseException {
            if (msgBytes == null || msgBytes.length == 0) {
                return delegate.parseSIPMessage(msgBytes, readBody, strict, listener);
            }
            RawMessage raw = RawMessage.scan(msgBytes);
            boolean datagram = readBody && listener instanceof UDPMessageChannel;
            try {
                String version = raw.requestVersion();
                boolean otherVersion = version != null && !version.equals("2.0");
                byte[] bytes = otherVersion ? raw.withVersion20() : msgBytes;
                int oversize = datagram && msgBytes.length > limit ? msgBytes.length : 0;
                if (datagram && oversize == 0) {
                    bytes = (otherVersion ? RawMessage.scan(bytes) : raw).framedDatagram();
                }
                SIPMessage message = delegate.parseSIPMessage(bytes, readBody && oversize == 0, strict, listener);
                if (message == null) {
                    return null;
                }
                if (datagram && message instanceof SIPRequest r && r.getCSeq() != null
                        && !r.getMethod().equals(r.getCSeq().getMethod())) {
                    // the stack would answer this 400 itself, but untagged
                    throw new RawMessage.BadMessage("CSeq method differs from the request's");
                }
                if (datagram && oversize == 0 && !raw.hasContentLength() && raw.body().length > 0) {
                    message.setMessageContent(raw.body()); // RFC 3261 18.3: to the end of the datagram
                }
                MessageFacts facts = new MessageFacts(oversize, raw.duplicates(),
                        otherVersion && message instanceof SIPRequest ? "SIP/" + version : null);
                if (!facts.isEmpty()) {
                    message.setApplicationData(facts);
                }
                return message;
            } catch (ParseException | RuntimeException e) {
                SipLog.malformedMessage(String.valueOf(e.getMessage()), raw.startLine());
                throw new ParseException(e instanceof RawMessage.BadMessage ? e.getMessage() : MALFORMED, 0);
            }
        }
    }
}
