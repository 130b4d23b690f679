package vn.doanvien.grassroots;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A dated placement of a grassroots union under an upper-level unit, [validFrom, validTo). */
@Entity
@Table(name = "grassroots_union_link")
public class GrassrootsUnionLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grassroots_union_link_seq")
    @SequenceGenerator(name = "grassroots_union_link_seq", sequenceName = "grassroots_union_link_seq", allocationSize = 50)
    public Long id;

    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;
}
