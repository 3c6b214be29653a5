package dev.switchboard.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds the test deployments from the real switchboard-rar artifact (target/deps) and the test applications. */
public final class Deployments {
    /**
     * The adapter's connection factory as the test EARs name it (the samples' name too): a resource
     * reference in application.xml, bound to the server's own name for it (see {@link #earWithAdapter}).
     */
    static final String CONNECTION_FACTORY = "java:app/switchboard/ConnectionFactory";
    /** Where WildFly binds the connection factory (ironjacamar.xml); Liberty cannot bind names in java:. */
    static final String WILDFLY_CONNECTION_FACTORY = "java:/switchboard/ConnectionFactory";
    /** Where Open Liberty's server.xml binds the connection factory of the test EAR {@code <app>.ear}. */
    static final String LIBERTY_CONNECTION_FACTORY_PREFIX = "switchboard/test/";
    /** The lock timeout the in-EAR test adapters use, so that R22's timeout is quick to prove. */
    static final long LOCK_TIMEOUT_MILLIS = 1500;
    static final int DELIVERY_RETRIES = 2;

    /**
     * The types of the adapter's config properties that are not strings (SwitchboardResourceAdapter's
     * fields): ra.xml must name a property's type as the adapter declares it.
     */
    private static final Map<String, String> NON_STRING_PROPERTIES = Map.of(
            "simulatedHandoff", "java.lang.Boolean", "lockTimeoutMillis", "java.lang.Long",
            "deliveryRetries", "java.lang.Integer", "deliveryRetryDelayMillis", "java.lang.Long");

    private Deployments() {
    }

    /** Whether the suite runs on Open Liberty (the Maven profile {@code liberty} sets {@code arquillian.launch}). */
    public static boolean onLiberty() {
        return "liberty".equals(System.getProperty("arquillian.launch"));
    }

    /**
     * Open Liberty ignores ironjacamar.xml but reads ra.xml, merged with the adapter's annotations: each
     * config-property-value there becomes the default of the adapter's property in
     * {@code <properties.APP.switchboard/>}. So on Liberty the test adapter gets the same settings as on
     * WildFly from the archive itself; WildFly's archive stays as it was.
     */
    public static ResourceAdapterArchive withLibertyConfig(ResourceAdapterArchive rar, Map<String, String> config) {
        if (!onLiberty()) {
            return rar;
        }
        StringBuilder properties = new StringBuilder();
        config.forEach((name, value) -> properties.append("""
                    <config-property>
                      <config-property-name>%s</config-property-name>
                      <config-property-type>%s</config-property-type>
                      <config-property-value>%s</config-property-value>
                    </config-property>
                """.formatted(name, NON_STRING_PROPERTIES.getOrDefault(name, "java.lang.String"), xml(value))));
        String raXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <connector xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.1" metadata-complete="false">
                  <resourceadapter>
                    <resourceadapter-class>dev.switchboard.rar.SwitchboardResourceAdapter</resourceadapter-class>
                %s  </resourceadapter>
                </connector>
                """.formatted(properties);
        rar.delete("META-INF/ra.xml");
        return rar.addAsManifestResource(new StringAsset(raXml), "ra.xml");
    }

    /**
     * For a web module with the console's role {@code operator}: Liberty's binding of that role to the group
     * {@code operator} of server.xml's basicRegistry, as switchboard.ear's own ibm-application-bnd.xml does.
     */
    private static String operatorRoleBinding(WebArchive web) {
        var webXml = web.get("WEB-INF/web.xml");
        if (webXml == null) {
            return "";
        }
        try (var in = webXml.getAsset().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("<role-name>operator</role-name>")
                    ? "  <security-role name=\"operator\"><group name=\"operator\"/></security-role>\n" : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The .rar exactly as the build made it. */
    public static ResourceAdapterArchive rarAsBuilt(String name) {
        File file = new File(System.getProperty("switchboard.rar", "target/deps/switchboard-rar.rar"));
        ResourceAdapterArchive built = ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, file);
        return ShrinkWrap.create(ResourceAdapterArchive.class, name).merge(built);
    }

    /**
     * The .rar with a test activation: its own priority file (so tests never see each other's
     * lists), a short lock timeout, and the connection factory at {@code jndiName}.
     */
    static ResourceAdapterArchive rarForTest(String jndiName) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("provider", "sim");
        config.put("simulatedLines", "line1,line2");
        config.put("priorityFile", newPriorityFile("priorities"));
        config.put("lockTimeoutMillis", String.valueOf(LOCK_TIMEOUT_MILLIS));
        config.put("deliveryRetries", String.valueOf(DELIVERY_RETRIES));
        return rarWithConfig(config, jndiName, "SwitchboardTestPool", 10);
    }

    /**
     * The built .rar with its ironjacamar.xml replaced: the given config properties (in order) and one
     * connection definition at {@code jndiName}, pooled per application like the archive's own.
     */
    public static ResourceAdapterArchive rarWithConfig(Map<String, String> config, String jndiName, String poolName,
                                                       int maxPoolSize) {
        ResourceAdapterArchive rar = rarAsBuilt("switchboard.rar");
        rar.delete("META-INF/ironjacamar.xml");
        StringBuilder properties = new StringBuilder();
        config.forEach((name, value) -> properties.append("""
                  <config-property name="%s">%s</config-property>
                """.formatted(name, value)));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ironjacamar xmlns="http://www.ironjacamar.org/doc/schema">
                %s  <transaction-support>XATransaction</transaction-support>
                  <connection-definitions>
                    <connection-definition class-name="dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory"
                                           jndi-name="%s" pool-name="%s">
                      <xa-pool><min-pool-size>0</min-pool-size><max-pool-size>%d</max-pool-size></xa-pool>
                      <security><application/></security>
                      <recovery no-recovery="true"/>
                    </connection-definition>
                  </connection-definitions>
                </ironjacamar>
                """.formatted(properties, jndiName, poolName, maxPoolSize);
        rar.addAsManifestResource(new StringAsset(xml), "ironjacamar.xml");
        return withLibertyConfig(rar, config);
    }

