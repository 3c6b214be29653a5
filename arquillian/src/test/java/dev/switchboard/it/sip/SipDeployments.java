package dev.switchboard.it.sip;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
        File file = new File(System.getProperty("switchboard.rar", "target/deps/switchboard-rar.rar"));
        ResourceAdapterArchive rar = ShrinkWrap.create(ResourceAdapterArchive.class, "switchboard.rar")
                .merge(ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, file));
        rar.delete("META-INF/ironjacamar.xml");
        String dir = System.getProperty("switchboard.it.dir", System.getProperty("java.io.tmpdir"));
        Path priorities = Path.of(dir, "sip-priorities-" + UUID.randomUUID() + ".properties").toAbsolutePath();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ironjacamar xmlns="http://www.ironjacamar.org/doc/schema">
                  <config-property name="provider">sim,sip</config-property>
                  <config-property name="sipPort">%d</config-property>
                  <config-property name="sipLines">voice-in,slow-fax</config-property>
                  <config-property name="sipDefaultLine">voice-in</config-property>
                  <config-property name="sipRtpPortRange">43000-43999</config-property>
                  <config-property name="sipReinviteTimeoutMillis">8000</config-property>
                  <config-property name="priorityFile">%s</config-property>
                  <transaction-support>XATransaction</transaction-support>
                  <connection-definitions>
                    <connection-definition class-name="dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory"
                                           jndi-name="%s" pool-name="SwitchboardSipItPool">
                      <xa-pool><min-pool-size>0</min-pool-size><max-pool-size>30</max-pool-size></xa-pool>
                      <security><application/></security>
                      <recovery no-recovery="true"/>
                    </connection-definition>
                  </connection-definitions>
                </ironjacamar>
                """.formatted(sipPort, priorities, factoryJndi);
        rar.addAsManifestResource(new StringAsset(xml), "ironjacamar.xml");
        return rar;
    }

    private static JavaArchive apps() {
        StringBuilder bindings = new StringBuilder();
        for (Class<?> mdb : new Class<?>[] {SipVoiceApp.class, SipFaxApp.class}) {
            bindings.append("""
                        <mdb:resource-adapter-binding>
                          <ejb-name>%s</ejb-name>
                          <mdb:resource-adapter-name>#switchboard.rar</mdb:resource-adapter-name>
                        </mdb:resource-adapter-binding>
                    """.formatted(mdb.getSimpleName()));
        }
        String jbossEjb3 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <jboss:ejb-jar xmlns:jboss="http://www.jboss.com/xml/ns/javaee"
                               xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:mdb="urn:resource-adapter-binding"
                               version="4.0" impl-version="2.0">
                  <assembly-descriptor>
                %s  </assembly-descriptor>
                </jboss:ejb-jar>
                """.formatted(bindings);
        return ShrinkWrap.create(JavaArchive.class, "sip-apps.jar")
                .addClasses(SipVoiceApp.class, SipFaxApp.class, SipResults.class)
                .addAsManifestResource(new StringAsset(jbossEjb3), "jboss-ejb3.xml");
    }

    private static WebArchive war(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "sip-test.war")
                .addClasses(testClasses)
                .addClass(SipDeployments.class)
                .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (String f : Sipp.FILES) {
            war.addAsResource("sipp/" + f, "sipp/" + f);
        }
        return war;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
