package vn.doanvien.hostile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cheap fingerprint of everything the API stores: for each table of the schema, its row count and, where the
 * table has one, the sum of its {@code version} column (so an update shows as well as an insert or a delete).
 * Two equal fingerprints around a rejected request mean it changed nothing.
 */
@ApplicationScoped
public class DbSnapshot {

    private final EntityManager em;
    private volatile Map<String, Boolean> tables;
    private final java.util.List<String> columns = new java.util.ArrayList<>();
    private volatile String query;

    DbSnapshot(EntityManager em) {
        this.em = em;
    }

    /** One query: the row count of every table and the version sum of the versioned ones. */
    @Transactional
    public Map<String, Long> take() {
        if (query == null) {
            StringBuilder sql = new StringBuilder("select ");
            for (Map.Entry<String, Boolean> table : tables().entrySet()) {
                columns.add(table.getKey());
                sql.append("(select count(*) from ").append(table.getKey()).append("), ");
                if (table.getValue()) {
                    columns.add(table.getKey() + ".version");
                    sql.append("(select coalesce(sum(version), 0) from ").append(table.getKey()).append("), ");
                }
            }
            sql.setLength(sql.length() - 2);
            query = sql.toString();
        }
        Object[] row = (Object[]) em.createNativeQuery(query).getSingleResult();
        Map<String, Long> snapshot = new TreeMap<>();
        for (int i = 0; i < row.length; i++) {
            snapshot.put(columns.get(i), ((Number) row[i]).longValue());
        }
        return snapshot;
    }

    private Map<String, Boolean> tables() {
        if (tables == null) {
            Map<String, Boolean> found = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object> names = em.createNativeQuery("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and lower(table_type) in ('table', 'base table')")
                    .getResultList();
            for (Object n : names) {
                String name = n.toString().toLowerCase();
                if (name.startsWith("flyway")) {
                    continue;
                }
                Number versioned = (Number) em.createNativeQuery("select count(*) from information_schema.columns "
                        + "where lower(table_schema) = 'public' and lower(table_name) = ?1 "
                        + "and lower(column_name) = 'version'").setParameter(1, name).getSingleResult();
                found.put(name, versioned.longValue() > 0);
            }
            if (found.size() < 10) {
                throw new IllegalStateException("expected the doanvien tables, found " + found.keySet());
            }
            tables = found;
        }
        return tables;
    }
}
