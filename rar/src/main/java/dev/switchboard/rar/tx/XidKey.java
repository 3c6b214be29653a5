package dev.switchboard.rar.tx;

import java.util.Arrays;
import java.util.HexFormat;
import javax.transaction.xa.Xid;

/** A copy of an Xid that compares by value (transaction managers' Xid classes need not). */
final class XidKey implements Xid {
    private final int formatId;
    private final byte[] gtrid;
    private final byte[] bqual;

    XidKey(Xid xid) {
        this.formatId = xid.getFormatId();
        this.gtrid = xid.getGlobalTransactionId().clone();
        this.bqual = xid.getBranchQualifier().clone();
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XidKey x && x.formatId == formatId && Arrays.equals(x.gtrid, gtrid)
                && Arrays.equals(x.bqual, bqual);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(gtrid)) + Arrays.hashCode(bqual);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        String g = hex.formatHex(gtrid);
        return "xid-" + formatId + "-" + (g.length() > 24 ? g.substring(g.length() - 24) : g) + "-" + hex.formatHex(bqual);
    }
}
