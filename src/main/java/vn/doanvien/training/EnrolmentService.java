package vn.doanvien.training;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;

/** The rules of enrolment, roll-call and the written assignment, and the completion status they add up to. */
@ApplicationScoped
@Transactional
class EnrolmentService {

    private final TrainingCourseRepository courses;
    private final TrainingEnrolmentRepository enrolments;
    private final TrainingAttendanceRepository attendance;
    private final OfficialRepository officials;

    EnrolmentService(TrainingCourseRepository courses, TrainingEnrolmentRepository enrolments,
                     TrainingAttendanceRepository attendance, OfficialRepository officials) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.officials = officials;
    }

    EnrolmentResponse enrol(long courseId, EnrolmentRequest req, Reach reach) {
        TrainingCourse course = courses.getForWrite(courseId, reach);
        Official official = officials.findForWrite(req.officialId(), reach).orElse(null);
        if (official == null) {
            throw ApiProblem.invalid("officialId", "official " + req.officialId() + " does not exist");
        }
        enrolments.byCourseAndOfficial(courseId, official.id).ifPresent(existing -> {
            throw ApiProblem.duplicate("officialId", "Official " + official.id + " is already enrolled on course "
                    + courseId, existing.id);
        });
        long enrolled = enrolments.countByCourse(courseId);
        if (enrolled >= course.capacity) {
            throw ApiProblem.conflict("Course " + courseId + " is full: " + enrolled + " of " + course.capacity
                    + " places taken");
        }
        TrainingEnrolment e = new TrainingEnrolment();
        e.courseId = courseId;
        e.officialId = official.id;
        enrolments.persist(e);
        enrolments.flush();
        return EnrolmentResponse.of(e, course, official, 0, CompletionRule.status(course, 0, false, Today.date()));
    }

    EnrolmentResponse get(long courseId, long enrolmentId, Reach reach) {
        TrainingCourse course = courses.get(courseId, reach);
        TrainingEnrolment e = loadEnrolment(course, enrolmentId);
        return describe(course, e, attendance.presentCount(e.id));
    }

    /** Enrolments in enrolment order, optionally only those with one status; computed, so paged in memory. */
    Page<EnrolmentResponse> list(long courseId, CompletionStatus status, Reach reach, PageRequest page) {
        TrainingCourse course = courses.get(courseId, reach);
        List<TrainingEnrolment> all = enrolments.byCourse(courseId);
        Map<Long, Integer> present = attendance.presentCountsByCourse(courseId);
        Map<Long, Official> people = officialsOf(all);
        LocalDate today = Today.date();
        List<EnrolmentResponse> rows = new ArrayList<>();
        for (TrainingEnrolment e : all) {
            int attended = present.getOrDefault(e.id, 0);
            CompletionStatus s = CompletionRule.status(course, attended, e.assignmentSubmitted, today);
            if (status == null || status == s) {
                rows.add(EnrolmentResponse.of(e, course, people.get(e.officialId), attended, s));
            }
        }
        int from = Math.min(rows.size(), page.page() * page.size());
        int to = Math.min(rows.size(), from + page.size());
        return Page.of(rows.subList(from, to), page, rows.size());
    }

    void withdraw(long courseId, long enrolmentId, Reach reach) {
        TrainingCourse course = courses.getForWrite(courseId, reach);
        TrainingEnrolment e = loadEnrolment(course, enrolmentId);
        if (attendance.presentCount(e.id) > 0 || e.assignmentSubmitted) {
            throw ApiProblem.conflict("Enrolment " + enrolmentId + " has attended sessions or a submitted assignment; "
                    + "a trainee can only withdraw before attending");
        }
        attendance.deleteByEnrolment(e.id);
        enrolments.delete(e);
    }

    EnrolmentResponse recordAssignment(long courseId, long enrolmentId, AssignmentRequest req, String ifMatch,
                                       Reach reach) {
        TrainingCourse course = courses.getForWrite(courseId, reach);
        TrainingEnrolment e = loadEnrolment(course, enrolmentId);
        ETags.checkIfMatch(ifMatch, e.version);
        if (!req.submitted() && req.grade() != null) {
            throw ApiProblem.invalid("grade", "must be absent when the assignment is not submitted");
        }
        e.assignmentSubmitted = req.submitted();
        e.assignmentGrade = req.grade();
        enrolments.flush();
        return describe(course, e, attendance.presentCount(e.id));
    }

    SessionAttendanceResponse recordAttendance(long courseId, int session, AttendanceRequest req, Reach reach) {
        TrainingCourse course = courses.getForWrite(courseId, reach);
        checkSession(course, session);
        List<TrainingEnrolment> all = enrolments.byCourse(courseId);
        Map<Long, TrainingEnrolment> byId = all.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<Long, TrainingEnrolment> byOfficial = all.stream()
                .collect(Collectors.toMap(e -> e.officialId, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<Long, Boolean> marks = new HashMap<>();
        for (int i = 0; i < req.attendance().size(); i++) {
            AttendanceRequest.Mark m = req.attendance().get(i);
            String at = "attendance[" + i + "]";
            TrainingEnrolment e;
            if (m.officialId() == null && m.enrolmentId() == null) {
                errors.add(new Problem.FieldError(at + ".officialId", "one of officialId and enrolmentId is required"));
                continue;
            } else if (m.enrolmentId() != null) {
                e = byId.get(m.enrolmentId());
                if (e == null) {
                    errors.add(new Problem.FieldError(at + ".enrolmentId",
                            "enrolment " + m.enrolmentId() + " is not on course " + courseId));
                    continue;
                }
                if (m.officialId() != null && !m.officialId().equals(e.officialId)) {
                    errors.add(new Problem.FieldError(at + ".officialId",
                            "does not match enrolment " + m.enrolmentId()));
                    continue;
                }
            } else {
                e = byOfficial.get(m.officialId());
                if (e == null) {
                    errors.add(new Problem.FieldError(at + ".officialId",
                            "official " + m.officialId() + " is not enrolled on course " + courseId));
                    continue;
                }
            }
            if (marks.put(e.id, m.present()) != null) {
                errors.add(new Problem.FieldError(at, "lists enrolment " + e.id + " a second time"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        attendance.deleteSession(courseId, session);
        List<TrainingAttendance> rows = new ArrayList<>();
        for (Map.Entry<Long, Boolean> mark : marks.entrySet()) {
            TrainingAttendance a = new TrainingAttendance();
            a.courseId = courseId;
            a.enrolmentId = mark.getKey();
            a.sessionNo = session;
            a.present = mark.getValue();
            rows.add(a);
        }
        attendance.persist(rows);
        attendance.flush();
        return sessionView(course, session, all, rows);
    }

    SessionAttendanceResponse getAttendance(long courseId, int session, Reach reach) {
        TrainingCourse course = courses.get(courseId, reach);
        checkSession(course, session);
        return sessionView(course, session, enrolments.byCourse(courseId), attendance.bySession(courseId, session));
    }

    private SessionAttendanceResponse sessionView(TrainingCourse course, int session, List<TrainingEnrolment> all,
                                                  List<TrainingAttendance> marks) {
        Map<Long, Boolean> byEnrolment = new HashMap<>();
        for (TrainingAttendance a : marks) {
            byEnrolment.put(a.enrolmentId, a.present);
        }
        Map<Long, Official> people = officialsOf(all);
        List<SessionAttendanceResponse.Entry> entries = new ArrayList<>();
        int present = 0;
        int absent = 0;
        for (TrainingEnrolment e : all) {
            Boolean mark = byEnrolment.get(e.id);
            if (Boolean.TRUE.equals(mark)) {
                present++;
            } else if (Boolean.FALSE.equals(mark)) {
                absent++;
            }
            entries.add(new SessionAttendanceResponse.Entry(e.id, e.officialId, people.get(e.officialId).fullName,
                    mark));
        }
        return new SessionAttendanceResponse(course.id, session, !marks.isEmpty(), present, absent,
                all.size() - present - absent, entries);
    }

    private EnrolmentResponse describe(TrainingCourse course, TrainingEnrolment e, int attended) {
        Official o = officials.byIds(List.of(e.officialId)).stream().findFirst().orElse(null);
        return EnrolmentResponse.of(e, course, o, attended,
                CompletionRule.status(course, attended, e.assignmentSubmitted, Today.date()));
    }

    private Map<Long, Official> officialsOf(List<TrainingEnrolment> all) {
        Set<Long> ids = new HashSet<>();
        for (TrainingEnrolment e : all) {
            ids.add(e.officialId);
        }
        return officials.byIds(ids).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
    }

    private static void checkSession(TrainingCourse course, int session) {
        if (session < 1 || session > course.sessions) {
            throw ApiProblem.notFound("Session", session + " of course " + course.id + " (sessions 1.." + course.sessions + ")");
        }
    }

    private TrainingEnrolment loadEnrolment(TrainingCourse course, long enrolmentId) {
        TrainingEnrolment e = enrolments.ofCourse(course, enrolmentId).orElse(null);
        if (e == null) {
            throw ApiProblem.notFound("Enrolment", enrolmentId + " on course " + course.id);
        }
        return e;
    }
}
