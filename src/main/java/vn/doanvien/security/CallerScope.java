package vn.doanvien.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;

/**
 * The current caller and the reach of their role, for one request: an officer (or an API key) reaches the
 * subtree of their unit in today's tree; a member reaches their own record; admins and analysts reach
 * everything their role allows. The {@code require...} methods throw 403 when an id lies outside.
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final EntityManager em;
    private final UnitRepository units;
    private Caller caller;
    private Set<Long> subtree;

    CallerScope(SecurityIdentity identity, EntityManager em, UnitRepository units) {
        this.identity = identity;
        this.em = em;
        this.units = units;
    }

    public Caller caller() {
        if (caller == null) {
            caller = Caller.of(identity);
        }
        return caller;
    }

    /** True for officers and members, whose reach is limited to a subtree or a record. */
    public boolean restricted() {
        return caller().is(Roles.OFFICER) || caller().is(Roles.MEMBER);
    }

    /** The units an officer reaches (today's subtree of their unit); empty for others. */
    public Set<Long> subtree() {
        if (subtree == null) {
            Long root = caller().unitId();
            subtree = root == null || !caller().is(Roles.OFFICER) ? Set.of()
                    : new HashSet<>(units.subtreeIds(root, Today.date()));
        }
        return subtree;
    }

    /** Unit ids the caller may see, or null when not restricted to units (admins, analysts). */
    public Set<Long> unitFilter() {
        return caller().is(Roles.OFFICER) ? subtree() : caller().is(Roles.MEMBER) ? Set.of() : null;
    }

    public void requireUnit(Long unitId) {
        if (unitId == null || !restricted()) {
            return;
        }
        if (!subtree().contains(unitId)) {
            throw forbidden("unit " + unitId);
        }
    }

    public void requireGrassrootsUnion(Long id) {
        if (id == null || !restricted()) {
            return;
        }
        Long unit = single("select upper_level_unit_id from grassroots_union where id = ?1", id);
        if (unit != null && !subtree().contains(unit)) {
            throw forbidden("grassroots union " + id);
        }
    }

    public void requireMember(Long id) {
        if (id == null || !restricted()) {
            return;
        }
        if (caller().is(Roles.MEMBER)) {
            if (!id.equals(caller().memberId())) {
                throw forbidden("member " + id);
            }
            return;
        }
        Long unit = single("select g.upper_level_unit_id from member m join grassroots_union g "
                + "on g.id = m.grassroots_union_id where m.id = ?1", id);
        if (unit != null && !subtree().contains(unit)) {
            throw forbidden("member " + id);
        }
    }

    public void requireEnterprise(Long id) {
        if (id == null || !restricted()) {
            return;
        }
        List<?> rows = em.createNativeQuery("select upper_level_unit_id from enterprise where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object unit = rows.get(0);
        if (unit == null || !subtree().contains(((Number) unit).longValue())) {
            throw forbidden("enterprise " + id);
        }
    }

    void requireOwnedBy(String sql, Long id, String what) {
        if (id == null || !restricted()) {
            return;
        }
        Long unit = single(sql, id);
        if (unit != null && !subtree().contains(unit)) {
            throw forbidden(what + " " + id);
        }
    }

    private Long single(String sql, Long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        return ((Number) rows.get(0)).longValue();
    }

    public ApiProblem forbidden(String what) {
        String reach = caller().is(Roles.MEMBER) ? "your own member record"
                : "the subtree of unit " + caller().unitId();
        return new ApiProblem(403, "forbidden", "Forbidden",
                "Your role reaches only " + reach + "; " + what + " lies outside it", null, null);
    }
}
