package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import org.hibernate.Session;

/** Which database the figures live in: a few statements differ between PostgreSQL and H2. */
@ApplicationScoped
class Database {

    private final EntityManager em;
    private volatile Boolean postgres;

    Database(EntityManager em) {
        this.em = em;
    }

    boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            p = em.unwrap(Session.class).doReturningWork(c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = p;
        }
        return p;
    }
}
