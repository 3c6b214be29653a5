package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderEvents;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** What every call of one started provider shares: the stack's factories, the settings, the threads. */
record SipContext(SipSettings settings, SipProvider sipProvider, MessageFactory messages, HeaderFactory headers,
                  AddressFactory addresses, ProviderEvents events, ExecutorService pool,
                  ScheduledExecutorService timers, RtpPorts rtpPorts, CallRegistry calls) {
}
