package dev.switchboard.sip.provider;

import java.text.ParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Turns the destination an application names (a {@code sip:} URI, {@code user@host}, or a bare
 * number for the trunk) into the SIP URI a call, a redirect or a transfer goes to. Every refusal
 * names the destination and what is wrong with it.
 */
final class Destinations {
    /** RFC 3261's user characters, enough for numbers (+, *, #) and names. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9\\-_.!~*'()&=+$,;?/#%]+");

    private final SipSettings settings;
    private final AddressFactory addresses;

    Destinations(SipSettings settings, AddressFactory addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    /** The URI of {@code destination}. */
    SipURI uriOf(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("no destination given");
        }
        String d = destination.strip();
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            throw refused(d, "sips: needs TLS, which this provider does not use");
        }
        if (lower.startsWith("tel:")) {
            return onTrunk(d, d.substring(4));
        }
        if (lower.startsWith("sip:")) {
            return parse(d, d);
        }
        if (d.contains(":") && !d.contains("@")) {
            throw refused(d, "only sip: URIs, user@host and numbers can be called");
        }
        if (d.contains("@")) {
            return parse(d, "sip:" + d);
        }
        return onTrunk(d, d);
    }

    /** A user part (a number) at the outbound proxy. */
    private SipURI onTrunk(String destination, String user) {
        if (!USER.matcher(user).matches()) {
            throw refused(destination, "'" + user + "' is not a SIP user part");
        }
        SipSettings.Outbound out = settings.outbound();
        if (!out.hasProxy()) {
            throw refused(destination, "it names no host, and " + SipSettings.OUTBOUND_PROXY
                    + " is not set to say where numbers go");
        }
        try {
            SipURI uri = addresses.createSipURI(user, out.proxyHost());
            uri.setPort(out.proxyPort());
            return uri;
        } catch (ParseException e) {
            throw refused(destination, e.getMessage());
        }
    }

    private SipURI parse(String destination, String text) {
        try {
            URI uri = addresses.createURI(text);
            if (uri instanceof SipURI sip && sip.getHost() != null && !sip.getHost().isEmpty()) {
                return sip;
            }
        } catch (ParseException e) {
            throw refused(destination, "not a SIP URI: " + e.getMessage());
        }
        throw refused(destination, "not a SIP URI with a host");
    }

    private static IllegalArgumentException refused(String destination, String why) {
        return new IllegalArgumentException("destination '" + destination + "' cannot be called: " + why);
    }
}
