package vn.doanvien.grassroots;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Queries on the dated placements of grassroots unions under upper-level units. */
@ApplicationScoped
public class GrassrootsUnionLinkRepository implements PanacheRepository<GrassrootsUnionLink> {

    /** The open-ended placement of a union (validTo null), which every active union has. */
    public Optional<GrassrootsUnionLink> findCurrent(long grassrootsUnionId) {
        return find("grassrootsUnionId = ?1 and validTo is null", grassrootsUnionId).firstResultOptional();
    }

    /** Every placement of a union with its unit's code and name, oldest first. */
    List<PlacementResponse> placementHistory(long grassrootsUnionId) {
        List<Object[]> rows = getEntityManager().createQuery("""
                        select l.unitId, u.code, u.name, l.validFrom, l.validTo
                        from GrassrootsUnionLink l join Unit u on u.id = l.unitId
                        where l.grassrootsUnionId = :id
                        order by l.validFrom, l.id""", Object[].class)
                .setParameter("id", grassrootsUnionId)
                .getResultList();
        return rows.stream().map(r -> new PlacementResponse((Long) r[0], (String) r[1], (String) r[2],
                (LocalDate) r[3], (LocalDate) r[4])).toList();
    }
}
