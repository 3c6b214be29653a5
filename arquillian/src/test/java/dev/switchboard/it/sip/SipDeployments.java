package dev.switchboard.it.sip;

import dev.switchboard.it.Deployments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The EAR, its applications reaching the factory by the EAR's resource reference (java:app/...): bound to
     * {@code wildflyJndi} (the rar's ironjacamar.xml) on WildFly, to server.xml's {@code switchboard/test/sip-it}
     * on Open Liberty, whose adapter reads the same settings from the rar's ra.xml.
     */
    static EnterpriseArchive ear(int sipPort, String wildflyJndi, Class<?>... testClasses) {
        return ear(sipPort, wildflyJndi, Map.of(), new Class<?>[0], testClasses);
    }

    /**
     * The same EAR with {@code moreConfig} added to (or replacing) the adapter's config properties
     * and {@code moreApps} beside the two SIP test applications.
     */
    static EnterpriseArchive ear(int sipPort, String wildflyJndi, Map<String, String> moreConfig, Class<?>[] moreApps,
                                 Class<?>... testClasses) {
        return Deployments.earWithAdapter("sip-it.ear", rar(sipPort, wildflyJndi, moreConfig), wildflyJndi,
                apps(moreApps), war(testClasses), "/sip-test");
    }

    private static ResourceAdapterArchive rar(int sipPort, String factoryJndi, Map<String, String> moreConfig) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("provider", "sim,sip");
        config.put("sipPort", String.valueOf(sipPort));
        config.put("sipLines", "voice-in,slow-fax,prompt-in");
        config.put("sipDefaultLine", "voice-in");
        config.put("sipRtpPortRange", "43000-43999");
        config.put("sipReinviteTimeoutMillis", "8000");
        config.put("priorityFile", Deployments.newPriorityFile("sip-priorities"));
        config.putAll(moreConfig);
        return Deployments.rarWithConfig(config, factoryJndi, "SwitchboardSipItPool", 30);
    }

    private static JavaArchive apps(Class<?>... moreApps) {
        List<Class<?>> mdbs = new ArrayList<>(List.of(SipVoiceApp.class, SipFaxApp.class));
        mdbs.addAll(List.of(moreApps));
        Class<?>[] all = mdbs.toArray(new Class<?>[0]);
        return ShrinkWrap.create(JavaArchive.class, "sip-apps.jar")
                .addClasses(all)
                .addClass(SipResults.class)
                .addAsManifestResource(Deployments.jbossEjb3("#switchboard.rar", all), "jboss-ejb3.xml");
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
