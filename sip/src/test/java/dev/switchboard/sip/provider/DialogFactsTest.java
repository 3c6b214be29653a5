package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dialog facts a node reports and another reads back: every key survives the trip, bad ones are named. */
class DialogFactsTest {
    static final DialogFacts FACTS = new DialogFacts("a84b4c76e66710@pc33", "sw-tag-1", "caller-tag-9",
            "<sip:sales@10.0.0.5:5060>", "\"Alice\" <sip:alice@192.0.2.10>", "sip:alice@192.0.2.10:5062;transport=udp",
            List.of("<sip:10.0.0.1:5080;lr;ftag=caller-tag-9>", "<sip:edge.example.com;lr>"), 3, "udp", "sales");

    @Test
    void theFactsComeBackAsTheyWereReported() {
        Map<String, String> map = FACTS.toMap();
        assertThat(DialogFacts.fromMap(Map.copyOf(map))).isEqualTo(FACTS);
        assertThat(map).containsEntry(DialogFacts.VERSION_KEY, "1").containsEntry(DialogFacts.NEXT_CSEQ, "3")
                .containsEntry(DialogFacts.ROUTE_SET, "<sip:10.0.0.1:5080;lr;ftag=caller-tag-9>\n<sip:edge.example.com;lr>");
    }

    @Test
    void noRouteSetAndNoRemoteTagComeBackEmpty() {
        DialogFacts plain = new DialogFacts("c1", "l", null, "<sip:a@h>", "<sip:b@h>", "sip:b@h", List.of(), 1,
                "TCP", null);
        DialogFacts back = DialogFacts.fromMap(plain.toMap());
        assertThat(back.routeSet()).isEmpty();
        assertThat(back.remoteTag()).isEmpty();
        assertThat(back.transport()).isEqualTo("tcp");
        assertThat(back).isEqualTo(plain);
    }

    @Test
    void aMissingKeyIsNamed() {
        Map<String, String> map = new HashMap<>(FACTS.toMap());
        map.remove(DialogFacts.REMOTE_TARGET);
        assertThatThrownBy(() -> DialogFacts.fromMap(map)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DialogFacts.REMOTE_TARGET + " is missing");
    }

    @Test
    void anotherFormatOrABadCSeqOrTransportIsRefused() {
        Map<String, String> map = new HashMap<>(FACTS.toMap());
        map.put(DialogFacts.VERSION_KEY, "2");
        assertThatThrownBy(() -> DialogFacts.fromMap(map)).hasMessageContaining(DialogFacts.VERSION_KEY);
        map.put(DialogFacts.VERSION_KEY, "1");
        map.put(DialogFacts.NEXT_CSEQ, "2147483648");
        assertThatThrownBy(() -> DialogFacts.fromMap(map)).hasMessageContaining("outside 1..2147483647");
        map.put(DialogFacts.NEXT_CSEQ, "x");
        assertThatThrownBy(() -> DialogFacts.fromMap(map)).hasMessageContaining("'x' is not a number");
        map.put(DialogFacts.NEXT_CSEQ, "4");
        map.put(DialogFacts.TRANSPORT, "sctp");
        assertThatThrownBy(() -> DialogFacts.fromMap(map)).hasMessageContaining("not udp, tcp or tls");
        assertThatThrownBy(() -> DialogFacts.fromMap(null)).hasMessage("no facts");
    }
}
