package vn.doanvien.security.joining;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/**
 * Queries on online join requests. A request is placed at the upper-level unit of the grassroots union it was
 * routed to (where that union sits today), or, for a recruitment lead, at the upper-level union responsible for
 * the employer.
 */
@ApplicationScoped
@Scoped
class JoinRequestRepository implements PanacheRepository<JoinRequest> {

    /** Where the employer stands: its id, its upper-level union, its active grassroots union and that union's unit. */
    record Employer(long enterpriseId, Long upperLevelUnitId, Long grassrootsUnionId, Long unionUnitId) {
    }

    /** The request, or 404; 403 outside the caller's reach. */
    JoinRequest get(String reference, Reach reach) {
        return check(find("reference", reference).firstResult(), reference, reach, false);
    }

    /** The request for a decision, locked, or 404; 403 unless the caller may write where it is placed. */
    JoinRequest getForWrite(String reference, Reach reach) {
        JoinRequest r = find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return check(r, reference, reach, true);
    }

    private JoinRequest check(JoinRequest r, String reference, Reach reach, boolean write) {
        if (r == null) {
            throw ApiProblem.notFound("Join request", reference);
        }
        Long unit = placeOf(r);
        reach.requirePersonal(unit, "join request " + reference);
        if (write) {
            reach.requireWrite(unit, "join request " + reference);
        }
        return r;
    }

    private Long placeOf(JoinRequest r) {
        if (r.grassrootsUnionId != null) {
            return getEntityManager().createQuery("select g.upperLevelUnitId from GrassrootsUnion g where g.id = :id",
                            Long.class)
                    .setParameter("id", r.grassrootsUnionId).getResultStream().findFirst().orElse(null);
        }
        return r.unitId;
    }

    /** Requests in the reach, newest first. */
    PagedQuery<JoinRequest> search(String status, Reach reach) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("from JoinRequest where ");
        Set<Long> units = reach.personalUnits();
        if (units != null && units.isEmpty()) {
            where.append("1 = 0");
        } else if (units != null) {
            where.append("(grassrootsUnionId in (select g.id from GrassrootsUnion g"
                    + " where in_ids(:reach, g.upperLevelUnitId))"
                    + " or grassrootsUnionId is null and in_ids(:reach, unitId))");
            params.put("reach", InIdsFunction.ids(units));
        } else {
            where.append("1 = 1");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        return PagedQuery.of(this, where.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                params);
    }

    @Unscoped("the applicant's own view, authorised by the secret given at submission")
    Optional<JoinRequest> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    @Unscoped("routing a public join request by the employer's tax code is national")
    Optional<Employer> employer(String taxCode, LocalDate on) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select e.id, e.upperLevelUnitId from Enterprise e where e.taxCode = :tax", Object[].class)
                .setParameter("tax", taxCode).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long enterpriseId = (Long) rows.get(0)[0];
        Long upper = (Long) rows.get(0)[1];
        List<Object[]> unions = getEntityManager().createQuery("""
                        select g.id, g.upperLevelUnitId from GrassrootsUnion g
                        where g.enterpriseId = :e and g.status = vn.doanvien.grassroots.GrassrootsUnionStatus.ACTIVE
                          and g.foundedOn <= :d and (g.dissolvedOn is null or g.dissolvedOn > :d)
                        order by g.foundedOn desc, g.id""", Object[].class)
                .setParameter("e", enterpriseId).setParameter("d", on).setMaxResults(1).getResultList();
        if (unions.isEmpty()) {
            return Optional.of(new Employer(enterpriseId, upper, null, null));
        }
        return Optional.of(new Employer(enterpriseId, upper, (Long) unions.get(0)[0], (Long) unions.get(0)[1]));
    }

    @Unscoped("routing a public join request to the federation of the workplace's province is national")
    Optional<Long> federationOf(String provinceCode, LocalDate on) {
        return getEntityManager().createQuery("""
                        select u.id from Unit u where u.kind = vn.doanvien.organisation.UnitKind.PROVINCIAL_FEDERATION
                          and u.provinceCode = :p and u.validFrom <= :d and (u.validTo is null or u.validTo > :d)
                        order by u.id""", Long.class)
                .setParameter("p", provinceCode).setParameter("d", on).setMaxResults(1).getResultStream().findFirst();
    }

    @Unscoped("attaching the requests that waited for an enterprise at its registration, whoever registers it")
    List<JoinRequest> waitingFor(String taxCode) {
        return list("employerTaxCode = ?1 and routing = ?2 and status = ?3", taxCode, JoinRequestService.UNREGISTERED,
                "PENDING");
    }

    /** Employers the registry does not know yet, from the pending requests in reach: most workers asking first. */
    List<JoinRequestDtos.UnregisteredEmployer> unregisteredEmployers(Reach reach) {
        Set<Long> units = reach.registryUnits();
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        var query = getEntityManager().createQuery("""
                        select r.employerTaxCode, r.provinceCode, r.unitId, count(r), min(r.createdAt), max(r.createdAt)
                        from JoinRequest r where r.routing = :routing and r.status = 'PENDING'"""
                        + (units == null ? "" : " and r.unitId in :units") + """
                         group by r.employerTaxCode, r.provinceCode, r.unitId
                        order by count(r) desc, min(r.createdAt), r.employerTaxCode""", Object[].class)
                .setParameter("routing", JoinRequestService.UNREGISTERED);
        if (units != null) {
            query.setParameter("units", units);
        }
        List<Object[]> rows = query.getResultList();
        List<JoinRequestDtos.UnregisteredEmployer> result = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            String name = getEntityManager().createQuery("""
                            select r.employerName from JoinRequest r where r.employerTaxCode = :t
                              and r.employerName is not null order by r.createdAt desc""", String.class)
                    .setParameter("t", row[0]).setMaxResults(1).getResultStream().findFirst().orElse(null);
            result.add(new JoinRequestDtos.UnregisteredEmployer((String) row[0], name, (String) row[1], (Long) row[2],
                    (Long) row[3], (java.time.OffsetDateTime) row[4], (java.time.OffsetDateTime) row[5]));
        }
        return result;
    }

    @Unscoped("the card number of the member a request in reach (or the applicant's own) created")
    Optional<String> cardNumberOf(long memberId) {
        return getEntityManager().createQuery("select m.cardNumber from Member m where m.id = :id", String.class)
                .setParameter("id", memberId).getResultStream().findFirst();
    }
}
