#!/usr/bin/env python3
"""Writes the seed corpora of the SIP module's fuzz tests (see docs/fuzzing.md).

Jazzer reads a fuzz test's seeds from src/test/resources/<package>/<TestClass>Inputs/<method>/:
in a plain `mvn test` every file there is one regression input, and under -Pfuzz they are where
the fuzzer starts. The seeds are committed; run this script only to change or re-create them,
from the repository root:

    python3 sip/src/test/fuzz/make_fuzz_seeds.py

It writes only files named seed-*; the crash-* and regression-* inputs kept beside them are
findings and stay as they are. Where the seeds come from:
  SDP      the offers of the SDP tests (audio with telephone-event as SIPp sends it, the T.38
           re-INVITE, an IPv6 video offer with CRLF, several streams, multicast and disabled
           streams) and one of the provider's own answers
  RTP      packets of the module's fax-tone captures (src/test/resources/media, written by
           tools/make_fax_tones.py), RFC 4733 event packets, a packet with CSRCs, a header
           extension and padding
  RFC 4733 key presses as senders send them (start three times, updates, end three times),
           an event longer than 0xFFFF timestamp units, audio interleaved
  INFO     dtmf-relay and dtmf bodies in the forms seen in the field
  fax tone the captures' CED and CNG payloads, silence, short frames
The media fuzz tests carry several datagrams in one input as records of a 2-byte big-endian
length and the bytes (dev.switchboard.sip.media.Datagrams).
"""
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
RESOURCES = ROOT / "sip/src/test/resources/dev/switchboard/sip"
MEDIA = ROOT / "sip/src/test/resources/media"
EVENT_PT = 101
SSRC = 0x11223344


def write(directory, name, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / ("seed-" + name)).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def rtp(payload_type, sequence, timestamp, payload, marker=False, ssrc=SSRC):
    return struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | payload_type, sequence & 0xFFFF,
                       timestamp & 0xFFFFFFFF, ssrc) + payload


def event(code, end, duration, volume=10):
    return struct.pack("!BBH", code, (0x80 if end else 0) | volume, duration)


def framed(datagrams):
    return b"".join(struct.pack("!H", len(d)) + d for d in datagrams)


def capture_rtp(file_name):
    """The UDP payloads of one of the fax-tone captures: Ethernet, IPv4 without options, UDP."""
    data = (MEDIA / file_name).read_bytes()
    at, packets = 24, []
    while at + 16 <= len(data):
        captured = struct.unpack("<I", data[at + 8:at + 12])[0]
        frame = data[at + 16:at + 16 + captured]
        packets.append(frame[14 + 20 + 8:])
        at += 16 + captured
    return packets


def press(sequence, timestamp, code, updates):
    """One key press: the start three times, updates every 20 ms, the end three times."""
    packets = [rtp(EVENT_PT, sequence + i, timestamp, event(code, False, 0), marker=i == 0) for i in range(3)]
    sequence += 3
    for i in range(1, updates + 1):
        packets.append(rtp(EVENT_PT, sequence, timestamp, event(code, False, 160 * i)))
        sequence += 1
    packets += [rtp(EVENT_PT, sequence, timestamp, event(code, True, 160 * (updates + 1)))] * 3
    return packets, sequence + 1


SDP = {
    "audio-telephone-event": "v=0\no=caller 53655765 2353687637 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\n"
                             "t=0 0\nm=audio 7000 RTP/AVP 0 8 101\na=rtpmap:0 PCMU/8000\na=rtpmap:8 PCMA/8000\n"
                             "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\na=sendrecv\n",
    "t38-reinvite": "v=0\no=caller 53655765 2353687638 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
                    "m=image 7002 udptl t38\na=T38FaxVersion:0\na=T38MaxBitRate:14400\n"
                    "a=T38FaxRateManagement:transferredTCF\na=T38FaxMaxBuffer:262\na=T38FaxMaxDatagram:176\n"
                    "a=T38FaxUdpEC:t38UDPRedundancy\n",
    "video-ipv6-crlf": "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=video call\r\nt=0 0\r\nm=video 9000 RTP/AVP 96\r\n"
                       "c=IN IP6 2001:db8::2\r\na=rtpmap:96 H264/90000\r\n"
                       "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1\r\na=recvonly\r\n",
    "several-streams": "v=0\no=gw 7 7 IN IP4 192.0.2.10\ns=-\nc=IN IP4 192.0.2.10\nt=0 0\na=sendonly\n"
                       "m=audio 4000 RTP/AVP 18 8 0 96\na=rtpmap:96 telephone-event/8000\n"
                       "m=video 4002 RTP/AVP 97\na=rtpmap:97 VP8/90000\nm=image 4004 udptl t38\n"
                       "a=T38FaxVersion:2\na=T38MaxBitRate:33600\na=T38FaxUdpEC:t38UDPFEC\na=T38FaxFillBitRemoval\n",
    "disabled-and-unknown-streams": "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                                    "m=audio 0 RTP/AVP 0\nm=application 5000 UDP/BFCP *\nm=image 6000 udptl t38\n",
    "multicast-channels": "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 224.2.1.1/127\nt=0 0\n"
                          "m=audio 5004/2 RTP/AVP 97\na=rtpmap:97 L16/16000/2\n",
    "dynamic-pcmu-ipv6": "v=0\no=- 1 1 IN IP6 2001:db8::9\ns=-\nc=IN IP6 2001:db8::9\nt=0 0\n"
                         "m=audio 7000 RTP/AVP 112\na=rtpmap:112 pcmu/8000\na=inactive\nm=audio 7002 RTP/AVP 0\n",
    "late-offer-template": "v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                           "m=audio 9 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n",
    "provider-answer": "v=0\r\no=switchboard 1 0 IN IP4 192.0.2.1\r\ns=switchboard\r\nc=IN IP4 192.0.2.1\r\n"
                       "t=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                       "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n"
                       "m=image 0 udptl t38\r\n",
}

