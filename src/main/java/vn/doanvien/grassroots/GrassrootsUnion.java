package vn.doanvien.grassroots;

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

/** A grassroots union (công đoàn cơ sở): the level where members belong, in an enterprise, agency or school. */
@Entity
@Table(name = "grassroots_union")
public class GrassrootsUnion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grassroots_union_seq")
    @SequenceGenerator(name = "grassroots_union_seq", sequenceName = "grassroots_union_seq", allocationSize = 50)
    public Long id;

    public String code;
    public String name;

    @Column(name = "search_text")
    public String searchText;

    /** The current upper-level union; its history is in {@link GrassrootsUnionLink}. */
    @Column(name = "upper_level_unit_id")
    public Long upperLevelUnitId;

    @Column(name = "enterprise_id")
    public Long enterpriseId;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    /** Exclusive: the union no longer exists on this date. */
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    @Enumerated(EnumType.STRING)
    public GrassrootsUnionStatus status;

    @Column(name = "chair_member_id")
    public Long chairMemberId;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isActiveOn(LocalDate date) {
        return !foundedOn.isAfter(date) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = TextNormalizer.searchText(name, code);
    }
}
