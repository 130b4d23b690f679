package vn.doanvien.demo;

import vn.doanvien.common.SqlValues;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Gender;
import vn.doanvien.security.Secrets;
import vn.doanvien.security.joining.JoinRequest;
import vn.doanvien.training.Employment;
import vn.doanvien.training.Official;
import vn.doanvien.training.OfficialPost;
import vn.doanvien.training.TrainingAttendance;
import vn.doanvien.training.TrainingAudience;
import vn.doanvien.training.TrainingCourse;
import vn.doanvien.training.TrainingEnrolment;
import vn.doanvien.training.TrainingTopic;

/**
 * The part of the demo that people handle one by one, in one province (Bắc Ninh, LDLD-24): the federation's
 * leaders and the chairs of the grassroots unions under its two ward unions as officials, a course held in October
 * 2026 (two of its three roll-calls taken, assignments partly in) and one planned for March 2027, three monthly
 * counts of one union, a union founded in September that nobody has joined yet, and two workers' join requests
 * waiting for a decision. Written before the figures are computed, so they count the new union. The examples of the OpenAPI document name these rows
 * (src/main/resources/openapi-examples), and DocumentedExamplesTest sends them.
 */
final class DemoOfficials {

    /** References of the two pending join requests (the examples of the join-request operations use them). */
    static final String JOIN_REQUEST_TO_APPROVE = "JR-BN24DEM2";
    static final String JOIN_REQUEST_TO_REJECT = "JR-BN24DEM3";

    private static final String BAC_NINH = "LDLD-24";
    /** The ward unions whose grassroots unions' chairs become officials; Yên Phong (XP-24-1) is left to examples. */
    private static final String WARD = "XP-24-2";

    /** A grassroots union in Yên Phong that also reports monthly counts. */
    private static final String COUNTS_REPORTING_UNION = "CDCS-24-00148";

    /** Hợp Nhất, a trading company in Việt Yên whose union was just founded. */
    private static final String NEW_UNION_EMPLOYER = "2329569306";

    private final EntityManager em;

    DemoOfficials(EntityManager em) {
        this.em = em;
    }

