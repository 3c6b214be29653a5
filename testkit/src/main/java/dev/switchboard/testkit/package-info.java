/**
 * Tests an application's message-driven bean without a server. {@link dev.switchboard.testkit.SwitchboardTestKit}
 * runs the Switchboard core with a simulated switch, delivers events to the bean as the resource
 * adapter would (retries, transactions, the next owner after a refused offer), gives the bean a
 * {@link dev.switchboard.api.SwitchboardConnectionFactory}, and lets the test place calls, press
 * digits and wait for what the bean was delivered.
 *
 * <pre>{@code
 * try (SwitchboardTestKit kit = SwitchboardTestKit.create()) {
 *     FaxApplication fax = new FaxApplication();
 *     fax.factory = kit.connectionFactory();
 *     TestApplication app = kit.application("fax").owner(MediaMode.G3FAX, 1).open(fax);
 *     SimulatedCall call = kit.placeCall("line1", MediaMode.G3FAX);
 *     app.awaitState(call.callId(), CallState.CONNECTED);
 * }
 * }</pre>
 */
package dev.switchboard.testkit;
