package dev.switchboard.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The T.38 attributes of an answer (ITU-T T.38 Annex D). Each is the offer's value brought
 * within what a T.38 version 0 endpoint handles, since the fax engine behind the provider
 * is not chosen yet and version 0 is what every gateway speaks.
 */
final class T38Answer {

    static final int MAX_VERSION = 0;
    static final int MAX_BIT_RATE = 14400;

    private T38Answer() {
    }

    static String section(MediaDescription offer, int port) {
        StringBuilder sb = new StringBuilder();
        SdpAnswerWriter.line(sb, "m=image " + port + " udptl t38");
        // The answer may lower the version and the rate, never raise them.
        SdpAnswerWriter.line(sb, "a=T38FaxVersion:" + Math.min(number(offer, "T38FaxVersion", 0), MAX_VERSION));
        SdpAnswerWriter.line(sb, "a=T38MaxBitRate:" + Math.min(number(offer, "T38MaxBitRate", MAX_BIT_RATE), MAX_BIT_RATE));
        // Rate management must match the offer's; over UDPTL it is transferredTCF when unsaid.
        SdpAnswerWriter.line(sb, "a=T38FaxRateManagement:"
                + offer.attribute("T38FaxRateManagement").map(String::trim).orElse("transferredTCF"));
        // Buffer and datagram sizes are echoed: the offerer's sizes are ones it can send and receive.
        offer.attribute("T38FaxMaxBuffer").ifPresent(v -> SdpAnswerWriter.line(sb, "a=T38FaxMaxBuffer:" + v.trim()));
        offer.attribute("T38FaxMaxDatagram").ifPresent(v -> SdpAnswerWriter.line(sb, "a=T38FaxMaxDatagram:" + v.trim()));
        errorCorrection(offer).ifPresent(v -> SdpAnswerWriter.line(sb, "a=T38FaxUdpEC:" + v));
        // T38FaxFillBitRemoval and the MMR/JBIG transcoding options are left out: not supported.
        return sb.toString();
    }

    /** Redundancy and no-EC are echoed; FEC, which few gateways implement, falls back to redundancy. */
    private static Optional<String> errorCorrection(MediaDescription offer) {
        return offer.attribute("T38FaxUdpEC").map(String::trim).map(ec ->
                ec.toLowerCase(Locale.ROOT).equals("t38udpnoec") ? ec : "t38UDPRedundancy");
    }

    private static int number(MediaDescription offer, String name, int otherwise) {
        // SdpReader has already rejected a T38 number attribute that is not a number.
        return offer.attribute(name).map(String::trim).map(Integer::parseInt).orElse(otherwise);
    }
}
