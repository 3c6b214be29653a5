package dev.switchboard.sip.provider;

import gov.nist.javax.sip.header.SIPHeader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.header.RouteHeader;

/**
 * What another node needs to end a call's dialog with a BYE of its own when the node that held
 * the call died: the dialog's identifiers as RFC 3261 12.2.1.1 builds a request from them. The
 * provider reports them through {@code ProviderEvents.recoveryFacts} once the dialog is
 * established and whenever one of them changes; a surviving node's {@code endOrphan} reads them
 * back ({@link OrphanBye}). The keys, all strings:
 * <ul>
 * <li>{@value #VERSION_KEY}: the format, {@value #VERSION}; another value is refused.</li>
 * <li>{@value #CALL_ID}: the Call-ID.</li>
 * <li>{@value #LOCAL_TAG}: our tag, the From tag of our requests.</li>
 * <li>{@value #REMOTE_TAG}: the peer's tag, the To tag of our requests (empty for an RFC 2543
 *     peer that sent none).</li>
 * <li>{@value #LOCAL_URI}: our address, the From of our requests, without its tag
 *     ({@code <sip:sales@10.0.0.5:5060>}).</li>
 * <li>{@value #REMOTE_URI}: the peer's address, the To of our requests, without its tag.</li>
 * <li>{@value #REMOTE_TARGET}: the peer's Contact URI, where our requests go (unless a strict
 *     router comes first).</li>
 * <li>{@value #ROUTE_SET}: the route set in the order our requests carry it as Route headers,
 *     one header value a line ({@code \n} between them); empty when no proxy record-routed.</li>
 * <li>{@value #NEXT_CSEQ}: the CSeq number our next request would carry.</li>
 * <li>{@value #TRANSPORT}: {@code udp}, {@code tcp} or {@code tls}, the transport the dialog
 *     was set up over (our Via's).</li>
 * <li>{@value #LINE}: the call's line, for the log of the node that ends it.</li>
 * </ul>
 */
record DialogFacts(String callId, String localTag, String remoteTag, String localUri, String remoteUri,
                   String remoteTarget, List<String> routeSet, long nextCSeq, String transport, String line) {
    static final String VERSION = "1";
    static final String VERSION_KEY = "sip.facts";
    static final String CALL_ID = "sip.callId";
    static final String LOCAL_TAG = "sip.localTag";
    static final String REMOTE_TAG = "sip.remoteTag";
    static final String LOCAL_URI = "sip.localUri";
    static final String REMOTE_URI = "sip.remoteUri";
    static final String REMOTE_TARGET = "sip.remoteTarget";
    static final String ROUTE_SET = "sip.routeSet";
    static final String NEXT_CSEQ = "sip.nextCSeq";
    static final String TRANSPORT = "sip.transport";
    static final String LINE = "sip.line";
    /** RFC 3261 8.1.1.5: a CSeq number is below 2**31. */
    static final long MAX_CSEQ = (1L << 31) - 1;
    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", "tls");

    DialogFacts {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        remoteTag = remoteTag == null ? "" : remoteTag;
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
        transport = transport.toLowerCase(java.util.Locale.ROOT);
        line = line == null ? "" : line;
    }

    /**
     * The facts of an established dialog, as jain-sip keeps them: the route set in the order our
     * requests carry it (reversed from the Record-Route of a 2xx for a dialog we started).
     */
    static DialogFacts of(Dialog dialog, String transport, String line) {
        List<String> routes = new ArrayList<>();
        for (Iterator<?> it = dialog.getRouteSet(); it.hasNext(); ) {
            Object route = it.next();
            routes.add(route instanceof SIPHeader h ? h.getHeaderValue().strip()
                    : ((RouteHeader) route).getAddress().toString());
        }
        Address target = dialog.getRemoteTarget();
        return new DialogFacts(dialog.getCallId().getCallId(), dialog.getLocalTag(), dialog.getRemoteTag(),
                dialog.getLocalParty().toString(), dialog.getRemoteParty().toString(),
                target == null ? dialog.getRemoteParty().getURI().toString() : target.getURI().toString(), routes,
                Math.max(1, dialog.getLocalSeqNumber() + 1), transport, line);
    }

    /** The facts as the call directory keeps them: the keys above, an ordered map for readable logs. */
    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(VERSION_KEY, VERSION);
        m.put(CALL_ID, callId);
        m.put(LOCAL_TAG, localTag);
        m.put(REMOTE_TAG, remoteTag);
        m.put(LOCAL_URI, localUri);
        m.put(REMOTE_URI, remoteUri);
        m.put(REMOTE_TARGET, remoteTarget);
        m.put(ROUTE_SET, String.join("\n", routeSet));
        m.put(NEXT_CSEQ, String.valueOf(nextCSeq));
        m.put(TRANSPORT, transport);
        m.put(LINE, line);
        return m;
    }

    /**
     * Reads facts another node reported.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    static DialogFacts fromMap(Map<String, String> m) {
        if (m == null) {
            throw new IllegalArgumentException("no facts");
        }
        String version = m.get(VERSION_KEY);
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException(VERSION_KEY + " is '" + version + "', not '" + VERSION
                    + "': these are not SIP dialog facts this provider can read");
        }
        long cseq;
        String cseqText = required(m, NEXT_CSEQ);
        try {
            cseq = Long.parseLong(cseqText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NEXT_CSEQ + " '" + cseqText + "' is not a number");
        }
        if (cseq < 1 || cseq > MAX_CSEQ) {
            throw new IllegalArgumentException(NEXT_CSEQ + " " + cseq + " is outside 1.." + MAX_CSEQ);
        }
        String transport = required(m, TRANSPORT).toLowerCase(java.util.Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException(TRANSPORT + " '" + transport + "' is not udp, tcp or tls");
        }
        String routes = m.getOrDefault(ROUTE_SET, "");
        List<String> routeSet = routes.isBlank() ? List.of()
                : routes.lines().map(String::strip).filter(r -> !r.isEmpty()).toList();
        return new DialogFacts(required(m, CALL_ID), required(m, LOCAL_TAG), m.get(REMOTE_TAG),
                required(m, LOCAL_URI), required(m, REMOTE_URI), required(m, REMOTE_TARGET), routeSet, cseq,
                transport, m.get(LINE));
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return v.strip();
    }
}
