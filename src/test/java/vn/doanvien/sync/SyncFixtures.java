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

    /**
     * Rows of these units and grassroots unions where the maintained figures differ from a recount (empty when
     * exact); limited to the test's own rows, as fixtures of other tests may write without the ledger.
     */
    public String figureDifferences(vn.doanvien.organisation.Unit[] chain, vn.doanvien.grassroots.GrassrootsUnion... unions) {
        List<Long> unitIds = java.util.Arrays.stream(chain).map(u -> u.id).toList();
        List<Long> unionIds = java.util.Arrays.stream(unions).map(g -> g.id).toList();
        return recount.differences(unitIds, unionIds);
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

    /** Gives a grassroots union the code a test file names it by. */
    @Transactional
    public void setUnionCode(long unionId, String code) {
        em.createQuery("update GrassrootsUnion g set g.code = :c where g.id = :id").setParameter("c", code)
                .setParameter("id", unionId).executeUpdate();
    }

    /** The id of the grassroots union with this code, or null. */
    @Transactional
    public Long unionIdByCode(String code) {
        return em.createQuery("select g.id from GrassrootsUnion g where g.code = :c", Long.class).setParameter("c", code)
                .getResultStream().findFirst().orElse(null);
    }
}
