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
import vn.doanvien.member.Gender;

/** A union official (cán bộ công đoàn): a person holding a post in a unit or a grassroots union for a term. */
@Entity
@Table(name = "official")
public class Official extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "official_seq")
    @SequenceGenerator(name = "official_seq", sequenceName = "official_seq", allocationSize = 50)
    public Long id;

    /** The member this official is, when they are one; the name is then copied from the member. */
    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "search_text")
    public String searchText;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    /** The unit served (levels 1-3); null when the official serves a grassroots union. */
    @Column(name = "unit_id")
    public Long unitId;

    /** The grassroots union served; null when the official serves a unit. */
    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Enumerated(EnumType.STRING)
    public OfficialPost post;

    @Enumerated(EnumType.STRING)
    public Employment employment;

    @Column(name = "term_start")
    public LocalDate termStart;

    /** Exclusive: the first day the official no longer holds the post. */
    @Column(name = "term_end")
    public LocalDate termEnd;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isActiveOn(LocalDate date) {
        return !termStart.isAfter(date) && (termEnd == null || date.isBefore(termEnd));
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = TextNormalizer.searchText(fullName);
    }
}
