package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The BYE a surviving node builds from a lost node's dialog facts, as RFC 3261 12.2.1.1 builds a request of a dialog. */
class OrphanByeTest {
    private static final OrphanBye.Sender NODE2 = new OrphanBye.Sender("10.0.0.6", 5060, "udp");

    @Test
    void throughLooseRoutersTheRequestUriIsTheRemoteTargetAndEveryRouteIsCarried() throws Exception {
        Request bye = build(DialogFactsTest.FACTS);
        assertThat(bye.getMethod()).isEqualTo(Request.BYE);
        assertThat(bye.getRequestURI().toString()).isEqualTo("sip:alice@192.0.2.10:5062;transport=udp");
        assertThat(routes(bye)).containsExactly("sip:10.0.0.1:5080;lr;ftag=caller-tag-9", "sip:edge.example.com;lr");
        assertDialogHeaders(bye);
    }

    @Test
    void toAStrictRouterTheRequestUriIsItsUriAndTheRemoteTargetGoesLast() throws Exception {
        DialogFacts f = withRoutes(List.of("<sip:strict.example.com;maddr=10.0.0.1>", "<sip:edge.example.com;lr>"));
        Request bye = build(f);
        assertThat(bye.getRequestURI().toString()).isEqualTo("sip:strict.example.com;maddr=10.0.0.1");
        assertThat(routes(bye)).containsExactly("sip:edge.example.com;lr", "sip:alice@192.0.2.10:5062;transport=udp");
        assertDialogHeaders(bye);
    }

    @Test
    void withoutARouteSetTheByeGoesStraightToTheRemoteTarget() throws Exception {
        Request bye = build(withRoutes(List.of()));
        assertThat(bye.getRequestURI().toString()).isEqualTo("sip:alice@192.0.2.10:5062;transport=udp");
        assertThat(routes(bye)).isEmpty();
    }

    @Test
    void theCSeqNeverPassesTheLimitOfRfc3261() throws Exception {
        DialogFacts f = new DialogFacts("c", "l", "r", "<sip:a@h>", "<sip:b@h>", "sip:b@h", List.of(),
                DialogFacts.MAX_CSEQ - 1, "udp", "");
        assertThat(((CSeqHeader) build(f).getHeader(CSeqHeader.NAME)).getSeqNumber()).isEqualTo(DialogFacts.MAX_CSEQ);
    }

    @Test
    void aTargetThatIsNoUriIsNamed() {
        DialogFacts f = new DialogFacts("c", "l", "r", "<sip:a@h>", "<sip:b@h>", "not a uri", List.of(), 2, "udp", "");
        assertThatThrownBy(() -> build(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DialogFacts.REMOTE_TARGET);
    }

    /** From = our URI with our tag, To = the peer's with its tag, the Call-ID, CSeq past the dead node's, our Via. */
    private static void assertDialogHeaders(Request bye) {
        FromHeader from = (FromHeader) bye.getHeader(FromHeader.NAME);
        assertThat(from.getAddress().getURI().toString()).isEqualTo("sip:sales@10.0.0.5:5060");
        assertThat(from.getTag()).isEqualTo("sw-tag-1");
        ToHeader to = (ToHeader) bye.getHeader(ToHeader.NAME);
        assertThat(to.getAddress().getURI().toString()).isEqualTo("sip:alice@192.0.2.10");
        assertThat(to.getAddress().getDisplayName()).isEqualTo("Alice");
        assertThat(to.getTag()).isEqualTo("caller-tag-9");
        assertThat(((CallIdHeader) bye.getHeader(CallIdHeader.NAME)).getCallId()).isEqualTo("a84b4c76e66710@pc33");
        CSeqHeader cseq = (CSeqHeader) bye.getHeader(CSeqHeader.NAME);
        assertThat(cseq.getMethod()).isEqualTo(Request.BYE);
        assertThat(cseq.getSeqNumber()).isEqualTo(3 + OrphanBye.CSEQ_MARGIN);
        ViaHeader via = (ViaHeader) bye.getHeader(ViaHeader.NAME);
        assertThat(via.getHost() + ":" + via.getPort() + "/" + via.getTransport()).isEqualToIgnoringCase("10.0.0.6:5060/udp");
    }

    private static DialogFacts withRoutes(List<String> routes) {
        DialogFacts f = DialogFactsTest.FACTS;
        return new DialogFacts(f.callId(), f.localTag(), f.remoteTag(), f.localUri(), f.remoteUri(), f.remoteTarget(),
                routes, f.nextCSeq(), f.transport(), f.line());
    }

    private static Request build(DialogFacts f) {
        return OrphanBye.build(f, NODE2, new MessageFactoryImpl(), new HeaderFactoryImpl(), new AddressFactoryImpl());
    }

    private static List<String> routes(Request r) {
        List<String> out = new ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(RouteHeader.NAME); it.hasNext(); ) {
            out.add(((RouteHeader) it.next()).getAddress().getURI().toString());
        }
        return out;
    }
}
