package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PeerAllowlistTest {
    private static final String P = SipSettings.ALLOWED_PEERS;

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static PeerAllowlist list(String value) {
        return PeerAllowlist.parse(P, value);
    }

    @Test
    void theDefaultTakesLoopbackOnlyInBothFamilies() throws Exception {
        PeerAllowlist defaults = list(SipSettings.DEFAULT_ALLOWED_PEERS);
        assertThat(defaults.allows(ip("127.0.0.1"))).isTrue();
        assertThat(defaults.allows(ip("127.255.0.9"))).isTrue();
        assertThat(defaults.allows(ip("::1"))).isTrue();
        assertThat(defaults.allows(ip("128.0.0.1"))).isFalse();
        assertThat(defaults.allows(ip("10.0.0.1"))).isFalse();
        assertThat(defaults.allows(ip("::2"))).isFalse();
        assertThat(defaults.allows(ip("fe80::1"))).isFalse();
    }

    @Test
    void ipv4PrefixesMatchTheLeadingBitsOnly() throws Exception {
        PeerAllowlist l = list("192.0.2.128/25, 198.51.100.7, 10.0.0.0/8");
        assertThat(l.allows(ip("192.0.2.128"))).isTrue();
        assertThat(l.allows(ip("192.0.2.255"))).isTrue();
        assertThat(l.allows(ip("192.0.2.127"))).isFalse();
        assertThat(l.allows(ip("198.51.100.7"))).isTrue();
        assertThat(l.allows(ip("198.51.100.8"))).isFalse();
        assertThat(l.allows(ip("10.255.255.255"))).isTrue();
        assertThat(l.allows(ip("11.0.0.0"))).isFalse();
    }

    @Test
    void ipv6PrefixesMatchAcrossByteBoundaries() throws Exception {
        PeerAllowlist l = list("2001:db8:abcd:12::/63, 2001:db8::5");
        assertThat(l.allows(ip("2001:db8:abcd:12::1"))).isTrue();
        assertThat(l.allows(ip("2001:db8:abcd:13:ffff::1"))).isTrue(); // bit 64 is free
        assertThat(l.allows(ip("2001:db8:abcd:14::1"))).isFalse();
        assertThat(l.allows(ip("2001:db8::5"))).isTrue();
        assertThat(l.allows(ip("2001:db8::6"))).isFalse();
        assertThat(l.allows(ip("10.0.0.1"))).as("an IPv4 source against IPv6 networks").isFalse();
    }

    @Test
    void zeroLengthPrefixesTakeEveryoneOfTheirFamily() throws Exception {
        PeerAllowlist anyV4 = list("0.0.0.0/0");
        assertThat(anyV4.allows(ip("203.0.113.9"))).isTrue();
        assertThat(anyV4.allows(ip("2001:db8::1"))).isFalse();
        assertThat(list("0.0.0.0/0,::/0").allows(ip("2001:db8::1"))).isTrue();
    }

    @Test
    void anIpv4MappedIpv6SourceCountsAsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        // Java already turns the mapped form into IPv4; an Inet6Address of it can still arrive from a stack
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(list("10.0.0.0/8").allows(v6)).isTrue();
        assertThat(list("10.0.0.0/8").allows(ip("::ffff:11.1.2.3"))).isFalse();
    }

    @Test
    void hostBitsBadPrefixesNamesAndMappedEntriesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> list("192.168.1.1/24")).hasMessageContaining(P)
                .hasMessageContaining("host bits").hasMessageContaining("192.168.1.0/24");
        assertThatThrownBy(() -> list("10.0.0.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> list("::/129")).hasMessageContaining("0 to 128");
        assertThatThrownBy(() -> list("10.0.0.0/")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> list("localhost")).hasMessageContaining("host names are not taken");
        assertThatThrownBy(() -> list("example.org/24")).hasMessageContaining("host names are not taken");
        assertThatThrownBy(() -> list("256.1.1.1")).hasMessageContaining("'256.1.1.1'");
        assertThatThrownBy(() -> list("fe80::1%eth0")).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> list("::ffff:10.0.0.1")).hasMessageContaining("write it as IPv4");
        assertThatThrownBy(() -> list(" , ")).hasMessageContaining("0.0.0.0/0,::/0");
    }

    @Test
    void equalListsAreEqualAndPrintAsCidr() {
        assertThat(list("127.0.0.0/8, ::1")).isEqualTo(list("127.0.0.0/8,::1"));
        assertThat(list("127.0.0.0/8, ::1")).hasToString("[127.0.0.0/8, 0:0:0:0:0:0:0:1/128]");
    }
}