INFO = {
    "relay-5": "application/dtmf-relay\nSignal=5\r\nDuration=160\r\n",
    "relay-star-charset": "Application/DTMF-Relay; charset=utf-8\nsignal = *\nduration = 250\n",
    "relay-event-11": "application/dtmf-relay\nSignal=11\r\nDuration=100\r\n",
    "relay-volume": "application/dtmf-relay\nSignal=D\r\nVolume=10\r\n",
    "dtmf-hash": "application/dtmf\n#\r\n",
    "no-body": "application/dtmf-relay",
}


def main():
    for name, text in SDP.items():
        write(RESOURCES / "sdp/SdpReaderFuzzTestInputs/readAndAnswer", name, text)
    for name, text in INFO.items():
        write(RESOURCES / "media/InfoDtmfFuzzTestInputs/parse", name, text)

    ced, cng = capture_rtp("ced_2100hz.pcap"), capture_rtp("cng_1100hz.pcap")
    rtp_dir = RESOURCES / "media/RtpPacketFuzzTestInputs/parse"
    write(rtp_dir, "pcmu-ced-first", ced[0])
    write(rtp_dir, "pcmu-cng-silence", cng[-1])
    write(rtp_dir, "telephone-event-start", rtp(EVENT_PT, 1000, 8000, event(5, False, 0), marker=True))
    write(rtp_dir, "telephone-event-end", rtp(EVENT_PT, 1010, 8000, event(5, True, 1600)))
    csrcs = struct.pack("!II", 1, 2)
    extension = struct.pack("!HH", 0xBEDE, 1) + b"\x09\x09\x09\x09"
    packet = bytearray(rtp(0, 7, 160, csrcs + extension + b"\x2a\x2b" + b"\x00\x00\x03"))
    packet[0] = 0x80 | 0x20 | 0x10 | 2
    write(rtp_dir, "csrcs-extension-padding", bytes(packet))

    events_dir = RESOURCES / "media/TelephoneEventFuzzTestInputs/decode"
    packets, sequence = [], 1000
    for timestamp, code in ((8000, 1), (16000, 2), (24000, 11)):
        more, sequence = press(sequence, timestamp, code, 5)
        packets += more
    write(events_dir, "digits-1-2-hash", framed(packets))
    long_press = [rtp(EVENT_PT, 2000, 80000, event(7, False, 0), marker=True),
                  rtp(EVENT_PT, 2001, 80000, event(7, False, 0xFFFF)),
                  rtp(EVENT_PT, 2002, 80000 + 0xFFFF, event(7, False, 160)),
                  rtp(EVENT_PT, 2003, 80000 + 0xFFFF, event(7, True, 320))]
    write(events_dir, "event-longer-than-0xffff", framed(long_press))
    interleaved, sequence = press(3000, 160000, 9, 2)
    write(events_dir, "audio-interleaved", framed([ced[0]] + interleaved[:3] + ced[1:3] + interleaved[3:]))

    tone_dir = RESOURCES / "media/FaxToneDetectorFuzzTestInputs/detect"
    payload = lambda packets: [p[12:] for p in packets]
    write(tone_dir, "ced-ulaw", b"\x00" + framed(payload(ced[:25])))
    write(tone_dir, "cng-burst-then-silence-ulaw", b"\x00" + framed(payload(cng[:30])))
    write(tone_dir, "alaw-silence-and-short-frames", b"\x01" + framed([b"\xd5" * 160, b"\xd5" * 80, b"\xd5" * 79]))


if __name__ == "__main__":
    main()
