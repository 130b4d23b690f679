package vn.doanvien.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Queries on units and the dated tree they form. */
@ApplicationScoped
public class UnitRepository implements PanacheRepository<Unit> {

    /**
     * The ids of a unit and every unit below it in the tree as it stood on {@code asOf}
     * (links and units valid on that date), the root included.
     */
    @SuppressWarnings("unchecked")
    public List<Long> subtreeIds(long rootId, LocalDate asOf) {
        return getEntityManager().createNativeQuery("""
                with recursive tree (id) as (
                    select u.id from unit u where u.id = :root
                  union all
                    select l.unit_id from unit_link l
                    join tree t on l.parent_id = t.id
                    where l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d)
                )
                select id from tree
                """, Long.class)
                .setParameter("root", rootId)
                .setParameter("d", asOf)
                .getResultList();
    }
}
