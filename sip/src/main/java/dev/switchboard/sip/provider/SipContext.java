package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.sip.rtp.MediaEngine;
import dev.switchboard.sip.rtp.PortRange;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * What every call of one started provider shares: the stack's factories, the settings, the context
 * the switchboard started the provider with (its events sink and the threads to work on), and the
 * media engine with the RTP ports its calls' streams are opened on, the prompts they play and the
 * bridges between them.
 */
record SipContext(SipSettings settings, SipProvider sipProvider, MessageFactory messages, HeaderFactory headers,
                  AddressFactory addresses, ProviderContext provider, PortRange rtpPorts, MediaEngine media,
                  Prompts prompts, Bridges bridges, CallRegistry calls) {

    ProviderEvents events() {
        return provider.events();
    }
}
