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

/** A grassroots union's member count for one month, for unions that do not keep member lists here. */
@Entity
@Table(name = "grassroots_union_member_count")
public class MemberCount extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Members at the end of the month. */
    public Integer members;

    public Integer joined;

    @Column(name = "left_count")
    public Integer left;

    /** Workers employed where the union is, at the end of the month. */
    public Integer workforce;

    public String note;

    @Version
    public long version;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** (grassroots union, first day of the month). */
    @Embeddable
    public record Key(@Column(name = "grassroots_union_id") Long grassrootsUnionId,
                      @Column(name = "month_start") LocalDate monthStart) implements Serializable {
    }
}
