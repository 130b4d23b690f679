package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on membership periods (a member's history). */
@ApplicationScoped
public class MembershipPeriodRepository implements PanacheRepository<MembershipPeriod> {

    /** The member's current (open) period, if the member is still a member somewhere. */
    public Optional<MembershipPeriod> findOpen(long memberId) {
        return find("memberId = ?1 and endOn is null", memberId).firstResultOptional();
    }

    /** The member's most recent period, open or closed. */
    public Optional<MembershipPeriod> findLatest(long memberId) {
        return find("memberId = ?1 order by startOn desc, id desc", memberId).firstResultOptional();
    }

    /** The member's periods oldest first, each row {@code [MembershipPeriod, union code, union name]}. */
    public List<Object[]> historyWithUnions(long memberId) {
        return getEntityManager().createQuery("""
                        select p, g.code, g.name from MembershipPeriod p
                        join GrassrootsUnion g on g.id = p.grassrootsUnionId
                        where p.memberId = :member
                        order by p.startOn, p.id""", Object[].class)
                .setParameter("member", memberId)
                .getResultList();
    }

    public long deleteByMember(long memberId) {
        return delete("memberId", memberId);
    }
}
