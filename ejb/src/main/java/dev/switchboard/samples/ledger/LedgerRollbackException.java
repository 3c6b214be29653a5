package dev.switchboard.samples.ledger;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by {@link HandoffLedger} when it was asked to roll back; the container rolls the
 * transaction back, so neither the handoff nor the ledger row happen (R21).
 */
@ApplicationException(rollback = true)
public class LedgerRollbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerRollbackException(String message) {
        super(message);
    }
}
