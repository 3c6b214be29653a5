package dev.switchboard.api;

/**
 * The pooled connection factory applications look up in JNDI (for example
 * {@code @Resource(lookup = "java:/switchboard/ConnectionFactory")}).
 */
public interface SwitchboardConnectionFactory {

    /**
     * A connection that acts for {@code application}, which must be the name of an active
     * application (an MDB activation); otherwise INVALAPPNAME. Close it when done (try-with-resources).
     */
    SwitchboardConnection getConnection(String application);

    /** The operator's view and controls of the whole adapter. */
    SwitchboardOperator getOperator();
}
