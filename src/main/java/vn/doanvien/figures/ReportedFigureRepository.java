package vn.doanvien.figures;

import java.util.Optional;
import java.time.YearMonth;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import vn.doanvien.organisation.Unit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Queries on reported monthly figures, placed at the unit that reported them. */
@ApplicationScoped
@Scoped
public class ReportedFigureRepository implements PanacheRepositoryBase<ReportedFigure, ReportedFigure.Key> {

    @Unscoped("the reports of a unit already read in reach")
    List<ReportedFigure> ofUnit(Unit unit) {
        return list("key.unitId = ?1 order by key.monthStart", unit.id);
    }

    @Unscoped("the report of a unit already read in reach")
    Optional<ReportedFigure> of(Unit unit, YearMonth month) {
        return findByIdOptional(new ReportedFigure.Key(unit.id, month.atDay(1)));
    }

    /** Reports of any of the units for months up to {@code lastMonth}, oldest first. */
    @Unscoped("aggregate figures of a subtree whose root was read in reach")
    List<ReportedFigure> ofUnitsUpTo(Collection<Long> unitIds, LocalDate lastMonth) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        // Few units report; a national subtree has over a thousand. Narrow to the reporting ones first, so the
        // query never binds the whole subtree (and is skipped when none of it reports).
        Set<Long> wanted = unitIds instanceof Set<Long> set ? set : new HashSet<>(unitIds);
        List<Long> reporting = getEntityManager().createQuery(
                        "select distinct r.key.unitId from ReportedFigure r where r.key.monthStart <= ?1", Long.class)
                .setParameter(1, lastMonth).getResultList().stream().filter(wanted::contains).toList();
        if (reporting.isEmpty()) {
            return List.of();
        }
        return list("key.unitId in ?1 and key.monthStart <= ?2 order by key.monthStart", reporting, lastMonth);
    }
}
