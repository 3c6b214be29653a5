#!/bin/sh
# Makes the sample applications' spoken prompts: ejb/src/main/resources/prompts/*.wav.
#
# The WAV files are committed, so nobody needs to run this to build or run the samples; run it
# after changing a text below, and commit the files it writes. It needs Debian's espeak-ng and
# sox (apt-get install -y espeak-ng sox). The committed files were made with eSpeak NG 1.51 and
# SoX 14.4.2, voice en-us at 175 words a minute.
#
# Each prompt is spoken at espeak-ng's own rate (22.05 kHz), then converted to what a telephone
# line plays without converting again: 8 kHz, mono, 16-bit signed linear PCM, with the silence at
# both ends cut, so that a caller hears the menu at once and a gather's first-digit timeout starts
# when the words end. sox -R dithers the same way on every run: an unchanged text gives an
# unchanged file. Keep each file well under 100 KB (16 KB a second: under about 6 seconds).
set -eu

out="$(dirname "$0")/../resources/prompts"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# prompt NAME TEXT: writes $out/NAME.wav
prompt() {
    espeak-ng -v en-us -s 175 -w "$work/$1.wav" "$2"
    sox -R "$work/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/$1.wav" \
        silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
    echo "$out/$1.wav: $(soxi -D "$out/$1.wav") s, $(wc -c < "$out/$1.wav") bytes"
}

# the voice application's menu (VoiceMenu), played inside the gather
prompt menu "Press 9 to send a fax, 0 for the operator, 1 to leave a message, 2 for an agent."
# before the menu again, when the transfer to the operator failed
prompt operator-busy "Sorry, the operator cannot take your call."
# before the voicemail's beep
prompt voicemail "Please leave a message after the tone. Press hash when you are done."
# after the voicemail, and before the voice application hangs up on a caller who chose nothing
prompt goodbye "Thank you. Goodbye."
# the agent application: while the agent's phone rings, and when nobody answers it
prompt connecting "Connecting you to an agent. Please hold."
prompt agent-busy "Sorry, no agent is free to take your call."
