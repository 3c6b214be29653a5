package dev.switchboard.sip.provider;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers allowed to send the provider requests ({@code sipAllowedPeers}): networks in CIDR
 * notation, IPv4 and IPv6, or single addresses. Only address literals are taken, never host
 * names: a name would need DNS at start and could change behind the administrator's back. No
 * library on the class path matches IPv6 prefixes (commons-net's SubnetUtils is IPv4 only), so
 * this compares the leading bits of the address bytes itself.
 *
 * @param networks the networks, each with its host bits zero
 */
public record PeerAllowlist(List<Network> networks) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public PeerAllowlist {
        networks = List.copyOf(networks);
    }

    /** One network: the address with its host bits zero, and how many leading bits must match. */
    public record Network(InetAddress base, int prefixLength) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] b = base.getAddress();
            if (a.length != b.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != b[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (b[full] & mask);
        }

        @Override
        public String toString() {
            return base.getHostAddress() + "/" + prefixLength;
        }
    }

    /**
     * Reads a comma-separated list such as {@code 127.0.0.0/8, ::1, 192.0.2.10}; an address
     * without a prefix length is that one host. Errors name {@code property} and the bad entry.
     */
    static PeerAllowlist parse(String property, String value) {
        List<Network> networks = new ArrayList<>();
        for (String part : value.split(",")) {
            String entry = part.trim();
            if (!entry.isEmpty()) {
                networks.add(network(property, entry));
            }
        }
        if (networks.isEmpty()) {
            throw new IllegalArgumentException(property + " '" + value + "' names no network; to take requests"
                    + " from anywhere set it to 0.0.0.0/0,::/0");
        }
        return new PeerAllowlist(networks);
    }

    private static Network network(String property, String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = literal(property, entry, literal);
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            prefix = length.matches("\\d{1,3}") ? Integer.parseInt(length) : -1;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(property + ": '" + entry + "' has prefix length '" + length
                        + "'; it must be 0 to " + bits + " for " + (bits == 32 ? "IPv4" : "IPv6"));
            }
        }
        Network network = new Network(address, prefix);
        Network masked = new Network(masked(address, prefix), prefix);
        if (!masked.base().equals(address)) {
            throw new IllegalArgumentException(property + ": '" + entry + "' has host bits set; the network is "
                    + masked);
        }
        return network;
    }

    /**
     * An IPv4 or IPv6 literal. IPv4 is read here and IPv6 only when it has a colon, which
     * InetAddress parses as a literal: neither can make it ask DNS.
     */
    private static InetAddress literal(String property, String entry, String literal) {
        try {
            if (IPV4.matcher(literal).matches()) {
                byte[] b = new byte[4];
                String[] parts = literal.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int n = Integer.parseInt(parts[i]);
                    if (n > 255) {
                        throw new UnknownHostException(literal);
                    }
                    b[i] = (byte) n;
                }
                return InetAddress.getByAddress(b);
            }
            if (IPV6.matcher(literal).matches()) {
                InetAddress a = InetAddress.getByName(literal);
                if (a instanceof Inet4Address) {
                    throw new IllegalArgumentException(property + ": '" + entry + "' is an IPv4-mapped IPv6"
                            + " address; write it as IPv4 (" + a.getHostAddress() + ")");
                }
                return a;
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + ": '" + entry + "' is not an IPv4 or IPv6 address,"
                + " optionally with /prefix-length (host names are not taken)");
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + b.length + " bytes", e);
        }
    }

    /** Whether a request from {@code source} may be taken. IPv4-mapped IPv6 sources count as IPv4. */
    public boolean allows(InetAddress source) {
        InetAddress a = unmapped(source);
        for (Network n : networks) {
            if (n.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress unmapped(InetAddress source) {
        byte[] b = source.getAddress();
        if (b.length != 16) {
            return source;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return source;
            }
        }
        if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return source;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return source;
        }
    }

    @Override
    public String toString() {
        return networks.toString();
    }
}
