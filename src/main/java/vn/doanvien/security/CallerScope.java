package vn.doanvien.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;

/**
 * The current caller and the reach of their role, for one request: an officer (or an API key) reaches the
 * subtree of their unit in today's tree; a member reaches their own record; admins and analysts reach
 * everything their role allows ({@link Reach}).
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final UnitRepository units;
    private Caller caller;
    private Reach reach;

    CallerScope(SecurityIdentity identity, UnitRepository units) {
        this.identity = identity;
        this.units = units;
    }

    public Caller caller() {
        if (caller == null) {
            caller = Caller.of(identity);
        }
        return caller;
    }

    /**
     * What the caller reaches, decided once for the request: an admin everything, an analyst registry rows and
     * aggregates, an officer (or API key) today's subtree of their unit, a member their own record, anyone else
     * nothing. Every repository method that returns or changes scoped rows takes it.
     */
    public Reach reach() {
        if (reach == null) {
            Caller c = caller();
            if (c.is(Roles.ADMIN)) {
                reach = Reach.admin();
            } else if (c.is(Roles.ANALYST)) {
                reach = Reach.aggregates();
            } else if (c.is(Roles.OFFICER) && c.unitId() != null) {
                List<Long> subtree = units.subtreeIds(c.unitId(), Today.date());
                // an officer whose unit no longer exists reaches nothing
                reach = subtree.isEmpty() ? Reach.nothing() : Reach.subtree(c.unitId(), subtree);
            } else if (c.is(Roles.MEMBER) && c.memberId() != null) {
                reach = Reach.ownRecord(c.memberId());
            } else {
                reach = Reach.nothing();
            }
        }
        return reach;
    }

    public ApiProblem forbidden(String what) {
        return reach().forbidden(what);
    }
}
