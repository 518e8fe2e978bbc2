package jp.joren.tenancy;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * HikariCP counts SQLSTATE 0A000 ("feature not supported") among the states of a dead connection and evicts it;
 * the transaction's rollback then fails on the closed connection and the log shows "Unable to rollback against
 * JDBC Connection" instead of what the database said. PostgreSQL and Citus answer 0A000 for a statement they do
 * not support, on a connection that is fine: keep it, so the statement's own error is what surfaces.
 */
public class UnsupportedStatementIsNotABrokenConnection implements SQLExceptionOverride {

    static final String FEATURE_NOT_SUPPORTED = "0A000";

    // the interface's nested enum Override hides java.lang.Override here
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return FEATURE_NOT_SUPPORTED.equals(e.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}
