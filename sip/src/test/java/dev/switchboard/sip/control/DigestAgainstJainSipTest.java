package dev.switchboard.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.net.DatagramSocket;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link Digest} exists beside jain-sip's {@code AuthenticationHelper}: the library's answer
 * agrees with ours for the same client nonce, but that client nonce is always {@code "xyz"}.
 */
class DigestAgainstJainSipTest {
    private SipStackImpl stack;
    private SipProvider provider;
    private HeaderFactory headers;
    private AddressFactory addresses;
    private MessageFactory messages;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "digest-evidence-" + port);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "dev.switchboard.sip.provider.JulStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "dev.switchboard.sip.provider.JulServerLogger");
        stack = new SipStackImpl(p);
        provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, "udp"));
        SipFactory factory = SipFactory.getInstance();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        messages = factory.createMessageFactory();
    }

    @AfterEach
    void stop() {
        try {
            stack.stop();
        } catch (NullPointerException e) {
            // jain-sip-ri 1.3.0-91 fails this way when stopped before its message processors have
            // started (this test only uses the stack's client transactions): nothing is left running
        }
    }

    private ClientTransaction invite() throws Exception {
        SipURI to = addresses.createSipURI("bob", "127.0.0.1");
        to.setPort(9);
        Request r = messages.createRequest(to, Request.INVITE, provider.getNewCallId(),
                headers.createCSeqHeader(1L, Request.INVITE),
                headers.createFromHeader(addresses.createAddress("sip:alice@127.0.0.1"), "f1"),
                headers.createToHeader(addresses.createAddress(to), null),
                List.of(headers.createViaHeader("127.0.0.1", 5060, "udp", null)), headers.createMaxForwardsHeader(70));
        r.addHeader(headers.createContactHeader(addresses.createAddress("sip:alice@127.0.0.1")));
        return provider.getNewClientTransaction(r);
    }

    /** The Authorization the library puts on the INVITE it makes in answer to {@code challenge}. */
    private String libraryAnswer(String challenge) throws Exception {
        AuthenticationHelper helper = stack.getAuthenticationHelper((tx, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return "trunk-user";
            }

            @Override
            public String getPassword() {
                return "s3cret";
            }

            @Override
            public String getSipDomain() {
                return realm;
            }
        }, headers);
        ClientTransaction first = invite();
        Response unauthorized = messages.createResponse(401, first.getRequest());
        unauthorized.addHeader(headers.createHeader("WWW-Authenticate", challenge));
        ClientTransaction again = helper.handleChallenge(unauthorized, first, provider, 0, true);
        return again.getRequest().getHeader("Authorization").toString();
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=\"?([^\",\\s]*)").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }

    @Test
    void theLibraryAnswersEveryChallengeWithTheSameClientNonce() throws Exception {
        String one = libraryAnswer("Digest realm=\"trunk.test\", nonce=\"first\", qop=\"auth\"");
        String two = libraryAnswer("Digest realm=\"trunk.test\", nonce=\"second\", qop=\"auth\"");
        assertThat(param(one, "cnonce")).isEqualTo("xyz");
        assertThat(param(two, "cnonce")).isEqualTo("xyz");
        // ours, given that same client nonce, computes the same response: only the nonce choice differs
        DigestChallenge c = new DigestChallenge("trunk.test", "first", null, List.of("auth"), null, false);
        String ours = Digest.authorization(c, new DigestCredentials("trunk-user", "s3cret"), "INVITE",
                "sip:bob@127.0.0.1:9", null, "xyz");
        assertThat(param(ours, "response")).isEqualTo(param(one, "response"));
    }

    @Test
    void theLibraryAnswersAnAuthIntOnlyChallengeWithAuth() throws Exception {
        String answer = libraryAnswer("Digest realm=\"trunk.test\", nonce=\"n\", qop=\"auth-int\"");
        assertThat(param(answer, "qop")).isEqualTo("auth");
    }
}
