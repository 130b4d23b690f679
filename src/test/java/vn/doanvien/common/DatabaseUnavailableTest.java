package vn.doanvien.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database that goes away mid-request (bench/faults restarts PostgreSQL under bulk sync) is a 503 problem with
 * Retry-After, not a 500: the request was fine and a retry with the same Idempotency-Key succeeds once it is back.
 * The exceptions are the ones the PostgreSQL restart produced, by SQLSTATE.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBrokenConnectionIsA503WithRetryAfter() {
        Response r = mappers.mapUnexpected(new JDBCConnectionException("JDBC exception executing SQL",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")), null);
        assertEquals(503, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        Problem p = (Problem) r.getEntity();
        assertEquals(503, p.status());
        assertTrue(p.type().toString().endsWith("/database-unavailable"), p.type().toString());
    }

    @Test
    void aServerShuttingDownOrRefusingIsA503() {
        // "Unable to acquire JDBC Connection [FATAL: the database system is shutting down]"
        assertEquals(503, mappers.mapUnexpected(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: the database system is shutting down", "57P03")), null).getStatus());
        assertEquals(503, mappers.mapUnexpected(new RuntimeException("commit failed",
                new SQLException("Connection to 127.0.0.1:5439 refused.", "08001")), null).getStatus());
        assertEquals(503, mappers.mapUnexpected(new SQLException("Sorry, acquisition timeout!"), null).getStatus());
    }

    @Test
    void aStatementCancelledForItsTimeLimitIsA503QueryTimeout() {
        // PostgreSQL: "ERROR: canceling statement due to statement timeout"; H2 uses the same SQLSTATE.
        Response r = mappers.mapUnexpected(new jakarta.persistence.QueryTimeoutException("timeout",
                new org.hibernate.QueryTimeoutException("JDBC exception executing SQL",
                        new SQLException("ERROR: canceling statement due to statement timeout", "57014"), "select")),
                null);
        assertEquals(503, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        Problem p = (Problem) r.getEntity();
        assertTrue(p.type().toString().endsWith("/query-timeout"), p.type().toString());
        assertTrue(p.detail().contains("smaller unit"), p.detail());
        assertEquals(503, mappers.mapUnexpected(new RuntimeException("wrapped",
                new SQLException("Statement was canceled or the session timed out", "57014")), null).getStatus());
        assertFalse(ProblemMappers.timedOut(new SQLException("relation does not exist", "42P01")));
    }

    @Test
    void otherDatabaseErrorsStayA500() {
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("relation does not exist", "42P01")));
        Response r = mappers.mapUnexpected(new GenericJDBCException("bad SQL",
                new SQLException("relation does not exist", "42P01")), null);
        assertEquals(500, r.getStatus());
        assertEquals(null, r.getHeaderString("Retry-After"));
    }
}
