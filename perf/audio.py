#!/usr/bin/env python3
"""Writes the audio the rtp scenario's caller streams (perf/sipp/rtp.xml, SIPp's rtp_stream): one second
of a 440 Hz tone at -10 dBm0 or so, G.711 u-law, 8 kHz mono, as a WAV file (format 7), which SIPp loops.
440 Hz is no fax tone (1100 Hz CNG, 2100 Hz CED) and no DTMF pair, so the server's detectors stay quiet.

    python3 perf/audio.py OUT.wav
"""
import math
import struct
import sys

RATE = 8000
BIAS = 0x84
CLIP = 32635


def ulaw(sample):
    """ITU-T G.711 u-law of one 16-bit linear sample."""
    sign = 0x80 if sample < 0 else 0
    magnitude = min(abs(sample), CLIP) + BIAS
    exponent = 7
    while exponent > 0 and not magnitude & (0x4000 >> (7 - exponent)):
        exponent -= 1
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def tone(hz=440, seconds=1.0, amplitude=6000):
    return bytes(ulaw(round(amplitude * math.sin(2 * math.pi * hz * i / RATE))) for i in range(int(RATE * seconds)))


def wav(data):
    fmt = struct.pack("<HHIIHH", 7, 1, RATE, RATE, 1, 8)  # WAVE_FORMAT_MULAW, mono, 8 kHz, 1 byte a sample
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 perf/audio.py OUT.wav")
    with open(sys.argv[1], "wb") as f:
        f.write(wav(tone()))
