#!/usr/bin/env python3
"""Writes the fax-tone captures that the SIP tests and the SIPp scenarios play.

The tones are synthetic on purpose: a pure sine of known frequency, level and length, so a test
can say exactly when the detector must fire (after 400 ms of steady tone). The captures are
committed; run this script only to change or re-create them, from the repository root:

    python3 tools/make_fax_tones.py            # (re)writes every file below
    python3 tools/make_fax_tones.py --check    # exits 1 when a committed file differs

What is written:
  cng_1100hz.pcap  the calling tone of a fax sender (T.30 CNG: 1100 Hz), 500 ms of tone then
                   1000 ms of silence
  ced_2100hz.pcap  the answer tone of a fax receiver (T.30 CED: 2100 Hz), 1500 ms of tone
  ced_2100hz.ulaw  the first second of that tone as bare G.711 mu-law bytes, no headers

Each pcap holds one RTP stream as SIPp plays it: Ethernet, IPv4 127.0.0.1 -> 127.0.0.1, UDP port
40000 -> 6000, RTP payload type 0 (PCMU), 160 samples (20 ms) a packet, marker bit on the first.
"""
import argparse
import math
import struct
import sys
from pathlib import Path

RATE = 8000                # samples per second, G.711's only rate
FRAME = 160                # samples in one 20 ms RTP packet
AMPLITUDE = 8000           # peak of the sine in 16-bit linear PCM (about -12 dBm0)
SSRC = 0x11001100
FIRST_SEQUENCE = 1000
SOURCE_PORT, DESTINATION_PORT = 40000, 6000
LOOPBACK = bytes([127, 0, 0, 1])

ROOT = Path(__file__).resolve().parent.parent
SIP_MEDIA = ROOT / "sip/src/test/resources/media"
SIPP_SCENARIOS = ROOT / "arquillian/src/test/resources/sipp"   # SIPp finds pcaps beside the scenario


def mu_law(sample):
    """One 16-bit linear sample as a G.711 mu-law byte (the segment-and-mantissa form of G.711)."""
    negative = sample < 0
    magnitude = min(abs(sample), 32635) + 0x84          # clip, then add the encoder's bias
    segment = max(0, magnitude.bit_length() - 8)         # which of the 8 segments, 0..7
    step = (magnitude >> (segment + 3)) & 0x0F           # position inside the segment
    code = (0x80 if negative else 0) | (segment << 4) | step
    return code ^ 0xFF                                   # G.711 sends every bit inverted


def tone(frequency, on_ms, off_ms=0):
    """Linear samples: a sine of `frequency` Hz for on_ms, then silence for off_ms."""
    on = [int(AMPLITUDE * math.sin(2 * math.pi * frequency * n / RATE)) for n in range(on_ms * RATE // 1000)]
    return on + [0] * (off_ms * RATE // 1000)


def mu_law_bytes(samples):
    return bytes(mu_law(s) for s in samples)


def ipv4_checksum(header):
    total = sum(struct.unpack(f"!{len(header) // 2}H", header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return total ^ 0xFFFF


def ethernet_frame(index, payload):
    """One RTP packet wrapped in UDP, IPv4 and Ethernet; the IP id follows the RTP sequence."""
    sequence = (FIRST_SEQUENCE + index) & 0xFFFF
    rtp = struct.pack("!BBHII", 0x80, 0x80 if index == 0 else 0x00, sequence, index * FRAME, SSRC) + payload
    udp = struct.pack("!HHHH", SOURCE_PORT, DESTINATION_PORT, 8 + len(rtp), 0) + rtp  # checksum 0: none
    ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), sequence, 0, 64, 17, 0,
                               LOOPBACK, LOOPBACK))
    struct.pack_into("!H", ip, 10, ipv4_checksum(bytes(ip)))
    ethernet = bytes.fromhex("020000000002" "020000000001" "0800")  # locally administered MACs
    return ethernet + bytes(ip) + udp


def rtp_capture(samples):
    """A classic little-endian pcap (microseconds, link type Ethernet) of the samples as RTP."""
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    whole_frames = len(samples) // FRAME
    for index in range(whole_frames):
        frame = ethernet_frame(index, mu_law_bytes(samples[index * FRAME:(index + 1) * FRAME]))
        micros = index * 20_000
        out += struct.pack("<IIII", micros // 1_000_000, micros % 1_000_000, len(frame), len(frame)) + frame
    return bytes(out)


def files():
    """Every file this script owns, by path."""
    cng = rtp_capture(tone(1100, on_ms=500, off_ms=1000))
    ced = tone(2100, on_ms=1500)
    return {
        SIP_MEDIA / "cng_1100hz.pcap": cng,
        SIP_MEDIA / "ced_2100hz.pcap": rtp_capture(ced),
        SIP_MEDIA / "ced_2100hz.ulaw": mu_law_bytes(ced[:RATE]),
        SIPP_SCENARIOS / "cng_1100hz.pcap": cng,
    }


def main():
    parser = argparse.ArgumentParser(description="Write (or check) the fax-tone captures of the tests.")
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    check = parser.parse_args().check
    stale = []
    for path, content in files().items():
        shown = path.relative_to(ROOT)
        if check:
            if not path.is_file() or path.read_bytes() != content:
                stale.append(shown)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {shown} ({len(content)} bytes)")
    if stale:
        print("differs from what this script writes: " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
