package vn.doanvien.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A page's query and the count of all the rows it pages through, as an HQL query of its own
 * ({@code select count(*) from ... where ...}, same conditions and parameters). Panache counts
 * ({@link PanacheQuery#count()}, and {@code count(query, params)} too) through Hibernate's {@code getResultCount()},
 * which makes a new plan and translates the query from HQL to SQL again at every call; an HQL count keeps its plan
 * (QueryPlansTest).
 */
public record PagedQuery<E>(PanacheQuery<E> query, LongSupplier total) {

    /** The query {@code from Entity [where ...]} sorted, and its count. */
    public static <E> PagedQuery<E> of(PanacheRepositoryBase<E, ?> repository, String fromWhere, Sort sort,
                                       Map<String, Object> params) {
        return new PagedQuery<>(repository.find(fromWhere, sort, params), () -> {
            TypedQuery<Long> count = repository.getEntityManager()
                    .createQuery("select count(*) " + fromWhere, Long.class);
            params.forEach(count::setParameter);
            return count.getSingleResult();
        });
    }

    /** How many rows the query pages through. */
    public long count() {
        return total.getAsLong();
    }

    /** The page the request asks for: its rows, and the count of all the rows. */
    public Page<E> page(PageRequest request) {
        List<E> items = query.page(request.page(), request.size()).list();
        return Page.of(items, request, count());
    }
}
