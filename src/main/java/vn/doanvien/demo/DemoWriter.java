package vn.doanvien.demo;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Persists the demo rows in batches: Hibernate batches only consecutive inserts into one table. */
final class DemoWriter {

    private static final int FLUSH_EVERY = 400;

    private final EntityManager em;
    private final Map<Class<?>, List<Object>> deferred = new LinkedHashMap<>();
    private int pending;

    DemoWriter(EntityManager em) {
        this.em = em;
    }

    void persist(Object entity) {
        em.persist(entity);
        if (++pending >= FLUSH_EVERY) {
            flush();
        }
    }

    /**
     * Rows that depend on others (links, periods, classifications) are persisted just before the flush, grouped
     * by type: Hibernate batches only consecutive inserts into one table, and the ids they need are already known.
     */
    void defer(Object entity) {
        deferred.computeIfAbsent(entity.getClass(), k -> new ArrayList<>()).add(entity);
        if (++pending >= FLUSH_EVERY) {
            flush();
        }
    }

    void flush() {
        for (List<Object> entities : deferred.values()) {
            entities.forEach(em::persist);
        }
        deferred.clear();
        em.flush();
        em.clear();
        pending = 0;
    }
}
