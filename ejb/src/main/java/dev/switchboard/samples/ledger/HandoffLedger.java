package dev.switchboard.samples.ledger;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.samples.Samples;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * A handoff and a database write in one JTA transaction (R21): the switchboard connection and
 * the JPA persistence context (the EAR's datasource {@code java:app/switchboard/ledger}, a database
 * that outlives the server) are both enlisted in the transaction the container starts for
 * {@link #handoffAndRecord}, so either the call changes hands and the row is written, or neither
 * happens.
 */
@Stateless
public class HandoffLedger {

    @Resource(lookup = Samples.FACTORY_JNDI)
    SwitchboardConnectionFactory factory;

    @PersistenceContext(unitName = "ledger")
    EntityManager em;

    /**
     * Hands {@code handle} off by media mode for {@code application} and records it, in a
     * transaction of its own (so a caller's transaction, such as an MDB delivery, is unaffected).
     *
     * @param forceRollback roll the transaction back after both writes (a demonstration)
     * @throws LedgerRollbackException when {@code forceRollback}: nothing happened
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public HandoffResult handoffAndRecord(String application, CallHandle handle, String callId, MediaMode mode,
                                          boolean forceRollback) {
        HandoffResult result;
        try (SwitchboardConnection c = factory.getConnection(application)) {
            result = c.handoffToMediaMode(handle, mode);
        }
        em.persist(new HandoffRecord(callId, application, mode.name(), result.name(), Instant.now()));
        if (forceRollback) {
            throw new LedgerRollbackException("ledger rolled back the handoff of " + callId + " to " + mode
                    + " (" + result + " undone) and its record");
        }
        return result;
    }

    /** What the ledger holds for one call, oldest first. */
    public List<HandoffRecord> recordsFor(String callId) {
        return em.createNamedQuery(HandoffRecord.BY_CALL, HandoffRecord.class)
                .setParameter("callId", callId)
                .getResultList();
    }
}
