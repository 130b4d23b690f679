package vn.doanvien.training;

import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.organisation.Unit;

/** Queries on units that the training report needs and the organisation feature does not offer. */
@ApplicationScoped
@Scoped
public class ReportUnitRepository implements PanacheRepository<Unit> {

    /** Units dissolved after {@code from} and by {@code asOf}, each with its dissolution date (validTo). */
    @Unscoped("dissolution dates for a training report of a unit already read in reach")
    public Map<Long, LocalDate> dissolvedBetween(LocalDate from, LocalDate asOf) {
        Map<Long, LocalDate> dissolved = new HashMap<>();
        List<Object[]> rows = getEntityManager().createQuery(
                "select u.id, u.validTo from Unit u where u.validTo > :from and u.validTo <= :asOf", Object[].class)
                .setParameter("from", from).setParameter("asOf", asOf).getResultList();
        for (Object[] row : rows) {
            dissolved.put((Long) row[0], (LocalDate) row[1]);
        }
        return dissolved;
    }
}
