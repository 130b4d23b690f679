package vn.doanvien.security.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.Today;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;

/**
 * Queries on the audit trail. An entry is placed at the unit it names, or at the upper-level unit of the
 * grassroots union it names; entries that name neither (accounts, API keys) are an admin's only.
 */
@ApplicationScoped
@Scoped
class AuditRepository implements PanacheRepository<AuditEntry> {

    /** The criteria of a search; null fields do not filter, dates are inclusive days. */
    record Criteria(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
    }

    /** Entries in the reach matching the criteria, newest first. */
    PagedQuery<AuditEntry> search(Criteria c, Reach reach) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Set<Long> units = reach.personalUnits();
        if (units != null && units.isEmpty()) {
            where.add("1 = 0");
        } else if (units != null) {
            where.add("(in_ids(:reach, unitId) or grassrootsUnionId in (select g.id from GrassrootsUnion g "
                    + "where in_ids(:reach, g.upperLevelUnitId)))");
            params.put("reach", InIdsFunction.ids(units));
        }
        if (c.entityType() != null) {
            where.add("entityType = :type");
            params.put("type", c.entityType());
        }
        if (c.entityId() != null) {
            where.add("entityId = :eid");
            params.put("eid", c.entityId());
        }
        if (c.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", c.actor());
        }
        if (c.from() != null) {
            where.add("occurredAt >= :from");
            params.put("from", c.from().atStartOfDay(Today.ZONE).toOffsetDateTime());
        }
        if (c.to() != null) {
            where.add("occurredAt < :to");
            params.put("to", c.to().plusDays(1).atStartOfDay(Today.ZONE).toOffsetDateTime());
        }
        String query = "from AuditEntry" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return PagedQuery.of(this, query, Sort.descending("occurredAt").and("id", Sort.Direction.Descending), params);
    }
}
