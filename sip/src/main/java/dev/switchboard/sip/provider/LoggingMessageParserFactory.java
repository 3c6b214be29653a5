package dev.switchboard.sip.provider;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * The stack's parser ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}) with one addition: a
 * message that does not parse is logged once (SWB3001). The stack itself then answers a request
 * that still has Via, From, To, Call-ID and CSeq with 400 and drops anything else; the listener
 * goes on either way.
 */
public final class LoggingMessageParserFactory implements MessageParserFactory {
    private static final MessageParser PARSER = new LoggingParser(new StringMsgParser());

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return PARSER;
    }

    private record LoggingParser(StringMsgParser delegate) implements MessageParser {
        @Override
        public SIPMessage parseSIPMessage(byte[] msgBytes, boolean readBody, boolean strict,
                                          ParseExceptionListener listener) throws ParseException {
            try {
                return delegate.parseSIPMessage(msgBytes, readBody, strict, listener);
            } catch (ParseException | RuntimeException e) {
                SipLog.malformedMessage(String.valueOf(e.getMessage()), firstLine(msgBytes));
                throw e;
            }
        }

        private static String firstLine(byte[] bytes) {
            if (bytes == null) {
                return "";
            }
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        }
    }
}
