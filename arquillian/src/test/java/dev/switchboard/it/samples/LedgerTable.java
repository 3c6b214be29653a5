package dev.switchboard.it.samples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The ledger sample's table, read in the container through the EAR's datasource the way an
 * operator's SQL would. The ledger outlives the server while the switchboard numbers its calls
 * afresh on every start (call-1, call-2, ...), so rows are read above a mark taken before the
 * call: older rows of an earlier call with the same id are not this call's.
 */
final class LedgerTable {

    /** The EAR's resource reference that the ledger's persistence unit uses. */
    static final String DATASOURCE = "java:app/switchboard/ledger";

    private LedgerTable() {
    }

    /**
     * The highest row id so far (0 when the table is empty or not made yet: a provider may create it
     * only when the ledger is first used); rows written later have higher ids.
     */
    static long mark() throws NamingException, SQLException {
        try (Connection c = dataSource().getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "HANDOFF_RECORD", null)) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(ID), 0) from HANDOFF_RECORD");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows for {@code callId} written after {@code mark}, oldest first, as "application mode result". */
    static List<String> rowsAfter(long mark, String callId) throws NamingException, SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select APPLICATION, MEDIA_MODE, RESULT from HANDOFF_RECORD"
                     + " where ID > ? and CALL_ID = ? order by ID")) {
            ps.setLong(1, mark);
            ps.setString(2, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return rows;
    }

    private static DataSource dataSource() throws NamingException {
        InitialContext ctx = new InitialContext();
        try {
            return (DataSource) ctx.lookup(DATASOURCE);
        } finally {
            ctx.close();
        }
    }
}
