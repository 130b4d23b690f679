package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** An official enrolled on a course, with the written assignment (bài thu hoạch) they handed in. */
@Entity
@Table(name = "training_enrolment")
public class TrainingEnrolment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_enrolment_seq")
    @SequenceGenerator(name = "training_enrolment_seq", sequenceName = "training_enrolment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "official_id")
    public Long officialId;

    @Column(name = "assignment_submitted")
    public boolean assignmentSubmitted;

    /** 0.0 to 10.0, the Vietnamese grading scale; null when not graded. */
    @Column(name = "assignment_grade")
    public BigDecimal assignmentGrade;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
