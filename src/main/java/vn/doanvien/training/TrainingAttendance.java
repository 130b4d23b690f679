package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One roll-call mark (điểm danh): whether an enrolled official was present at one session of a course. */
@Entity
@Table(name = "training_attendance")
public class TrainingAttendance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_attendance_seq")
    @SequenceGenerator(name = "training_attendance_seq", sequenceName = "training_attendance_seq", allocationSize = 50)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "enrolment_id")
    public Long enrolmentId;

    @Column(name = "session_no")
    public int sessionNo;

    public boolean present;
}
