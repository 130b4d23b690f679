package vn.doanvien.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Converts member rows written before migration V9 (clear national ID, passport and phone, identity keys
 * {@code NID:...}/{@code PP:...}) to the protected form: encrypted values, {@code national_id_hash}, and identity
 * keys that carry the hash. Runs at start, before anything else reads members, until it has once found nothing
 * left to convert; then it records that ({@code startup_task}) and later starts skip it without reading members.
 * It cannot be SQL in V9 because the keys are not in the database.
 */
@ApplicationScoped
class PersonalDataMigration {

    private static final Logger LOG = Logger.getLogger(PersonalDataMigration.class);
    private static final int BATCH = 500;

    private final EntityManager em;

    PersonalDataMigration(EntityManager em) {
        this.em = em;
    }

    private static final String TASK = "personal-data-before-v9";

    void onStart(@Observes @Priority(5) StartupEvent event) {
        boolean done = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from startup_task where name = ?1").setParameter(1, TASK).getResultList().isEmpty());
        if (done) {
            return;
        }
        int converted = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(this::convertBatch);
            converted += n;
            if (n < BATCH) {
                break;
            }
        }
        if (converted > 0) {
            LOG.infof("Protected the personal data of %d members written before encryption", converted);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into startup_task (name, done_at) "
                    + "select ?1, current_timestamp where not exists (select 1 from startup_task where name = ?1)")
                    .setParameter(1, TASK).executeUpdate());
        } catch (RuntimeException e) {
            // another instance starting at the same moment recorded it first
            LOG.debugf("startup task %s already recorded: %s", TASK, e);
        }
    }

    @SuppressWarnings("unchecked")
    private int convertBatch() {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, nationality, national_id, passport_number, phone, status from member
                        where identity_key like 'NID:%' or identity_key like 'PP:%' order by id""")
                .setMaxResults(BATCH).getResultList();
        for (Object[] row : rows) {
            String nationality = (String) row[1];
            String nid = PersonalData.decrypt((String) row[2]);
            String passport = PersonalData.decrypt((String) row[3]);
            String phone = PersonalData.decrypt((String) row[4]);
            String key = nid != null && !nid.isBlank() ? "NIDH:" + PersonalData.hash(nid)
                    : "PPH:" + PersonalData.hash(nationality + ":" + passport);
            em.createNativeQuery("""
                            update member set national_id = ?1, national_id_hash = ?2, passport_number = ?3,
                                phone = ?4, identity_key = ?5, active_identity_key = ?6 where id = ?7""")
                    .setParameter(1, PersonalData.encrypt(nid))
                    .setParameter(2, nid == null ? null : PersonalData.hash(nid))
                    .setParameter(3, PersonalData.encrypt(passport))
                    .setParameter(4, PersonalData.encrypt(phone))
                    .setParameter(5, key)
                    .setParameter(6, "ACTIVE".equals(row[5]) ? key : null)
                    .setParameter(7, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        return rows.size();
    }
}
