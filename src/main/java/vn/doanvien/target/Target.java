package vn.doanvien.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A target (chỉ tiêu) for a unit's subtree, possibly allocated from a parent target. */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_seq")
    @SequenceGenerator(name = "target_seq", sequenceName = "target_seq", allocationSize = 50)
    public Long id;

    public String name;
    public String reference;

    @Column(name = "scope_unit_id")
    public Long scopeUnitId;

    @Enumerated(EnumType.STRING)
    public TargetMetric metric;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "min_workforce")
    public Integer minWorkforce;

    @Column(name = "baseline_date")
    public LocalDate baselineDate;

    public LocalDate deadline;

    @Column(name = "parent_target_id")
    public Long parentTargetId;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    int effectiveMinWorkforce() {
        return minWorkforce == null ? 25 : minWorkforce;
    }
}
