package vn.doanvien.training;

import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries on roll-call marks. */
@ApplicationScoped
@Scoped
public class TrainingAttendanceRepository implements PanacheRepository<TrainingAttendance> {

    /** Sessions attended (present) per enrolment of a course; enrolments that attended none are absent. */
    @Unscoped("the roll-calls of a course already read in reach")
    public Map<Long, Integer> presentCountsByCourse(long courseId) {
        Map<Long, Integer> counts = new HashMap<>();
        List<Object[]> rows = getEntityManager().createQuery(
                "select a.enrolmentId, count(a) from TrainingAttendance a "
                        + "where a.courseId = :course and a.present = true group by a.enrolmentId", Object[].class)
                .setParameter("course", courseId).getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    @Unscoped("the roll-calls of a course already read in reach")
    public int presentCount(long enrolmentId) {
        return (int) count("enrolmentId = ?1 and present = true", enrolmentId);
    }

    @Unscoped("the roll-calls of a course already read in reach")
    public List<TrainingAttendance> bySession(long courseId, int sessionNo) {
        return list("courseId = ?1 and sessionNo = ?2", courseId, sessionNo);
    }

    @Unscoped("the roll-calls of a course already read in reach")
    public long deleteSession(long courseId, int sessionNo) {
        return delete("courseId = ?1 and sessionNo = ?2", courseId, sessionNo);
    }

    @Unscoped("the roll-calls of a course already read in reach")
    public long deleteByEnrolment(long enrolmentId) {
        return delete("enrolmentId", enrolmentId);
    }

    /** The highest session number with a roll-call recorded, 0 when none. */
    @Unscoped("the roll-calls of a course already read in reach")
    public int highestRecordedSession(long courseId) {
        Integer max = getEntityManager().createQuery(
                "select max(a.sessionNo) from TrainingAttendance a where a.courseId = :course", Integer.class)
                .setParameter("course", courseId).getSingleResult();
        return max == null ? 0 : max;
    }
}
