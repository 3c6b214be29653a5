package dev.switchboard.it.sip;

import dev.switchboard.it.Deployments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The SIP suite's EAR: the built .rar running the simulated switch and the SIP listener, the SIP test apps, the test. */
final class SipDeployments {
    private SipDeployments() {
    }

    static EnterpriseArchive ear(int sipPort, String factoryJndi, Class<?>... testClasses) {
        return ShrinkWrap.create(EnterpriseArchive.class, "sip-it.ear")
                .addAsModule(rar(sipPort, factoryJndi))
                .addAsModule(apps())
                .addAsModule(war(testClasses));
    }

    private static ResourceAdapterArchive rar(int sipPort, String factoryJndi) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("provider", "sim,sip");
        config.put("sipPort", String.valueOf(sipPort));
        config.put("sipLines", "voice-in,slow-fax,prompt-in");
        config.put("sipDefaultLine", "voice-in");
        config.put("sipRtpPortRange", "43000-43999");
        config.put("sipReinviteTimeoutMillis", "8000");
        config.put("priorityFile", Deployments.newPriorityFile("sip-priorities"));
        return Deployments.rarWithConfig(config, factoryJndi, "SwitchboardSipItPool", 30);
    }

    private static JavaArchive apps() {
        return ShrinkWrap.create(JavaArchive.class, "sip-apps.jar")
                .addClasses(SipVoiceApp.class, SipFaxApp.class, SipPromptApp.class, SipResults.class)
                .addAsManifestResource(Deployments.jbossEjb3("#switchboard.rar", SipVoiceApp.class, SipFaxApp.class,
                        SipPromptApp.class), "jboss-ejb3.xml");
    }

    private static WebArchive war(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "sip-test.war")
                .addClasses(testClasses)
                .addClasses(SipDeployments.class, Deployments.class, dev.switchboard.it.Leaks.class)
                .addAsLibraries(Deployments.jarOf(org.awaitility.Awaitility.class),
                        Deployments.jarOf(org.hamcrest.Matcher.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (String f : Sipp.FILES) {
            war.addAsResource("sipp/" + f, "sipp/" + f);
        }
        return war;
    }
}
