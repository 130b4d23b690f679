package vn.doanvien.member;

import vn.doanvien.figures.MembershipSpan;
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
import java.util.List;

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

    /** A new stay of member m (its id may still be unassigned) in a grassroots union from a day, open. */
    public static MembershipPeriod of(Member m, Long grassrootsUnionId, LocalDate startOn) {
        MembershipPeriod p = new MembershipPeriod();
        p.memberId = m.id;
        p.grassrootsUnionId = grassrootsUnionId;
        p.startOn = startOn;
        return p;
    }

    /**
     * How the figures see this stay of member m: begun with the join, or later with a transfer in; with the
     * member's gender, date of birth and nationality as the member record holds them now.
     */
    public MembershipSpan span(Member m) {
        return new MembershipSpan(grassrootsUnionId, startOn, startOn.isAfter(m.joinedOn), endOn,
                endReason == PeriodEndReason.TRANSFER, Gender.nameOf(m.gender), m.dateOfBirth, m.nationality);
    }
}
