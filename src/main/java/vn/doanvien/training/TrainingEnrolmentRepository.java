package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/** Queries on enrolments. */
@ApplicationScoped
@Scoped
public class TrainingEnrolmentRepository implements PanacheRepository<TrainingEnrolment> {

    /** An enrolment with what decides its completion: sessions attended and whether the assignment is in. */
    public record EnrolmentFacts(long enrolmentId, long courseId, long officialId, boolean assignmentSubmitted,
                                 int attended) {
    }

    /** The enrolment if it is one of this course's (a course already read in reach). */
    @Unscoped("the enrolments of a course already read in reach")
    public Optional<TrainingEnrolment> ofCourse(TrainingCourse course, long enrolmentId) {
        return find("id = ?1 and courseId = ?2", enrolmentId, course.id).firstResultOptional();
    }

    @Unscoped("the enrolments of a course already read in reach")
    public List<TrainingEnrolment> byCourse(long courseId) {
        return list("courseId = ?1 order by id", courseId);
    }

    @Unscoped("the enrolments of courses already read in reach")
    public Optional<TrainingEnrolment> byCourseAndOfficial(long courseId, long officialId) {
        return find("courseId = ?1 and officialId = ?2", courseId, officialId).firstResultOptional();
    }

    @Unscoped("the enrolments of courses already read in reach")
    public long countByCourse(long courseId) {
        return count("courseId", courseId);
    }

    @Unscoped("the enrolments of an official already read for a write in reach")
    public boolean existsForOfficial(long officialId) {
        return count("officialId", officialId) > 0;
    }

    /** Number of enrolments per course, for the given courses (courses without enrolments are absent). */
    @Unscoped("the enrolments of courses already read in reach")
    public Map<Long, Long> countsByCourse(Collection<Long> courseIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (courseIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select e.courseId, count(e) from TrainingEnrolment e where in_ids(:ids, e.courseId)"
                        + " group by e.courseId", Object[].class)
                .setParameter("ids", InIdsFunction.ids(courseIds)).getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Facts of the enrolments that a training report for a year looks at: every enrolment on a course starting
     * in [from, to] that was organised by one of {@code units}, or whose official serves that subtree
     * ({@link OfficialRepository#servingSubtree}) with a term overlapping the year.
     */
    @Unscoped("the training report's subtree, of a unit already read in reach")
    public List<EnrolmentFacts> factsForReport(Collection<Long> units, LocalDate asOf, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("""
                select e.id, e.courseId, e.officialId, e.assignmentSubmitted,
                  (select count(a) from TrainingAttendance a where a.enrolmentId = e.id and a.present = true)
                from TrainingEnrolment e, TrainingCourse c
                where c.id = e.courseId and c.startsOn >= :from and c.startsOn <= :to
                  and (in_ids(:units, c.organisingUnitId) or e.officialId in (
                    select o.id from Official o where """ + OfficialRepository.SERVED_SUBTREE_DURING
                        + " and " + OfficialRepository.TERM_OVERLAPS + "))", Object[].class)
                .setParameter("units", InIdsFunction.ids(units)).setParameter("asOf", asOf)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(r -> new EnrolmentFacts((Long) r[0], (Long) r[1], (Long) r[2], (Boolean) r[3],
                        ((Number) r[4]).intValue()))
                .toList();
    }
}
