package vn.doanvien.figures;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Queries on reported monthly figures. */
@ApplicationScoped
public class ReportedFigureRepository implements PanacheRepositoryBase<ReportedFigure, ReportedFigure.Key> {

    List<ReportedFigure> ofUnit(long unitId) {
        return list("key.unitId = ?1 order by key.monthStart", unitId);
    }

    /** Reports of any of the units for months up to {@code lastMonth}, oldest first. */
    List<ReportedFigure> ofUnitsUpTo(Collection<Long> unitIds, LocalDate lastMonth) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return list("key.unitId in ?1 and key.monthStart <= ?2 order by key.monthStart", unitIds, lastMonth);
    }
}
