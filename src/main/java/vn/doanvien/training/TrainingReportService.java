package vn.doanvien.training;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.training.TrainingEnrolmentRepository.EnrolmentFacts;
import vn.doanvien.training.TrainingReport.Counts;

/** Adds up a unit's training year: courses organised in its subtree and the training of its officials. */
@ApplicationScoped
@Transactional
class TrainingReportService {

    static final int NEVER_ATTENDED_LIMIT = 200;
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;

    private final UnitRepository units;
    private final ReportUnitRepository unitHistory;
    private final TrainingCourseRepository courses;
    private final TrainingEnrolmentRepository enrolments;
    private final OfficialRepository officials;

    TrainingReportService(UnitRepository units, ReportUnitRepository unitHistory, TrainingCourseRepository courses,
                          TrainingEnrolmentRepository enrolments, OfficialRepository officials) {
        this.units = units;
        this.unitHistory = unitHistory;
        this.courses = courses;
        this.enrolments = enrolments;
        this.officials = officials;
    }

    /** One enrolment of the year with its course and the status it has reached. */
    private record Row(EnrolmentFacts facts, TrainingCourse course, boolean organisedHere, boolean completed) {
        boolean attended() {
            return facts.attended() > 0;
        }
    }

    TrainingReport report(Long unitId, Integer year, Reach reach) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Unit root = unitId == null ? null : units.findInReach(unitId, reach).orElse(null);
        if (unitId == null) {
            errors.add(new Problem.FieldError("unitId", "is required"));
        } else if (root == null) {
            errors.add(new Problem.FieldError("unitId", "unit " + unitId + " does not exist"));
        }
        if (year == null) {
            errors.add(new Problem.FieldError("year", "is required"));
        } else if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(new Problem.FieldError("year", "must be a year between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        LocalDate today = Today.date();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate asOf = to.isAfter(today) ? today : to;
        Set<Long> subtree = subtree(unitId, from, asOf);

        List<TrainingCourse> organised = courses.organisedBy(subtree, from, to);
        List<EnrolmentFacts> facts = enrolments.factsForReport(subtree, asOf, from, to);
        Map<Long, TrainingCourse> courseById = new HashMap<>();
        organised.forEach(c -> courseById.put(c.id, c));
        Set<Long> missing = facts.stream().map(EnrolmentFacts::courseId).filter(id -> !courseById.containsKey(id))
                .collect(Collectors.toSet());
        courses.byIds(missing).forEach(c -> courseById.put(c.id, c));
        List<Row> rows = new ArrayList<>();
        for (EnrolmentFacts f : facts) {
            TrainingCourse c = courseById.get(f.courseId());
            rows.add(new Row(f, c, subtree.contains(c.organisingUnitId),
                    CompletionRule.isMet(c, f.attended(), f.assignmentSubmitted())));
        }

        TrainingReport.Organised organisedPart = organised(unitId, organised, rows);

        Map<Long, Official> scoped = officials.servingSubtree(subtree, asOf, from, to).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<Long, List<Row>> rowsByOfficial = rows.stream().filter(r -> scoped.containsKey(r.facts().officialId()))
                .collect(Collectors.groupingBy(r -> r.facts().officialId()));
        Set<String> trainedPersons = new HashSet<>();
        Set<String> attendingPersons = new HashSet<>();
        rowsByOfficial.forEach((officialId, list) -> {
            String person = personKey(scoped.get(officialId));
            if (list.stream().anyMatch(Row::completed)) {
                trainedPersons.add(person);
            }
            if (list.stream().anyMatch(Row::attended)) {
                attendingPersons.add(person);
            }
        });
        TrainingReport.OfficialGroup fullTime = group(scoped, rowsByOfficial, trainedPersons, attendingPersons,
                o -> o.employment == Employment.FULL_TIME);
        TrainingReport.OfficialGroup grassroots = group(scoped, rowsByOfficial, trainedPersons, attendingPersons,
                o -> o.grassrootsUnionId != null);
        TrainingReport.OfficialGroup chairs = group(scoped, rowsByOfficial, trainedPersons, attendingPersons,
                o -> o.grassrootsUnionId != null && o.post == OfficialPost.CHAIR);

        List<Row> elsewhereRows = rows.stream()
                .filter(r -> !r.organisedHere() && scoped.containsKey(r.facts().officialId())).toList();
        TrainingReport.Elsewhere elsewhere = new TrainingReport.Elsewhere(
                elsewhereRows.size(),
                elsewhereRows.stream().filter(Row::attended).count(),
                elsewhereRows.stream().filter(Row::attended)
                        .filter(r -> scoped.get(r.facts().officialId()).employment == Employment.FULL_TIME).count(),
                elsewhereRows.stream().filter(Row::completed).count(),
                elsewhereRows.stream().filter(r -> !r.attended()).count());

        // Every row is at a course organised here or by an official of the subtree (factsForReport's condition).
        List<TrainingReport.NeverAttended> never = neverAttended(
                rows.stream().filter(r -> !r.attended()).toList(), scoped);

        String paragraph = paragraph(year, root.name, organisedPart, fullTime, elsewhere, grassroots, chairs);
        return new TrainingReport(root.id, root.name, year, asOf, organisedPart, fullTime, elsewhere, grassroots,
                chairs, never, paragraph);
    }

    /**
     * The unit and the units below it on {@code asOf}, plus the units dissolved during the year that were below it
     * on their last day: dissolving closes a unit's link (district federations on 2025-07-01), so they are under
     * no one on 31 December, yet their courses and officials belong to the year.
     */
    private Set<Long> subtree(long rootId, LocalDate from, LocalDate asOf) {
        Set<Long> ids = new LinkedHashSet<>(units.subtreeIds(rootId, asOf));
        Map<Long, LocalDate> dissolved = unitHistory.dissolvedBetween(from, asOf);
        for (LocalDate day : new TreeSet<>(dissolved.values())) {
            for (Long id : units.subtreeIds(rootId, day.minusDays(1))) {
                if (day.equals(dissolved.get(id))) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private TrainingReport.Organised organised(long rootId, List<TrainingCourse> organised, List<Row> rows) {
        Map<Long, List<Row>> rowsByCourse = rows.stream().filter(Row::organisedHere)
                .collect(Collectors.groupingBy(r -> r.facts().courseId()));
        Counts total = counts(organised, rowsByCourse, c -> true);
        Counts itself = counts(organised, rowsByCourse, c -> c.organisingUnitId == rootId);
        Counts below = counts(organised, rowsByCourse, c -> c.organisingUnitId != rootId);
        Set<Long> organisers = organised.stream().map(c -> c.organisingUnitId).filter(id -> id != rootId)
                .collect(Collectors.toSet());
        List<TrainingReport.UnitCounts> perUnit = new ArrayList<>();
        if (!organisers.isEmpty()) {
            for (Unit u : units.byIds(organisers).values()) {
                Counts c = counts(organised, rowsByCourse, course -> course.organisingUnitId.equals(u.id));
                perUnit.add(new TrainingReport.UnitCounts(u.id, u.code, u.name, c.courses(), c.enrolled(),
                        c.trainees(), c.completed(), c.neverAttended()));
            }
            perUnit.sort(Comparator.comparing(TrainingReport.UnitCounts::name)
                    .thenComparing(TrainingReport.UnitCounts::unitId));
        }
        return new TrainingReport.Organised(total, itself, below, perUnit);
    }

    private static Counts counts(List<TrainingCourse> organised, Map<Long, List<Row>> rowsByCourse,
                                 Predicate<TrainingCourse> which) {
        long courses = 0;
        long enrolled = 0;
        long trainees = 0;
        long completed = 0;
        for (TrainingCourse c : organised) {
            if (!which.test(c)) {
                continue;
            }
            courses++;
            for (Row r : rowsByCourse.getOrDefault(c.id, List.of())) {
                enrolled++;
                trainees += r.attended() ? 1 : 0;
                completed += r.completed() ? 1 : 0;
            }
        }
        return new Counts(courses, enrolled, trainees, completed, enrolled - trainees);
    }

    private static TrainingReport.OfficialGroup group(Map<Long, Official> scoped, Map<Long, List<Row>> rowsByOfficial,
                                                      Set<String> trainedPersons, Set<String> attendingPersons,
                                                      Predicate<Official> member) {
        Set<String> persons = new HashSet<>();
        long own = 0;
        long elsewhere = 0;
        long never = 0;
        for (Official o : scoped.values()) {
            if (!member.test(o)) {
                continue;
            }
            persons.add(personKey(o));
            for (Row r : rowsByOfficial.getOrDefault(o.id, List.of())) {
                if (!r.attended()) {
                    never++;
                } else if (r.organisedHere()) {
                    own++;
                } else {
                    elsewhere++;
                }
            }
        }
        long trained = persons.stream().filter(trainedPersons::contains).count();
        long attending = persons.stream().filter(attendingPersons::contains).count();
        return new TrainingReport.OfficialGroup(persons.size(), trained,
                CompletionRule.percentOf(trained, persons.size()), attending, own, elsewhere, never);
    }

    /** The same person may hold several posts or consecutive terms: members count once. */
    private static String personKey(Official o) {
        return o.memberId != null ? "M" + o.memberId : "O" + o.id;
    }

    private List<TrainingReport.NeverAttended> neverAttended(List<Row> rows, Map<Long, Official> scoped) {
        List<Row> first = rows.stream()
                .sorted(Comparator.comparing((Row r) -> r.course().startsOn).thenComparing(r -> r.course().id)
                        .thenComparing(r -> r.facts().enrolmentId()))
                .limit(NEVER_ATTENDED_LIMIT).toList();
        Set<Long> unknown = first.stream().map(r -> r.facts().officialId()).filter(id -> !scoped.containsKey(id))
                .collect(Collectors.toSet());
        Map<Long, Official> people = new HashMap<>(scoped);
        officials.byIds(unknown).forEach(o -> people.put(o.id, o));
        return first.stream().map(r -> {
            Official o = people.get(r.facts().officialId());
            return new TrainingReport.NeverAttended(r.facts().enrolmentId(), r.course().id, r.course().title,
                    r.course().organisingUnitId, o.id, o.fullName, o.post, o.unitId, o.grassrootsUnionId);
        }).toList();
    }

    static String paragraph(int year, String unitName, TrainingReport.Organised organised,
                            TrainingReport.OfficialGroup fullTime, TrainingReport.Elsewhere elsewhere,
                            TrainingReport.OfficialGroup grassroots, TrainingReport.OfficialGroup chairs) {
        Counts t = organised.total();
        StringBuilder s = new StringBuilder();
        s.append(year).append(", ").append(unitName).append(": ")
                .append(t.courses()).append(" courses with ").append(t.trainees()).append(" trainee-attendances (")
                .append(t.enrolled()).append(" enrolled, ").append(t.neverAttended()).append(" never attended); ")
                .append(organised.byUnitItself().courses()).append(" courses / ")
                .append(organised.byUnitItself().trainees()).append(" trainee-attendances run by the unit itself and ")
                .append(organised.bySubordinateUnits().courses()).append(" / ")
                .append(organised.bySubordinateUnits().trainees()).append(" by subordinate units; ");
        if (fullTime.total() == 0) {
            s.append("no full-time officials; ");
        } else {
            s.append(fullTime.percentTrained().toPlainString()).append("% of full-time officials trained (")
                    .append(fullTime.trained()).append(" of ").append(fullTime.total()).append("); ");
        }
        s.append(elsewhere.trainees()).append(" trainee-attendances at courses run by others, ")
                .append(elsewhere.byFullTimeOfficials()).append(" of them by full-time officials; ")
                .append(grassroots.traineesAtOwnCourses())
                .append(" trainee-attendances by grassroots officials at the unit's courses; ")
                .append(grassroots.trained()).append(" grassroots officials trained, ")
                .append(chairs.trained()).append(" of them chairs.");
        return s.toString();
    }
}
