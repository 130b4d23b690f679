package vn.doanvien.grassroots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberStatus;

/** Changes to member rows that the grassroots tests need, made straight in the database. */
@ApplicationScoped
public class GrassrootsFixtures {

    /** Marks a member as having left on {@code leftOn}, as the members feature would. */
    @Transactional
    public void markLeft(long memberId, LocalDate leftOn) {
        Member m = Member.findById(memberId);
        m.status = MemberStatus.LEFT;
        m.leftOn = leftOn;
    }
}
