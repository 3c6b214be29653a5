/**
 * Call control over SIP that needs no SIP stack: how a final response ends an outbound call
 * ({@link dev.switchboard.sip.control.FinalResponses}, R30), the status line of a
 * {@code message/sipfrag} NOTIFY body ({@link dev.switchboard.sip.control.SipFrag}, R29), the
 * outcome of a redirect or transfer ({@link dev.switchboard.sip.control.ControlResult}) and HTTP
 * Digest answers to a trunk's challenge ({@link dev.switchboard.sip.control.Digest}). The SIP line
 * provider carries out make call, redirect and blind transfer through the provider SPI
 * ({@code LineProvider.makeCall}, {@code redirect}, {@code blindTransfer}) with these pieces.
 *
 * <p><b>Why our own Digest rather than jain-sip's {@code AuthenticationHelper}.</b> jain-sip-ri
 * 1.3.0-91 ships {@code gov.nist.javax.sip.clientauthutils.AuthenticationHelperImpl}, and it
 * computes RFC 2617 MD5 responses correctly, but whenever a challenge carries a qop it answers
 * with the fixed client nonce {@code "xyz"} (and nonce count 1), on every request of every call.
 * The client nonce is what keeps a challenger from choosing the whole text the password is
 * hashed over (RFC 7616 section 5.4/5.11): with a constant one, any party our INVITE reaches can
 * challenge us with a nonce of its choosing and run a precomputed dictionary against the answer.
 * It also answers {@code qop="auth-int"} alone with {@code qop=auth}, which such a server
 * refuses, and knows only MD5. {@code DigestAgainstJainSipTest} shows the constant client nonce.
 * {@link dev.switchboard.sip.control.Digest} is the one computation, with a random client nonce,
 * MD5, SHA-256 and SHA-512/256 (and their -sess forms) and qop auth or auth-int; the challenge
 * headers are still read by jain-sip's parser.
 */
package dev.switchboard.sip.control;
