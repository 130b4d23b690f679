package vn.doanvien.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import vn.doanvien.common.TextNormalizer;

/** A training course (lớp tập huấn, bồi dưỡng) organised by a unit, with numbered sessions and a completion rule. */
@Entity
@Table(name = "training_course")
public class TrainingCourse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_course_seq")
    @SequenceGenerator(name = "training_course_seq", sequenceName = "training_course_seq", allocationSize = 50)
    public Long id;

    @Column(name = "organising_unit_id")
    public Long organisingUnitId;

    public String title;

    @Column(name = "search_text")
    public String searchText;

    @Enumerated(EnumType.STRING)
    public TrainingTopic topic;

    @Enumerated(EnumType.STRING)
    public TrainingAudience audience;

    /** The course belongs to the year of this date in reports. */
    @Column(name = "starts_on")
    public LocalDate startsOn;

    /** Inclusive: the last day of the course. */
    @Column(name = "ends_on")
    public LocalDate endsOn;

    public boolean online;

    public String place;

    public int capacity;

    /** Number of sessions, numbered 1..sessions for roll-call. */
    @Column(name = "session_count")
    public int sessions;

    @Column(name = "min_attendance_percent")
    public int minAttendancePercent;

    @Column(name = "assignment_required")
    public boolean assignmentRequired;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Whether the course is over on {@code date}: after its last day. */
    public boolean hasEndedOn(LocalDate date) {
        return date.isAfter(endsOn);
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = TextNormalizer.searchText(title);
    }
}
