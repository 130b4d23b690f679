package vn.doanvien.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;

/**
 * With the demo data, one account per role so Swagger UI can be tried at once (passwords in the README):
 * {@code officer.hanoi} (OFFICER of the Hà Nội federation, LDLD-01), {@code analyst}, and {@code member.demo}
 * (MEMBER, linked to the first active member under Hà Nội); the admin is the bootstrap admin. Runs after the
 * demo loader and creates only the accounts that are missing.
 */
@ApplicationScoped
class DemoAccounts {

    static final String PASSWORD_OFFICER = "officer-demo-2026";
    static final String PASSWORD_ANALYST = "analyst-demo-2026";
    static final String PASSWORD_MEMBER = "member-demo-2026";

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    private final boolean enabled;
    private final AccountService accounts;
    private final EntityManager em;
    private final UnitRepository units;

    DemoAccounts(@ConfigProperty(name = "doanvien.demo-data.enabled", defaultValue = "false") boolean enabled,
                 AccountService accounts, EntityManager em, UnitRepository units) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.em = em;
        this.units = units;
    }

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::create);
        }
    }

    private void create() {
        List<?> hanoi = em.createNativeQuery("select id from unit where code = 'LDLD-01'").getResultList();
        if (hanoi.isEmpty()) {
            return;
        }
        long unitId = ((Number) hanoi.get(0)).longValue();
        if (!accounts.userExists("officer.hanoi")) {
            accounts.createUser("officer.hanoi", PASSWORD_OFFICER, Roles.OFFICER, unitId, null);
        }
        if (!accounts.userExists("analyst")) {
            accounts.createUser("analyst", PASSWORD_ANALYST, Roles.ANALYST, null, null);
        }
        if (!accounts.userExists("member.demo")) {
            List<?> member = em.createNativeQuery("""
                            select min(m.id) from member m join grassroots_union g on g.id = m.grassroots_union_id
                            where m.status = 'ACTIVE' and g.upper_level_unit_id in (:units)""")
                    .setParameter("units", units.subtreeIds(unitId, Today.date())).getResultList();
            if (!member.isEmpty() && member.get(0) != null) {
                accounts.createUser("member.demo", PASSWORD_MEMBER, Roles.MEMBER, null,
                        ((Number) member.get(0)).longValue());
            }
        }
        if (((Number) em.createNativeQuery("select count(*) from api_key").getSingleResult()).longValue() == 0) {
            // A machine client's key (its secret is not kept): lists and the examples of DELETE /api-keys/{id} name it.
            accounts.createApiKey(new AuthDtos.ApiKeyCreateRequest("Phần mềm nhân sự của LĐLĐ thành phố Hà Nội", unitId),
                    "demo", Reach.background("demo accounts"));
        }
        LOG.info("Demo accounts: admin, officer.hanoi, analyst, member.demo (passwords in the README), one API key");
    }
}
