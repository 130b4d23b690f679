package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.UpdateTimestamp;

/** A member's evaluation for one year. */
@Entity
@Table(name = "member_classification")
public class MemberClassification extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    @Version
    public long version;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** (member, year). */
    @Embeddable
    public record Key(@Column(name = "member_id") Long memberId, @Column(name = "eval_year") Integer year)
            implements Serializable {
    }
}
