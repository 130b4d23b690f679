package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.TextNormalizer;

/** Queries on training courses. */
@ApplicationScoped
public class TrainingCourseRepository implements PanacheRepository<TrainingCourse> {

    /** The course, locked until the transaction ends, so that enrolments against its capacity are serialised. */
    public TrainingCourse findByIdLocked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Courses organised by the given units that start between {@code from} and {@code to}, both included. */
    public List<TrainingCourse> organisedBy(Collection<Long> unitIds, LocalDate from, LocalDate to) {
        return list("organisingUnitId in :units and startsOn >= :from and startsOn <= :to order by startsOn, id",
                Parameters.with("units", unitIds).and("from", from).and("to", to));
    }

    /** Filters of the course list; null fields do not filter. */
    public record Filter(String q, Long organisingUnitId, Integer year, TrainingTopic topic,
                         TrainingAudience audience) {
    }

    public Page<TrainingCourse> search(Filter f, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
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
        List<TrainingCourse> items = find(q.toString(), page.sort(), p).page(page.page(), page.size()).list();
        return Page.of(items, page, count(q.toString(), p));
    }

    public List<TrainingCourse> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
