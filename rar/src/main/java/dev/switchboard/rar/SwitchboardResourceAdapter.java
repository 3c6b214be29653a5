package dev.switchboard.rar;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.priority.FilePriorityStore;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.rar.cluster.ClusterContainer;
import dev.switchboard.rar.cluster.SharedState;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.LineProviderFactory;
import dev.switchboard.rar.inbound.InboundActivation;
import dev.switchboard.rar.inbound.SwitchboardActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.WorkManager;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * The Switchboard resource adapter. Thin on purpose: {@link #start} builds the core
 * {@link Switchboard} from the configuration, each MDB activation becomes one
 * {@link InboundActivation}, and {@link #stop} closes it all. Everything else is delegated.
 */
@Connector(
        displayName = "Switchboard",
        description = "TAPI-style call ownership and handoff for Jakarta EE applications",
        vendorName = "Switchboard",
        eisType = "Telephony",
        version = Version.VERSION,
        transactionSupport = TransactionSupport.TransactionSupportLevel.XATransaction,
        reauthenticationSupport = false)
public class SwitchboardResourceAdapter implements ResourceAdapter, Serializable {
    private static final long serialVersionUID = 1L;

    // The configuration properties. A property the container leaves unset stays null, and the settings
    // records decide what it means: AdapterSettings for the adapter's own, each provider's record
    // (SimulatedSwitchSettings, SipSettings) for its own. The defaultValue texts below are what admin
    // consoles show; ConfigPropertyDefaultsTest proves each is the value its record applies.

    @ConfigProperty(defaultValue = InstanceName.DEFAULT,
            description = "The name this adapter goes by for operators: its MXBean is"
                    + " dev.switchboard:type=ResourceAdapter,name=<instanceName>, its metrics carry the label"
                    + " adapter=\"<instanceName>\", and its start and stop messages name it. Give each adapter on a"
                    + " server its own. Letters, digits, '.', '_', '-'.")
    private String instanceName;

    @ConfigProperty(defaultValue = "sim,sip",
            description = "The line providers, by name, comma-separated: 'sim' is the embedded simulated switch,"
                    + " 'sip' the SIP line provider (see the sip* properties). Line names must be unique across them.")
    private String provider;

    @ConfigProperty(defaultValue = "127.0.0.1",
            description = "provider=sip: the address the SIP listener binds to, also sent in Contact and SDP"
                    + " (one concrete address, not 0.0.0.0).")
    private String sipListenAddress;

    @ConfigProperty(defaultValue = "${switchboard.sip.port:5060}",
            description = "provider=sip: the SIP port. ${name:default} takes a system property.")
    private String sipPort;

    @ConfigProperty(defaultValue = "udp", description = "provider=sip: udp or tcp.")
    private String sipTransport;

    @ConfigProperty(defaultValue = "sip",
            description = "provider=sip: the lines, comma-separated; a call to sip:<line>@host is on that line.")
    private String sipLines;

    @ConfigProperty(defaultValue = "sip",
            description = "provider=sip: the line for calls whose request-URI user is not in sipLines (a trunk's"
                    + " dialled numbers); empty = such calls get 404 Not Found.")
    private String sipDefaultLine;

    @ConfigProperty(defaultValue = "${switchboard.sip.rtpPortRange:40000-40999}",
            description = "provider=sip: the local UDP ports for RTP and T.38, first-last; one even port per call.")
    private String sipRtpPortRange;

    @ConfigProperty(defaultValue = "10000",
            description = "provider=sip: how long (ms) a T.38 re-INVITE waits for an owner to set media mode"
                    + " G3FAX before it is answered 488.")
    private String sipReinviteTimeoutMillis;

    @ConfigProperty(defaultValue = "8192",
            description = "provider=sip: the largest SIP message accepted (bytes); larger ones get 513.")
    private String sipMaxMessageSize;

    @ConfigProperty(defaultValue = "${switchboard.sip.maxCalls:200}",
            description = "provider=sip: the most calls at once; more get 503 with Retry-After.")
    private String sipMaxCalls;

    @ConfigProperty(defaultValue = "${switchboard.sip.maxQueueDelay:100}",
            description = "provider=sip: new calls get 503 with Retry-After while work has waited longer than this"
                    + " (ms) for a WorkManager thread (the adapter's queueing delay); calls already up are never"
                    + " refused for it. 0 = no such limit.")
    private String sipMaxQueueDelayMillis;

    @ConfigProperty(defaultValue = "",
            description = "provider=sip: where calls the switchboard places go first (a trunk or outbound proxy), as"
                    + " host or host:port; a number dialled without host goes to it. Empty = straight to each"
                    + " destination's host.")
    private String sipOutboundProxy;

    @ConfigProperty(defaultValue = "",
            description = "provider=sip: the user name for Digest authentication when a trunk challenges a call"
                    + " the switchboard places (401/407). Empty = no credentials.")
    private String sipAuthUsername;

    @ConfigProperty(confidential = true,
            description = "provider=sip: the password for sipAuthUsername, used exactly as given.")
    private String sipAuthPassword;

    @ConfigProperty(defaultValue = "60000",
            description = "provider=sip: how long (ms) a call the switchboard places may ring before it is cancelled"
                    + " and ends with reason NOANSWER.")
    private String sipNoAnswerTimeoutMillis;

    @ConfigProperty(defaultValue = "30000",
            description = "provider=sip: how long (ms) a blind transfer waits for the final NOTIFY before its result"
                    + " is FAILED.")
    private String sipTransferTimeoutMillis;

    // admission control and TLS (SipSettings' DEFAULT_*; see docs/sip.md, "Admission control")

    @ConfigProperty(defaultValue = "127.0.0.0/8,::1",
            description = "provider=sip: the peers that may send SIP requests, comma-separated IPv4/IPv6 addresses or"
                    + " networks (CIDR, e.g. 192.0.2.0/24, 2001:db8::/32); others are refused (sipRefusalMode)."
                    + " Anyone: 0.0.0.0/0,::/0.")
    private String sipAllowedPeers;

    @ConfigProperty(defaultValue = "${switchboard.sip.rateLimit:50}",
            description = "provider=sip: requests a second per source address (token bucket, see sipRateBurst and"
                    + " sipRateLimitedRequests); more get 503 with Retry-After. 0 = no limit.")
    private String sipRateLimit;

    @ConfigProperty(defaultValue = "${switchboard.sip.rateBurst:100}",
            description = "provider=sip: how many requests a source may send at once before sipRateLimit applies.")
    private String sipRateBurst;

    @ConfigProperty(defaultValue = "invite",
            description = "provider=sip: what sipRateLimit counts: invite (INVITEs that start a call) or all"
                    + " (every request but ACK).")
    private String sipRateLimitedRequests;

    @ConfigProperty(confidential = true,
            description = "provider=sip: digest authentication (RFC 7616, MD5, qop=auth) of the methods in"
                    + " sipAuthMethods, as user:password pairs separated by commas; unset = no authentication.")
    private String sipAuthUsers;

    @ConfigProperty(defaultValue = "switchboard",
            description = "provider=sip: the digest realm callers are challenged with (sipAuthUsers).")
    private String sipAuthRealm;

    @ConfigProperty(defaultValue = "INVITE",
            description = "provider=sip: the methods that must carry digest credentials when sipAuthUsers is set,"
                    + " comma-separated: INVITE, BYE, INFO, OPTIONS.")
    private String sipAuthMethods;

    @ConfigProperty(defaultValue = "300000",
            description = "provider=sip: how long (ms) a digest nonce is good for; an older one gets 401 stale=true.")
    private String sipAuthNonceLifetimeMillis;

    @ConfigProperty(defaultValue = "answer",
            description = "provider=sip: what a refused request gets: answer (403, 401 or 503, sent once, without"
                    + " a transaction) or drop (nothing; a first digest challenge is still sent).")
    private String sipRefusalMode;

    @ConfigProperty(defaultValue = "60000",
            description = "provider=sip: a refusing source is logged once per this many ms, then with a count.")
    private String sipRefusalLogIntervalMillis;

    @ConfigProperty(description = "provider=sip: the port of a SIP over TLS listener (sips:, TLS 1.2 and 1.3) on"
            + " sipListenAddress; unset = no TLS. Needs sipTlsKeyStore and sipTlsTrustStore.")
    private String sipTlsPort;

    @ConfigProperty(description = "provider=sip: the keystore file with the TLS listener's private key and"
            + " certificate chain.")
    private String sipTlsKeyStore;

    @ConfigProperty(confidential = true, description = "provider=sip: the password of sipTlsKeyStore and its key.")
    private String sipTlsKeyStorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "provider=sip: the type of sipTlsKeyStore.")
    private String sipTlsKeyStoreType;

    @ConfigProperty(description = "provider=sip: the keystore file with the certificates trusted for callers'"
            + " client certificates (sipTlsClientAuth) and for peers the provider connects to over TLS.")
    private String sipTlsTrustStore;

    @ConfigProperty(confidential = true,
            description = "provider=sip: the password of sipTlsTrustStore; unset = sipTlsKeyStorePassword.")
    private String sipTlsTrustStorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "provider=sip: the type of sipTlsTrustStore.")
    private String sipTlsTrustStoreType;

    @ConfigProperty(defaultValue = "none",
            description = "provider=sip: whether TLS callers must show a certificate that sipTlsTrustStore trusts:"
                    + " none, want (asked for, not required) or need.")
    private String sipTlsClientAuth;

    @ConfigProperty(defaultValue = "1800",
            description = "provider=sip: the RFC 4028 session interval (s) asked for and the longest accepted; a"
                    + " call not refreshed within it is ended with a BYE. 0 = ask for none (a caller's request is"
                    + " still honoured).")
    private String sipSessionExpiresSeconds;

    @ConfigProperty(defaultValue = "90",
            description = "provider=sip: the shortest session interval (s) accepted (Min-SE); a shorter request"
                    + " gets 422. RFC 4028 allows no less than 90.")
    private String sipMinSessionExpiresSeconds;

    @ConfigProperty(defaultValue = "60",
            description = "provider=sip: an answered audio call that is not on hold and receives no RTP for this"
                    + " long (s) is ended with a BYE; 0 = never.")
    private String sipRtpTimeoutSeconds;

    @ConfigProperty(defaultValue = "14400",
            description = "provider=sip: the longest a call may last (s) from its INVITE, answered or not; then"
                    + " it is ended (BYE, or 480 while ringing); 0 = no limit.")
    private String sipMaxCallSeconds;

    @ConfigProperty(defaultValue = "1",
            description = "provider=sip: how many threads read RTP for all calls together (1 to 64); with one"
                    + " pacing thread they are all the RTP threads there are, whatever the number of calls, each"
                    + " lent by the WorkManager's long-running work.")
    private String sipMediaThreads;

    @ConfigProperty(defaultValue = "switchboard-rtp",
            description = "provider=sip: what the RTP threads are called while they serve (<prefix>-io-0, ...,"
                    + " <prefix>-pacer), for thread dumps.")
    private String sipMediaThreadNamePrefix;

    @ConfigProperty(defaultValue = "line1,line2",
            description = "provider=sim: the simulated switch's lines, comma-separated.")
    private String simulatedLines;

    @ConfigProperty(defaultValue = "true",
            description = "provider=sim: whether calls on the simulated lines can be handed off (R13).")
    private Boolean simulatedHandoff;

    @ConfigProperty(defaultValue = "${jboss.server.data.dir}/switchboard/priorities.properties",
            description = "The file keeping the administrator's priority lists (R3). ${name} is replaced by a"
                    + " system property; without jboss.server.data.dir the default is"
                    + " ${java.io.tmpdir}/switchboard/priorities.properties.")
    private String priorityFile;

    @ConfigProperty(description = "Initial administrator priority lists, used only when the priority file holds"
            + " none, e.g. G3FAX=fax;INTERACTIVEVOICE=voice (lists separated by ';', names by ',').")
    private String adminPriorities;

    @ConfigProperty(defaultValue = ClusterContainer.DEFAULT,
            description = "The JNDI name of the server's Infinispan cache container this node shares with the other"
                    + " nodes of a cluster (WildFly: java:jboss/infinispan/container/switchboard): the priority lists,"
                    + " then kept there instead of priorityFile, a directory of every node's calls, operators'"
                    + " commands to another node's calls, and the ending of a dead node's calls. Empty = a single"
                    + " node. ${name:default} reads a system property. See docs/cluster-state.md.")
    private String clusterCacheContainer;

    @ConfigProperty(defaultValue = "5000",
            description = "How long (ms) a change waits for a call held by another transaction before failing"
                    + " with RESOURCEUNAVAIL (R22).")
    private Long lockTimeoutMillis;

    @ConfigProperty(defaultValue = "2",
            description = "How many times a failed delivery to an application is retried before an ownership"
                    + " offer goes to the next application by priority (R23).")
    private Integer deliveryRetries;

    @ConfigProperty(defaultValue = "0",
            description = "Pause (ms) between delivery retries.")
    private Long deliveryRetryDelayMillis;

    @ConfigProperty(defaultValue = "40",
            description = "The most WorkManager threads the adapter's short work takes at once: a fifth for the line"
                    + " providers' tasks (SIP handlers), the rest for event deliveries. More work waits in the adapter's"
                    + " own queue, so handing work over never waits for the WorkManager; keep it at or below the"
                    + " WorkManager's short-running max-threads.")
    private Integer workManagerThreads;

    private transient volatile AdapterRuntime runtime;
    private transient volatile BootstrapTimer providerTimer;
    private transient volatile SharedState sharedState;
    private final transient ConcurrentHashMap<ActivationKey, InboundActivation> activations = new ConcurrentHashMap<>();

    /** One activation is one (endpoint factory, spec) pair; both compare by identity. */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        AdapterSettings settings;
        String name;
        try {
            settings = settings();
            name = InstanceName.parse(instanceName);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("Switchboard configuration refused: " + e.getMessage(), e);
        }
        Optional<String> container;
        try {
            container = ClusterContainer.parse(clusterCacheContainer);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("Switchboard configuration refused: " + e.getMessage(), e);
        }
        List<LineProvider> lineProviders = createProviders(settings);
        SharedState shared = null;
        PriorityStore store;
        Object priorityPlace;
        if (container.isPresent()) {
            try {
                shared = SharedState.connect(container.get());
            } catch (RuntimeException e) {
                throw new ResourceAdapterInternalException("clusterCacheContainer: " + e.getMessage(), e);
            }
            store = shared.priorities();
            priorityPlace = "the cluster's cache container " + container.get();
        } else {
            store = new FilePriorityStore(settings.priorityFile());
            priorityPlace = settings.priorityFile();
        }
        try {
            if (!settings.adminPriorities().isEmpty() && store.load().isEmpty()) {
                store.save(settings.adminPriorities());
            }
        } catch (RuntimeException e) {
            closeQuietly(shared);
            throw new ResourceAdapterInternalException("the priority lists in " + priorityPlace
                    + " cannot be used: " + e.getMessage(), e);
        }
        Switchboard switchboard;
        // every thread the switchboard and its providers use comes from the container
        WorkManager workManager = ctx.getWorkManager();
        // the adapter's short work never holds more Works than workManagerThreads, so handing one over
        // never waits for the WorkManager (QueuedWorkExecutor)
        QueuedWorkExecutor providerExecutor = new QueuedWorkExecutor(workManager, "line providers' tasks",
                settings.providerWorkers());
        QueuedWorkExecutor deliveryExecutor = new QueuedWorkExecutor(workManager, "event deliveries",
                settings.deliveryWorkers());
        BootstrapTimer timer = new BootstrapTimer(ctx, providerExecutor);
        providerExecutor.retryOn(timer);
        deliveryExecutor.retryOn(timer);
        try {
            Switchboard.Builder builder = Switchboard.builder();
            lineProviders.forEach(builder::provider);
            builder.cluster(shared == null ? Cluster.singleNode(nodeName(name)) : shared.cluster());
            switchboard = builder
                    .priorityStore(store)
                    .deliveryExecutor(deliveryExecutor)
                    .providerThreads(providerExecutor, WorkManagerExecutor.forLongRunningProviderWork(workManager,
                            ctx.isContextSupported(HintsContext.class)), timer)
                    .queueingDelay(() -> Math.max(providerExecutor.nanos(), deliveryExecutor.nanos()))
                    .lockTimeout(Duration.ofMillis(settings.lockTimeoutMillis()))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            timer.close();
            closeQuietly(shared);
            throw new ResourceAdapterInternalException("the switchboard cannot start: " + e.getMessage(), e);
        }
        this.providerTimer = timer;
        this.sharedState = shared;
        this.runtime = new AdapterRuntime(switchboard, settings, name, ctx.getTransactionSynchronizationRegistry());
        RaLog.started(name, settings.providers().toString(), switchboard.lines(), priorityPlace);
        if (shared != null) {
            RaLog.joinedCluster(name, switchboard.node(), container.get(), shared.cluster().membership().members());
        }
    }

    /** A single node's name: the server's node name where it has one (WildFly), else the adapter's instance name. */
    private static String nodeName(String instanceName) {
        return System.getProperty("jboss.node.name", instanceName);
    }

    private static void closeQuietly(SharedState shared) {
        if (shared != null) {
            try {
                shared.close();
            } catch (RuntimeException e) {
                RaLog.stopFailed(e);
            }
        }
    }

    /** The properties as set, parsed; the providers' own are passed on for their settings records to read. */
    AdapterSettings settings() {
        return AdapterSettings.parse(new AdapterSettings.Raw(provider, simulatedLines, simulatedHandoff,
                priorityFile, adminPriorities, lockTimeoutMillis, deliveryRetries, deliveryRetryDelayMillis,
                workManagerThreads, sipSettings()));
    }

    private Map<String, String> sipSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sipListenAddress", sipListenAddress);
        m.put("sipPort", sipPort);
        m.put("sipTransport", sipTransport);
        m.put("sipLines", sipLines);
        m.put("sipDefaultLine", sipDefaultLine);
        m.put("sipRtpPortRange", sipRtpPortRange);
        m.put("sipReinviteTimeoutMillis", sipReinviteTimeoutMillis);
        m.put("sipMaxMessageSize", sipMaxMessageSize);
        m.put("sipMaxCalls", sipMaxCalls);
        m.put("sipMaxQueueDelayMillis", sipMaxQueueDelayMillis);
        m.put("sipOutboundProxy", sipOutboundProxy);
        m.put("sipAuthUsername", sipAuthUsername);
        m.put("sipAuthPassword", sipAuthPassword);
        m.put("sipNoAnswerTimeoutMillis", sipNoAnswerTimeoutMillis);
        m.put("sipTransferTimeoutMillis", sipTransferTimeoutMillis);
        m.put("sipAllowedPeers", sipAllowedPeers);
        m.put("sipRateLimit", sipRateLimit);
        m.put("sipRateBurst", sipRateBurst);
        m.put("sipRateLimitedRequests", sipRateLimitedRequests);
        m.put("sipAuthUsers", sipAuthUsers);
        m.put("sipAuthRealm", sipAuthRealm);
        m.put("sipAuthMethods", sipAuthMethods);
        m.put("sipAuthNonceLifetimeMillis", sipAuthNonceLifetimeMillis);
        m.put("sipRefusalMode", sipRefusalMode);
        m.put("sipRefusalLogIntervalMillis", sipRefusalLogIntervalMillis);
        m.put("sipTlsPort", sipTlsPort);
        m.put("sipTlsKeyStore", sipTlsKeyStore);
        m.put("sipTlsKeyStorePassword", sipTlsKeyStorePassword);
        m.put("sipTlsKeyStoreType", sipTlsKeyStoreType);
        m.put("sipTlsTrustStore", sipTlsTrustStore);
        m.put("sipTlsTrustStorePassword", sipTlsTrustStorePassword);
        m.put("sipTlsTrustStoreType", sipTlsTrustStoreType);
        m.put("sipTlsClientAuth", sipTlsClientAuth);
        m.put("sipSessionExpiresSeconds", sipSessionExpiresSeconds);
        m.put("sipMinSessionExpiresSeconds", sipMinSessionExpiresSeconds);
        m.put("sipRtpTimeoutSeconds", sipRtpTimeoutSeconds);
        m.put("sipMaxCallSeconds", sipMaxCallSeconds);
        m.put("sipMediaThreads", sipMediaThreads);
        m.put("sipMediaThreadNamePrefix", sipMediaThreadNamePrefix);
        return m;
    }

    /** One provider per name in {@code provider}, in that order; an unknown name is refused listing the known ones. */
    private static List<LineProvider> createProviders(AdapterSettings settings) throws ResourceAdapterInternalException {
        Map<String, LineProviderFactory> known = new LinkedHashMap<>();
        for (LineProviderFactory f : ServiceLoader.load(LineProviderFactory.class,
                SwitchboardResourceAdapter.class.getClassLoader())) {
            known.putIfAbsent(f.name(), f);
        }
        List<LineProvider> providers = new ArrayList<>();
        for (String name : settings.providers()) {
            LineProviderFactory f = known.get(name);
            if (f == null) {
                throw new ResourceAdapterInternalException("provider '" + name + "' is not known; known providers: "
                        + known.keySet());
            }
            try {
                providers.add(f.create(settings.providerSettings()));
            } catch (RuntimeException e) {
                throw new ResourceAdapterInternalException("provider '" + name + "' cannot be created: "
                        + e.getMessage(), e);
            }
        }
        return providers;
    }

    @Override
    public void stop() {
        for (InboundActivation a : activations.values()) {
            a.stop();
        }
        activations.clear();
        AdapterRuntime r = runtime;
        runtime = null;
        String name = r == null ? InstanceName.parse(instanceName) : r.instanceName();
        if (r != null) {
            try {
                r.shutdown();
            } catch (RuntimeException e) {
                RaLog.stopFailed(e);
            }
        }
        SharedState shared = sharedState;
        sharedState = null;
        closeQuietly(shared); // after the switchboard took this node's calls out of the directory
        BootstrapTimer timer = providerTimer;
        providerTimer = null;
        if (timer != null) {
            timer.close(); // after the providers stopped: nothing waits on it any more
        }
        RaLog.stopped(name);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof SwitchboardActivationSpec sbSpec)) {
            throw new NotSupportedException("the Switchboard adapter cannot activate " + spec);
        }
        // Containers should call validate() before activation; do it again so a bad config never opens lines.
        sbSpec.validate();
        InboundActivation activation = new InboundActivation(requireRuntime(), factory, sbSpec);
        ActivationKey key = new ActivationKey(factory, spec);
        if (activations.putIfAbsent(key, activation) != null) {
            throw new NotSupportedException("application '" + sbSpec.getApplicationName() + "' is already activated"
                    + " for this endpoint");
        }
        try {
            activation.start();
        } catch (ResourceException | RuntimeException e) {
            activations.remove(key, activation);
            throw e;
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        InboundActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /**
     * No recovery: the coordinator keeps its staged changes (and so its prepared branches) in
     * memory only. After a crash nothing is prepared, so there is nothing for the transaction
     * manager to recover; an empty array says exactly that (the spec allows it, a null would not).
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The started adapter's state; outbound connections and the operator go through it. */
    public AdapterRuntime requireRuntime() throws ResourceAdapterInternalException {
        AdapterRuntime r = runtime;
        if (r == null) {
            throw new ResourceAdapterInternalException("the Switchboard resource adapter is not started");
        }
        return r;
    }

    // ---- configuration properties (JavaBean accessors, as the container expects) ----

    public String getInstanceName() { return instanceName; }
    public void setInstanceName(String instanceName) { this.instanceName = instanceName; }
    public String getClusterCacheContainer() { return clusterCacheContainer; }
    public void setClusterCacheContainer(String clusterCacheContainer) { this.clusterCacheContainer = clusterCacheContainer; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getSipListenAddress() { return sipListenAddress; }
    public void setSipListenAddress(String v) { this.sipListenAddress = v; }
    public String getSipPort() { return sipPort; }
    public void setSipPort(String v) { this.sipPort = v; }
    public String getSipTransport() { return sipTransport; }
    public void setSipTransport(String v) { this.sipTransport = v; }
    public String getSipLines() { return sipLines; }
    public void setSipLines(String v) { this.sipLines = v; }
    public String getSipDefaultLine() { return sipDefaultLine; }
    public void setSipDefaultLine(String v) { this.sipDefaultLine = v; }
    public String getSipRtpPortRange() { return sipRtpPortRange; }
    public void setSipRtpPortRange(String v) { this.sipRtpPortRange = v; }
    public String getSipReinviteTimeoutMillis() { return sipReinviteTimeoutMillis; }
    public void setSipReinviteTimeoutMillis(String v) { this.sipReinviteTimeoutMillis = v; }
    public String getSipMaxMessageSize() { return sipMaxMessageSize; }
    public void setSipMaxMessageSize(String v) { this.sipMaxMessageSize = v; }
    public String getSipMaxCalls() { return sipMaxCalls; }
    public void setSipMaxCalls(String v) { this.sipMaxCalls = v; }
    public String getSipMaxQueueDelayMillis() { return sipMaxQueueDelayMillis; }
    public void setSipMaxQueueDelayMillis(String v) { this.sipMaxQueueDelayMillis = v; }
    public String getSipOutboundProxy() { return sipOutboundProxy; }
    public void setSipOutboundProxy(String v) { this.sipOutboundProxy = v; }
    public String getSipAuthUsername() { return sipAuthUsername; }
    public void setSipAuthUsername(String v) { this.sipAuthUsername = v; }
    public String getSipAuthPassword() { return sipAuthPassword; }
    public void setSipAuthPassword(String v) { this.sipAuthPassword = v; }
    public String getSipNoAnswerTimeoutMillis() { return sipNoAnswerTimeoutMillis; }
    public void setSipNoAnswerTimeoutMillis(String v) { this.sipNoAnswerTimeoutMillis = v; }
    public String getSipTransferTimeoutMillis() { return sipTransferTimeoutMillis; }
    public void setSipTransferTimeoutMillis(String v) { this.sipTransferTimeoutMillis = v; }
    public String getSipAllowedPeers() { return sipAllowedPeers; }
    public void setSipAllowedPeers(String v) { this.sipAllowedPeers = v; }
    public String getSipRateLimit() { return sipRateLimit; }
    public void setSipRateLimit(String v) { this.sipRateLimit = v; }
    public String getSipRateBurst() { return sipRateBurst; }
    public void setSipRateBurst(String v) { this.sipRateBurst = v; }
    public String getSipRateLimitedRequests() { return sipRateLimitedRequests; }
    public void setSipRateLimitedRequests(String v) { this.sipRateLimitedRequests = v; }
    public String getSipAuthUsers() { return sipAuthUsers; }
    public void setSipAuthUsers(String v) { this.sipAuthUsers = v; }
    public String getSipAuthRealm() { return sipAuthRealm; }
    public void setSipAuthRealm(String v) { this.sipAuthRealm = v; }
    public String getSipAuthMethods() { return sipAuthMethods; }
    public void setSipAuthMethods(String v) { this.sipAuthMethods = v; }
    public String getSipAuthNonceLifetimeMillis() { return sipAuthNonceLifetimeMillis; }
    public void setSipAuthNonceLifetimeMillis(String v) { this.sipAuthNonceLifetimeMillis = v; }
    public String getSipRefusalMode() { return sipRefusalMode; }
    public void setSipRefusalMode(String v) { this.sipRefusalMode = v; }
    public String getSipRefusalLogIntervalMillis() { return sipRefusalLogIntervalMillis; }
    public void setSipRefusalLogIntervalMillis(String v) { this.sipRefusalLogIntervalMillis = v; }
    public String getSipTlsPort() { return sipTlsPort; }
    public void setSipTlsPort(String v) { this.sipTlsPort = v; }
    public String getSipTlsKeyStore() { return sipTlsKeyStore; }
    public void setSipTlsKeyStore(String v) { this.sipTlsKeyStore = v; }
    public String getSipTlsKeyStorePassword() { return sipTlsKeyStorePassword; }
    public void setSipTlsKeyStorePassword(String v) { this.sipTlsKeyStorePassword = v; }
    public String getSipTlsKeyStoreType() { return sipTlsKeyStoreType; }
    public void setSipTlsKeyStoreType(String v) { this.sipTlsKeyStoreType = v; }
    public String getSipTlsTrustStore() { return sipTlsTrustStore; }
    public void setSipTlsTrustStore(String v) { this.sipTlsTrustStore = v; }
    public String getSipTlsTrustStorePassword() { return sipTlsTrustStorePassword; }
    public void setSipTlsTrustStorePassword(String v) { this.sipTlsTrustStorePassword = v; }
    public String getSipTlsTrustStoreType() { return sipTlsTrustStoreType; }
    public void setSipTlsTrustStoreType(String v) { this.sipTlsTrustStoreType = v; }
    public String getSipTlsClientAuth() { return sipTlsClientAuth; }
    public void setSipTlsClientAuth(String v) { this.sipTlsClientAuth = v; }
    public String getSipSessionExpiresSeconds() { return sipSessionExpiresSeconds; }
    public void setSipSessionExpiresSeconds(String v) { this.sipSessionExpiresSeconds = v; }
    public String getSipMinSessionExpiresSeconds() { return sipMinSessionExpiresSeconds; }
    public void setSipMinSessionExpiresSeconds(String v) { this.sipMinSessionExpiresSeconds = v; }
    public String getSipRtpTimeoutSeconds() { return sipRtpTimeoutSeconds; }
    public void setSipRtpTimeoutSeconds(String v) { this.sipRtpTimeoutSeconds = v; }
    public String getSipMaxCallSeconds() { return sipMaxCallSeconds; }
    public void setSipMaxCallSeconds(String v) { this.sipMaxCallSeconds = v; }
    public String getSipMediaThreads() { return sipMediaThreads; }
    public void setSipMediaThreads(String v) { this.sipMediaThreads = v; }
    public String getSipMediaThreadNamePrefix() { return sipMediaThreadNamePrefix; }
    public void setSipMediaThreadNamePrefix(String v) { this.sipMediaThreadNamePrefix = v; }
    public String getSimulatedLines() { return simulatedLines; }
    public void setSimulatedLines(String simulatedLines) { this.simulatedLines = simulatedLines; }
    public Boolean getSimulatedHandoff() { return simulatedHandoff; }
    public void setSimulatedHandoff(Boolean simulatedHandoff) { this.simulatedHandoff = simulatedHandoff; }
    public String getPriorityFile() { return priorityFile; }
    public void setPriorityFile(String priorityFile) { this.priorityFile = priorityFile; }
    public String getAdminPriorities() { return adminPriorities; }
    public void setAdminPriorities(String adminPriorities) { this.adminPriorities = adminPriorities; }
    public Long getLockTimeoutMillis() { return lockTimeoutMillis; }
    public void setLockTimeoutMillis(Long lockTimeoutMillis) { this.lockTimeoutMillis = lockTimeoutMillis; }
    public Integer getDeliveryRetries() { return deliveryRetries; }
    public void setDeliveryRetries(Integer deliveryRetries) { this.deliveryRetries = deliveryRetries; }
    public Integer getWorkManagerThreads() { return workManagerThreads; }
    public void setWorkManagerThreads(Integer workManagerThreads) { this.workManagerThreads = workManagerThreads; }
    public Long getDeliveryRetryDelayMillis() { return deliveryRetryDelayMillis; }
    public void setDeliveryRetryDelayMillis(Long deliveryRetryDelayMillis) { this.deliveryRetryDelayMillis = deliveryRetryDelayMillis; }

    // The container compares adapters by identity; the spec asks that equals/hashCode be declared.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SwitchboardResourceAdapter[provider=" + provider + ", started=" + (runtime != null) + "]";
    }
}
