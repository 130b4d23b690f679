package vn.doanvien.training;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Problem;
import vn.doanvien.organisation.UnitRepository;

/** The rules of training courses: dates, place, capacity, sessions and the completion rule. */
@ApplicationScoped
@Transactional
class TrainingCourseService {

    static final int DEFAULT_MIN_ATTENDANCE_PERCENT = 80;

    private final TrainingCourseRepository courses;
    private final TrainingEnrolmentRepository enrolments;
    private final TrainingAttendanceRepository attendance;
    private final UnitRepository units;

    TrainingCourseService(TrainingCourseRepository courses, TrainingEnrolmentRepository enrolments,
                          TrainingAttendanceRepository attendance, UnitRepository units) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.units = units;
    }

    CourseResponse create(CourseRequest req, Reach reach) {
        TrainingCourse c = new TrainingCourse();
        apply(c, req, reach);
        courses.persist(c);
        courses.flush();
        return CourseResponse.of(c, 0);
    }

    CourseResponse get(long id, Reach reach) {
        TrainingCourse c = courses.get(id, reach);
        return CourseResponse.of(c, enrolments.countByCourse(id));
    }

    /** Courses in the reach; an organising unit named in the filter must be in the reach too (else 403). */
    Page<CourseResponse> list(TrainingCourseRepository.Filter filter, Reach reach, PageRequest page) {
        if (filter.year() != null && (filter.year() < 1900 || filter.year() > 2200)) {
            throw ApiProblem.invalid("year", "must be a year such as 2024");
        }
        if (filter.organisingUnitId() != null) {
            units.findInReach(filter.organisingUnitId(), reach);
        }
        Page<TrainingCourse> found = courses.search(filter, reach, page);
        Map<Long, Long> counts = enrolments.countsByCourse(found.items().stream().map(c -> c.id).toList());
        return found.map(c -> CourseResponse.of(c, counts.getOrDefault(c.id, 0L)));
    }

    CourseResponse update(long id, CourseRequest req, String ifMatch, Reach reach) {
        TrainingCourse c = courses.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, c.version);
        long enrolled = enrolments.countByCourse(id);
        if (req.capacity() < enrolled) {
            throw ApiProblem.conflict("capacity " + req.capacity() + " is below the " + enrolled
                    + " officials already enrolled");
        }
        int recorded = attendance.highestRecordedSession(id);
        if (req.sessions() < recorded) {
            throw ApiProblem.conflict("sessions " + req.sessions() + " is below session " + recorded
                    + ", which already has a roll-call");
        }
        apply(c, req, reach);
        courses.flush();
        return CourseResponse.of(c, enrolled);
    }

    void delete(long id, Reach reach) {
        TrainingCourse c = courses.getForWrite(id, reach);
        if (enrolments.countByCourse(id) > 0) {
            throw ApiProblem.conflict("Course " + id + " has enrolments; withdraw them first");
        }
        courses.delete(c);
    }

    private void apply(TrainingCourse c, CourseRequest req, Reach reach) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (units.findForPlacement(req.organisingUnitId(), reach).isEmpty()) {
            errors.add(new Problem.FieldError("organisingUnitId", "unit " + req.organisingUnitId() + " does not exist"));
        }
        if (req.endsOn().isBefore(req.startsOn())) {
            errors.add(new Problem.FieldError("endsOn", "must not be before startsOn"));
        }
        boolean online = Boolean.TRUE.equals(req.online());
        String place = req.place() == null || req.place().isBlank() ? null : req.place().trim();
        if (!online && place == null) {
            errors.add(new Problem.FieldError("place", "is required unless the course is online"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        c.organisingUnitId = req.organisingUnitId();
        c.title = req.title().trim();
        c.topic = req.topic();
        c.audience = req.audience() == null ? TrainingAudience.ALL_OFFICIALS : req.audience();
        c.startsOn = req.startsOn();
        c.endsOn = req.endsOn();
        c.online = online;
        c.place = place;
        c.capacity = req.capacity();
        c.sessions = req.sessions();
        c.minAttendancePercent = req.minAttendancePercent() == null ? DEFAULT_MIN_ATTENDANCE_PERCENT
                : req.minAttendancePercent();
        c.assignmentRequired = req.assignmentRequired() == null || req.assignmentRequired();
    }
}
