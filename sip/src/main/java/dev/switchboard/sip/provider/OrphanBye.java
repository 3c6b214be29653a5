package dev.switchboard.sip.provider;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * The BYE a surviving node sends for a call another node held when it died, built from the
 * dialog's {@link DialogFacts} as RFC 3261 12.2.1.1 builds any request of a dialog, without a
 * jain-sip Dialog (this node never had one):
 * <ul>
 * <li>no route set: Request-URI = the remote target, no Route;</li>
 * <li>a first route with {@code ;lr} (a loose router, as Kamailio's {@code record_route}):
 *     Request-URI = the remote target, Route = the route set;</li>
 * <li>a first route without {@code ;lr} (a strict router): Request-URI = that route's URI, Route =
 *     the rest of the route set and then the remote target.</li>
 * </ul>
 * From carries our tag, To the peer's, and CSeq is the dialog's next one plus
 * {@link #CSEQ_MARGIN}: the dead node may have sent requests its last report did not reach the
 * directory for, and the peer answers a CSeq lower than one it saw 500. The Via is this node's; the
 * stack adds the branch. A {@code Reason} header tells the peer's operator why the call ended.
 */
final class OrphanBye {
    /** Added to the reported next CSeq: room for requests the dead node sent after its last report. */
    static final long CSEQ_MARGIN = 100;
    private static final int MAX_FORWARDS = 70;

    /** Where this node's requests say they come from. */
    record Sender(String host, int port, String transport) {
    }

    private OrphanBye() {
    }

    /**
     * The BYE for {@code facts} from {@code sender}.
     *
     * @throws IllegalArgumentException when a URI of the facts does not parse, naming which
     */
    static Request build(DialogFacts facts, Sender sender, MessageFactory messages, HeaderFactory headers,
                         AddressFactory addresses) {
        try {
            URI target = uri(addresses, DialogFacts.REMOTE_TARGET, facts.remoteTarget());
            List<Address> routes = new ArrayList<>();
            for (String r : facts.routeSet()) {
                routes.add(address(addresses, DialogFacts.ROUTE_SET, r));
            }
            URI requestUri = target;
            if (!routes.isEmpty() && !isLoose(routes.get(0))) {
                requestUri = (URI) routes.remove(0).getURI().clone(); // a strict router: it is the next hop
                if (requestUri instanceof SipURI sip) {
                    sip.removeParameter("method"); // not allowed in a Request-URI (RFC 3261 19.1.1)
                }
                routes.add(addresses.createAddress(target));
            }
            long cseq = Math.min(facts.nextCSeq() + CSEQ_MARGIN, DialogFacts.MAX_CSEQ);
            ViaHeader via = headers.createViaHeader(sender.host(), sender.port(), sender.transport(), null);
            Request bye = messages.createRequest(requestUri, Request.BYE,
                    headers.createCallIdHeader(facts.callId()), headers.createCSeqHeader(cseq, Request.BYE),
                    headers.createFromHeader(address(addresses, DialogFacts.LOCAL_URI, facts.localUri()),
                            facts.localTag()),
                    headers.createToHeader(address(addresses, DialogFacts.REMOTE_URI, facts.remoteUri()),
                            facts.remoteTag().isEmpty() ? null : facts.remoteTag()),
                    List.of(via), headers.createMaxForwardsHeader(MAX_FORWARDS));
            for (Address route : routes) {
                RouteHeader header = headers.createRouteHeader(route);
                bye.addLast(header);
            }
            bye.addHeader(headers.createReasonHeader("SIP", 480, "the switchboard node holding the call was lost"));
            return bye;
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new IllegalArgumentException("the BYE cannot be built from the facts: " + e.getMessage(), e);
        }
    }

    /** Whether a route names a loose router ({@code ;lr}, RFC 3261 16.12): the Request-URI stays the target. */
    static boolean isLoose(Address route) {
        return route.getURI() instanceof SipURI sip && sip.hasLrParam();
    }

    private static URI uri(AddressFactory addresses, String key, String text) {
        try {
            return addresses.createURI(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a URI: " + e.getMessage(), e);
        }
    }

    /** A name-addr as a header carries it; a bare URI is taken too. */
    private static Address address(AddressFactory addresses, String key, String text) {
        try {
            return addresses.createAddress(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not an address: " + e.getMessage(), e);
        }
    }
}
