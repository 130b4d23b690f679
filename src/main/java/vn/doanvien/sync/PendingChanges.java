package vn.doanvien.sync;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;

/**
 * The changes one transaction made to registry entities, folded to one entry per entity, and written to the
 * change feed just before the transaction commits.
 * <p>
 * Sequence numbers come from the single {@code change_counter} row, updated as the very last write of the
 * transaction: its row lock is held until the commit, so a transaction that takes numbers after another has
 * to wait for that one to commit (or roll back, which returns its numbers). Numbers therefore become visible
 * in increasing order and without gaps: once a reader sees number n, every smaller number is visible to it,
 * which is what makes "everything after my cursor" exact under concurrent writers.
 */
final class PendingChanges {

    /** An entity's folded change; the unit is known directly or through a grassroots union to look up. */
    static final class Entry {
        final ChangeEntityType type;
        final long id;
        ChangeOperation operation;
        Long unitId;
        Long viaGrassrootsUnionId;
        Long previousUnitId;
        Long previousViaGrassrootsUnionId;

        Entry(ChangeEntityType type, long id, ChangeOperation operation) {
            this.type = type;
            this.id = id;
            this.operation = operation;
        }
    }

    private record Key(ChangeEntityType type, long id) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void clear() {
        entries.clear();
    }

    /** Folds a change into what the transaction already did to the entity; returns its entry (null if gone). */
    Entry record(ChangeEntityType type, long id, ChangeOperation operation) {
        Key key = new Key(type, id);
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(type, id, operation);
            entries.put(key, e);
            return e;
        }
        if (e.operation == ChangeOperation.CREATED && operation == ChangeOperation.DELETED) {
            // Created and deleted in one transaction: nobody outside ever saw it.
            entries.remove(key);
            return null;
        }
        if (operation == ChangeOperation.DELETED || e.operation == ChangeOperation.DELETED) {
            e.operation = operation == ChangeOperation.DELETED ? ChangeOperation.DELETED : ChangeOperation.UPDATED;
        }
        return e;
    }

    /** Writes the entries with fresh sequence numbers; the counter row is locked last, until the commit. */
    void write(Connection c) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        List<Entry> list = new ArrayList<>(entries.values());
        entries.clear();
        resolveUnits(c, list);
        long last;
        try (PreparedStatement ps = c.prepareStatement(
                "update change_counter set last_seq = last_seq + ? where id = 1")) {
            ps.setLong(1, list.size());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select last_seq from change_counter where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        long seq = last - list.size();
        Instant now = Instant.now();
        if (list.size() > 50 && c.isWrapperFor(PGConnection.class)) {
            // A bulk sync's thousand rows, while this transaction holds the counter row: COPY is the quickest.
            StringBuilder text = new StringBuilder(list.size() * 64);
            for (Entry e : list) {
                Long previous = e.previousUnitId == null || e.previousUnitId.equals(e.unitId) ? null : e.previousUnitId;
                text.append(++seq).append('\t').append(e.type.name()).append('\t').append(e.id).append('\t')
                        .append(e.operation.name()).append('\t').append(e.unitId == null ? "\\N" : e.unitId)
                        .append('\t').append(previous == null ? "\\N" : previous).append('\t').append(now).append('\n');
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy change_log (seq, entity_type, entity_id, "
                        + "operation, unit_id, previous_unit_id, changed_at) from stdin",
                        new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY failed", e);
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into change_log (seq, entity_type, entity_id, "
                + "operation, unit_id, previous_unit_id, changed_at) values (?,?,?,?,?,?,?)")) {
            for (Entry e : list) {
                ps.setLong(1, ++seq);
                ps.setString(2, e.type.name());
                ps.setLong(3, e.id);
                ps.setString(4, e.operation.name());
                setLong(ps, 5, e.unitId);
                setLong(ps, 6, e.previousUnitId == null || e.previousUnitId.equals(e.unitId) ? null : e.previousUnitId);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Members are filed under the upper-level unit of their grassroots union: one query for all of them. */
    private static void resolveUnits(Connection c, List<Entry> list) throws SQLException {
        Set<Long> unions = new TreeSet<>();
        for (Entry e : list) {
            if (e.unitId == null && e.viaGrassrootsUnionId != null) {
                unions.add(e.viaGrassrootsUnionId);
            }
            if (e.previousUnitId == null && e.previousViaGrassrootsUnionId != null) {
                unions.add(e.previousViaGrassrootsUnionId);
            }
        }
        if (unions.isEmpty()) {
            return;
        }
        Map<Long, Long> unitOf = new HashMap<>();
        List<Long> ids = new ArrayList<>(unions);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, upper_level_unit_id from grassroots_union where id in (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unitOf.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        for (Entry e : list) {
            if (e.unitId == null && e.viaGrassrootsUnionId != null) {
                e.unitId = unitOf.get(e.viaGrassrootsUnionId);
            }
            if (e.previousUnitId == null && e.previousViaGrassrootsUnionId != null) {
                e.previousUnitId = unitOf.get(e.previousViaGrassrootsUnionId);
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
