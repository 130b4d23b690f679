package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/** Queries on training courses. A course is placed at its organising unit. */
@ApplicationScoped
@Scoped
public class TrainingCourseRepository implements PanacheRepository<TrainingCourse> {

    /** The course, or 404; 403 outside the caller's reach. */
    public TrainingCourse get(long id, Reach reach) {
        return check(findById(id), id, reach, false);
    }

    /**
     * The course, locked until the transaction ends so that enrolments against its capacity are serialised, or
     * 404; 403 unless the caller may write where it is organised.
     */
    public TrainingCourse getForWrite(long id, Reach reach) {
        return check(findById(id, LockModeType.PESSIMISTIC_WRITE), id, reach, true);
    }

    private static TrainingCourse check(TrainingCourse c, long id, Reach reach, boolean write) {
        if (c == null) {
            throw ApiProblem.notFound("TrainingCourse", id);
        }
        reach.requirePersonal(c.organisingUnitId, "training course " + id);
        if (write) {
            reach.requireWrite(c.organisingUnitId, "training course " + id);
        }
        return c;
    }

    /** Courses organised by the given units that start between {@code from} and {@code to}, both included. */
    @Unscoped("the training report's subtree, of a unit already read in reach")
    public List<TrainingCourse> organisedBy(Collection<Long> unitIds, LocalDate from, LocalDate to) {
        return list("in_ids(:units, organisingUnitId) and startsOn >= :from and startsOn <= :to"
                        + " order by startsOn, id",
                Parameters.with("units", InIdsFunction.ids(unitIds)).and("from", from).and("to", to));
    }

    /** Filters of the course list; null fields do not filter. */
    public record Filter(String q, Long organisingUnitId, Integer year, TrainingTopic topic,
                         TrainingAudience audience) {
    }

    /** Courses in the reach matching the filters present. */
    public Page<TrainingCourse> search(Filter f, Reach reach, PageRequest page) {
        Map<String, Object> reachParams = new HashMap<>();
        StringBuilder q = new StringBuilder(Reach.condition(reach.personalUnits(), "organisingUnitId", "reach",
                reachParams));
        Parameters p = new Parameters();
        reachParams.forEach(p::and);
        if (f.q() != null && !f.q().isBlank()) {
            q.append(" and searchText like :q escape '\\'");
            p.and("q", TextNormalizer.containsPattern(f.q()));
        }
        if (f.organisingUnitId() != null) {
            q.append(" and organisingUnitId = :unit");
            p.and("unit", f.organisingUnitId());
        }
        if (f.year() != null) {
            q.append(" and startsOn >= :from and startsOn <= :to");
            p.and("from", LocalDate.of(f.year(), 1, 1)).and("to", LocalDate.of(f.year(), 12, 31));
        }
        if (f.topic() != null) {
            q.append(" and topic = :topic");
            p.and("topic", f.topic());
        }
        if (f.audience() != null) {
            q.append(" and audience = :audience");
            p.and("audience", f.audience());
        }
        return PagedQuery.of(this, "from TrainingCourse where " + q, page.sort(), p.map()).page(page);
    }

    @Unscoped("the courses of enrolments in a training report of a unit already read in reach")
    public List<TrainingCourse> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
