package vn.doanvien.enterprise;

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

/** An employer identified by its tax code, where grassroots unions are founded and members recruited. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enterprise_seq")
    @SequenceGenerator(name = "enterprise_seq", sequenceName = "enterprise_seq", allocationSize = 50)
    public Long id;

    @Column(name = "tax_code")
    public String taxCode;

    public String name;

    @Column(name = "search_text")
    public String searchText;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Column(name = "investor_country")
    public String investorCountry;

    /** VSIC 2018 section letter, A–U. */
    public String industry;

    @Column(name = "province_code")
    public String provinceCode;

    public String address;

    public Integer workforce;

    @Column(name = "workforce_as_of")
    public LocalDate workforceAsOf;

    @Column(name = "upper_level_unit_id")
    public Long upperLevelUnitId;

    @Column(name = "has_independent_workers_organisation")
    public boolean hasIndependentWorkersOrganisation;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = TextNormalizer.searchText(name, taxCode);
    }
}
