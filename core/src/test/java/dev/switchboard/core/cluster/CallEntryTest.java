package dev.switchboard.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.CallState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text forms the shared caches keep: every value comes back as it was, whatever characters it holds. */
class CallEntryTest {

    @Test
    void anEntryComesBackFromItsTextWithAwkwardCharacters() {
        CallEntry e = new CallEntry("node-1", "call-3", "line1", "sip", "a84b4c76e66710@pc33.example.com", 36,
                CallState.CONNECTED, List.of("voice", "fax,2"), List.of(), "\"Bob\" <sip:bob@example.com>;tag=1&2",
                "sip:100@127.0.0.1", Map.of("route", "<sip:p1;lr>,<sip:p2;lr>", "cseq", "4 INVITE", "k=v", "=&%"));

        assertThat(CallEntry.decode(e.encode())).isEqualTo(e);
        assertThat(e.key()).isEqualTo("node-1/call-3");
    }

    @Test
    void nullsAndEmptyListsSurvive() {
        CallEntry e = new CallEntry("n", "call-1", null, null, null, 0, null, List.of(), List.of(), null, null, Map.of());
        assertThat(CallEntry.decode(e.encode())).isEqualTo(e);
    }

    @Test
    void textThatIsNoEntryIsRefusedNamingIt() {
        assertThatThrownBy(() -> CallEntry.decode("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hello");
    }

    @Test
    void aCommandComesBackFromItsText() {
        OperatorCommand c = new OperatorCommand("node 2", OperatorCommand.Action.ASSIGN, "call-9", "fax", "alice");
        assertThat(OperatorCommand.decode(c.encode())).isEqualTo(c);
        assertThatThrownBy(() -> new OperatorCommand("n", OperatorCommand.Action.ASSIGN, "call-1", null, null))
                .hasMessageContaining("call-1");
    }
}
