package vn.doanvien.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Params;
import vn.doanvien.common.Today;
import vn.doanvien.security.Reach;

/**
 * Units as people name them in parameters: an id ({@code 42}) or a code as printed on the unit's papers
 * ({@code LDLD-24}, {@code VGCL}, any case); and, where a statistic needs a unit, the caller's own unit when none is
 * named (an officer's unit, the Confederation for a national user).
 */
@ApplicationScoped
@Transactional
public class UnitRefs {

    private final UnitRepository units;

    UnitRefs(UnitRepository units) {
        this.units = units;
    }

    /** The unit a parameter names, or null when it is absent; 400 naming the parameter for an unknown code. */
    public Long unit(String name, String value) {
        if (value == null || value.isEmpty() || value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Params.id(name, value);
        }
        String code = value.trim();
        Optional<Unit> unit = units.findByCode(code).or(() -> units.findByCodeIgnoringCase(code));
        return unit.map(u -> u.id).orElseThrow(() -> ApiProblem.invalid(name, "no unit with the id or code "
                + code + " (an id such as 42, or a code such as LDLD-01)"));
    }

    /** The unit a parameter names, else the caller's own: an officer's unit, the Confederation for the others. */
    public long unitOrOwn(String name, String value, Reach reach) {
        Long named = unit(name, value);
        if (named != null) {
            return named;
        }
        if (reach.rootUnitId() != null) {
            return reach.rootUnitId();
        }
        return units.confederationActiveOnOrAfter(Today.date()).map(u -> u.id)
                .orElseThrow(() -> ApiProblem.invalid(name, "is required: there is no Confederation to default to"));
    }
}
