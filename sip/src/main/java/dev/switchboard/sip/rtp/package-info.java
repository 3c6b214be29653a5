/**
 * The media engine of the SIP provider: RTP for every call on a fixed set of threads.
 *
 * <p>{@link dev.switchboard.sip.rtp.MediaEngine} owns the threads: a few NIO selector loops that
 * read all calls' datagrams, and one task on the shared timer ({@link dev.switchboard.sip.rtp.Ticker})
 * that paces all calls' sending. Each call has an {@link dev.switchboard.sip.rtp.RtpStream}: it sends
 * one packet per packet time (a prompt, tone or RFC 4733 digits, or silence while nothing plays),
 * records, and hands received packets to a {@link dev.switchboard.sip.rtp.PacketConsumer} such as
 * the {@link dev.switchboard.sip.rtp.InboundDecoder}. A {@link dev.switchboard.sip.rtp.Bridge} joins
 * two streams both ways.
 *
 * <p>Each operation ends with exactly one completion ({@link dev.switchboard.sip.rtp.Ending}), run on
 * the executor the stream was opened with, never on an engine thread.
 */
package dev.switchboard.sip.rtp;
