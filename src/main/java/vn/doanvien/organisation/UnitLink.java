package vn.doanvien.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A dated parent link: {@code unitId} sat under {@code parentId} from {@code validFrom} until {@code validTo} (exclusive). */
@Entity
@Table(name = "unit_link")
public class UnitLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_link_seq")
    @SequenceGenerator(name = "unit_link_seq", sequenceName = "unit_link_seq", allocationSize = 50)
    public Long id;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean isActiveOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || date.isBefore(validTo));
    }
}
