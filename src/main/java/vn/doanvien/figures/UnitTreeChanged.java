package vn.doanvien.figures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * H2's trigger of migration V20.1 (PostgreSQL's is written in SQL): after every statement that changes
 * {@code unit_link}, a new version of the tree of units, which tells {@link vn.doanvien.organisation.UnitTrees} to
 * read the tree again. H2 instantiates it itself; nothing else uses it. It stays in this package because the
 * migration names it.
 */
public final class UnitTreeChanged implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("update unit_tree_version set version = next value for unit_tree_version_seq "
                    + "where id = 1");
        }
    }
}