    /** Writes the rows; the number of officials written. */
    int write() {
        long federation = unitId(BAC_NINH);
        List<Official> officials = new ArrayList<>();
        officials.add(official(null, "Nguyễn Văn Thắng", Gender.MALE, LocalDate.of(1972, 3, 14), federation, null,
                OfficialPost.CHAIR, Employment.FULL_TIME, LocalDate.of(2023, 10, 1)));
        officials.add(official(null, "Lê Thị Hồng Nhung", Gender.FEMALE, LocalDate.of(1980, 9, 2), federation, null,
                OfficialPost.VICE_CHAIR, Employment.FULL_TIME, LocalDate.of(2023, 10, 1)));
        @SuppressWarnings("unchecked")
        List<Object[]> chairs = em.createNativeQuery("""
                        select g.id, g.chair_member_id, g.founded_on, m.full_name, m.gender, m.date_of_birth
                        from grassroots_union g
                        join unit u on u.id = g.upper_level_unit_id
                        join member m on m.id = g.chair_member_id
                        where u.code = :ward and g.status = 'ACTIVE' and g.chair_member_id is not null
                        order by g.id""")
                .setParameter("ward", WARD).getResultList();
        for (Object[] chair : chairs) {
            LocalDate founded = SqlValues.date(chair[2]);
            LocalDate termStart = founded.isAfter(LocalDate.of(2023, 1, 1)) ? founded : LocalDate.of(2023, 1, 1);
            // As the API does for a member: name, gender and date of birth copied from the member record.
            officials.add(official(((Number) chair[1]).longValue(), (String) chair[3],
                    chair[4] == null ? null : Gender.valueOf((String) chair[4]), SqlValues.date(chair[5]), null,
                    ((Number) chair[0]).longValue(), OfficialPost.CHAIR, Employment.PART_TIME, termStart));
        }
        officials.forEach(em::persist);
        em.flush();

        TrainingCourse held = course(federation, "Tập huấn nghiệp vụ cho chủ tịch công đoàn cơ sở khu vực doanh nghiệp",
                TrainingTopic.UNION_LAW_AND_ORGANISATION, TrainingAudience.GRASSROOTS_CHAIRS,
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 7), false, "Hội trường Liên đoàn Lao động tỉnh Bắc Ninh",
                40, 3, true);
        TrainingCourse planned = course(federation, "Kỹ năng thương lượng tập thể và đối thoại tại nơi làm việc",
                TrainingTopic.COLLECTIVE_BARGAINING_AND_DIALOGUE, TrainingAudience.GRASSROOTS_OFFICIALS,
                LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 16), true, null, 60, 2, false);
        em.persist(held);
        em.persist(planned);
        em.flush();
        int n = 0;
        for (Official o : officials) {
            if (o.grassrootsUnionId == null) {
                continue;
            }
            TrainingEnrolment e = new TrainingEnrolment();
            e.courseId = held.id;
            e.officialId = o.id;
            e.assignmentSubmitted = n % 3 != 2;
            e.assignmentGrade = e.assignmentSubmitted ? BigDecimal.valueOf(6 + n % 4, 0).add(BigDecimal.valueOf(5, 1))
                    : null;
            em.persist(e);
            em.flush();
            for (int session = 1; session <= 2; session++) {
                TrainingAttendance a = new TrainingAttendance();
                a.courseId = held.id;
                a.enrolmentId = e.id;
                a.sessionNo = session;
                a.present = !(session == 2 && n % 4 == 3);
                em.persist(a);
            }
            n++;
        }

        // A union that reports monthly counts (September to November 2026).
        for (int month = 9; month <= 11; month++) {
            em.createNativeQuery("""
                            insert into grassroots_union_member_count (grassroots_union_id, month_start, members, joined,
                                left_count, workforce, note, version, updated_at)
                            select id, :month, 3, 0, 0, 39, :note, 0, current_timestamp from grassroots_union
                            where code = :code""")
                    .setParameter("month", LocalDate.of(2026, month, 1))
                    .setParameter("note", "Báo cáo tháng " + month + "/2026")
                    .setParameter("code", COUNTS_REPORTING_UNION).executeUpdate();
        }

        // A union founded in September 2026 whose workers have not joined yet (one that may still be dissolved).
        Object[] hopNhat = (Object[]) em.createNativeQuery(
                        "select id, upper_level_unit_id, name from enterprise where tax_code = :taxCode")
                .setParameter("taxCode", NEW_UNION_EMPLOYER).getSingleResult();
        GrassrootsUnion union = new GrassrootsUnion();
        union.code = "CDCS-24-HOPNHAT";
        union.name = "Công đoàn " + hopNhat[2];
        union.enterpriseId = ((Number) hopNhat[0]).longValue();
        union.upperLevelUnitId = ((Number) hopNhat[1]).longValue();
        union.foundedOn = LocalDate.of(2026, 9, 1);
        union.status = GrassrootsUnionStatus.ACTIVE;
        em.persist(union);
        em.flush();
        GrassrootsUnionLink placement = new GrassrootsUnionLink();
        placement.grassrootsUnionId = union.id;
        placement.unitId = union.upperLevelUnitId;
        placement.validFrom = union.foundedOn;
        em.persist(placement);

        em.persist(joinRequest(JOIN_REQUEST_TO_APPROVE, "Phạm Thị Thu Trang", LocalDate.of(1999, 8, 21), "FEMALE",
                "027199004815", "0977 123 456", "2326482608"));
        em.persist(joinRequest(JOIN_REQUEST_TO_REJECT, "Đỗ Văn Hùng", LocalDate.of(1996, 1, 30), "MALE",
                "027096007342", "0966 234 567", "2317159229"));
        em.flush();
        return officials.size();
    }


    private long unitId(String code) {
        return ((Number) em.createNativeQuery("select id from unit where code = :code")
                .setParameter("code", code).getSingleResult()).longValue();
    }

    private static Official official(Long memberId, String fullName, Gender gender, LocalDate born, Long unitId,
                                     Long grassrootsUnionId, OfficialPost post, Employment employment,
                                     LocalDate termStart) {
        Official o = new Official();
        o.memberId = memberId;
        o.fullName = fullName;
        o.gender = gender;
        o.dateOfBirth = born;
        o.unitId = unitId;
        o.grassrootsUnionId = grassrootsUnionId;
        o.post = post;
        o.employment = employment;
        o.termStart = termStart;
        o.termEnd = termStart.plusYears(5);
        return o;
    }

    private static TrainingCourse course(long unitId, String title, TrainingTopic topic, TrainingAudience audience,
                                         LocalDate starts, LocalDate ends, boolean online, String place, int capacity,
                                         int sessions, boolean assignment) {
        TrainingCourse c = new TrainingCourse();
        c.organisingUnitId = unitId;
        c.title = title;
        c.topic = topic;
        c.audience = audience;
        c.startsOn = starts;
        c.endsOn = ends;
        c.online = online;
        c.place = place;
        c.capacity = capacity;
        c.sessions = sessions;
        c.minAttendancePercent = 80;
        c.assignmentRequired = assignment;
        return c;
    }

    /** A worker's request to join, as POST /api/v1/join-requests routes it by the employer's tax code. */
    private JoinRequest joinRequest(String reference, String name, LocalDate born, String gender, String nationalId,
                                    String phone, String employerTaxCode) {
        Object[] employer = (Object[]) em.createNativeQuery("""
                        select e.id, e.upper_level_unit_id,
                               (select g.id from grassroots_union g where g.enterprise_id = e.id and g.status = 'ACTIVE'),
                               (select g.upper_level_unit_id from grassroots_union g
                                where g.enterprise_id = e.id and g.status = 'ACTIVE')
                        from enterprise e where e.tax_code = :taxCode""")
                .setParameter("taxCode", employerTaxCode).getSingleResult();
        JoinRequest r = new JoinRequest();
        r.reference = reference;
        r.secretHash = Secrets.sha256(reference + "-demo-secret");
        r.status = "PENDING";
        r.fullName = name;
        r.dateOfBirth = born;
        r.gender = gender;
        r.nationality = "VN";
        r.nationalId = nationalId;
        r.phone = phone;
        r.employerTaxCode = employerTaxCode;
        r.enterpriseId = ((Number) employer[0]).longValue();
        if (employer[2] != null) {
            r.routing = "GRASSROOTS_UNION";
            r.grassrootsUnionId = ((Number) employer[2]).longValue();
            r.unitId = ((Number) employer[3]).longValue();
        } else {
            r.routing = "RECRUITMENT_LEAD";
            r.unitId = ((Number) employer[1]).longValue();
        }
        r.clientAddress = "demo";
        return r;
    }
}
