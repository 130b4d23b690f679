package vn.doanvien.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Queries on the dated parent links of units. */
@ApplicationScoped
public class UnitLinkRepository implements PanacheRepository<UnitLink> {

    /** The link that has not ended: the unit's current parent. */
    public Optional<UnitLink> openLink(long unitId) {
        return find("unitId = ?1 and validTo is null",
                Sort.descending("validFrom").and("id", Sort.Direction.Descending), unitId).firstResultOptional();
    }

    /** The unit's parent link valid on {@code date}, if any. */
    public Optional<UnitLink> linkOn(long unitId, LocalDate date) {
        return find("unitId = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", unitId, date)
                .firstResultOptional();
    }

    /** The parent links valid on {@code date} of several units (at most one each). */
    public List<UnitLink> linksOn(Collection<Long> unitIds, LocalDate date) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return list("unitId in ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", unitIds, date);
    }

    /** Every parent link of a unit, oldest first. */
    public List<UnitLink> history(long unitId) {
        return list("unitId", Sort.by("validFrom").and("id"), unitId);
    }

    /** How many child links of {@code parentId} are still valid on {@code date} or start later. */
    public long countChildLinksNotEndedBy(long parentId, LocalDate date) {
        return count("parentId = ?1 and (validTo is null or validTo > ?2)", parentId, date);
    }

    /**
     * The earliest date after {@code after} on which a unit is linked under one of {@code parentIds}:
     * the next day a subtree containing them can grow.
     */
    public Optional<LocalDate> nextChildLinkStart(Collection<Long> parentIds, LocalDate after) {
        LocalDate next = getEntityManager().createQuery(
                        "select min(l.validFrom) from UnitLink l where l.parentId in ?1 and l.validFrom > ?2",
                        LocalDate.class)
                .setParameter(1, parentIds)
                .setParameter(2, after)
                .getSingleResult();
        return Optional.ofNullable(next);
    }

    /**
     * How many grassroots unions sit under {@code unitId} on {@code date} or later and are not dissolved by
     * then. Written here rather than in the grassroots package so that dissolving a unit does not depend on it.
     */
    public long countGrassrootsPlacementsNotEndedBy(long unitId, LocalDate date) {
        Object n = getEntityManager().createNativeQuery("""
                select count(*) from grassroots_union_link l
                join grassroots_union g on g.id = l.grassroots_union_id
                where l.unit_id = :unit
                  and (l.valid_to is null or l.valid_to > :d)
                  and (g.dissolved_on is null or g.dissolved_on > :d)
                """)
                .setParameter("unit", unitId)
                .setParameter("d", date)
                .getSingleResult();
        return ((Number) n).longValue();
    }
}
