package vn.doanvien.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.doanvien.figures.FiguresRecount;
import vn.doanvien.member.Member;

/** Test-only reads of what sync wrote. */
@ApplicationScoped
public class SyncFixtures {

    private final EntityManager em;
    private final FiguresRecount recount;

    SyncFixtures(EntityManager em, FiguresRecount recount) {
        this.em = em;
        this.recount = recount;
    }

    /** Rows where the maintained figures differ from a recount (empty when exact). */
    public String figureDifferences() {
        return recount.differences();
    }

    @Transactional
    public List<Member> membersWithNationalId(String nationalId) {
        return em.createQuery("from Member m where m.nationalId = :n order by m.id", Member.class)
                .setParameter("n", nationalId).getResultList();
    }

    @Transactional
    public long memberCount() {
        return em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
    }

    @Transactional
    public long periodCount(long memberId) {
        return em.createQuery("select count(p) from MembershipPeriod p where p.memberId = :m", Long.class)
                .setParameter("m", memberId).getSingleResult();
    }

    @Transactional
    public long lastSeq() {
        return ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult())
                .longValue();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> changesAfter(long seq) {
        return em.createNativeQuery("select seq, entity_type, entity_id, operation from change_log where seq > :s "
                + "order by seq").setParameter("s", seq).getResultList();
    }
}
