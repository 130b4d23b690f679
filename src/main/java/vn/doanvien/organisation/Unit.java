package vn.doanvien.organisation;

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

/** A unit of the organisation tree above the grassroots: the Confederation, level-2 and upper-level unions. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_seq")
    @SequenceGenerator(name = "unit_seq", sequenceName = "unit_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Enumerated(EnumType.STRING)
    public UnitCategory category;

    public String code;
    public String name;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Exclusive: the unit no longer exists on this date. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isActiveOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || date.isBefore(validTo));
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = TextNormalizer.searchText(name, code);
    }
}
