package vn.doanvien.figures;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.UpdateTimestamp;

/** Official aggregate figures a unit reported for one month, for the time before the registry held its members. */
@Entity
@Table(name = "unit_reported_figure")
public class ReportedFigure extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Members at the end of the month. */
    public Long members;

    @Column(name = "grassroots_unions")
    public Integer grassrootsUnions;

    /** New members during the month (gross recruitment). */
    public Long joined;

    @Column(name = "left_count")
    public Long left;

    public String note;

    @Version
    public long version;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** (unit, first day of the month). */
    @Embeddable
    public record Key(@Column(name = "unit_id") Long unitId, @Column(name = "month_start") LocalDate monthStart)
            implements Serializable {
    }
}
