package dev.switchboard.rar;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.Switchboard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource adapter's configuration, parsed and checked. Every problem is reported with the
 * property's name and the offending value. It owns the defaults of the adapter's own properties
 * ({@code DEFAULT_*}); each line provider's settings record owns those of its properties, which
 * are passed on unresolved in {@link #providerSettings}.
 */
public record AdapterSettings(List<String> providers, Path priorityFile, Map<MediaMode, List<String>> adminPriorities,
                              long lockTimeoutMillis, int deliveryRetries, long deliveryRetryDelayMillis,
                              int workManagerThreads, Map<String, String> providerSettings) {

    // The values used when a property is unset. The adapter's @ConfigProperty defaults show the same
    // text to administrators; ConfigPropertyDefaultsTest proves they agree.
    /** Both providers: the simulated switch for trying things out, and a SIP listener. */
    public static final String DEFAULT_PROVIDERS = "sim,sip";
    /** Without jboss.server.data.dir it becomes java.io.tmpdir/switchboard/priorities.properties. */
    public static final String DEFAULT_PRIORITY_FILE = "${jboss.server.data.dir}/switchboard/priorities.properties";
    public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = Switchboard.DEFAULT_LOCK_TIMEOUT.toMillis();
    public static final int DEFAULT_DELIVERY_RETRIES = 2;
    public static final long DEFAULT_DELIVERY_RETRY_DELAY_MILLIS = 0L;
    /**
     * Below the 50 short-running threads of WildFly's default WorkManager, so that the adapter never
     * hands over more work than it holds without waiting, and other adapters on it keep some.
     */
    public static final int DEFAULT_WORK_MANAGER_THREADS = 40;

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");

    /**
     * The raw values, as the container set them (null = not set).
     *
     * @param otherProviderSettings further providers' settings by property name (the sip* ones)
     */
    public record Raw(String provider, String simulatedLines, Boolean simulatedHandoff, String priorityFile,
                      String adminPriorities, Long lockTimeoutMillis, Integer deliveryRetries,
                      Long deliveryRetryDelayMillis, Integer workManagerThreads,
                      Map<String, String> otherProviderSettings) {

        public Raw(String provider, String simulatedLines, Boolean simulatedHandoff, String priorityFile,
                   String adminPriorities, Long lockTimeoutMillis, Integer deliveryRetries,
                   Long deliveryRetryDelayMillis) {
            this(provider, simulatedLines, simulatedHandoff, priorityFile, adminPriorities, lockTimeoutMillis,
                    deliveryRetries, deliveryRetryDelayMillis, null, Map.of());
        }
    }

    public static AdapterSettings parse(Raw raw) {
        List<String> providers = providers(raw.provider());
        long lockTimeout = raw.lockTimeoutMillis() == null ? DEFAULT_LOCK_TIMEOUT_MILLIS : raw.lockTimeoutMillis();
        if (lockTimeout <= 0) {
            throw new IllegalArgumentException("lockTimeoutMillis '" + lockTimeout + "' must be a positive number of milliseconds");
        }
        int retries = raw.deliveryRetries() == null ? DEFAULT_DELIVERY_RETRIES : raw.deliveryRetries();
        if (retries < 0) {
            throw new IllegalArgumentException("deliveryRetries '" + retries + "' must be 0 or more");
        }
        long delay = raw.deliveryRetryDelayMillis() == null ? DEFAULT_DELIVERY_RETRY_DELAY_MILLIS
                : raw.deliveryRetryDelayMillis();
        if (delay < 0) {
            throw new IllegalArgumentException("deliveryRetryDelayMillis '" + delay + "' must be 0 or more");
        }
        int threads = raw.workManagerThreads() == null ? DEFAULT_WORK_MANAGER_THREADS : raw.workManagerThreads();
        if (threads < 2) {
            throw new IllegalArgumentException("workManagerThreads '" + threads + "' must be 2 or more: one for the"
                    + " line providers' tasks, one for event deliveries");
        }
        Map<String, String> providerSettings = new LinkedHashMap<>();
        if (raw.simulatedLines() != null) {
            providerSettings.put("simulatedLines", raw.simulatedLines());
        }
        if (raw.simulatedHandoff() != null) {
            providerSettings.put("simulatedHandoff", raw.simulatedHandoff().toString());
        }
        raw.otherProviderSettings().forEach((name, value) -> {
            if (value != null) {
                providerSettings.put(name, value); // the provider's settings record resolves ${...} and checks it
            }
        });
        return new AdapterSettings(List.copyOf(providers), priorityFile(raw.priorityFile()), parseAdminPriorities(raw.adminPriorities()),
                lockTimeout, retries, delay, threads, Map.copyOf(providerSettings));
    }

    /** These settings without the providers' raw ones, to compare the adapter's own. */
    AdapterSettings withoutProviderSettings() {
        return new AdapterSettings(providers, priorityFile, adminPriorities, lockTimeoutMillis, deliveryRetries,
                deliveryRetryDelayMillis, workManagerThreads, Map.of());
    }

    /**
     * The WorkManager threads for the line providers' tasks: a fifth of {@link #workManagerThreads}
     * (SIP handlers are short and never wait on an application), at least one.
     */
    int providerWorkers() {
        return Math.max(1, workManagerThreads / 5);
    }

    /** The WorkManager threads for event deliveries (each may wait for an MDB instance): the rest. */
    int deliveryWorkers() {
        return Math.max(1, workManagerThreads - providerWorkers());
    }

    /** {@code sim,sip}: the providers to run, by name, each once; unset or blank = {@link #DEFAULT_PROVIDERS}. */
    static List<String> providers(String value) {
        List<String> names = new ArrayList<>();
        String v = value == null || value.isBlank() ? DEFAULT_PROVIDERS : value;
        for (String n : v.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("provider '" + value + "' names '" + name + "' twice");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("provider '" + value + "' names no provider");
        }
        return names;
    }

    /**
     * The priority file: {@code ${name}} expressions are replaced by system properties; the default
     * lives in the server's data directory, or in the temporary directory when there is none.
     */
    static Path priorityFile(String configured) {
        String value = configured == null || configured.isBlank()
                ? DEFAULT_PRIORITY_FILE : configured.trim();
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        boolean missing = false;
        while (m.find()) {
            String v = System.getProperty(m.group(1));
            if (v == null) {
                missing = true;
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        if (missing) {
            if (configured != null && !configured.isBlank()
                    && !configured.trim().equals(DEFAULT_PRIORITY_FILE)) {
                throw new IllegalArgumentException("priorityFile '" + configured
                        + "' names a system property that is not set");
            }
            return Path.of(System.getProperty("java.io.tmpdir"), "switchboard", "priorities.properties");
        }
        return Path.of(out.toString());
    }

    /** {@code G3FAX=fax,fax2;INTERACTIVEVOICE=voice}: lists separated by ';', names by ','. */
    static Map<MediaMode, List<String>> parseAdminPriorities(String value) {
        Map<MediaMode, List<String>> lists = new EnumMap<>(MediaMode.class);
        if (value == null || value.isBlank()) {
            return lists;
        }
        for (String entry : value.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("adminPriorities '" + value + "': entry '" + entry.trim()
                        + "' is not MODE=app1,app2");
            }
            MediaMode mode;
            try {
                mode = MediaMode.parse(entry.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("adminPriorities '" + value + "': " + e.getMessage(), e);
            }
            List<String> names = new ArrayList<>();
            for (String n : entry.substring(eq + 1).split(",")) {
                if (!n.isBlank() && !names.contains(n.trim())) {
                    names.add(n.trim());
                }
            }
            if (lists.put(mode, List.copyOf(names)) != null) {
                throw new IllegalArgumentException("adminPriorities '" + value + "' gives the list for " + mode + " twice");
            }
        }
        return lists;
    }

    /** As a record prints itself, but without secrets: a provider setting named like a password shows as hidden. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        providerSettings.forEach((name, value) -> shown.put(name,
                name.toLowerCase(Locale.ROOT).contains("password") ? "(hidden)" : value));
        return "AdapterSettings[providers=" + providers + ", priorityFile=" + priorityFile + ", adminPriorities="
                + adminPriorities + ", lockTimeoutMillis=" + lockTimeoutMillis + ", deliveryRetries=" + deliveryRetries
                + ", deliveryRetryDelayMillis=" + deliveryRetryDelayMillis + ", providerSettings=" + shown + "]";
    }
}
