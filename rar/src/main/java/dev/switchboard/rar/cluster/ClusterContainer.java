package dev.switchboard.rar.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code clusterCacheContainer} property: the JNDI name of the server's Infinispan cache
 * container that holds what the nodes share, or nothing for a single node. {@code ${name:default}}
 * expressions are replaced by system properties, so that one EAR serves both: the cluster scripts
 * set {@code -Dswitchboard.cluster.container=java:jboss/infinispan/container/switchboard}.
 */
public final class ClusterContainer {
    /** The default shown to administrators: the system property, else none (a single node). */
    public static final String DEFAULT = "${switchboard.cluster.container:}";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private ClusterContainer() {
    }

    /** The container's JNDI name, or empty for a single node. */
    public static Optional<String> parse(String configured) {
        String value = configured == null || configured.isBlank() ? DEFAULT : configured.trim();
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1), m.group(2));
            if (v == null) {
                throw new IllegalArgumentException("clusterCacheContainer '" + configured + "' names system property "
                        + m.group(1) + ", which is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        String name = out.toString().trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
