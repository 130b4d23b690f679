package vn.doanvien.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionStatus;

/** Test-only writes and reads on grassroots unions that the members feature does not expose. */
@ApplicationScoped
public class MemberFixtures {

    @Transactional
    public void dissolve(long grassrootsUnionId, LocalDate dissolvedOn) {
        GrassrootsUnion g = GrassrootsUnion.findById(grassrootsUnionId);
        g.dissolvedOn = dissolvedOn;
        g.status = GrassrootsUnionStatus.DISSOLVED;
    }

    @Transactional
    public void makeChair(long grassrootsUnionId, long memberId) {
        GrassrootsUnion g = GrassrootsUnion.findById(grassrootsUnionId);
        g.chairMemberId = memberId;
    }

    @Transactional
    public Long chairOf(long grassrootsUnionId) {
        GrassrootsUnion g = GrassrootsUnion.findById(grassrootsUnionId);
        return g.chairMemberId;
    }

    @Transactional
    public long periodCount(long memberId) {
        return MembershipPeriod.count("memberId", memberId);
    }

    @Transactional
    public long classificationCount(long memberId) {
        return MemberClassification.count("key.memberId", memberId);
    }
}
