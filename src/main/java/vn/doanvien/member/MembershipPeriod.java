package vn.doanvien.member;

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
import java.time.LocalDate;

/** One stretch of a member's time in one grassroots union: [startOn, endOn). */
@Entity
@Table(name = "membership_period")
public class MembershipPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_period_seq")
    @SequenceGenerator(name = "membership_period_seq", sequenceName = "membership_period_seq", allocationSize = 50)
    public Long id;

    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Column(name = "start_on")
    public LocalDate startOn;

    @Column(name = "end_on")
    public LocalDate endOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public PeriodEndReason endReason;
}