    /** A fresh priority file under the suite's work directory, so no test sees another's lists. */
    public static String newPriorityFile(String prefix) {
        String dir = System.getProperty("switchboard.it.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(dir, prefix + "-" + UUID.randomUUID() + ".properties").toAbsolutePath().toString();
    }

    /** An ejb jar with the given MDBs (plus the Results singleton), each bound to {@code resourceAdapter}. */
    public static JavaArchive apps(String name, String resourceAdapter, Class<?>... mdbs) {
        return ShrinkWrap.create(JavaArchive.class, name)
                .addClasses(mdbs)
                .addClass(dev.switchboard.it.apps.Results.class)
                .addAsManifestResource(jbossEjb3(resourceAdapter, mdbs), "jboss-ejb3.xml");
    }

    /** WildFly's jboss-ejb3.xml binding each of {@code mdbs} to {@code resourceAdapter}. */
    public static StringAsset jbossEjb3(String resourceAdapter, Class<?>... mdbs) {
        StringBuilder bindings = new StringBuilder();
        for (Class<?> mdb : mdbs) {
            bindings.append("""
                        <mdb:resource-adapter-binding>
                          <ejb-name>%s</ejb-name>
                          <mdb:resource-adapter-name>%s</mdb:resource-adapter-name>
                        </mdb:resource-adapter-binding>
                    """.formatted(mdb.getSimpleName(), resourceAdapter));
        }
        return new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <jboss:ejb-jar xmlns:jboss="http://www.jboss.com/xml/ns/javaee"
                               xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:mdb="urn:resource-adapter-binding"
                               version="4.0" impl-version="2.0">
                  <assembly-descriptor>
                %s  </assembly-descriptor>
                </jboss:ejb-jar>
                """.formatted(bindings));
    }

    /** The war that carries the test class and what it needs in the container (Awaitility and Hamcrest). */
    static WebArchive testWar(Class<?>... testClasses) {
        return ShrinkWrap.create(WebArchive.class, "test.war")
                .addClasses(testClasses)
                .addClasses(Deployments.class, Leaks.class)
                .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    public static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The suite's usual EAR: the adapter inside, every well-behaved and misbehaving test application, and the test.
     * Its application.xml declares {@link #CONNECTION_FACTORY}, bound to {@link #WILDFLY_CONNECTION_FACTORY} on
     * WildFly (lookup-name) and to {@code switchboard/test/<app>} on Open Liberty (ibm-application-bnd.xml), as
     * switchboard.ear does.
     */
    static EnterpriseArchive earWithAdapter(String name, Class<?> testClass) {
        return earWithAdapter(name, apps("test-apps.jar", "#switchboard.rar",
                        dev.switchboard.it.apps.VoiceApp.class, dev.switchboard.it.apps.FaxApp.class,
                        dev.switchboard.it.apps.ThrowingApp.class, dev.switchboard.it.apps.RollbackApp.class,
                        dev.switchboard.it.apps.BackupApp.class),
                testWar(testClass, Calls.class), "/test");
    }

    /** The metrics war exactly as the build made it (switchboard.ear carries the same). */
    static WebArchive metricsWarAsBuilt() {
        File file = new File(System.getProperty("switchboard.metricsWar", "target/deps/switchboard-metrics.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }

    /** {@code ear} with one more web module, {@code web} at {@code contextRoot}, listed in its application.xml. */
    static EnterpriseArchive withWebModule(EnterpriseArchive ear, WebArchive web, String contextRoot) {
        String applicationXml = new String(readAll(ear.get("META-INF/application.xml").getAsset().openStream()),
                java.nio.charset.StandardCharsets.UTF_8);
        String module = "  <module><web><web-uri>%s</web-uri><context-root>%s</context-root></web></module>\n"
                .formatted(web.getName(), contextRoot);
        ear.delete("META-INF/application.xml");
        return ear.setApplicationXML(new StringAsset(applicationXml.replace("  <resource-ref>", module + "  <resource-ref>")))
                .addAsModule(web);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An EAR with the test adapter ({@link #rarForTest}), the applications {@code apps} and the web module
     * {@code web} at {@code contextRoot}, the connection factory named {@link #CONNECTION_FACTORY} in it as in
     * {@link #earWithAdapter(String, Class)}.
     */
    public static EnterpriseArchive earWithAdapter(String name, JavaArchive apps, WebArchive web, String contextRoot) {
        return earWithAdapter(name, rarForTest(WILDFLY_CONNECTION_FACTORY), WILDFLY_CONNECTION_FACTORY, apps, web,
                contextRoot);
    }

    /**
     * Like {@link #earWithAdapter(String, JavaArchive, WebArchive, String)} with the adapter {@code rar}, whose
     * ironjacamar.xml binds the connection factory at {@code wildflyName}: the EAR's {@link #CONNECTION_FACTORY}
     * is that on WildFly and {@code switchboard/test/<app>} on Open Liberty.
     */
    public static EnterpriseArchive earWithAdapter(String name, ResourceAdapterArchive rar, String wildflyName,
                                                   JavaArchive apps, WebArchive web, String contextRoot) {
        String app = name.replaceFirst("\\.ear$", "");
        String applicationXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <application-name>%s</application-name>
                  <module><connector>switchboard.rar</connector></module>
                  <module><ejb>%s</ejb></module>
                  <module><web><web-uri>%s</web-uri><context-root>%s</context-root></web></module>
                  <resource-ref>
                    <res-ref-name>%s</res-ref-name>
                    <res-type>dev.switchboard.api.SwitchboardConnectionFactory</res-type>
                    <res-auth>Container</res-auth>
                    <lookup-name>%s</lookup-name>
                  </resource-ref>
                </application>
                """.formatted(app, apps.getName(), web.getName(), contextRoot, CONNECTION_FACTORY, wildflyName);
        String libertyBinding = """
                <?xml version="1.0" encoding="UTF-8"?>
                <application-bnd xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.2">
                  <resource-ref name="%s" binding-name="%s%s"/>
                %s</application-bnd>
                """.formatted(CONNECTION_FACTORY, LIBERTY_CONNECTION_FACTORY_PREFIX, app, operatorRoleBinding(web));
        return ShrinkWrap.create(EnterpriseArchive.class, name)
                .setApplicationXML(new StringAsset(applicationXml))
                .addAsManifestResource(new StringAsset(libertyBinding), "ibm-application-bnd.xml")
                .addAsModule(rar)
                .addAsModule(apps)
                .addAsModule(web);
    }
}
