package dev.switchboard.sip.provider;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A caller made of jain-sip's own client side: its transaction and dialog layers, its TLS, and
 * its digest client (gov.nist.javax.sip.clientauthutils), which answers a 401 by itself. It is a
 * second, independent implementation for the provider's admission and TLS to talk to.
 */
final class JainSipCaller implements SipListener, AutoCloseable {
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStackImpl stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final AuthenticationHelper auth;
    private final String transport;
    private final int localPort;
    private final LinkedBlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private volatile Dialog dialog;

    /**
     * @param transport  udp or tls
     * @param extra      stack properties (the javax.net.ssl.* ones for TLS)
     * @param user       the digest user, or null for none
     */
    JainSipCaller(String transport, int localPort, Properties extra, String user, String password) throws Exception {
        this.transport = transport;
        this.localPort = localPort;
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-caller-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.putAll(extra);
        stack = new SipStackImpl(p);
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", localPort, transport);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        addresses = javax.sip.SipFactory.getInstance().createAddressFactory();
        headers = javax.sip.SipFactory.getInstance().createHeaderFactory();
        messages = javax.sip.SipFactory.getInstance().createMessageFactory();
        auth = user == null ? null : ((SipStackExt) stack).getAuthenticationHelper((tx, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return user;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getSipDomain() {
                return "127.0.0.1";
            }
        }, headers);
    }

    /** Sends an INVITE with {@code sdp} to {@code user} on the server; returns its Call-ID. */
    String invite(int serverPort, String user, String sdp, boolean sips) throws Exception {
        SipURI to = addresses.createSipURI(user, "127.0.0.1:" + serverPort);
        to.setSecure(sips);
        if (!sips && !transport.equals("udp")) {
            to.setTransportParam(transport);
        }
        SipURI from = addresses.createSipURI("caller", "127.0.0.1:" + localPort);
        String callId = UUID.randomUUID() + "@jain-sip-caller";
        Request invite = messages.createRequest(to, Request.INVITE, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(1L, Request.INVITE),
                headers.createFromHeader(addresses.createAddress(from), "t" + System.nanoTime()),
                headers.createToHeader(addresses.createAddress(addresses.createSipURI(user, "127.0.0.1")), null),
                List.of(headers.createViaHeader("127.0.0.1", localPort, transport, null)),
                headers.createMaxForwardsHeader(70));
        SipURI contactUri = addresses.createSipURI("caller", "127.0.0.1");
        contactUri.setPort(localPort);
        contactUri.setTransportParam(transport);
        Address contact = addresses.createAddress(contactUri);
        invite.addHeader(headers.createContactHeader(contact));
        invite.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        ClientTransaction tx = provider.getNewClientTransaction(invite);
        dialog = tx.getDialog();
        tx.sendRequest();
        return callId;
    }

    /** The next response with {@code status} to {@code method}; others before it are skipped. Fails after 5 s. */
    Response response(int status, String method) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Response r = responses.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no " + status + " to " + method + " within 5 s");
            }
            if (r.getStatusCode() == status && ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod().equals(method)) {
                return r;
            }
        }
    }

    void ack(Response ok) throws Exception {
        Dialog d = dialog;
        d.sendAck(d.createAck(((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber()));
    }

    void bye() throws Exception {
        Dialog d = dialog;
        ClientTransaction tx = provider.getNewClientTransaction(d.createRequest(Request.BYE));
        d.sendRequest(tx);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        try {
            if (r.getStatusCode() == Response.UNAUTHORIZED && auth != null && event.getClientTransaction() != null) {
                ClientTransaction retry = auth.handleChallenge(r, event.getClientTransaction(), provider, 5);
                dialog = retry.getDialog();
                retry.sendRequest();
                return;
            }
            if (event.getDialog() != null) {
                dialog = event.getDialog();
            }
        } catch (Exception e) {
            throw new IllegalStateException("answering the challenge", e);
        } finally {
            responses.add(r);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        // the provider's BYE is not used by these tests
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        stack.stop();
    }
}
